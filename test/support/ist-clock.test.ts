import assert from 'node:assert/strict';
import { test } from 'node:test';
import { untilTomorrowIst } from './ist-clock.ts';

test('untilTomorrowIst lands on the given IST time of the next IST day, from any hour', () => {
  for (const [now, expected] of [
    ['2026-12-07T23:59:50+05:30', '2026-12-08T10:00:00+05:30'],
    ['2026-12-08T00:00:05+05:30', '2026-12-09T10:00:00+05:30'],
    ['2026-12-08T09:30:00+05:30', '2026-12-09T10:00:00+05:30'],
    ['2026-12-31T18:45:00Z', '2027-01-02T10:00:00+05:30'], // already 1 January in India
  ] as const) {
    const from = Date.parse(now);
    assert.equal(from + untilTomorrowIst(from, '10:00'), Date.parse(expected), now);
  }
  assert.throws(() => untilTomorrowIst(0, '9:00'), /HH:MM/);
});
