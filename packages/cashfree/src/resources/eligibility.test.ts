import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testClient } from '../../test/support.js';
import { jsonResponse } from '../testing/index.js';

const base = '/pg';

test('eligibility.paymentMethods: POST /eligibility/payment_methods with the queries and filters', async () => {
  const answer = [
    {
      eligibility: true,
      entity_type: 'payment_methods',
      entity_value: 'netbanking',
      entity_details: {
        payment_method_details: [{ nick: 'test_bank', display: 'TEST Bank', eligibility: true, code: 3333 }],
      },
    },
  ];
  const { client, fetch } = testClient(() => jsonResponse(answer));
  const body = { queries: { amount: 499 }, filters: { payment_methods: ['netbanking' as const] } };
  assert.deepEqual(await client.eligibility.paymentMethods(body), answer);
  assert.equal(fetch.lastCall?.method, 'POST');
  assert.equal(fetch.lastCall?.path, `${base}/eligibility/payment_methods`);
  assert.deepEqual(fetch.lastCall?.json, body);
});

test('eligibility.paymentMethods: queries is required, the amount is rupees of at least 1, the order id 3-50 characters', async () => {
  const { client, fetch } = testClient();
  const send = (body: unknown) =>
    client.eligibility.paymentMethods(body as Parameters<typeof client.eligibility.paymentMethods>[0]);
  for (const [body, field] of [
    [{}, 'queries'],
    [{ queries: { amount: 0.5 } }, 'queries.amount'],
    [{ queries: { amount: '499' } }, 'queries.amount'],
    [{ queries: { order_id: 'ab' } }, 'queries.order_id'],
  ] as const) {
    await assert.rejects(send(body), (error: Error & { field?: string }) => {
      assert.equal(error.name, 'ValidationError');
      assert.equal(error.field, field, JSON.stringify(body));
      return true;
    });
  }
  assert.equal(fetch.calls.length, 0);
});
