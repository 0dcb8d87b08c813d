/**
 * Cashfree prints every timestamp in India Standard Time with an explicit offset
 * (`2023-08-11T18:02:46+05:30`); the sandbox keeps epoch milliseconds and formats at the edge.
 */

/** IST is UTC+05:30 all year (no daylight saving). */
export const IST_OFFSET_MS = 330 * 60_000;
export const SECOND_MS = 1_000;
export const MINUTE_MS = 60 * SECOND_MS;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Epoch ms → `2023-08-11T18:02:46+05:30`. */
export function formatIst(ms: number): string {
  const d = new Date(ms + IST_OFFSET_MS);
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}+05:30`
  );
}

/** Epoch ms → `YYYY-MM-DD`, the IST calendar day the instant falls on. */
export function istDay(ms: number): string {
  const d = new Date(ms + IST_OFFSET_MS);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** `YYYY-MM-DD` (an IST day) → epoch ms of its IST midnight. */
export function istMidnight(day: string): number {
  return Date.parse(`${day}T00:00:00+05:30`);
}

const ISO_8601 =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * Parses the ISO 8601 forms Cashfree accepts (`2025-01-15T10:00:00+05:30`, `…Z`,
 * `2021-07-29 00:00:00+00:00`, `2025-05-01 23:59:59`, `2025-05-01`). A time without an offset is
 * read as IST, as Cashfree stores times in IST. Returns `undefined` for anything else.
 */
export function parseIsoInstant(text: string): number | undefined {
  const m = ISO_8601.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone] = m;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31 || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) {
    return undefined;
  }
  let offset = '+05:30';
  if (zone) {
    if (zone.toUpperCase() === 'Z') offset = 'Z';
    else {
      const digits = zone.replace(':', '');
      offset = `${digits.slice(0, 3)}:${digits.slice(3, 5) || '00'}`;
    }
  }
  const ms = `.${(`${frac}000`).slice(0, 3)}`;
  const value = Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${s}${ms}${offset}`);
  if (Number.isNaN(value)) return undefined;
  // Date.parse rolls 2025-02-31 over into March; a date that does not round-trip is invalid.
  const check = new Date(Date.UTC(Number(y), month - 1, day));
  if (check.getUTCDate() !== day) return undefined;
  return value;
}
