import { badRequest, type SandboxHttpError } from '../http/errors.js';
import { isJsonObject, type JsonObject } from '../util/json.js';
import { toPaise } from '../util/money.js';

/**
 * Cashfree's validation errors name the field path, the reason and the value received:
 * `"customer_details.customer_phone : is missing in the request. Value received: "` with code
 * `customer_details.customer_phone_missing`. These helpers build exactly that shape; the request
 * validators report the first problem they find, as Cashfree does.
 */

function display(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** `<path> : is missing in the request. Value received: ` / `<path>_missing`. */
export function missing(path: string): SandboxHttpError {
  return badRequest(`${path}_missing`, `${path} : is missing in the request. Value received: `);
}

/** `<path> : <reason>. Value received: <value>` / `<path>_invalid`. */
export function invalid(path: string, reason: string, value: unknown): SandboxHttpError {
  return badRequest(`${path}_invalid`, `${path} : ${reason}. Value received: ${display(value)}`);
}

/** Cashfree's amount wording, observed verbatim (trailing space included): `order_amount : Invalid amount entered `. */
export function invalidAmount(path: string): SandboxHttpError {
  return badRequest(`${path}_invalid`, `${path} : Invalid amount entered `);
}

interface Presence {
  /** Throw `<path>_missing` when absent (undefined, null or an empty string). */
  required?: boolean;
}

export interface StringRule extends Presence {
  min?: number;
  max?: number;
  /** A pattern and the reason shown when it does not match. */
  pattern?: readonly [RegExp, string];
  oneOf?: readonly string[];
}

export interface NumberRule extends Presence {
  min?: number;
  integer?: boolean;
}

export interface AmountRule extends Presence {
  /** Smallest accepted amount in rupees (Cashfree's `minimum: 1` on order amounts). */
  minRupees?: number;
}

function lengthReason(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && min === max) return `should be exactly ${min} characters`;
  if (min !== undefined && max !== undefined) return `should be between ${min} and ${max} characters`;
  if (max !== undefined) return `should be at most ${max} characters`;
  return `should be at least ${min} characters`;
}

/** Reads and checks the fields of one JSON object, naming each by its full path. */
export class FieldReader {
  constructor(
    readonly value: JsonObject,
    private readonly prefix = '',
  ) {}

  /** The full dotted path of `key` in the request. */
  path(key: string): string {
    return this.prefix ? `${this.prefix}.${key}` : key;
  }

  /** The raw value, with `null` read as absent. */
  raw(key: string): unknown {
    const v = this.value[key];
    return v === null ? undefined : v;
  }

  has(key: string): boolean {
    return this.raw(key) !== undefined;
  }

  string(key: string, rule: StringRule = {}): string | undefined {
    const path = this.path(key);
    const v = this.raw(key);
    if (v === undefined || v === '') {
      if (rule.required) throw missing(path);
      return undefined;
    }
    if (typeof v !== 'string') throw invalid(path, 'should be a string', v);
    if ((rule.min !== undefined && v.length < rule.min) || (rule.max !== undefined && v.length > rule.max)) {
      throw invalid(path, lengthReason(rule.min, rule.max), v);
    }
    if (rule.pattern && !rule.pattern[0].test(v)) throw invalid(path, rule.pattern[1], v);
    if (rule.oneOf && !rule.oneOf.includes(v))
      throw invalid(path, `should be one of ${rule.oneOf.join(', ')}`, v);
    return v;
  }

  number(key: string, rule: NumberRule = {}): number | undefined {
    const path = this.path(key);
    const v = this.raw(key);
    if (v === undefined) {
      if (rule.required) throw missing(path);
      return undefined;
    }
    if (typeof v !== 'number' || !Number.isFinite(v)) throw invalid(path, 'should be a number', v);
    if (rule.integer && !Number.isInteger(v)) throw invalid(path, 'should be a whole number', v);
    if (rule.min !== undefined && v < rule.min) throw invalid(path, `should be at least ${rule.min}`, v);
    return v;
  }

  boolean(key: string, rule: Presence = {}): boolean | undefined {
    const path = this.path(key);
    const v = this.raw(key);
    if (v === undefined) {
      if (rule.required) throw missing(path);
      return undefined;
    }
    if (typeof v !== 'boolean') throw invalid(path, 'should be true or false', v);
    return v;
  }

  /** An amount in rupees with at most two decimals, returned in paise. */
  amount(key: string, rule: AmountRule = {}): number | undefined {
    const path = this.path(key);
    const v = this.raw(key);
    if (v === undefined) {
      if (rule.required) throw missing(path);
      return undefined;
    }
    const paise = typeof v === 'number' ? toPaise(v) : undefined;
    if (paise === undefined || paise <= 0 || paise < (rule.minRupees ?? 0) * 100) throw invalidAmount(path);
    return paise;
  }

  object(key: string, rule: Presence = {}): FieldReader | undefined {
    const path = this.path(key);
    const v = this.raw(key);
    if (v === undefined) {
      if (rule.required) throw missing(path);
      return undefined;
    }
    if (!isJsonObject(v)) throw invalid(path, 'should be an object', v);
    return new FieldReader(v, path);
  }

  array(key: string, rule: Presence & { maxItems?: number } = {}): unknown[] | undefined {
    const path = this.path(key);
    const v = this.raw(key);
    if (v === undefined) {
      if (rule.required) throw missing(path);
      return undefined;
    }
    if (!Array.isArray(v)) throw invalid(path, 'should be an array', v);
    if (rule.maxItems !== undefined && v.length > rule.maxItems) {
      throw invalid(path, `should have at most ${rule.maxItems} items`, v);
    }
    return v;
  }

  /** A `{string: string}` map such as `order_tags` or `link_notes`. */
  stringMap(
    key: string,
    rule: { maxEntries: number; maxValueLength: number },
  ): Record<string, string> | undefined {
    const reader = this.object(key);
    if (!reader) return undefined;
    const entries = Object.entries(reader.value);
    if (entries.length > rule.maxEntries) {
      throw invalid(this.path(key), `should have at most ${rule.maxEntries} keys`, reader.value);
    }
    for (const [k] of entries) reader.string(k, { required: true, min: 1, max: rule.maxValueLength });
    return reader.value as Record<string, string>;
  }
}

/** Reads the request body as a JSON object, or explains why it is not one. */
export function bodyReader(body: unknown): FieldReader {
  if (!isJsonObject(body)) {
    throw badRequest(
      'request_body_invalid',
      `request body : should be a JSON object. Value received: ${display(body)}`,
    );
  }
  return new FieldReader(body);
}
