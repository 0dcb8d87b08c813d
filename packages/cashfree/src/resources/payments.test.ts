import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testClient } from '../../test/support.js';
import { jsonResponse } from '../testing/index.js';

test('payments.list: GET /orders/{order_id}/payments returns the array', async () => {
  const payments = [{ cf_payment_id: '12376123', order_id: 'order_001', payment_status: 'SUCCESS' }];
  const { client, fetch } = testClient(() => jsonResponse(payments));
  assert.deepEqual(await client.payments.list('order_001'), payments);
  assert.equal(fetch.lastCall?.method, 'GET');
  assert.equal(fetch.lastCall?.path, '/pg/orders/order_001/payments');
});

test('payments.get: GET /orders/{order_id}/payments/{cf_payment_id}, both encoded', async () => {
  const { client, fetch } = testClient();
  await client.payments.get('order#1', '12376123');
  assert.equal(fetch.lastCall?.method, 'GET');
  assert.equal(fetch.lastCall?.path, '/pg/orders/order%231/payments/12376123');
});
