/**
 * Settlement cycles, like Cashfree's, follow the IST calendar day (T+1, initiated at 09:00 IST), so a
 * test whose assertions depend on which cycle a payment joins must not depend on the hour CI runs
 * at: it moves the sandbox clock to a known IST time first.
 */

/** IST is UTC+05:30 all year. */
const IST_OFFSET_MS = 330 * 60_000;
const DAY_MS = 86_400_000;

/**
 * How many milliseconds to advance a clock reading `nowMs` so it reads `time` (`'HH:MM'`, IST) on
 * the next IST day: always forward, between 0 and 48 hours.
 *
 * @example sandbox.advanceClock(untilTomorrowIst(sandbox.now(), '10:00'));
 */
export function untilTomorrowIst(nowMs: number, time: string): number {
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) throw new RangeError(`time must be HH:MM, got ${time}`);
  const today = new Date(nowMs + IST_OFFSET_MS).toISOString().slice(0, 10);
  return Date.parse(`${today}T${time}:00+05:30`) + DAY_MS - nowMs;
}
