/**
 * Seconds the server asked us to wait before retrying, or `undefined` when it gave no hint.
 * Cashfree sends `x-ratelimit-retry` (0 within the limit, 1–59 seconds when breached); proxies and
 * load balancers send `Retry-After` as seconds or as an HTTP date.
 *
 * @param headers response headers with lower-case names
 * @param now the current time in ms, for `Retry-After` dates
 */
export function retryAfterSeconds(headers: Record<string, string>, now = Date.now()): number | undefined {
  const cashfreeHint = Number(headers['x-ratelimit-retry']);
  if (Number.isFinite(cashfreeHint) && cashfreeHint > 0) return cashfreeHint;

  const retryAfter = headers['retry-after']?.trim();
  if (!retryAfter) return undefined;
  if (/^\d+(\.\d+)?$/.test(retryAfter)) return Number(retryAfter);
  const date = Date.parse(retryAfter);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}
