import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seedOrder, testClient } from '../../test/support.js';
import { jsonResponse } from '../testing/index.js';

const base = '/pg';

test('orders.create: POST /orders with the body', async () => {
  const order = {
    cf_order_id: '2149460581',
    order_id: 'order_001',
    payment_session_id: 'session_a1',
    order_status: 'ACTIVE',
  };
  const { client, fetch } = testClient(() => jsonResponse(order));
  assert.deepEqual(await client.orders.create(seedOrder()), order);
  assert.equal(fetch.lastCall?.method, 'POST');
  assert.equal(fetch.lastCall?.path, `${base}/orders`);
  assert.deepEqual(fetch.lastCall?.json, seedOrder());
});

test('orders.get: GET /orders/{order_id}, encoded', async () => {
  const { client, fetch } = testClient();
  await client.orders.get('order 001');
  assert.equal(fetch.lastCall?.method, 'GET');
  assert.equal(fetch.lastCall?.path, `${base}/orders/order%20001`);
});

test('orders.terminate: PATCH /orders/{order_id} with order_status TERMINATED and an idempotency key', async () => {
  const { client, fetch } = testClient();
  await client.orders.terminate('order_001');
  assert.equal(fetch.lastCall?.method, 'PATCH');
  assert.equal(fetch.lastCall?.path, `${base}/orders/order_001`);
  assert.deepEqual(fetch.lastCall?.json, { order_status: 'TERMINATED' });
  assert.ok(fetch.lastCall?.headers['x-idempotency-key']);
});

test('orders.pay: POST /orders/sessions with the payment method', async () => {
  const { client, fetch } = testClient();
  const body = {
    payment_session_id: 'session_cChK4rQ9',
    payment_method: { upi: { channel: 'collect' as const, upi_id: 'testsuccess@gocash' } },
  };
  await client.orders.pay(body);
  assert.equal(fetch.lastCall?.method, 'POST');
  assert.equal(fetch.lastCall?.path, `${base}/orders/sessions`);
  assert.deepEqual(fetch.lastCall?.json, body);
});

test('orders.authenticate: POST /orders/pay/authenticate/{cf_payment_id} with otp and action', async () => {
  const { client, fetch } = testClient();
  await client.orders.authenticate('8854413', { otp: '111000', action: 'SUBMIT_OTP' });
  assert.equal(fetch.lastCall?.method, 'POST');
  assert.equal(fetch.lastCall?.path, `${base}/orders/pay/authenticate/8854413`);
  assert.deepEqual(fetch.lastCall?.json, { otp: '111000', action: 'SUBMIT_OTP' });
  await client.orders.authenticate('a/b', { otp: '', action: 'RESEND_OTP' });
  assert.equal(fetch.lastCall?.path, `${base}/orders/pay/authenticate/a%2Fb`);
});

test('orders.getExtended: GET /orders/{order_id}/extended', async () => {
  const { client, fetch } = testClient();
  await client.orders.getExtended('order_001');
  assert.equal(fetch.lastCall?.method, 'GET');
  assert.equal(fetch.lastCall?.path, `${base}/orders/order_001/extended`);
});

test('orders.updateExtended: PUT /orders/{order_id}/extended with the shipment, and an idempotency key', async () => {
  const { client, fetch } = testClient();
  const body = {
    shipment_details: [
      {
        tracking_company: 'DHL',
        tracking_urls: ['https://dhl.com/track/123456'],
        tracking_numbers: ['TRACK123456'],
      },
    ],
    order_delivery_status: { status: 'SHIPPED' as const, reason: 'handed to the courier' },
  };
  await client.orders.updateExtended('order 001', body);
  assert.equal(fetch.lastCall?.method, 'PUT');
  assert.equal(fetch.lastCall?.path, `${base}/orders/order%20001/extended`);
  assert.deepEqual(fetch.lastCall?.json, body);
  assert.ok(fetch.lastCall?.headers['x-idempotency-key']);
});

test('orders.updateExtended: a delivery status outside the contract is refused before the wire', async () => {
  const { client, fetch } = testClient();
  const body = { order_delivery_status: { status: 'ARRIVED' } } as unknown as Parameters<
    typeof client.orders.updateExtended
  >[1];
  await assert.rejects(client.orders.updateExtended('order_001', body), (error: Error) => {
    assert.equal(error.name, 'ValidationError');
    assert.match(error.message, /order_delivery_status\.status/);
    assert.match(error.message, /DELIVERED/);
    return true;
  });
  assert.equal(fetch.calls.length, 0);
});
