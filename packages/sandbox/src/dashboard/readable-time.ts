const IST_OFFSET_MS = 330 * 60_000;
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
