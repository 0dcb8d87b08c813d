import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DAY_MS } from '../clock/time.js';
import type { SandboxEvent } from '../context.js';
import { harness } from '../testing/harness.js';
import { dataForVersion, renderWebhookBody, stringifyWithMoney } from './payload.js';

const h = harness();
const events: SandboxEvent[] = [];
h.sandbox.onEvent((event) => events.push(event));

function eventOf(type: string): SandboxEvent {
  const event = events.findLast((e) => e.type === type);
  assert.ok(event, `expected a ${type} event; saw ${events.map((e) => e.type).join(', ')}`);
  return event;
}

const keys = (value: unknown) => Object.keys(value as object).sort();

test('money is printed with two decimals, as Cashfree does; other numbers and strings are untouched', () => {
  assert.equal(
    stringifyWithMoney({
      order_amount: 170,
      payment_amount: 1.5,
      cf: 170,
      note: 'order_amount',
      refund_amount: null,
    }),
    '{"order_amount":170.00,"payment_amount":1.50,"cf":170,"note":"order_amount","refund_amount":null}',
  );
  assert.equal(
    stringifyWithMoney({ link_amount: '200.12', order: { order_amount: '1.00' } }),
    '{"link_amount":"200.12","order":{"order_amount":"1.00"}}',
  );
  // A string that looks like the internal marker stays a string.
  const tricky = { customer_name: '\u0001cfk-money:1.00' };
  assert.deepEqual(JSON.parse(stringifyWithMoney(tricky)), tricky);
});

test('payment webhooks: 2025-01-01 has the fields 2023-08-01 lacks, and nothing else differs', async () => {
  const order = await h.createOrder({ order_id: 'order_payload_1' });
  await h.pay(order.payment_session_id, { upi: { channel: 'collect', upi_id: 'testfailure@gocash' } });
  await h.advance(1_000);
  const failed = eventOf('PAYMENT_FAILED_WEBHOOK');

  const v2025 = JSON.parse(renderWebhookBody(failed, '2025-01-01'));
  const v2023 = JSON.parse(renderWebhookBody(failed, '2023-08-01'));
  assert.deepEqual(keys(v2025), ['data', 'event_time', 'type']);
  assert.deepEqual(keys(v2023), ['data', 'event_time', 'type']);
  assert.equal(v2025.type, 'PAYMENT_FAILED_WEBHOOK');
  assert.equal(v2025.event_time, '2025-01-15T10:00:00+05:30');

  // Cashfree's payments webhook page: both versions carry these …
  for (const v of [v2025, v2023]) {
    for (const key of [
      'order',
      'payment',
      'customer_details',
      'payment_gateway_details',
      'payment_offers',
      'error_details',
    ]) {
      assert.ok(key in v.data, `data.${key}`);
    }
    assert.deepEqual(keys(v.data.order), ['order_amount', 'order_currency', 'order_id', 'order_tags']);
    for (const key of [
      'cf_payment_id',
      'payment_status',
      'payment_amount',
      'payment_currency',
      'payment_message',
      'payment_time',
      'bank_reference',
      'auth_id',
      'payment_method',
      'payment_group',
    ]) {
      assert.ok(key in v.data.payment, `data.payment.${key}`);
    }
    assert.equal(typeof v.data.payment.cf_payment_id, 'string');
    for (const key of ['error_code', 'error_description', 'error_reason', 'error_source']) {
      assert.ok(key in v.data.error_details, `data.error_details.${key}`);
    }
  }
  // … and 2025-01-01 adds international_payment, payment_surcharge, terminal_details and the UPI payer fields.
  assert.deepEqual(v2025.data.payment.international_payment, { international: false });
  assert.ok('payment_surcharge' in v2025.data.payment);
  assert.ok('terminal_details' in v2025.data);
  assert.deepEqual(keys(v2025.data.payment.payment_method.upi), [
    'channel',
    'upi_id',
    'upi_instrument',
    'upi_instrument_number',
    'upi_payer_account_number',
    'upi_payer_ifsc',
  ]);
  assert.ok(!('international_payment' in v2023.data.payment));
  assert.ok(!('payment_surcharge' in v2023.data.payment));
  assert.ok(!('terminal_details' in v2023.data));
  assert.deepEqual(keys(v2023.data.payment.payment_method.upi), ['channel', 'upi_id']);

  // Removing exactly those fields from 2025-01-01 gives 2023-08-01.
  const stripped = structuredClone(v2025);
  delete stripped.data.terminal_details;
  delete stripped.data.payment.international_payment;
  delete stripped.data.payment.payment_surcharge;
  delete stripped.data.payment.payment_method.upi.upi_payer_ifsc;
  delete stripped.data.payment.payment_method.upi.upi_payer_account_number;
  delete stripped.data.payment.payment_method.upi.upi_instrument;
  delete stripped.data.payment.payment_method.upi.upi_instrument_number;
  assert.deepEqual(v2023, stripped);

  const raw = renderWebhookBody(failed, '2025-01-01');
  assert.match(raw, /"order_amount":100\.00/);
  assert.match(raw, /"payment_amount":100\.00/);
  assert.deepEqual(failed.data, JSON.parse(JSON.stringify(failed.data)), 'the event itself is not changed');
});

test('refund, link and settlement webhooks are the same in both versions; link events carry "version": 1', async () => {
  const paid = await h.paidOrder({ order_id: 'order_payload_2' });
  await h.call('POST', `/pg/orders/${paid.order_id}/refunds`, {
    refund_id: 'refund_payload_1',
    refund_amount: 10,
  });
  await h.call('POST', `/_sandbox/orders/${paid.order_id}/refunds/refund_payload_1/status`, {
    refund_status: 'SUCCESS',
  });
  await h.call('POST', '/pg/links', {
    link_id: 'link_payload_1',
    link_amount: 50,
    link_currency: 'INR',
    link_purpose: 'Payload test',
    customer_details: { customer_phone: '9876543210' },
  });
  await h.call('POST', '/pg/links/link_payload_1/cancel');
  await h.advance(2 * DAY_MS);

  const refund = eventOf('REFUND_STATUS_WEBHOOK');
  const link = eventOf('PAYMENT_LINK_EVENT');
  const settlement = eventOf('SETTLEMENT_SUCCESS');
  for (const event of [refund, link, settlement]) {
    assert.equal(renderWebhookBody(event, '2023-08-01'), renderWebhookBody(event, '2025-01-01'));
    assert.equal(dataForVersion(event.type, event.data, '2023-08-01'), event.data);
  }
  const refundBody = JSON.parse(renderWebhookBody(refund, '2025-01-01'));
  assert.equal(refundBody.data.refund.entity, 'Refund');
  assert.equal(refundBody.data.refund.refund_status, 'SUCCESS');
  assert.match(renderWebhookBody(refund, '2025-01-01'), /"refund_amount":10\.00/);

  const linkBody = JSON.parse(renderWebhookBody(link, '2025-01-01'));
  assert.deepEqual(keys(linkBody), ['data', 'event_time', 'type', 'version']);
  assert.equal(linkBody.version, 1);
  assert.equal(linkBody.data.link_status, 'CANCELLED');
  assert.equal(linkBody.data.link_amount, '50.00', 'link webhooks print amounts as strings');

  const settlementBody = JSON.parse(renderWebhookBody(settlement, '2025-01-01'));
  for (const key of [
    'amount_settled',
    'payment_amount',
    'service_charge',
    'service_tax',
    'settlement_amount',
    'settlement_id',
    'status',
    'utr',
  ]) {
    assert.ok(key in settlementBody.data.settlement, `data.settlement.${key}`);
  }
  assert.match(renderWebhookBody(settlement, '2025-01-01'), /"settlement_amount":\d+\.\d\d/);
});
