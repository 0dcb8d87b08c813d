import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  approveMandate,
  authorise,
  chargeFailed,
  chargeSucceeded,
  expireSubscription,
  manageSubscription,
} from './subscription-machine.js';

const code = (t: { ok: boolean; code?: string }) => (t.ok ? null : t.code);

test('authorisation: cards go straight to ACTIVE, UPI and NACH wait for the bank', () => {
  assert.deepEqual(authorise('INITIALIZED', 'card'), { ok: true, status: 'ACTIVE', changed: true });
  assert.deepEqual(authorise('INITIALIZED', 'upi'), {
    ok: true,
    status: 'BANK_APPROVAL_PENDING',
    changed: true,
  });
  assert.deepEqual(authorise('INITIALIZED', 'enach'), {
    ok: true,
    status: 'BANK_APPROVAL_PENDING',
    changed: true,
  });
  assert.equal(code(authorise('ACTIVE', 'upi')), 'subscription_invalid');
  assert.deepEqual(approveMandate('BANK_APPROVAL_PENDING'), { ok: true, status: 'ACTIVE', changed: true });
  assert.deepEqual(approveMandate('CANCELLED'), { ok: true, status: 'CANCELLED', changed: false });
});

test('charges: a failure puts an ACTIVE subscription ON_HOLD, a success brings it back or completes it', () => {
  assert.deepEqual(chargeFailed('ACTIVE'), { ok: true, status: 'ON_HOLD', changed: true });
  assert.deepEqual(chargeFailed('PAUSED'), { ok: true, status: 'PAUSED', changed: false });
  assert.deepEqual(chargeSucceeded('ON_HOLD', false), { ok: true, status: 'ACTIVE', changed: true });
  assert.deepEqual(chargeSucceeded('ACTIVE', true), { ok: true, status: 'COMPLETED', changed: true });
  assert.deepEqual(chargeSucceeded('ACTIVE', false), { ok: true, status: 'ACTIVE', changed: false });
  assert.deepEqual(chargeSucceeded('CANCELLED', true), { ok: true, status: 'CANCELLED', changed: false });
});

test('manage: pause and activate', () => {
  assert.deepEqual(manageSubscription('ACTIVE', 'PAUSE', 'PERIODIC'), {
    ok: true,
    status: 'PAUSED',
    changed: true,
  });
  assert.equal(code(manageSubscription('ACTIVE', 'PAUSE', 'ON_DEMAND')), 'subscription_action_invalid');
  assert.equal(code(manageSubscription('ON_HOLD', 'PAUSE', 'PERIODIC')), 'subscription_action_invalid');
  assert.deepEqual(manageSubscription('PAUSED', 'ACTIVATE', 'PERIODIC'), {
    ok: true,
    status: 'ACTIVE',
    changed: true,
  });
  assert.deepEqual(manageSubscription('ON_HOLD', 'ACTIVATE', 'PERIODIC'), {
    ok: true,
    status: 'ACTIVE',
    changed: true,
  });
  const customer = manageSubscription('CUSTOMER_PAUSED', 'ACTIVATE', 'PERIODIC');
  assert.match(customer.ok ? '' : customer.message, /only the customer can resume/);
});

test('manage: cancel ends anything not final; final subscriptions refuse every action', () => {
  assert.deepEqual(manageSubscription('INITIALIZED', 'CANCEL', 'PERIODIC'), {
    ok: true,
    status: 'CANCELLED',
    changed: true,
  });
  assert.deepEqual(manageSubscription('PAUSED', 'CANCEL', 'PERIODIC'), {
    ok: true,
    status: 'CANCELLED',
    changed: true,
  });
  for (const status of ['CANCELLED', 'COMPLETED', 'EXPIRED'] as const) {
    assert.equal(code(manageSubscription(status, 'ACTIVATE', 'PERIODIC')), 'subscription_action_invalid');
  }
  assert.equal(
    code(manageSubscription('INITIALIZED', 'CHANGE_PLAN', 'PERIODIC')),
    'subscription_action_invalid',
  );
  assert.deepEqual(manageSubscription('ACTIVE', 'CHANGE_PLAN', 'PERIODIC'), {
    ok: true,
    status: 'ACTIVE',
    changed: false,
  });
});

test('expiry: never authorised → EXPIRED, running → COMPLETED', () => {
  assert.deepEqual(expireSubscription('INITIALIZED'), { ok: true, status: 'EXPIRED', changed: true });
  assert.deepEqual(expireSubscription('BANK_APPROVAL_PENDING'), {
    ok: true,
    status: 'EXPIRED',
    changed: true,
  });
  assert.deepEqual(expireSubscription('ACTIVE'), { ok: true, status: 'COMPLETED', changed: true });
  assert.deepEqual(expireSubscription('CANCELLED'), { ok: true, status: 'CANCELLED', changed: false });
});
