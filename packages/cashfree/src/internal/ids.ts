import { CashfreeError } from '../core/errors.js';

/**
 * A random UUID (v4) for `x-request-id` and `x-idempotency-key`, from Web Crypto, which Node 20,
 * Deno, Bun, browsers and edge runtimes all provide as `globalThis.crypto`.
 */
export function randomId(): string {
  const crypto = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (typeof crypto?.randomUUID !== 'function') {
    throw new CashfreeError(
      'cashfree-kit needs globalThis.crypto.randomUUID (Web Crypto) to generate request ids. ' +
        'Use Node 20+ or a runtime with Web Crypto, or pass requestId and idempotencyKey per call.',
    );
  }
  return crypto.randomUUID();
}
