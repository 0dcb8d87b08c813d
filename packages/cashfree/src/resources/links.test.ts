import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testClient } from '../../test/support.js';

test('links.create: POST /links with the body', async () => {
  const { client, fetch } = testClient();
  const body = {
    link_id: 'link_001',
    link_amount: 999.0,
    link_currency: 'INR',
    link_purpose: 'Course fee',
    customer_details: { customer_phone: '9876543210' },
    link_partial_payments: false,
  };
  await client.links.create(body);
  assert.equal(fetch.lastCall?.method, 'POST');
  assert.equal(fetch.lastCall?.path, '/pg/links');
  assert.deepEqual(fetch.lastCall?.json, body);
});

test('links.get: GET /links/{link_id}', async () => {
  const { client, fetch } = testClient();
  await client.links.get('link_001');
  assert.equal(fetch.lastCall?.method, 'GET');
  assert.equal(fetch.lastCall?.path, '/pg/links/link_001');
});

test('links.cancel: POST /links/{link_id}/cancel with no body', async () => {
  const { client, fetch } = testClient();
  await client.links.cancel('link 001');
  assert.equal(fetch.lastCall?.method, 'POST');
  assert.equal(fetch.lastCall?.path, '/pg/links/link%20001/cancel');
  assert.equal(fetch.lastCall?.body, undefined);
  assert.equal(fetch.lastCall?.headers['content-type'], undefined);
  assert.ok(fetch.lastCall?.headers['x-idempotency-key']);
});

test('links.orders: GET /links/{link_id}/orders, with ?status= only when given', async () => {
  const { client, fetch } = testClient();
  await client.links.orders('link_001');
  assert.equal(fetch.lastCall?.method, 'GET');
  assert.equal(fetch.lastCall?.path, '/pg/links/link_001/orders');
  assert.equal(fetch.lastCall?.query.toString(), '');
  await client.links.orders('link_001', { status: 'ALL' });
  assert.equal(fetch.lastCall?.query.get('status'), 'ALL');
});
