import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rejection, testClient } from '../../test/support.js';
import { isValidationError } from '../core/errors.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** `YYYY-MM-DD` `days` from now, far enough from today that India's midnight cannot move it across. */
const dayFromNow = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);

const charge = {
  subscription_id: 'sub_tea_0001',
  payment_id: 'charge_2026_12',
  payment_type: 'CHARGE' as const,
  payment_amount: 499,
};

test('payments.create: POST /subscriptions/pay with the body and an idempotency key', async () => {
  const { client, fetch } = testClient();
  const body = { ...charge, payment_schedule_date: `${dayFromNow(10)} 10:00:00` };
  await client.subscriptions.payments.create(body);
  assert.equal(fetch.lastCall?.method, 'POST');
  assert.equal(fetch.lastCall?.path, '/pg/subscriptions/pay');
  assert.deepEqual(fetch.lastCall?.json, body);
  assert.ok(fetch.lastCall?.headers['x-idempotency-key']);
});

test('payments.create: a CHARGE needs its amount in rupees, an AUTH its session id', async () => {
  const { client, fetch } = testClient();
  const { payment_amount: _, ...noAmount } = charge;
  const missing = await rejection(() => client.subscriptions.payments.create(noAmount));
  assert.ok(isValidationError(missing));
  assert.equal(missing.field, 'payment_amount');
  assert.match(missing.message, /required when payment_type is CHARGE/);
  const paise = await rejection(() =>
    client.subscriptions.payments.create({ ...charge, payment_amount: 499.001 }),
  );
  assert.ok(isValidationError(paise));
  assert.equal(paise.field, 'payment_amount');
  const auth = await rejection(() =>
    client.subscriptions.payments.create({
      subscription_id: 'sub_tea_0001',
      payment_id: 'auth_1',
      payment_type: 'AUTH',
    }),
  );
  assert.ok(isValidationError(auth));
  assert.equal(auth.field, 'subscription_session_id');
  assert.equal(fetch.calls.length, 0);
});

test('payments.create: a UPI or card charge scheduled for today or earlier is refused before the wire', async () => {
  for (const payment_method of [{ upi: { channel: 'collect' } }, { card: { channel: 'link' } }]) {
    const { client, fetch } = testClient();
    const error = await rejection(() =>
      client.subscriptions.payments.create({
        ...charge,
        payment_method,
        payment_schedule_date: dayFromNow(-3),
      }),
    );
    assert.ok(isValidationError(error), String(error));
    assert.equal(error.field, 'payment_schedule_date');
    assert.match(error.message, /too soon/);
    assert.equal(fetch.calls.length, 0);
  }
});

test('payments.create: an e-NACH charge, or one that names no method, is left to the API to time', async () => {
  const { client, fetch } = testClient();
  await client.subscriptions.payments.create({
    ...charge,
    payment_method: { enach: { channel: 'link' } },
    payment_schedule_date: dayFromNow(-3),
  });
  await client.subscriptions.payments.create({ ...charge, payment_schedule_date: dayFromNow(-3) });
  assert.equal(fetch.calls.length, 2);
});

test('payments.list, get: GET …/payments and …/payments/{payment_id}', async () => {
  const { client, fetch } = testClient();
  await client.subscriptions.payments.list('sub_tea_0001');
  assert.equal(fetch.lastCall?.path, '/pg/subscriptions/sub_tea_0001/payments');
  await client.subscriptions.payments.get('sub_tea_0001', 'charge 1');
  assert.equal(fetch.lastCall?.path, '/pg/subscriptions/sub_tea_0001/payments/charge%201');
  assert.equal(fetch.lastCall?.method, 'GET');
});

test('payments.manage: the ids are filled into the body; RETRY needs its time', async () => {
  const { client, fetch } = testClient();
  await client.subscriptions.payments.manage('sub_tea_0001', 'charge_1', { action: 'CANCEL' });
  assert.equal(fetch.lastCall?.path, '/pg/subscriptions/sub_tea_0001/payments/charge_1/manage');
  assert.deepEqual(fetch.lastCall?.json, {
    subscription_id: 'sub_tea_0001',
    payment_id: 'charge_1',
    action: 'CANCEL',
  });
  const retry = await rejection(() =>
    client.subscriptions.payments.manage('sub_tea_0001', 'charge_1', { action: 'RETRY' }),
  );
  assert.ok(isValidationError(retry));
  assert.equal(retry.field, 'action_details.next_scheduled_time');
  assert.equal(fetch.calls.length, 1);
});

test('payments.create: a retry after a 503 sends the same idempotency key, so a charge is raised once', async () => {
  const { client, fetch } = testClient((_request, index) =>
    index === 0
      ? new Response('{}', { status: 503, headers: { 'content-type': 'application/json' } })
      : new Response(JSON.stringify({ payment_id: 'charge_2026_12', payment_status: 'INITIALIZED' }), {
          headers: { 'content-type': 'application/json' },
        }),
  );
  const created = await client.subscriptions.payments.create(charge);
  assert.equal(created.payment_status, 'INITIALIZED');
  const [first, second] = fetch.calls;
  assert.ok(first?.headers['x-idempotency-key']);
  assert.equal(second?.headers['x-idempotency-key'], first?.headers['x-idempotency-key']);
});

test('refunds.create, get: POST …/refunds with the subscription_id filled in; GET …/refunds/{refund_id}', async () => {
  const { client, fetch } = testClient();
  await client.subscriptions.refunds.create('sub_tea_0001', {
    refund_id: 'refund_1',
    refund_amount: 100,
    payment_id: 'charge_1',
  });
  assert.equal(fetch.lastCall?.method, 'POST');
  assert.equal(fetch.lastCall?.path, '/pg/subscriptions/sub_tea_0001/refunds');
  assert.deepEqual(fetch.lastCall?.json, {
    subscription_id: 'sub_tea_0001',
    refund_id: 'refund_1',
    refund_amount: 100,
    payment_id: 'charge_1',
  });
  assert.ok(fetch.lastCall?.headers['x-idempotency-key']);
  await client.subscriptions.refunds.get('sub_tea_0001', 'refund_1');
  assert.equal(fetch.lastCall?.path, '/pg/subscriptions/sub_tea_0001/refunds/refund_1');
  const zero = await rejection(() =>
    client.subscriptions.refunds.create('sub_tea_0001', { refund_id: 'refund_2', refund_amount: 0 }),
  );
  assert.ok(isValidationError(zero));
  assert.equal(zero.field, 'refund_amount');
});
