import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatTime } from './format.js';

test('times are India time, midnight as 00:00 of its own day (not 24:00 of the day before)', () => {
  assert.equal(formatTime(Date.parse('2026-12-07T18:30:00Z')), '8 Dec, 00:00:00 IST');
  assert.equal(formatTime(Date.parse('2026-12-08T04:30:05Z')), '8 Dec, 10:00:05 IST');
  assert.equal(formatTime(null), '—');
});
