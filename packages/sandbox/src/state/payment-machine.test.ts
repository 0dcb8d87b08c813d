import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_OTP_ATTEMPTS, nextPaymentStatus, submitOtp, TEST_CARD_OTP } from './payment-machine.js';

test('a pending payment moves to any outcome once', () => {
  for (const target of ['SUCCESS', 'FAILED', 'USER_DROPPED', 'CANCELLED'] as const) {
    assert.deepEqual(nextPaymentStatus('PENDING', target), { ok: true, status: target, changed: true });
  }
  assert.deepEqual(nextPaymentStatus('PENDING', 'PENDING'), { ok: true, status: 'PENDING', changed: false });
});

test('a terminal payment never changes', () => {
  const t = nextPaymentStatus('SUCCESS', 'FAILED');
  assert.equal(t.ok, false);
  assert.equal(!t.ok && t.code, 'payment_already_processed');
  assert.deepEqual(nextPaymentStatus('FAILED', 'FAILED'), { ok: true, status: 'FAILED', changed: false });
});

test('the test OTP authenticates; wrong ones fail the payment on the last attempt', () => {
  assert.deepEqual(submitOtp(TEST_CARD_OTP, 0), { authenticated: true });
  assert.deepEqual(submitOtp('123456', 0), {
    authenticated: false,
    paymentFails: false,
    message: 'otp is invalid',
  });
  const last = submitOtp('123456', MAX_OTP_ATTEMPTS - 1);
  assert.equal(last.authenticated, false);
  assert.equal(!last.authenticated && last.paymentFails, true);
});
