import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startLoopbackServer } from '../../../../test/support/loopback-server.js';
import { DAY_MS } from '../clock/time.js';
import type { SandboxAppInternals } from '../sandbox-app.js';
import { harness } from '../testing/harness.js';
import { TRIGGER_TYPES } from './trigger.js';
import type { DeliveryView } from './views.js';

const h = harness({ webhookRetrySchedule: 'fast' });
const hooks = (h.sandbox as SandboxAppInternals).webhooks;
const admin = (method: string, path: string, body?: unknown) =>
  h.call(method, `/_sandbox/webhooks${path}`, body);

test('endpoints: register (default and chosen version), list, remove; bad input names the field', async (t) => {
  const receiver = await startLoopbackServer(t, (_req, res) => {
    res.end();
  });
  const a = await admin('POST', '/endpoints', { url: `${receiver.url}/a` });
  assert.equal(a.status, 201);
  assert.match(a.body.id, /^we_/);
  assert.deepEqual(
    { url: a.body.url, version: a.body.version, created_at: a.body.created_at },
    { url: `${receiver.url}/a`, version: '2025-01-01', created_at: '2025-01-15T10:00:00+05:30' },
  );
  const b = await admin('POST', '/endpoints', { url: `${receiver.url}/b`, version: '2023-08-01' });
  assert.equal(b.body.version, '2023-08-01');
  const list = await admin('GET', '/endpoints');
  // Oldest first; these two were registered at the same (frozen) sandbox time.
  assert.deepEqual(list.body.data.map((e: { id: string }) => e.id).sort(), [a.body.id, b.body.id].sort());

  for (const [body, field] of [
    [{ url: 'ftp://example.com' }, 'url'],
    [{}, 'url'],
    [{ url: 'http://127.0.0.1:1/x', version: '2022-09-01' }, 'version'],
    [{ url: 'http://127.0.0.1:1/x', secret: 'x' }, 'secret'],
  ] as const) {
    const bad = await admin('POST', '/endpoints', body);
    assert.equal(bad.status, 400, JSON.stringify(body));
    assert.equal(bad.body.code, 'sandbox_request_invalid');
    assert.match(bad.body.message, new RegExp(field));
  }

  assert.equal((await admin('DELETE', `/endpoints/${a.body.id}`)).status, 204);
  assert.equal((await admin('DELETE', `/endpoints/${b.body.id}`)).status, 204);
  const gone = await admin('DELETE', `/endpoints/${a.body.id}`);
  assert.equal(gone.status, 404);
  assert.equal(gone.body.code, 'webhook_endpoint_not_found');
  assert.deepEqual((await admin('GET', '/endpoints')).body.data, []);
});

test('deliveries: filtered by endpoint and order, ascending by seq, paged with after/limit and a cursor', async (t) => {
  const receiver = await startLoopbackServer(t, (_req, res) => {
    res.end('ok');
  });
  const endpoint = (await admin('POST', '/endpoints', { url: `${receiver.url}/all` })).body;
  const first = await h.paidOrder({
    order_id: 'order_rt_1',
    order_meta: { notify_url: `${receiver.url}/n` },
  });
  await h.paidOrder({ order_id: 'order_rt_2' });
  await hooks.whenIdle();

  const all = await admin('GET', '/deliveries');
  const seqs = all.body.data.map((d: DeliveryView) => d.seq);
  assert.deepEqual(
    seqs,
    [...seqs].sort((x: number, y: number) => x - y),
  );
  assert.equal(all.body.cursor, seqs.at(-1));

  const byOrder = (await admin('GET', `/deliveries?order_id=${first.order_id}`)).body.data as DeliveryView[];
  assert.deepEqual(
    byOrder.map((d) => [d.url, d.endpoint_id, d.event_type, d.status]),
    [
      [`${receiver.url}/n`, null, 'PAYMENT_SUCCESS_WEBHOOK', 'delivered'],
      [`${receiver.url}/all`, endpoint.id, 'PAYMENT_SUCCESS_WEBHOOK', 'delivered'],
    ],
  );
  const byEndpoint = (await admin('GET', `/deliveries?endpoint_id=${endpoint.id}`)).body
    .data as DeliveryView[];
  assert.deepEqual(
    byEndpoint.map((d) => d.order_id),
    ['order_rt_1', 'order_rt_2'],
  );

  const page1 = await admin('GET', `/deliveries?endpoint_id=${endpoint.id}&limit=1`);
  assert.equal(page1.body.data.length, 1);
  const page2 = await admin('GET', `/deliveries?endpoint_id=${endpoint.id}&after=${page1.body.cursor}`);
  assert.deepEqual(
    page2.body.data.map((d: DeliveryView) => d.order_id),
    ['order_rt_2'],
  );
  const end = await admin('GET', `/deliveries?endpoint_id=${endpoint.id}&after=${page2.body.cursor}`);
  assert.deepEqual(end.body, { data: [], cursor: null });

  const one = await admin('GET', `/deliveries/${byOrder[0]!.id}`);
  assert.equal(one.body.id, byOrder[0]!.id);
  assert.equal((await admin('GET', '/deliveries/wd_missing')).status, 404);
  assert.equal((await admin('GET', '/deliveries?limit=0')).status, 400);
  await admin('DELETE', `/endpoints/${endpoint.id}`);
});

test('resend: one more attempt now, with the next attempt number and a fresh signature', async (t) => {
  const receiver = await startLoopbackServer(t, (_req, res) => {
    res.end('ok');
  });
  await h.paidOrder({ order_id: 'order_rt_3', order_meta: { notify_url: `${receiver.url}/n` } });
  await hooks.whenIdle();
  const [delivery] = (await admin('GET', '/deliveries?order_id=order_rt_3')).body.data as DeliveryView[];
  assert.ok(delivery);
  const resent = await admin('POST', `/deliveries/${delivery.id}/resend`);
  assert.equal(resent.status, 202);
  assert.equal(resent.body.id, delivery.id);
  assert.equal(resent.body.status, 'pending');
  await hooks.whenIdle();
  const after = (await admin('GET', `/deliveries/${delivery.id}`)).body as DeliveryView;
  assert.equal(after.status, 'delivered');
  assert.deepEqual(
    after.attempts.map((a) => a.attempt),
    [1, 2],
  );
  assert.deepEqual(
    receiver.requests.map((r) => r.headers['x-webhook-attempt']),
    ['1', '2'],
  );
  assert.equal(receiver.requests[0]?.body, receiver.requests[1]?.body);
  assert.equal((await admin('POST', '/deliveries/wd_missing/resend')).status, 404);
});

test('trigger makes a real event of each supported type and answers with its deliveries', async (t) => {
  const receiver = await startLoopbackServer(t, (_req, res) => {
    res.end('ok');
  });
  const endpoint = (await admin('POST', '/endpoints', { url: `${receiver.url}/ep` })).body;
  assert.deepEqual((await admin('GET', '/trigger')).body.types, [...TRIGGER_TYPES]);

  const trigger = async (type: string, orderId: string) => {
    const res = await admin('POST', '/trigger', { type, order_id: orderId });
    assert.equal(res.status, 201, `${type}: ${JSON.stringify(res.body)}`);
    assert.match(res.body.event_id, /^\d+$/);
    assert.deepEqual(
      res.body.deliveries.map((d: DeliveryView) => [d.event_type, d.endpoint_id]),
      [[type, endpoint.id]],
    );
    return res.body;
  };
  const orderStatus = async (id: string) => (await h.call('GET', `/pg/orders/${id}`)).body.order_status;
  const payments = async (id: string) =>
    ((await h.call('GET', `/pg/orders/${id}/payments`)).body as Array<{ payment_status: string }>).map(
      (p) => p.payment_status,
    );

  await h.createOrder({ order_id: 'order_tr_1' });
  await trigger('PAYMENT_FAILED_WEBHOOK', 'order_tr_1');
  await trigger('PAYMENT_USER_DROPPED_WEBHOOK', 'order_tr_1');
  assert.equal(await orderStatus('order_tr_1'), 'ACTIVE');
  await trigger('PAYMENT_SUCCESS_WEBHOOK', 'order_tr_1');
  assert.equal(await orderStatus('order_tr_1'), 'PAID');
  assert.deepEqual(await payments('order_tr_1'), ['FAILED', 'USER_DROPPED', 'SUCCESS']);
  // On a PAID order the payment events are repeated for the existing payments.
  await trigger('PAYMENT_SUCCESS_WEBHOOK', 'order_tr_1');
  await trigger('PAYMENT_FAILED_WEBHOOK', 'order_tr_1');
  assert.equal((await payments('order_tr_1')).length, 3);

  await trigger('REFUND_STATUS_WEBHOOK', 'order_tr_1');
  const refunds = (await h.call('GET', '/pg/orders/order_tr_1/refunds')).body;
  assert.equal(refunds.length, 1);
  assert.equal(refunds[0].refund_status, 'SUCCESS');
  assert.equal(refunds[0].refund_amount, 1);

  await h.call('POST', '/pg/links', {
    link_id: 'link_tr_1',
    link_amount: 20,
    link_currency: 'INR',
    link_purpose: 'Trigger',
    customer_details: { customer_phone: '9876543210' },
  });
  const linkOrder = (await h.call('POST', '/_sandbox/links/link_tr_1/orders', {})).body;
  const linkEvent = await trigger('PAYMENT_LINK_EVENT', linkOrder.order_id);
  assert.equal(JSON.parse(linkEvent.deliveries[0].request.body).data.link_status, 'PAID');

  await h.advance(2 * DAY_MS);
  await trigger('SETTLEMENT_SUCCESS', 'order_tr_1');
  await trigger('SETTLEMENT_INITIATED', 'order_tr_1');
  await hooks.whenIdle();
  const delivered = (await admin('GET', `/deliveries?endpoint_id=${endpoint.id}`)).body
    .data as DeliveryView[];
  assert.ok(delivered.every((d) => d.status === 'delivered'));
  await admin('DELETE', `/endpoints/${endpoint.id}`);
});

test('trigger refuses what it cannot do, saying why', async () => {
  await h.createOrder({ order_id: 'order_tr_2' });
  const cases = [
    [
      { type: 'DISPUTE_CREATED', order_id: 'order_tr_2' },
      400,
      'sandbox_request_invalid',
      /type : should be one of/,
    ],
    [{ type: 'PAYMENT_SUCCESS_WEBHOOK' }, 400, 'sandbox_request_invalid', /order_id/],
    [{ type: 'PAYMENT_SUCCESS_WEBHOOK', order_id: 'order_nope' }, 404, 'order_not_found', /does not exist/],
    [
      { type: 'REFUND_STATUS_WEBHOOK', order_id: 'order_tr_2' },
      400,
      'trigger_not_possible',
      /only a PAID order/,
    ],
    [{ type: 'PAYMENT_LINK_EVENT', order_id: 'order_tr_2' }, 400, 'trigger_not_possible', /payment link/],
    [
      { type: 'SETTLEMENT_SUCCESS', order_id: 'order_tr_2' },
      400,
      'trigger_not_possible',
      /advance the clock/,
    ],
  ] as const;
  for (const [body, status, code, message] of cases) {
    const res = await admin('POST', '/trigger', body);
    assert.equal(res.status, status, JSON.stringify(body));
    assert.equal(res.body.code, code);
    assert.match(res.body.message, message);
  }
});
