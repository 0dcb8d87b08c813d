import { WebhookVerificationError } from './errors.js';

/**
 * How far a webhook's timestamp may be ahead of this server's clock (clock skew), unless you
 * choose otherwise. Also the smallest window for old deliveries.
 *
 * @example
 * const event = await constructWebhookEvent(rawBody, headers, secret, { toleranceSeconds: 2 * DEFAULT_TOLERANCE_SECONDS });
 */
export const DEFAULT_TOLERANCE_SECONDS = 300;

/**
 * How old a webhook's timestamp may be, unless you choose otherwise: a day. Cashfree retries a
 * failed delivery on a schedule the merchant configures (up to 10 retries; the default one ends
 * 42 minutes later) and does not document re-signing a retry with a fresh `x-webhook-timestamp`,
 * so a 5-minute window could refuse every retry and lose the event. See
 * docs/decisions/0004-webhook-retry-timestamps.md.
 *
 * @example
 * ```ts
 * // Your dashboard's webhook logs show retries re-signed with fresh timestamps: tighten the window.
 * await constructWebhookEvent(rawBody, headers, secret, { maxAgeSeconds: 300 });
 * ```
 */
export const DEFAULT_MAX_AGE_SECONDS = 86_400;

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

/** The replay window: how old, and how far ahead of now, a signed timestamp may be. */
export interface TimestampWindow {
  maxAgeSeconds: number;
  toleranceSeconds: number;
}

const DEFAULT_WINDOW: TimestampWindow = Object.freeze({
  maxAgeSeconds: DEFAULT_MAX_AGE_SECONDS,
  toleranceSeconds: DEFAULT_TOLERANCE_SECONDS,
});

/**
 * Throws `timestamp_outside_tolerance` when `timestampMs` is older than the window's
 * `maxAgeSeconds` (never less than `toleranceSeconds`) or more than `toleranceSeconds` ahead.
 */
export function assertWithinWindow(timestampMs: number, nowMs: number, window: TimestampWindow): void {
  const ageSeconds = (nowMs - timestampMs) / 1000;
  const maxAge = Math.max(window.maxAgeSeconds, window.toleranceSeconds);
  if (ageSeconds > maxAge) {
    throw new WebhookVerificationError(
      'timestamp_outside_tolerance',
      `The webhook was signed ${Math.round(ageSeconds)} s ago, older than the ${maxAge} s the verifier accepts ` +
        '(maxAgeSeconds): it may be a replay. If you re-process stored webhooks on purpose, raise maxAgeSeconds.',
    );
  }
  if (-ageSeconds > window.toleranceSeconds) {
    throw new WebhookVerificationError(
      'timestamp_outside_tolerance',
      `The webhook was signed ${Math.round(-ageSeconds)} s in the future, beyond the clock skew of ` +
        `${window.toleranceSeconds} s the verifier allows (toleranceSeconds). Fix this server's clock (NTP), ` +
        'or refuse the sender: Cashfree never signs ahead of time.',
    );
  }
}

/**
 * Checks the window options: non-negative numbers of seconds, `Infinity` turning a bound off
 * (`toleranceSeconds: Infinity` turns both off, as it always has).
 */
export function resolveWindow(options: {
  maxAgeSeconds?: number;
  toleranceSeconds?: number;
}): TimestampWindow {
  // The common call passes neither option: one shared window saves an object per webhook.
  if (options.maxAgeSeconds === undefined && options.toleranceSeconds === undefined) return DEFAULT_WINDOW;
  return {
    toleranceSeconds: seconds('toleranceSeconds', options.toleranceSeconds, DEFAULT_TOLERANCE_SECONDS),
    maxAgeSeconds: seconds('maxAgeSeconds', options.maxAgeSeconds, DEFAULT_MAX_AGE_SECONDS),
  };
}

function seconds(name: string, value: number | undefined, fallback: number): number {
  const resolved = value ?? fallback;
  if (typeof resolved !== 'number' || Number.isNaN(resolved) || resolved < 0) {
    throw new TypeError(
      `${name} must be a number of seconds >= 0 (default ${fallback}); received ${String(value)}.`,
    );
  }
  return resolved;
}
