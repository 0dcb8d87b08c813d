import assert from 'node:assert/strict';
import { test } from 'node:test';
import { verifiedEvent } from '../../../../test/support/inbox-conformance.ts';
import {
  paymentFailedBody,
  paymentSuccessBody,
  refundBody,
} from '../../../../test/support/webhook-payloads.ts';
import { movesOrderForward, type OrderStatus, orderStatusAfter } from './order-status.js';

test('a late PAYMENT_FAILED for one attempt never undoes PAID from another', async () => {
  const paid = await verifiedEvent(paymentSuccessBody('order_1', 'cf_attempt_2'));
  const lateFailure = await verifiedEvent(paymentFailedBody('order_1', 'cf_attempt_1'));
  let status: OrderStatus = 'ACTIVE';
  status = orderStatusAfter(status, paid);
  assert.equal(status, 'PAID');
  assert.equal(orderStatusAfter(status, lateFailure), 'PAID');
  assert.equal(movesOrderForward(status, lateFailure), false);
});

test('in either arrival order the outcome is the same', async () => {
  const events = [
    await verifiedEvent(paymentFailedBody('order_2', 'cf_a')),
    await verifiedEvent(paymentSuccessBody('order_2', 'cf_b')),
    await verifiedEvent(refundBody()),
  ];
  for (const order of [events, [...events].reverse(), [events[1]!, events[0]!, events[2]!]]) {
    assert.equal(
      order.reduce<OrderStatus>((status, event) => orderStatusAfter(status, event), 'ACTIVE'),
      'PAID',
    );
  }
});

test('a success with payment_status PENDING, refunds and unknown events leave the order alone', async () => {
  const pending = await verifiedEvent(
    paymentSuccessBody('order_3').replace('"payment_status":"SUCCESS"', '"payment_status":"PENDING"'),
  );
  const refund = await verifiedEvent(refundBody());
  const unknown = await verifiedEvent('{"type":"INSTRUMENT_ACTIVE_WEBHOOK","data":{}}');
  for (const event of [pending, refund, unknown]) {
    assert.equal(orderStatusAfter('ACTIVE', event), 'ACTIVE');
    assert.equal(movesOrderForward('ACTIVE', event), false);
  }
});

test('a success moves an expired or terminated order to PAID (money was captured); a failure does not reopen it', async () => {
  const success = await verifiedEvent(paymentSuccessBody('order_4'));
  const failure = await verifiedEvent(paymentFailedBody('order_4'));
  for (const status of ['EXPIRED', 'TERMINATED', 'TERMINATION_REQUESTED'] as const) {
    assert.equal(orderStatusAfter(status, success), 'PAID');
    assert.equal(orderStatusAfter(status, failure), status);
  }
});
