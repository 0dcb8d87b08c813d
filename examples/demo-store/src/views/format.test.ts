import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatIsoTime, formatTime } from './format.js';

test('times are India time, midnight as 00:00 of its own day (not 24:00 of the day before)', () => {
  assert.equal(formatTime(Date.parse('2026-12-07T18:30:00Z')), '8 Dec, 00:00:00 IST');
  assert.equal(formatTime(Date.parse('2026-12-08T04:30:05Z')), '8 Dec, 10:00:05 IST');
  assert.equal(formatTime(null), '—');
});

test("Cashfree's ISO times (a link's expiry) print in the same style, not raw", () => {
  assert.equal(formatIsoTime('2026-12-08T10:00:05+05:30'), '8 Dec, 10:00:05 IST');
  assert.equal(formatIsoTime(undefined), '—');
  assert.equal(formatIsoTime('soon'), 'soon', 'what does not parse is shown as sent');
});
