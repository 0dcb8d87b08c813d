/**
 * Keeps the secret key out of everything the SDK hands back: errors (message, stack, fields,
 * cause chain) and the headers hooks see. The client runs every error through `scrubError`
 * before it leaves `request()`, so no code path has to remember to do it.
 */

import { API_HEADERS } from '../operations/headers.js';

export const REDACTED = '[REDACTED]';

/** Header names whose values are credentials. */
const secretHeaders = new Set([
  API_HEADERS.clientSecret,
  // Payouts' 2FA signature: whoever holds a fresh one can replay it until it goes stale.
  'x-cf-signature',
  // Partner and signature auth, which cashfree-kit does not send but a caller's headers may carry.
  'x-partner-apikey',
  'x-client-signature',
  'authorization',
]);

/** Headers as hooks see them: credential values replaced by `[REDACTED]`. */
export function redactHeaders(headers: Headers | Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  new Headers(headers).forEach((value, name) => {
    out[name] = secretHeaders.has(name) ? REDACTED : value;
  });
  return out;
}

/** Every spelling of a secret that may appear in text: as is and URL-encoded. */
export function secretVariants(secret: string): string[] {
  if (secret.length === 0) return [];
  return [...new Set([secret, encodeURIComponent(secret)])];
}

/** `text` with every occurrence of each secret replaced. */
export function redactText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join(REDACTED);
  return out;
}

/**
 * `value` with the secrets removed from every string in it: unchanged (same object) when it holds
 * no secret, otherwise a copy, so callers' objects (an abort reason, say) keep their identity.
 */
export function redactValue(value: unknown, secrets: readonly string[], depth = 0): unknown {
  if (typeof value === 'string') return redactText(value, secrets);
  if (depth > 8 || typeof value !== 'object' || value === null || !mentions(value, secrets)) return value;
  if (value instanceof Error) return redactForeignError(value, secrets, depth + 1);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, secrets, depth + 1));
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, redactValue(item, secrets, depth + 1)]),
  );
}

/**
 * Removes the secrets from an error this SDK created, in place: message, stack, own fields and
 * the cause chain. Causes that came from elsewhere (fetch's `TypeError`, undici's socket errors)
 * are replaced by redacted copies instead of being modified.
 */
export function scrubError<E extends Error>(error: E, secrets: readonly string[]): E {
  if (secrets.length === 0) return error;
  const record = error as unknown as Record<string, unknown>;
  for (const key of Object.getOwnPropertyNames(error)) {
    const descriptor = Object.getOwnPropertyDescriptor(error, key);
    if (descriptor && 'value' in descriptor && descriptor.writable) {
      record[key] = redactValue(descriptor.value, secrets);
    }
  }
  // Some engines keep `stack` as an accessor rather than a data property.
  if (typeof error.stack === 'string') error.stack = redactText(error.stack, secrets);
  return error;
}

/** A plain `Error` copy of a foreign error: same name, code and errno, redacted text and cause. */
function redactForeignError(error: Error, secrets: readonly string[], depth: number): Error {
  const copy = new Error(redactText(error.message, secrets));
  copy.name = error.name;
  if (error.stack) copy.stack = redactText(error.stack, secrets);
  const source = error as Error & { code?: unknown; errno?: unknown };
  const target = copy as Error & { code?: unknown; errno?: unknown };
  if (source.code !== undefined) target.code = redactValue(source.code, secrets, depth);
  if (source.errno !== undefined) target.errno = source.errno;
  if (error.cause !== undefined) copy.cause = redactValue(error.cause, secrets, depth);
  return copy;
}

/** True when a secret appears in any string reachable from `value` (own properties, any depth up to 8). */
function mentions(value: unknown, secrets: readonly string[], depth = 0): boolean {
  if (typeof value === 'string') return secrets.some((secret) => value.includes(secret));
  if (depth > 8 || typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  const keys = value instanceof Error ? [...Object.getOwnPropertyNames(value), 'stack'] : Object.keys(value);
  return keys.some((key) => mentions(record[key], secrets, depth + 1));
}
