import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  manageSubscriptionPayment,
  nextSubscriptionPaymentStatus,
  retriesAutomatically,
  UPI_AUTO_RETRIES,
} from './subscription-payment-machine.js';

const code = (t: { ok: boolean; code?: string }) => (t.ok ? null : t.code);

test('payments: INITIALIZED → PENDING → SUCCESS or FAILED, and final after', () => {
  assert.deepEqual(nextSubscriptionPaymentStatus('INITIALIZED', 'PENDING'), {
    ok: true,
    status: 'PENDING',
    changed: true,
  });
  assert.deepEqual(nextSubscriptionPaymentStatus('PENDING', 'SUCCESS'), {
    ok: true,
    status: 'SUCCESS',
    changed: true,
  });
  assert.deepEqual(nextSubscriptionPaymentStatus('PENDING', 'FAILED'), {
    ok: true,
    status: 'FAILED',
    changed: true,
  });
  assert.equal(code(nextSubscriptionPaymentStatus('SUCCESS', 'FAILED')), 'payment_invalid');
  assert.equal(code(nextSubscriptionPaymentStatus('CANCELLED', 'PENDING')), 'payment_invalid');
});

test('manage: CANCEL before the debit is presented, RETRY only a FAILED charge, never an AUTH', () => {
  assert.deepEqual(manageSubscriptionPayment('INITIALIZED', 'CANCEL', 'CHARGE'), {
    ok: true,
    status: 'CANCELLED',
    changed: true,
  });
  assert.equal(
    code(manageSubscriptionPayment('PENDING', 'CANCEL', 'CHARGE')),
    'subscription_payment_action_invalid',
  );
  assert.deepEqual(manageSubscriptionPayment('FAILED', 'RETRY', 'CHARGE'), {
    ok: true,
    status: 'INITIALIZED',
    changed: true,
  });
  assert.equal(
    code(manageSubscriptionPayment('SUCCESS', 'RETRY', 'CHARGE')),
    'subscription_payment_action_invalid',
  );
  assert.equal(
    code(manageSubscriptionPayment('SUCCESS', 'CANCEL', 'AUTH')),
    'subscription_payment_action_invalid',
  );
});

test('only UPI Autopay retries a failed debit by itself, three times', () => {
  assert.equal(retriesAutomatically('upi', 0), true);
  assert.equal(retriesAutomatically('upi', UPI_AUTO_RETRIES), false);
  assert.equal(retriesAutomatically('enach', 0), false);
  assert.equal(retriesAutomatically('card', 0), false);
});
