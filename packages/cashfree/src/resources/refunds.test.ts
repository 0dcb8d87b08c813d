import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testClient } from '../../test/support.js';

test('refunds.create: POST /orders/{order_id}/refunds with the body', async () => {
  const { client, fetch } = testClient();
  const body = {
    refund_amount: 499.0,
    refund_id: 'refund_001',
    refund_note: 'Customer request',
    refund_speed: 'STANDARD' as const,
  };
  await client.refunds.create('order_001', body);
  assert.equal(fetch.lastCall?.method, 'POST');
  assert.equal(fetch.lastCall?.path, '/pg/orders/order_001/refunds');
  assert.deepEqual(fetch.lastCall?.json, body);
  assert.ok(fetch.lastCall?.headers['x-idempotency-key']);
});

test('refunds.get: GET /orders/{order_id}/refunds/{refund_id}', async () => {
  const { client, fetch } = testClient();
  await client.refunds.get('order_001', 'refund 001');
  assert.equal(fetch.lastCall?.method, 'GET');
  assert.equal(fetch.lastCall?.path, '/pg/orders/order_001/refunds/refund%20001');
});

test('refunds.list: GET /orders/{order_id}/refunds', async () => {
  const { client, fetch } = testClient();
  await client.refunds.list('order_001');
  assert.equal(fetch.lastCall?.method, 'GET');
  assert.equal(fetch.lastCall?.path, '/pg/orders/order_001/refunds');
});
