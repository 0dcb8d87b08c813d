import { IST_OFFSET_MS, parseIsoInstant } from '../clock/time.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A time for people reading the dashboard: `15 Jan 2025, 10:00:05 IST`. Built by hand, not with
 * `Intl`, so the text is the same whatever time-zone data the Node build carries.
 */
export function readableIst(ms: number): string {
  const d = new Date(ms + IST_OFFSET_MS);
  return (
    `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}, ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} IST`
  );
}

/**
 * {@link readableIst} for a time the admin API's views already spelled as Cashfree does
 * (`2025-01-15T10:00:05+05:30`), so the dashboard shows one style everywhere; text that is not
 * such a time is shown as it is.
 */
export function readableIsoText(iso: string): string {
  const ms = parseIsoInstant(iso);
  return ms === undefined ? iso : readableIst(ms);
}
