/**
 * Settlement cycles, like Cashfree's, follow the IST calendar day (T+1, initiated at 09:00 IST), so a
 * test whose assertions depend on which cycle a payment joins must not depend on the hour CI runs
 * at: it moves the sandbox clock to a known IST time first.
 */
import { DAY_MS, HOUR_MS, istDay, istMidnight, MINUTE_MS } from '../../packages/sandbox/src/clock/time.ts';

/**
 * How many milliseconds to advance a clock reading `nowMs` so it reads `time` (`'HH:MM'`, IST) on
 * the next IST day: always forward, at most 48 hours.
 *
 * @example sandbox.advanceClock(untilTomorrowIst(sandbox.now(), '10:00'));
 */
export function untilTomorrowIst(nowMs: number, time: string): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!match) throw new RangeError(`time must be HH:MM, got ${time}`);
  const [, hours, minutes] = match;
  return istMidnight(istDay(nowMs)) + DAY_MS + Number(hours) * HOUR_MS + Number(minutes) * MINUTE_MS - nowMs;
}
