import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DAY_MS, MINUTE_MS, SECOND_MS } from '../clock/time.js';
import { harness } from '../testing/harness.js';

const h = harness();
const refund = (orderId: string, body: Record<string, unknown>) =>
  h.call('POST', `/pg/orders/${orderId}/refunds`, body);

describe('creating refunds', () => {
  test('a refund on a paid order is PENDING, then SUCCESS on the sandbox clock', async () => {
    const order = await h.paidOrder();
    const res = await refund(order.order_id, {
      refund_id: 'refund_001',
      refund_amount: 40,
      refund_note: 'Customer request',
    });
    assert.equal(res.status, 200);
    const r = res.body;
    assert.equal(r.refund_id, 'refund_001');
    assert.equal(r.order_id, order.order_id);
    assert.equal(r.entity, 'refund');
    assert.equal(r.refund_amount, 40);
    assert.equal(r.refund_status, 'PENDING');
    assert.equal(r.refund_type, 'MERCHANT_INITIATED');
    assert.equal(r.refund_mode, 'STANDARD');
    assert.equal(r.refund_arn, null);
    assert.match(r.cf_refund_id, /^\d+$/);
    await h.advance(10 * MINUTE_MS);
    const done = (await h.call('GET', `/pg/orders/${order.order_id}/refunds/refund_001`)).body;
    assert.equal(done.refund_status, 'SUCCESS');
    assert.match(done.refund_arn, /^\d{12}$/);
    assert.ok(done.processed_at);
    assert.equal(done.status_description, 'Refund processed successfully');
  });

  test('INSTANT refunds are processed within seconds', async () => {
    const order = await h.paidOrder();
    await refund(order.order_id, { refund_id: 'refund_fast', refund_amount: 10, refund_speed: 'INSTANT' });
    await h.advance(30 * SECOND_MS);
    const r = (await h.call('GET', `/pg/orders/${order.order_id}/refunds/refund_fast`)).body;
    assert.equal(r.refund_status, 'SUCCESS');
    assert.deepEqual(r.refund_speed, {
      requested: 'INSTANT',
      accepted: 'INSTANT',
      processed: 'INSTANT',
      message: null,
    });
  });

  test('refunds need a paid order', async () => {
    const order = await h.createOrder();
    const res = await refund(order.order_id, { refund_id: 'refund_unpaid', refund_amount: 10 });
    assert.equal(res.status, 400);
    assert.equal(res.body.code, 'refund_invalid');
    assert.match(res.body.message, /PAID order; order_status is ACTIVE/);
    const missing = await refund('no_such_order', { refund_id: 'refund_x', refund_amount: 10 });
    assert.equal(missing.status, 404);
    assert.equal(missing.body.code, 'order_not_found');
  });

  test('partial refunds add up to the captured amount, never above it', async () => {
    const order = await h.paidOrder();
    assert.equal((await refund(order.order_id, { refund_id: 'part_1', refund_amount: 60 })).status, 200);
    const over = await refund(order.order_id, { refund_id: 'part_2', refund_amount: 40.01 });
    assert.equal(over.status, 400);
    assert.equal(over.body.code, 'refund_amount_invalid');
    assert.equal(
      over.body.message,
      'refund_amount : should not exceed the refundable amount of 40.00. Value received: 40.01',
    );
    assert.equal((await refund(order.order_id, { refund_id: 'part_3', refund_amount: 40 })).status, 200);
    const list = (await h.call('GET', `/pg/orders/${order.order_id}/refunds`)).body;
    assert.deepEqual(
      list.map((r: { refund_id: string }) => r.refund_id),
      ['part_1', 'part_3'],
    );
  });

  test('a cancelled refund frees its amount again', async () => {
    const order = await h.paidOrder();
    await refund(order.order_id, { refund_id: 'cancel_me', refund_amount: 100 });
    const cancelled = await h.call('POST', `/_sandbox/orders/${order.order_id}/refunds/cancel_me/status`, {
      refund_status: 'CANCELLED',
    });
    assert.equal(cancelled.body.refund_status, 'CANCELLED');
    assert.equal(
      (await refund(order.order_id, { refund_id: 'after_cancel', refund_amount: 100 })).status,
      200,
    );
  });

  test('refunds are accepted for 180 days after the payment', async () => {
    const order = await h.paidOrder();
    await h.advance(180 * DAY_MS);
    assert.equal((await refund(order.order_id, { refund_id: 'day_180', refund_amount: 1 })).status, 200);
    await h.advance(1);
    const late = await refund(order.order_id, { refund_id: 'day_181', refund_amount: 1 });
    assert.equal(late.status, 400);
    assert.equal(late.body.code, 'refund_invalid');
    assert.match(late.body.message, /within 180 days/);
  });

  test('a repeated refund_id returns the same refund; with another body it is refused', async () => {
    const order = await h.paidOrder();
    const first = await refund(order.order_id, { refund_id: 'dup_refund', refund_amount: 20 });
    const again = await refund(order.order_id, { refund_id: 'dup_refund', refund_amount: 20 });
    assert.equal(again.status, 200);
    assert.deepEqual(again.body, first.body);
    const different = await refund(order.order_id, { refund_id: 'dup_refund', refund_amount: 25 });
    assert.equal(different.status, 400);
    assert.equal(different.body.code, 'refund_id_already_exists');
    assert.equal((await h.call('GET', `/pg/orders/${order.order_id}/refunds`)).body.length, 1);
  });

  test('validation uses Cashfree wording', async () => {
    const order = await h.paidOrder();
    const negative = await refund(order.order_id, { refund_id: 'neg', refund_amount: -1 });
    assert.deepEqual(negative.body, {
      message: 'refund_amount : Invalid amount entered ',
      code: 'refund_amount_invalid',
      type: 'invalid_request_error',
    });
    const noId = await refund(order.order_id, { refund_amount: 1 });
    assert.equal(noId.body.code, 'refund_id_missing');
    const speed = await refund(order.order_id, { refund_id: 'spd', refund_amount: 1, refund_speed: 'FAST' });
    assert.equal(
      speed.body.message,
      'refund_speed : should be one of STANDARD, INSTANT. Value received: FAST',
    );
  });
});

describe('refund statuses', () => {
  test('ONHOLD waits; back to PENDING it is processed again; final statuses do not move', async () => {
    const order = await h.paidOrder();
    await refund(order.order_id, { refund_id: 'held', refund_amount: 5 });
    const path = `/_sandbox/orders/${order.order_id}/refunds/held/status`;
    assert.equal((await h.call('POST', path, { refund_status: 'ONHOLD' })).body.refund_status, 'ONHOLD');
    await h.advance(60 * MINUTE_MS);
    assert.equal(
      (await h.call('GET', `/pg/orders/${order.order_id}/refunds/held`)).body.refund_status,
      'ONHOLD',
    );
    await h.call('POST', path, { refund_status: 'PENDING' });
    await h.advance(10 * MINUTE_MS);
    assert.equal(
      (await h.call('GET', `/pg/orders/${order.order_id}/refunds/held`)).body.refund_status,
      'SUCCESS',
    );
    const back = await h.call('POST', path, { refund_status: 'CANCELLED' });
    assert.equal(back.status, 400);
    assert.equal(back.body.code, 'refund_invalid');
  });

  test('an unknown refund_id is 404', async () => {
    const order = await h.paidOrder();
    const res = await h.call('GET', `/pg/orders/${order.order_id}/refunds/nope`);
    assert.equal(res.status, 404);
    assert.equal(res.body.code, 'refund_get_not_found');
  });
});
