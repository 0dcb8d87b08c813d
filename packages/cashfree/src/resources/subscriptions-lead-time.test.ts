import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isValidationError } from '../core/errors.js';
import { checkChargeLeadTime } from './subscriptions-lead-time.js';

// 2026-12-07 20:00 UTC is 2026-12-08 01:30 in India: "today" there is already the 8th.
const now = Date.parse('2026-12-07T20:00:00Z');
const upiCharge = (payment_schedule_date: string) => ({
  payment_type: 'CHARGE',
  payment_schedule_date,
  payment_method: { upi: { channel: 'collect' } },
});

function refused(body: unknown): boolean {
  try {
    checkChargeLeadTime(body, now);
    return false;
  } catch (error) {
    assert.ok(isValidationError(error), String(error));
    assert.equal(error.field, 'payment_schedule_date');
    return true;
  }
}

test('a UPI charge counts days in India time: its today is refused, its tomorrow taken', () => {
  assert.equal(refused(upiCharge('2026-12-08 23:00:00')), true);
  assert.equal(refused(upiCharge('2026-12-09')), false);
  assert.equal(refused(upiCharge('2026-12-09 00:10:00')), false);
});

test('a time with an offset is moved to India time first', () => {
  // 2026-12-08T20:00Z is the 9th, 01:30, in India: tomorrow there.
  assert.equal(refused(upiCharge('2026-12-08T20:00:00Z')), false);
  // 2026-12-08T18:00Z is the 8th, 23:30, in India: today there.
  assert.equal(refused(upiCharge('2026-12-08T18:00:00Z')), true);
});

test('the refusal names the earliest date', () => {
  assert.throws(() => checkChargeLeadTime(upiCharge('2026-12-01'), now), /2026-12-09/);
});

test('AUTH payments, methods without a stated lead time, and bodies without a date are not checked', () => {
  assert.equal(refused({ ...upiCharge('2026-12-01'), payment_type: 'AUTH' }), false);
  assert.equal(refused({ ...upiCharge('2026-12-01'), payment_method: { enach: {} } }), false);
  assert.equal(refused({ payment_type: 'CHARGE', payment_method: { upi: {} } }), false);
  assert.equal(refused('not an object'), false);
});
