import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DAY_MS, MINUTE_MS } from './clock/time.js';
import type { SandboxEvent } from './context.js';
import type { SandboxAppInternals } from './sandbox-app.js';
import { CARD, harness } from './testing/harness.js';

const h = harness();
const internals = h.sandbox as SandboxAppInternals;
const seen: Array<{ event: SandboxEvent; inTransaction: boolean }> = [];
h.sandbox.onEvent((event) => seen.push({ event, inTransaction: internals.context.store.db.inTransaction }));
const types = () => seen.map((s) => s.event.type);
/** The i-th event seen (fails the test when there is none). */
function eventAt(i: number): SandboxEvent {
  const entry = seen[i];
  assert.ok(entry, `expected an event at ${i}`);
  return entry.event;
}

test('payment outcomes append PAYMENT_*_WEBHOOK events with the webhook data, after commit', async () => {
  seen.length = 0;
  const order = await h.createOrder({ order_id: 'order_ev_1', order_tags: { shop: 'chai' } });
  assert.equal(seen.length, 0, 'creating an order is not a webhook event');
  const pay = await h.pay(order.payment_session_id, {
    upi: { channel: 'collect', upi_id: 'testfailure@gocash' },
  });
  await h.advance(500);
  const paid = await h.pay(order.payment_session_id, CARD);
  await h.call('POST', `/pg/orders/pay/authenticate/${paid.body.cf_payment_id}`, {
    action: 'SUBMIT_OTP',
    otp: '111000',
  });
  assert.deepEqual(types(), ['PAYMENT_FAILED_WEBHOOK', 'PAYMENT_SUCCESS_WEBHOOK']);
  assert.ok(
    seen.every((s) => !s.inTransaction),
    'listeners run after the transaction committed',
  );

  const [failed, success] = seen.map((s) => s.event) as [SandboxEvent, SandboxEvent];
  assert.equal(failed.order_id, 'order_ev_1');
  assert.equal(failed.cf_payment_id, pay.body.cf_payment_id);
  assert.equal(failed.event_time, '2025-01-15T10:00:00+05:30');
  const data = success.data as Record<string, Record<string, unknown>>;
  assert.deepEqual(data['order'], {
    order_id: 'order_ev_1',
    order_amount: 100,
    order_currency: 'INR',
    order_tags: { shop: 'chai' },
  });
  assert.equal(data['payment']?.['payment_status'], 'SUCCESS');
  assert.equal(data['payment']?.['cf_payment_id'], paid.body.cf_payment_id);
  assert.equal(data['customer_details']?.['customer_phone'], '9876543210');
  assert.equal(
    (failed.data as Record<string, Record<string, unknown>>)['error_details']?.['error_code'],
    'TRANSACTION_DECLINED',
  );
});

test('USER_DROPPED, refund, link and settlement changes have their events', async () => {
  seen.length = 0;
  const order = await h.createOrder();
  const pay = await h.pay(order.payment_session_id, {
    netbanking: { channel: 'link', netbanking_bank_code: 3333 },
  });
  await h.call('POST', '/pg/simulate', {
    entity: 'PAYMENTS',
    entity_id: pay.body.cf_payment_id,
    entity_simulation: { payment_status: 'USER_DROPPED' },
  });
  assert.deepEqual(types(), ['PAYMENT_USER_DROPPED_WEBHOOK']);

  seen.length = 0;
  const paidOrder = await h.paidOrder();
  await h.call('POST', `/pg/orders/${paidOrder.order_id}/refunds`, {
    refund_id: 'ev_refund',
    refund_amount: 10,
  });
  await h.advance(10 * MINUTE_MS);
  assert.deepEqual(types(), ['PAYMENT_SUCCESS_WEBHOOK', 'REFUND_STATUS_WEBHOOK']);
  const refundEvent = eventAt(1);
  assert.equal(
    refundEvent.cf_refund_id,
    (await h.call('GET', `/pg/orders/${paidOrder.order_id}/refunds/ev_refund`)).body.cf_refund_id,
  );
  assert.equal((refundEvent.data as { refund: { refund_status: string } }).refund.refund_status, 'SUCCESS');

  seen.length = 0;
  await h.call('POST', '/pg/links', {
    link_id: 'link_ev',
    link_amount: 50,
    link_currency: 'INR',
    link_purpose: 'Chai',
    customer_details: { customer_phone: '9876543210' },
  });
  await h.call('POST', '/pg/links/link_ev/cancel');
  assert.deepEqual(types(), ['PAYMENT_LINK_EVENT']);
  const linkData = eventAt(0).data as Record<string, unknown>;
  assert.equal(linkData['link_status'], 'CANCELLED');
  assert.equal(linkData['link_amount'], '50.00', 'link webhooks carry amounts as strings');
  assert.equal(eventAt(0).link_id, 'link_ev');

  seen.length = 0;
  await h.advance(2 * DAY_MS);
  assert.deepEqual(types(), ['SETTLEMENT_INITIATED', 'SETTLEMENT_SUCCESS']);
  const settlement = (eventAt(1).data as { settlement: Record<string, unknown> }).settlement;
  assert.equal(settlement['status'], 'SUCCESS');
  assert.equal(eventAt(1).cf_settlement_id, String(settlement['settlement_id']));
});

test('an event appended in a transaction that rolls back is neither stored nor published', () => {
  seen.length = 0;
  const ctx = internals.context;
  const before = ctx.store.events.after(0, 10_000).length;
  assert.throws(() =>
    ctx.transact(() => {
      ctx.appendEvent({
        type: 'PAYMENT_SUCCESS_WEBHOOK',
        order_id: 'x',
        cf_payment_id: null,
        cf_refund_id: null,
        link_id: null,
        cf_settlement_id: null,
        data: {},
      });
      throw new Error('boom');
    }),
  );
  assert.equal(ctx.store.events.after(0, 10_000).length, before);
  assert.equal(seen.length, 0);
});

test('a throwing listener does not break the request', async () => {
  const off = h.sandbox.onEvent(() => {
    throw new Error('listener bug');
  });
  const errors: unknown[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => errors.push(args);
  try {
    const order = await h.createOrder();
    const pay = await h.pay(order.payment_session_id, {
      netbanking: { channel: 'link', netbanking_bank_code: 3333 },
    });
    const res = await h.call('POST', '/pg/simulate', {
      entity: 'PAYMENTS',
      entity_id: pay.body.cf_payment_id,
      entity_simulation: { payment_status: 'SUCCESS' },
    });
    assert.equal(res.status, 200);
    assert.equal(errors.length, 1);
  } finally {
    console.error = original;
    off();
  }
});
