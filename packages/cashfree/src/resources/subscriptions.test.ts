import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rejection, testClient } from '../../test/support.js';
import { isValidationError } from '../core/errors.js';
import type { CreateSubscriptionRequest } from './subscriptions-types.js';

const customer = { customer_email: 'priya@example.com', customer_phone: '9876543210' };

function subscription(plan: CreateSubscriptionRequest['plan_details']): CreateSubscriptionRequest {
  return { subscription_id: 'sub_tea_0001', customer_details: customer, plan_details: plan };
}

test('subscriptions.create: POST /subscriptions with the body and an idempotency key', async () => {
  const { client, fetch } = testClient();
  const body = subscription({ plan_id: 'tea_monthly' });
  await client.subscriptions.create(body);
  assert.equal(fetch.lastCall?.method, 'POST');
  assert.equal(fetch.lastCall?.path, '/pg/subscriptions');
  assert.deepEqual(fetch.lastCall?.json, body);
  assert.ok(fetch.lastCall?.headers['x-idempotency-key']);
});

test('subscriptions.create: an inline PERIODIC plan charging more than its maximum is refused before the wire', async () => {
  const { client, fetch } = testClient();
  const error = await rejection(() =>
    client.subscriptions.create(
      subscription({
        plan_name: 'Tea',
        plan_type: 'PERIODIC',
        plan_amount: 600,
        plan_max_amount: 499,
        plan_interval_type: 'MONTH',
      }),
    ),
  );
  assert.ok(isValidationError(error), String(error));
  assert.equal(error.field, 'plan_details.plan_amount');
  assert.equal(fetch.calls.length, 0);
});

test('subscriptions.create: an inline plan needs its maximum; the customer their email', async () => {
  const { client, fetch } = testClient();
  const noMax = await rejection(() =>
    client.subscriptions.create(subscription({ plan_name: 'Top-ups', plan_type: 'ON_DEMAND' })),
  );
  assert.ok(isValidationError(noMax));
  assert.equal(noMax.field, 'plan_details.plan_max_amount');
  const noEmail = await rejection(() =>
    client.subscriptions.create({
      ...subscription({ plan_id: 'tea_monthly' }),
      customer_details: { customer_phone: '9876543210' } as CreateSubscriptionRequest['customer_details'],
    }),
  );
  assert.ok(isValidationError(noEmail));
  assert.equal(noEmail.field, 'customer_details.customer_email');
  assert.equal(fetch.calls.length, 0);
});

test('subscriptions.get: GET /subscriptions/{subscription_id}', async () => {
  const { client, fetch } = testClient();
  await client.subscriptions.get('sub_tea_0001');
  assert.equal(fetch.lastCall?.method, 'GET');
  assert.equal(fetch.lastCall?.path, '/pg/subscriptions/sub_tea_0001');
});

test('subscriptions.manage: POST …/manage with the subscription_id filled into the body', async () => {
  const { client, fetch } = testClient();
  await client.subscriptions.manage('sub_tea_0001', { action: 'PAUSE' });
  assert.equal(fetch.lastCall?.method, 'POST');
  assert.equal(fetch.lastCall?.path, '/pg/subscriptions/sub_tea_0001/manage');
  assert.deepEqual(fetch.lastCall?.json, { subscription_id: 'sub_tea_0001', action: 'PAUSE' });
  assert.ok(fetch.lastCall?.headers['x-idempotency-key']);
});

test('subscriptions.manage: ACTIVATE needs next_scheduled_time and CHANGE_PLAN a plan_id, before the wire', async () => {
  const { client, fetch } = testClient();
  const activate = await rejection(() => client.subscriptions.manage('sub_tea_0001', { action: 'ACTIVATE' }));
  assert.ok(isValidationError(activate));
  assert.equal(activate.field, 'action_details.next_scheduled_time');
  const change = await rejection(() =>
    client.subscriptions.manage('sub_tea_0001', { action: 'CHANGE_PLAN' }),
  );
  assert.ok(isValidationError(change));
  assert.equal(change.field, 'action_details.plan_id');
  const unknown = await rejection(() =>
    client.subscriptions.manage('sub_tea_0001', { action: 'RESUME' as 'ACTIVATE' }),
  );
  assert.ok(isValidationError(unknown));
  assert.equal(unknown.field, 'action');
  assert.equal(fetch.calls.length, 0);
});

test('subscriptions.eligibility: POST /subscriptions/eligibility/payment_methods', async () => {
  const { client, fetch } = testClient();
  const body = {
    queries: { subscription_id: 'sub_tea_0001' },
    filters: { payment_methods: ['upi' as const] },
  };
  await client.subscriptions.eligibility(body);
  assert.equal(fetch.lastCall?.path, '/pg/subscriptions/eligibility/payment_methods');
  assert.deepEqual(fetch.lastCall?.json, body);
});

test('subscriptions.payments and .refunds are the client’s subscriptionPayments and subscriptionRefunds', () => {
  const { client } = testClient();
  assert.equal(client.subscriptions.payments, client.subscriptionPayments);
  assert.equal(client.subscriptions.refunds, client.subscriptionRefunds);
});
