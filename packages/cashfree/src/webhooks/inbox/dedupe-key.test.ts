import assert from 'node:assert/strict';
import { test } from 'node:test';
import { verifiedEvent } from '../../../../../test/support/inbox-conformance.ts';
import {
  disputeBody,
  paymentLinkBody,
  paymentSuccessBody,
  refundBody,
  settlementBody,
} from '../../../../../test/support/webhook-payloads.ts';
import { webhookContentKey, webhookDedupeKey } from './dedupe-key.js';

test('the dedupe key is x-idempotency-key when present, else the content key', async () => {
  const v2025 = await verifiedEvent(paymentSuccessBody());
  const v2023 = await verifiedEvent(paymentSuccessBody(), { version: '2023-08-01' });
  assert.equal(await webhookDedupeKey(v2025), `idem:${v2025.delivery.idempotencyKey}`);
  assert.equal(await webhookDedupeKey(v2023), await webhookContentKey(v2023));
  // The content key ignores delivery facts and formatting, so both versions of one event collapse.
  assert.equal(await webhookContentKey(v2025), await webhookContentKey(v2023));
  const reformatted = await verifiedEvent(JSON.stringify(JSON.parse(paymentSuccessBody()), null, 2));
  assert.equal(await webhookContentKey(reformatted), await webhookContentKey(v2023));
});

test('content keys tell state changes apart within every family', async () => {
  const bodies = [
    paymentSuccessBody('order_1', 'cf_1'),
    paymentSuccessBody('order_1', 'cf_2'),
    paymentSuccessBody('order_2', 'cf_1'),
    paymentSuccessBody('order_1', 'cf_1').replace('PAYMENT_SUCCESS_WEBHOOK', 'PAYMENT_FAILED_WEBHOOK'),
    refundBody('refund_1', 'PENDING'),
    refundBody('refund_1', 'SUCCESS'),
    refundBody('refund_2', 'SUCCESS'),
    paymentLinkBody('link_1', 'PARTIALLY_PAID'),
    paymentLinkBody('link_1', 'PARTIALLY_PAID').replace(
      '"link_amount_paid":"200.12"',
      '"link_amount_paid":"300.00"',
    ),
    paymentLinkBody('link_1', 'PAID'),
    settlementBody('SETTLEMENT_INITIATED', 1),
    settlementBody('SETTLEMENT_SUCCESS', 1),
    settlementBody('SETTLEMENT_SUCCESS', 2),
    disputeBody('DISPUTE_CREATED', 'd1'),
    disputeBody('DISPUTE_UPDATED', 'd1'),
    disputeBody('DISPUTE_CREATED', 'd2'),
    '{"type":"INSTRUMENT_ACTIVE_WEBHOOK","data":{"instrument":{"instrument_id":"i1"}}}',
    '{"type":"INSTRUMENT_ACTIVE_WEBHOOK","data":{"instrument":{"instrument_id":"i2"}}}',
  ];
  const keys = await Promise.all(
    bodies.map(async (body) => webhookContentKey(await verifiedEvent(body, { version: '2023-08-01' }))),
  );
  assert.equal(new Set(keys).size, bodies.length);
  assert.ok(keys.every((key) => /^sha256:[A-Za-z0-9+/]{43}=$/.test(key)));
});
