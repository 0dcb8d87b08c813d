import assert from 'node:assert/strict';
import { test } from 'node:test';
import { harness } from '../testing/harness.js';

const h = harness();
const netbanking = { netbanking: { channel: 'link', netbanking_bank_code: 3333 } };
const simulate = (entityId: string, status: string, errorCode?: string) =>
  h.call('POST', '/pg/simulate', {
    entity: 'PAYMENTS',
    entity_id: entityId,
    entity_simulation: { payment_status: status, ...(errorCode ? { payment_error_code: errorCode } : {}) },
  });

async function pendingPayment() {
  const order = await h.createOrder();
  const pay = await h.pay(order.payment_session_id, netbanking);
  return { order, id: pay.body.cf_payment_id as string };
}

const statusOf = async (orderId: string, id: string) =>
  (await h.call('GET', `/pg/orders/${orderId}/payments/${id}`)).body;

test('simulates SUCCESS, FAILED with an error code, and USER_DROPPED on pending payments', async () => {
  const a = await pendingPayment();
  const res = await simulate(a.id, 'SUCCESS');
  assert.equal(res.status, 200);
  assert.match(res.body.simulation_id, /^sim_/);
  assert.deepEqual(
    { entity: res.body.entity, entity_id: res.body.entity_id, entity_simulation: res.body.entity_simulation },
    {
      entity: 'PAYMENTS',
      entity_id: a.id,
      entity_simulation: { payment_status: 'SUCCESS', payment_error_code: null },
    },
  );
  assert.equal((await statusOf(a.order.order_id, a.id)).payment_status, 'SUCCESS');

  const b = await pendingPayment();
  await simulate(b.id, 'FAILED', 'ISSUER_NOT_AVAILABLE');
  const failed = await statusOf(b.order.order_id, b.id);
  assert.equal(failed.payment_status, 'FAILED');
  assert.equal(failed.error_details.error_code, 'ISSUER_NOT_AVAILABLE');

  const c = await pendingPayment();
  await simulate(c.id, 'FAILED', 'SOME_BANK_CODE');
  assert.equal((await statusOf(c.order.order_id, c.id)).error_details.error_code, 'SOME_BANK_CODE');

  const d = await pendingPayment();
  await simulate(d.id, 'USER_DROPPED');
  const dropped = await statusOf(d.order.order_id, d.id);
  assert.equal(dropped.payment_status, 'USER_DROPPED');
  assert.equal(dropped.error_details, null);
});

test('PENDING keeps a test VPA collect pending instead of resolving it', async () => {
  const order = await h.createOrder();
  const pay = await h.pay(order.payment_session_id, {
    upi: { channel: 'collect', upi_id: 'testsuccess@gocash' },
  });
  await simulate(pay.body.cf_payment_id, 'PENDING');
  await h.advance(1_000);
  assert.equal((await statusOf(order.order_id, pay.body.cf_payment_id)).payment_status, 'PENDING');
});

test('GET /simulate/{id} returns the stored simulation; unknown ids are 404', async () => {
  const a = await pendingPayment();
  const created = await simulate(a.id, 'FAILED', 'ISSUER_NOT_AVAILABLE');
  const res = await h.call('GET', `/pg/simulate/${created.body.simulation_id}`);
  assert.equal(res.status, 200);
  assert.deepEqual(res.body, created.body);
  const missing = await h.call('GET', '/pg/simulate/sim_nope');
  assert.equal(missing.status, 404);
  assert.equal(missing.body.code, 'simulation_id_invalid');
});

test('only pending payments can be simulated; bad requests are named', async () => {
  const a = await pendingPayment();
  await simulate(a.id, 'SUCCESS');
  const again = await simulate(a.id, 'FAILED');
  assert.equal(again.status, 400);
  assert.equal(again.body.code, 'entity_id_invalid');
  assert.equal((await simulate('123', 'SUCCESS')).status, 404);
  const subs = await h.call('POST', '/pg/simulate', {
    entity: 'SUBS_PAYMENTS',
    entity_id: '1',
    entity_simulation: { payment_status: 'SUCCESS' },
  });
  // SUBS_PAYMENTS is emulated now: its entity_id is a subscription payment's payment_id.
  assert.equal(subs.status, 404);
  assert.equal(subs.body.code, 'entity_id_invalid');
  const bad = await simulate(a.id, 'MAYBE');
  assert.equal(bad.body.code, 'entity_simulation.payment_status_invalid');
  const missing = await h.call('POST', '/pg/simulate', {
    entity: 'PAYMENTS',
    entity_simulation: { payment_status: 'SUCCESS' },
  });
  assert.equal(missing.body.message, 'entity_id : is missing in the request. Value received: ');
});
