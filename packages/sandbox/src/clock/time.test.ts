import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatIst, istDay, istMidnight, parseIsoInstant } from './time.js';

test('formatIst prints IST with the +05:30 offset', () => {
  assert.equal(formatIst(Date.parse('2023-08-11T12:32:46Z')), '2023-08-11T18:02:46+05:30');
});

test('istDay and istMidnight agree on the IST calendar day', () => {
  const lateEvening = Date.parse('2025-01-15T20:00:00Z'); // 01:30 on the 16th in IST
  assert.equal(istDay(lateEvening), '2025-01-16');
  assert.equal(formatIst(istMidnight('2025-01-16')), '2025-01-16T00:00:00+05:30');
});

test('parseIsoInstant accepts the forms Cashfree documents', () => {
  assert.equal(parseIsoInstant('2025-01-15T10:00:00+05:30'), Date.parse('2025-01-15T04:30:00Z'));
  assert.equal(parseIsoInstant('2025-01-15T04:30:00Z'), Date.parse('2025-01-15T04:30:00Z'));
  assert.equal(parseIsoInstant('2021-07-29 00:00:00+00:00'), Date.parse('2021-07-29T00:00:00Z'));
  assert.equal(parseIsoInstant('2025-05-01 23:59:59'), Date.parse('2025-05-01T23:59:59+05:30'));
  assert.equal(parseIsoInstant('2025-01-15T10:00:00.250+0530'), Date.parse('2025-01-15T04:30:00.250Z'));
});

test('parseIsoInstant rejects what is not a date-time', () => {
  for (const bad of [
    'tomorrow',
    '15/01/2025 10:00',
    '2025-02-31T10:00:00Z',
    '2025-13-01',
    '2025-01-15T25:00:00Z',
  ]) {
    assert.equal(parseIsoInstant(bad), undefined, bad);
  }
});
