/**
 * Request checks as data: each validator is a list of field rules, run in order, so the same list
 * that rejects a bad body before the wire also tells `docs/endpoints.md` what is checked.
 */
import {
  reject,
  requireCurrency,
  requireEmail,
  requireId,
  requireIsoTime,
  requireList,
  requireObject,
  requireOneOf,
  requirePattern,
  requirePhone,
  requireRupees,
  requireText,
  requireWebhookUrl,
} from './rules.js';

/**
 * What one field must be.
 *
 * @example
 * const checks: FieldCheck[] = OPERATIONS.orders.create.request.checks.map((rule) => rule.check);
 * const ids = checks.filter((check) => check.kind === 'id'); // [{ kind: 'id', min: 3, max: 50 }]
 */
export type FieldCheck =
  /** An id of `min`..`max` letters, digits, `_` and `-`. */
  | { readonly kind: 'id'; readonly min: number; readonly max: number }
  /**
   * Rupees with up to 2 decimals, at least `min` (above it when `exclusive`), less than the value
   * of the field `belowField` when that is set, and at most the value of `atMostField` when that
   * is set (a plan's recurring amount and its maximum).
   */
  | {
      readonly kind: 'rupees';
      readonly min: number;
      readonly exclusive: boolean;
      readonly belowField?: string;
      readonly belowFix?: string;
      readonly atMostField?: string;
    }
  /**
   * A non-empty string of `min` (default 1) to `max` characters; `fix` replaces the generic
   * advice for a missing one.
   */
  | { readonly kind: 'text'; readonly min?: number; readonly max?: number; readonly fix?: string }
  /** An email address (something@domain.tld, no spaces) of 3 to 100 characters. */
  | { readonly kind: 'email' }
  /** An ISO 4217 currency code in upper case, such as `INR`. */
  | { readonly kind: 'currency' }
  /** A 10-digit Indian mobile number, no country code. */
  | { readonly kind: 'phone' }
  /** An ISO 8601 time with an offset. */
  | { readonly kind: 'iso-time' }
  /** An https URL (http for loopback hosts only). */
  | { readonly kind: 'webhook-url' }
  /** Exactly one of `values`. */
  | { readonly kind: 'one-of'; readonly values: readonly string[] }
  /** A JSON object. */
  | { readonly kind: 'object' }
  /**
   * A string matching `pattern` (a RegExp source, so the docs can print it): `means` says what it
   * is in words, `example` is a value that passes.
   */
  | { readonly kind: 'pattern'; readonly pattern: string; readonly means: string; readonly example: string }
  /** A list of `min`..`max` items, each an object checked by `items` (errors name `field[3].item`). */
  | {
      readonly kind: 'list';
      readonly min: number;
      readonly max: number;
      readonly items: readonly FieldRule[];
    };

/**
 * One checked field of a request body.
 *
 * @example
 * const required: FieldRule[] = OPERATIONS.links.create.request.checks.filter((rule) => rule.required);
 * console.log(required.map((rule) => rule.field)); // ['link_id', 'link_amount', …]
 */
export interface FieldRule {
  /** The dotted path in the body, e.g. `customer_details.customer_phone`. */
  readonly field: string;
  /** Required fields are checked even when absent; optional ones only when given (not null). */
  readonly required: boolean;
  /**
   * Makes an optional field required when another field of the body has one of `values` (or, with
   * no `values`, is given at all): a `PERIODIC` plan needs its recurring amount, an `ON_DEMAND` one
   * does not.
   */
  readonly requiredWhen?: FieldCondition;
  readonly check: FieldCheck;
}

/**
 * A condition on another field of the same body, by its dotted path.
 *
 * @example
 * const periodic: FieldCondition = { field: 'plan_type', values: ['PERIODIC'] };
 */
export interface FieldCondition {
  readonly field: string;
  readonly values?: readonly string[];
}

/**
 * Runs `rules` over `body` in order and throws the first `ValidationError`. `root` names the
 * body itself in the error when it is not an object (`order`, `link`, `refund`); `prefix` goes
 * before each field's name in an error (`transfers[3].` for an item of a list).
 */
export function checkFields(root: string, body: unknown, rules: readonly FieldRule[], prefix = ''): void {
  const object = requireObject(root, body);
  for (const rule of rules) {
    const value = valueAt(object, rule.field);
    if (!rule.required && value == null) {
      if (!holds(object, rule.requiredWhen)) continue;
      requiredBecause(`${prefix}${rule.field}`, value, rule.requiredWhen as FieldCondition);
    }
    // A copy only for a nested rule: the spread cost every top-level field a copy on each call.
    applyCheck(prefix === '' ? rule : { ...rule, field: `${prefix}${rule.field}` }, value, object);
  }
}

/** Whether `condition` holds for `body`; false when there is none. */
function holds(body: Record<string, unknown>, condition: FieldCondition | undefined): boolean {
  if (condition === undefined) return false;
  const value = valueAt(body, condition.field);
  if (condition.values === undefined) return value != null;
  return typeof value === 'string' && condition.values.includes(value);
}

function requiredBecause(field: string, value: unknown, condition: FieldCondition): never {
  const when =
    condition.values === undefined
      ? `${condition.field} is given`
      : `${condition.field} is ${condition.values.join(' or ')}`;
  reject(field, value, `is required when ${when}`, `Send ${field}, or change ${condition.field}.`);
}

/** `body.a.b` for `a.b`; undefined when a parent is not an object (an optional parent left out). */
function valueAt(body: Record<string, unknown>, field: string): unknown {
  let value: unknown = body;
  for (const key of field.split('.')) {
    value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  }
  return value;
}

function applyCheck(rule: FieldRule, value: unknown, body: Record<string, unknown>): void {
  const { field, check } = rule;
  switch (check.kind) {
    case 'id':
      requireId(field, value, check.min, check.max);
      return;
    case 'rupees': {
      const rupees = requireRupees(field, value, check.min, check.exclusive);
      const limit = check.belowField === undefined ? undefined : valueAt(body, check.belowField);
      if (typeof limit === 'number' && rupees >= limit) {
        reject(field, value, `must be less than ${check.belowField} (${limit})`, check.belowFix ?? '');
      }
      const most = check.atMostField === undefined ? undefined : valueAt(body, check.atMostField);
      if (typeof most === 'number' && rupees > most) {
        reject(
          field,
          value,
          `must be at most ${check.atMostField} (${most})`,
          `Lower ${field}, or raise ${check.atMostField}: no charge may exceed it.`,
        );
      }
      return;
    }
    case 'text':
      if (check.fix !== undefined && (typeof value !== 'string' || value.trim() === '')) {
        reject(field, value, 'is required and must be a non-empty string', check.fix);
      }
      requireText(field, value, check.max ?? Number.POSITIVE_INFINITY, check.min);
      return;
    case 'email':
      requireEmail(field, value);
      return;
    case 'currency':
      requireCurrency(field, value);
      return;
    case 'phone':
      requirePhone(field, value);
      return;
    case 'iso-time':
      requireIsoTime(field, value);
      return;
    case 'webhook-url':
      requireWebhookUrl(field, value);
      return;
    case 'one-of':
      requireOneOf(field, value, check.values);
      return;
    case 'object':
      requireObject(field, value);
      return;
    case 'pattern':
      requirePattern(field, value, check.pattern, check.means, check.example);
      return;
    case 'list': {
      const items = requireList(field, value, check.min, check.max);
      items.forEach((item, index) => {
        checkFields(`${field}[${index}]`, item, check.items, `${field}[${index}].`);
      });
      return;
    }
  }
}
