/**
 * The retry policy, in one place.
 *
 * - Retried: network failures and timeouts (no response arrived), and HTTP 429, 500, 502, 503, 504.
 * - Never retried: every other status, in particular 400, 401, 404, 409 and 422, because sending
 *   the same request again cannot change the answer.
 * - Safe to retry: every non-GET call carries one `x-idempotency-key` for all its attempts (see
 *   transport.ts), so a retried create or refund can never act twice.
 * - Wait: the server's hint (`x-ratelimit-retry`, `Retry-After`) when it sent one; otherwise
 *   exponential backoff from 0.5 s, capped at 8 s, with jitter so that many clients that failed
 *   together do not retry together.
 * - Give up early when the server asks for a longer wait than `maxServerWaitMs`: the caller then
 *   gets the `RateLimitError` (with `retryAfter`) and decides.
 */
import { retryAfterSeconds } from './retry-after.js';

export const DEFAULT_MAX_RETRIES = 2;
export const INITIAL_BACKOFF_MS = 500;
export const MAX_BACKOFF_MS = 8_000;
/** Cashfree's `x-ratelimit-retry` never exceeds 59 s; anything longer is not worth blocking on. */
export const MAX_SERVER_WAIT_MS = 60_000;

const retryableStatuses = new Set([429, 500, 502, 503, 504]);

/** True when an HTTP status is worth another attempt. */
export function isRetryableStatus(status: number): boolean {
  return retryableStatuses.has(status);
}

/**
 * Milliseconds to wait before retry number `retry` (1 for the first retry), or `undefined` when
 * the server asked for a wait longer than we are willing to block for.
 *
 * @param headers the failed response's headers (lower-case names); empty for network failures
 * @param random a number in [0, 1), injectable so tests can pin the jitter
 */
export function retryDelayMs(
  retry: number,
  headers: Record<string, string> = {},
  random: () => number = Math.random,
): number | undefined {
  const hintSeconds = retryAfterSeconds(headers);
  if (hintSeconds !== undefined) {
    const hintMs = hintSeconds * 1000;
    return hintMs > MAX_SERVER_WAIT_MS ? undefined : hintMs;
  }
  const backoff = Math.min(MAX_BACKOFF_MS, INITIAL_BACKOFF_MS * 2 ** (retry - 1));
  // "Equal jitter": at least half the backoff, so retries never bunch up at zero.
  return Math.round(backoff / 2 + (backoff / 2) * random());
}

/** Waits `ms`, or rejects with the signal's reason as soon as `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
