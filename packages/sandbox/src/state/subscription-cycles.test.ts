import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DAY_MS, formatIst } from '../clock/time.js';
import { addIntervals, cycleStartFor, UPI_PRE_DEBIT_NOTICE_MS } from './subscription-cycles.js';

const at = (iso: string) => Date.parse(iso);

test('monthly cycles keep the day of the month on the IST calendar, clamped to short months', () => {
  const jan31 = at('2025-01-31T10:00:00+05:30');
  assert.equal(formatIst(addIntervals(jan31, 'MONTH', 1)), '2025-02-28T10:00:00+05:30');
  assert.equal(formatIst(addIntervals(jan31, 'MONTH', 2)), '2025-03-31T10:00:00+05:30');
  // Late evening IST is the previous day in UTC: the IST date is the one kept.
  const late = at('2025-01-31T23:30:00+05:30');
  assert.equal(formatIst(addIntervals(late, 'MONTH', 1)), '2025-02-28T23:30:00+05:30');
  assert.equal(formatIst(addIntervals(jan31, 'YEAR', 1)), '2026-01-31T10:00:00+05:30');
});

test('days and weeks are fixed lengths', () => {
  assert.equal(addIntervals(0, 'DAY', 3), 3 * DAY_MS);
  assert.equal(addIntervals(0, 'WEEK', 2), 14 * DAY_MS);
});

test('UPI cycles start with the pre-debit notice a day ahead, others at the debit', () => {
  assert.equal(cycleStartFor(10 * DAY_MS, 'upi'), 10 * DAY_MS - UPI_PRE_DEBIT_NOTICE_MS);
  assert.equal(cycleStartFor(10 * DAY_MS, 'enach'), 10 * DAY_MS);
});
