import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { openDatabase } from './database.js';
import { type ShopCharge, SubscriptionsTable, webhookMayMove } from './subscriptions.js';

let table: SubscriptionsTable;

beforeEach(() => {
  table = new SubscriptionsTable(openDatabase(':memory:'));
  table.insert({
    subscription_id: 'sub_1',
    cf_subscription_id: null,
    plan_id: 'plan',
    amount_paise: 49_900,
    customer_name: 'Priya Patel',
    customer_email: 'priya@example.com',
    customer_phone: '9876543210',
    session_id: 'subs_session_1',
    status: 'INITIALIZED',
    status_via: 'Cashfree',
    mandate_method: null,
    next_charge_at: null,
    created_at: 1,
    updated_at: 1,
  });
});

const charge = (fields: Partial<ShopCharge>): ShopCharge => ({
  subscription_id: 'sub_1',
  payment_id: 'cycle_1',
  cf_payment_id: '10',
  amount_paise: 49_900,
  status: 'INITIALIZED',
  retry_attempts: 0,
  failure_reason: null,
  scheduled_at: 1_000,
  via: 'SUBSCRIPTION_PAYMENT_NOTIFICATION_INITIATED',
  updated_at: 2,
  ...fields,
});

test('a webhook never leaves a final status nor goes back to awaiting the mandate', () => {
  assert.equal(webhookMayMove('INITIALIZED', 'BANK_APPROVAL_PENDING'), true);
  assert.equal(webhookMayMove('BANK_APPROVAL_PENDING', 'ACTIVE'), true);
  assert.equal(webhookMayMove('ACTIVE', 'BANK_APPROVAL_PENDING'), false);
  assert.equal(webhookMayMove('ACTIVE', 'INITIALIZED'), false);
  assert.equal(webhookMayMove('PAUSED', 'ACTIVE'), true);
  assert.equal(webhookMayMove('ACTIVE', 'ON_HOLD'), true);
  assert.equal(webhookMayMove('CANCELLED', 'ACTIVE'), false);
  assert.equal(webhookMayMove('COMPLETED', 'ON_HOLD'), false);
});

test('report: Cashfree’s answer always applies, a late webhook does not undo it; the next charge is kept or cleared', () => {
  assert.equal(
    table.report('sub_1', {
      status: 'ACTIVE',
      via: 'webhook',
      at: 5,
      nextChargeAt: 9_000,
      mandateMethod: 'upi',
    }),
    true,
  );
  assert.deepEqual(
    (({ status, status_via, next_charge_at, mandate_method }) => ({
      status,
      status_via,
      next_charge_at,
      mandate_method,
    }))(table.get('sub_1') ?? ({} as never)),
    { status: 'ACTIVE', status_via: 'webhook', next_charge_at: 9_000, mandate_method: 'upi' },
  );
  // A late BANK_APPROVAL_PENDING delivery changes nothing.
  assert.equal(table.report('sub_1', { status: 'BANK_APPROVAL_PENDING', via: 'webhook', at: 6 }), false);
  assert.equal(table.get('sub_1')?.status, 'ACTIVE');
  // The merchant's own pause, as Cashfree answered it: the next charge is kept for a resume.
  assert.equal(table.report('sub_1', { status: 'PAUSED', via: 'Cashfree', at: 7 }), true);
  assert.equal(table.get('sub_1')?.next_charge_at, 9_000);
  assert.equal(table.report('sub_1', { status: 'CANCELLED', via: 'Cashfree', at: 8 }), true);
  assert.equal(table.get('sub_1')?.next_charge_at, null, 'a final status has no next charge');
  assert.equal(table.report('sub_1', { status: 'ACTIVE', via: 'webhook', at: 9 }), false);
  table.setNextCharge('sub_1', 20_000, 10);
  assert.equal(table.get('sub_1')?.next_charge_at, null, 'nothing is planned on an ended subscription');
  assert.equal(table.report('sub_x', { status: 'ACTIVE', via: 'webhook', at: 9 }), false, 'not the shop’s');
});

test('a charge moves forward only: a later status of the attempt, or a later attempt', () => {
  assert.equal(table.recordCharge(charge({})), true);
  assert.equal(table.recordCharge(charge({ status: 'PENDING', via: 'Cashfree' })), true);
  assert.equal(
    table.recordCharge(
      charge({ status: 'FAILED', via: 'SUBSCRIPTION_PAYMENT_FAILED', failure_reason: 'no funds' }),
    ),
    true,
  );
  // A late delivery of the announcement changes nothing.
  assert.equal(table.recordCharge(charge({})), false);
  assert.equal(table.charge('sub_1', 'cycle_1')?.status, 'FAILED');
  // The merchant's retry: attempt 1 succeeds.
  assert.equal(
    table.recordCharge(charge({ status: 'SUCCESS', retry_attempts: 1, via: 'SUBSCRIPTION_PAYMENT_SUCCESS' })),
    true,
  );
  const row = table.charge('sub_1', 'cycle_1');
  assert.deepEqual(
    [row?.status, row?.retry_attempts, row?.failure_reason, row?.via],
    ['SUCCESS', 1, null, 'SUBSCRIPTION_PAYMENT_SUCCESS'],
  );
  assert.equal(table.recordCharge(charge({ subscription_id: 'sub_x' })), false, 'not the shop’s');
  table.recordCharge(charge({ payment_id: 'cycle_0', scheduled_at: 500 }));
  assert.deepEqual(
    table.charges('sub_1').map((c) => c.payment_id),
    ['cycle_0', 'cycle_1'],
    'by when they are due',
  );
});
