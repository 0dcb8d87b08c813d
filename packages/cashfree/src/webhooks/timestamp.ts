import { WebhookVerificationError } from './errors.js';

/**
 * How far a webhook's timestamp may be from now, in seconds, either way, unless you choose otherwise.
 *
 * @example
 * const event = await constructWebhookEvent(rawBody, headers, secret, { toleranceSeconds: 2 * DEFAULT_TOLERANCE_SECONDS });
 */
export const DEFAULT_TOLERANCE_SECONDS = 300;

// Below this an epoch value must be seconds: 1e11 ms is March 1973, 1e11 s is the year 5138.
const SECONDS_THRESHOLD = 1e11;

/**
 * Reads `x-webhook-timestamp` as epoch milliseconds. Cashfree sends milliseconds
 * (`1746427759733`); a value in seconds is accepted too, because some proxies and older
 * integrations rewrite it.
 */
export function parseWebhookTimestamp(header: string): number {
  if (!/^\d{1,16}$/.test(header)) {
    throw new WebhookVerificationError(
      'invalid_timestamp',
      `x-webhook-timestamp must be an epoch time in milliseconds (like 1746427759733); received "${header.slice(0, 40)}". ` +
        'Pass the header exactly as Cashfree sent it.',
    );
  }
  const value = Number(header);
  return value < SECONDS_THRESHOLD ? value * 1000 : value;
}

/** Throws `timestamp_outside_tolerance` when `timestampMs` is more than `toleranceSeconds` from `nowMs`. */
export function assertWithinTolerance(timestampMs: number, nowMs: number, toleranceSeconds: number): void {
  const skewSeconds = (nowMs - timestampMs) / 1000;
  if (Math.abs(skewSeconds) <= toleranceSeconds) return;
  const when =
    skewSeconds > 0
      ? `${Math.round(skewSeconds)} s in the past`
      : `${Math.round(-skewSeconds)} s in the future`;
  throw new WebhookVerificationError(
    'timestamp_outside_tolerance',
    `The webhook was signed ${when}, outside the tolerance of ${toleranceSeconds} s: it may be a replay. ` +
      'If your server clock is wrong, fix it (NTP); if you re-process stored webhooks on purpose, raise toleranceSeconds.',
  );
}

/** Checks a `toleranceSeconds` option: a non-negative number, `Infinity` turning the check off. */
export function resolveTolerance(toleranceSeconds: number | undefined): number {
  const tolerance = toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  if (typeof tolerance !== 'number' || Number.isNaN(tolerance) || tolerance < 0) {
    throw new TypeError(
      `toleranceSeconds must be a number of seconds >= 0 (default ${DEFAULT_TOLERANCE_SECONDS}); received ${String(toleranceSeconds)}.`,
    );
  }
  return tolerance;
}
