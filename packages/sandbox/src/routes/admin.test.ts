import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HOUR_MS } from '../clock/time.js';
import { harness } from '../testing/harness.js';

const h = harness();

test('health and clock', async () => {
  const health = await h.call('GET', '/_sandbox/health');
  assert.deepEqual(health.body, {
    status: 'ok',
    now: '2025-01-15T10:00:00+05:30',
    app_id: h.sandbox.appId,
    api_base: 'http://sandbox.test/pg',
  });
  const clock = await h.call('GET', '/_sandbox/clock');
  assert.equal(clock.body.now, '2025-01-15T10:00:00+05:30');
  assert.equal(clock.body.frozen, true);
});

test('advancing the clock runs what became due', async () => {
  await h.createOrder({ order_id: 'order_admin_1' });
  const res = await h.call('POST', '/_sandbox/clock/advance', { hours: 1, minutes: 30 });
  assert.equal(res.status, 200);
  assert.equal(res.body.now, '2025-01-15T11:30:00+05:30');
  assert.equal(res.body.advanced_ms, 1.5 * HOUR_MS);
  assert.ok(res.body.jobs_run >= 1);
  assert.equal((await h.call('GET', '/pg/orders/order_admin_1')).body.order_status, 'EXPIRED');
  for (const bad of [{}, { hours: -1 }, { weeks: 1 }]) {
    const r = await h.call('POST', '/_sandbox/clock/advance', bad);
    assert.equal(r.status, 400);
    assert.equal(r.body.code, 'sandbox_request_invalid');
    assert.match(r.body.message, /^\[cashfree-sandbox\]/);
  }
});

test('state, jobs and events list what the sandbox holds', async () => {
  const order = await h.createOrder({ order_id: 'order_admin_2' });
  await h.pay(order.payment_session_id, { upi: { channel: 'collect', upi_id: 'testfailure@gocash' } });
  const jobs = (await h.call('GET', '/_sandbox/jobs')).body;
  assert.ok(jobs.some((j: { kind: string }) => j.kind === 'payment.resolve'));
  assert.ok(jobs.some((j: { kind: string }) => j.kind === 'order.expire'));
  await h.advance(500);
  const state = (await h.call('GET', '/_sandbox/state?limit=5')).body;
  assert.ok(state.counts.orders >= 2);
  assert.equal(state.orders[0].order_id, 'order_admin_2');
  assert.equal(state.payments[0].payment_status, 'FAILED');
  const events = (await h.call('GET', '/_sandbox/events')).body;
  const last = events.at(-1);
  assert.equal(last.type, 'PAYMENT_FAILED_WEBHOOK');
  assert.equal(last.order_id, 'order_admin_2');
  const later = (await h.call('GET', `/_sandbox/events?after=${last.id}`)).body;
  assert.deepEqual(later, []);
});

test('reset deletes everything and restarts the clock', async () => {
  await h.createOrder({ order_id: 'order_admin_3' });
  const res = await h.call('POST', '/_sandbox/reset');
  assert.equal(res.body.status, 'reset');
  assert.equal(res.body.now, '2025-01-15T10:00:00+05:30');
  assert.equal((await h.call('GET', '/pg/orders/order_admin_3')).status, 404);
  assert.deepEqual((await h.call('GET', '/_sandbox/events')).body, []);
  assert.equal((await h.call('GET', '/_sandbox/state')).body.counts.orders, 0);
});

test('the admin API is not under /pg', async () => {
  const res = await h.call('GET', '/pg/_sandbox/clock');
  assert.equal(res.status, 404);
  assert.equal(res.body.message, 'bad URL, please check API documentation');
});
