/**
 * The field rules shared by the request validators. Each one throws a `ValidationError` whose
 * message reads `<field>: <problem>; received <value>. <fix>`, so the reader knows which field,
 * what arrived and what to send instead.
 */
import { ValidationError } from '../core/errors.js';
import { parseDecimal } from '../internal/decimal.js';
import { describeValue } from '../internal/describe.js';
import { isLoopbackHost } from '../loopback.js';
import { isCurrencyCode } from './currencies.js';

/** Throws the standard validation error for `field`. */
export function reject(field: string, value: unknown, problem: string, fix: string): never {
  throw new ValidationError(field, value, `${field}: ${problem}; received ${describeValue(value)}. ${fix}`);
}

/** `value` as a plain object, or a validation error naming `field`. */
export function requireObject(field: string, value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    reject(field, value, 'is required and must be an object', `Pass ${field} as an object.`);
  }
  return value as Record<string, unknown>;
}

/** A non-empty string of `min` (default 1) to `max` characters. */
export function requireText(field: string, value: unknown, max: number, min = 1): string {
  if (typeof value !== 'string' || value.trim() === '') {
    reject(field, value, 'is required and must be a non-empty string', `Send a short text for ${field}.`);
  }
  if (value.length > max) {
    reject(
      field,
      value,
      `is ${value.length} characters long, the most is ${max}`,
      `Shorten it to ${max} characters.`,
    );
  }
  if (value.length < min) {
    reject(
      field,
      value,
      `is ${value.length} characters long, the least is ${min}`,
      `Send at least ${min} characters, or leave ${field} out if it is optional.`,
    );
  }
  return value;
}

/**
 * An ISO 4217 code such as `INR`, in upper case. Whether the account has that currency enabled is
 * the API's to say; a code that is no currency at all is refused here.
 */
export function requireCurrency(field: string, value: unknown): string {
  if (typeof value !== 'string' || !isCurrencyCode(value)) {
    const upper = typeof value === 'string' ? value.trim().toUpperCase() : '';
    reject(
      field,
      value,
      'must be an ISO 4217 currency code',
      isCurrencyCode(upper)
        ? `Send '${upper}'.`
        : "Send 'INR' for Indian rupees (or another enabled currency).",
    );
  }
  return value;
}

/** An email address of 3 to 100 characters: something@domain.tld, without spaces. */
export function requireEmail(field: string, value: unknown): string {
  const text = requireText(field, value, 100, 3);
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text)) {
    reject(field, value, 'is not an email address', "Send e.g. 'priya@example.com', or leave it out.");
  }
  return text;
}

const idCharacters = /^[A-Za-z0-9_-]+$/;

/** An identifier of `min`..`max` characters from letters, digits, `_` and `-`. */
export function requireId(field: string, value: unknown, min: number, max: number): string {
  if (typeof value !== 'string') {
    const asText = typeof value === 'number' ? ` such as '${value}'` : '';
    reject(field, value, 'must be a string', `Send ${field} as a string${asText}.`);
  }
  if (value.length < min || value.length > max) {
    reject(
      field,
      value,
      `must be ${min} to ${max} characters long, not ${value.length}`,
      value.length < min
        ? `Use a longer id, e.g. '${value.padEnd(min, '0')}'.`
        : `Shorten it to ${max} characters.`,
    );
  }
  if (!idCharacters.test(value)) {
    const bad = [...new Set(value.replace(/[A-Za-z0-9_-]/g, ''))].map((c) => `'${c}'`).join(', ');
    reject(
      field,
      value,
      `contains ${bad}; only letters, digits, '_' and '-' are allowed`,
      `Send e.g. '${value.replace(/[^A-Za-z0-9_-]/g, '_')}'.`,
    );
  }
  return value;
}

/** The largest rupee amount whose paise are still an exact integer (Number.MAX_SAFE_INTEGER / 100). */
const MAX_RUPEES = Math.floor(Number.MAX_SAFE_INTEGER / 100);

/**
 * An amount in rupees: a finite number with at most 2 decimals, at least `min` (or above it when
 * `exclusive`). The decimals are counted on the number's printed digits, not with float maths.
 */
export function requireRupees(field: string, value: unknown, min: number, exclusive: boolean): number {
  const rupees = 'Amounts are in rupees with up to 2 decimals, not paise (₹499.99 is 499.99)';
  if (typeof value !== 'number') {
    const parsed = typeof value === 'string' ? parseDecimal(value) : undefined;
    const fix = parsed ? `Send it as a number: ${Number(value)}.` : `Send a number, e.g. 499.99.`;
    reject(field, value, 'must be a number', `${fix} ${rupees}.`);
  }
  const decimal = parseDecimal(value);
  if (!decimal) reject(field, value, 'must be a finite number', `Send a number such as 499.99. ${rupees}.`);
  if (exclusive ? value <= min : value < min) {
    reject(field, value, `must be ${exclusive ? 'greater than' : 'at least'} ${min}`, `${rupees}.`);
  }
  if (value > MAX_RUPEES) {
    // Past this, the amount in paise is no longer an exact integer, and JSON prints 1e21 and up in
    // exponent form: no such payment exists.
    reject(field, value, `must be at most ${MAX_RUPEES}`, `Check the unit: ${rupees}.`);
  }
  if (decimal.fraction.length > 2) {
    reject(
      field,
      value,
      'has more than 2 decimals',
      `Send at most 2 decimals, e.g. ${decimal.integer}.${decimal.fraction.slice(0, 2)}. ${rupees}; ` +
        'rupeesToPaise()/paiseToRupeesNumber() convert exactly.',
    );
  }
  return value;
}

/**
 * A 10-digit phone number with no country code, the only form Cashfree accepts. Common mistakes
 * (`+91…`, a 12-digit `91…`, a leading `0`, spaces or dashes) get a message with the exact fix.
 */
export function requirePhone(field: string, value: unknown): string {
  if (typeof value !== 'string') {
    const digits = typeof value === 'number' && Number.isSafeInteger(value) ? `'${value}'` : "'9876543210'";
    reject(field, value, 'must be a string of exactly 10 digits', `Send it as a string, e.g. ${digits}.`);
  }
  if (/^\d{10}$/.test(value)) return value;

  const digits = value.replace(/\D/g, '');
  const mistakes: string[] = [];
  let local = digits;
  if (value.trim().startsWith('+') && digits.startsWith('91') && digits.length === 12) {
    mistakes.push('+91');
    local = digits.slice(2);
  } else if (digits.length === 12 && digits.startsWith('91')) {
    mistakes.push('the 91 country code');
    local = digits.slice(2);
  } else if (digits.length === 11 && digits.startsWith('0')) {
    mistakes.push('the leading 0');
    local = digits.slice(1);
  }
  if (/[^\d+]/.test(value)) mistakes.push(/^[\d+\s]+$/.test(value) ? 'spaces' : 'spaces or punctuation');
  if (local.length === 10) {
    reject(
      field,
      value,
      'must be exactly 10 digits with no country code',
      `Send '${local}' without ${mistakes.join(' and ')}.`,
    );
  }
  reject(
    field,
    value,
    `must be exactly 10 digits, got ${digits.length} digit${digits.length === 1 ? '' : 's'}`,
    "Send the customer's 10-digit mobile number without +91, e.g. '9876543210'.",
  );
}

/**
 * An ISO 8601 time with a date, a time and an offset (`2025-02-14T10:00:00+05:30`), as Cashfree's
 * expiry fields take. Whether it is far enough ahead depends on Cashfree's clock, so the API
 * decides that part.
 */
export function requireIsoTime(field: string, value: unknown): string {
  const shape = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
  if (typeof value !== 'string' || !shape.test(value) || Number.isNaN(Date.parse(value))) {
    reject(
      field,
      value,
      'must be an ISO 8601 time with an offset',
      "Send e.g. '2025-02-14T10:00:00+05:30' (new Date(ms).toISOString() works too).",
    );
  }
  return value;
}

/** One of `allowed`, exactly as Cashfree spells it. */
export function requireOneOf<T extends string>(field: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    const near =
      typeof value === 'string' ? allowed.find((a) => a === value.trim().toUpperCase()) : undefined;
    reject(
      field,
      value,
      `must be one of ${allowed.join(', ')}`,
      near ? `Send '${near}'.` : `Send one of ${allowed.map((a) => `'${a}'`).join(', ')}.`,
    );
  }
  return value as T;
}

/**
 * A webhook URL: Cashfree posts only to https. Plain http is let through for loopback hosts, which
 * only a local sandbox can reach.
 */
export function requireWebhookUrl(field: string, value: unknown): string {
  let url: URL | undefined;
  try {
    url = typeof value === 'string' ? new URL(value) : undefined;
  } catch {
    url = undefined;
  }
  const loopback = url !== undefined && isLoopbackHost(url.hostname);
  if (url === undefined || !(url.protocol === 'https:' || (url.protocol === 'http:' && loopback))) {
    reject(
      field,
      value,
      'must be an https URL',
      "Send e.g. 'https://yourapp.com/webhooks/cashfree'; Cashfree does not post webhooks to http.",
    );
  }
  return value as string;
}

/** A string matching `pattern` (a RegExp source); `means` says what it is, `example` one that passes. */
export function requirePattern(
  field: string,
  value: unknown,
  pattern: string,
  means: string,
  example: string,
): string {
  if (typeof value !== 'string' || !new RegExp(pattern).test(value)) {
    reject(field, value, `must be ${means.replace(/`/g, "'")}`, `Send e.g. '${example}'.`);
  }
  return value;
}

/** An array of `min`..`max` items. */
export function requireList(field: string, value: unknown, min: number, max: number): readonly unknown[] {
  if (!Array.isArray(value)) {
    reject(
      field,
      value,
      'is required and must be a list',
      `Pass ${field} as an array of ${min} to ${max} items.`,
    );
  }
  if (value.length < min || value.length > max) {
    reject(
      field,
      `${value.length} items`,
      `must hold ${min} to ${max} items`,
      value.length > max ? `Split it into lists of at most ${max}.` : `Add at least ${min}.`,
    );
  }
  return value;
}
