import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rejection, testClient } from '../../test/support.js';
import { isValidationError } from '../core/errors.js';

const monthly = {
  plan_id: 'tea_monthly',
  plan_name: 'Tea of the month',
  plan_type: 'PERIODIC' as const,
  plan_recurring_amount: 499,
  plan_max_amount: 499,
  plan_intervals: 1,
  plan_interval_type: 'MONTH' as const,
};

test('plans.create: POST /plans with the body and an idempotency key', async () => {
  const { client, fetch } = testClient();
  await client.plans.create(monthly);
  assert.equal(fetch.lastCall?.method, 'POST');
  assert.equal(fetch.lastCall?.path, '/pg/plans');
  assert.deepEqual(fetch.lastCall?.json, monthly);
  assert.ok(fetch.lastCall?.headers['x-idempotency-key']);
});

test('plans.get: GET /plans/{plan_id}, the id encoded', async () => {
  const { client, fetch } = testClient();
  await client.plans.get('tea monthly');
  assert.equal(fetch.lastCall?.method, 'GET');
  assert.equal(fetch.lastCall?.path, '/pg/plans/tea%20monthly');
});

test('plans.create: a PERIODIC plan without its recurring amount is refused before the wire', async () => {
  const { client, fetch } = testClient();
  const { plan_recurring_amount: _, ...withoutAmount } = monthly;
  const error = await rejection(() => client.plans.create(withoutAmount));
  assert.ok(isValidationError(error), String(error));
  assert.equal(error.field, 'plan_recurring_amount');
  assert.match(error.message, /required when plan_type is PERIODIC/);
  assert.equal(fetch.calls.length, 0);
});

test('plans.create: an ON_DEMAND plan needs no recurring amount or interval', async () => {
  const { client, fetch } = testClient();
  await client.plans.create({
    plan_id: 'top_ups',
    plan_name: 'Top-ups',
    plan_type: 'ON_DEMAND',
    plan_max_amount: 2000,
  });
  assert.equal(fetch.calls.length, 1);
});

test('plans.create: a recurring amount above the maximum is refused, naming both fields', async () => {
  const { client, fetch } = testClient();
  const error = await rejection(() => client.plans.create({ ...monthly, plan_recurring_amount: 500 }));
  assert.ok(isValidationError(error), String(error));
  assert.equal(error.field, 'plan_recurring_amount');
  assert.match(error.message, /at most plan_max_amount \(499\)/);
  assert.equal(fetch.calls.length, 0);
});

test('plans.create: amounts are rupees with two decimals, not paise strings', async () => {
  const { client, fetch } = testClient();
  const tooPrecise = await rejection(() => client.plans.create({ ...monthly, plan_max_amount: 499.999 }));
  assert.ok(isValidationError(tooPrecise));
  assert.equal(tooPrecise.field, 'plan_max_amount');
  const asText = await rejection(() =>
    client.plans.create({ ...monthly, plan_max_amount: '49900' as unknown as number }),
  );
  assert.ok(isValidationError(asText));
  assert.equal(asText.field, 'plan_max_amount');
  assert.equal(fetch.calls.length, 0);
});

test('plans.create: a retry after a 500 sends the same idempotency key', async () => {
  const { client, fetch } = testClient((_request, index) =>
    index === 0
      ? new Response(JSON.stringify({ message: 'down', code: 'internal_error', type: 'api_error' }), {
          status: 500,
          headers: { 'content-type': 'application/json' },
        })
      : new Response(JSON.stringify({ plan_id: 'tea_monthly', plan_status: 'ACTIVE' }), {
          headers: { 'content-type': 'application/json' },
        }),
  );
  const plan = await client.plans.create(monthly);
  assert.equal(plan.plan_status, 'ACTIVE');
  assert.equal(fetch.calls.length, 2);
  const [first, second] = fetch.calls;
  assert.ok(first?.headers['x-idempotency-key']);
  assert.equal(second?.headers['x-idempotency-key'], first?.headers['x-idempotency-key']);
});
