/**
 * With production keys the server refuses every tool that writes, says why and how to allow it,
 * and sends nothing; reads still go out (here to a loopback stand-in for Cashfree named by
 * CASHFREE_BASE_URL). The secret key shows in no result and no log line.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { listOperations } from 'cashfree-kit';
import { SUITE_SECRET, secretLeaks } from '../reliability/support/suite-secret.ts';
import { startLoopbackServer } from '../support/loopback-server.ts';
import { call, dataOf, textOf } from './checkout-flow.ts';
import { stdioClient } from './support.ts';

const ORDER = { order_id: 'order_prod_1', order_status: 'ACTIVE', order_amount: 1, order_currency: 'INR' };

async function productionServer(t: test.TestContext, args: string[] = []) {
  const cashfree = await startLoopbackServer(t, (_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(ORDER));
  });
  const env = {
    CASHFREE_APP_ID: 'prod_app_id_1',
    CASHFREE_SECRET_KEY: SUITE_SECRET,
    CASHFREE_ENV: 'PROD',
    CASHFREE_BASE_URL: `${cashfree.url}/pg`,
  };
  return { cashfree, ...(await stdioClient(t, { env, args })) };
}

const orderBody = {
  order_id: 'order_prod_2',
  order_amount: 1,
  order_currency: 'INR',
  customer_details: { customer_id: 'c_1', customer_phone: '9876543210' },
};

test('production keys: a write is refused with the flag to allow it, nothing is sent, and a read goes out', async (t) => {
  const { client, cashfree, stderr } = await productionServer(t);
  const { tools } = await client.listTools();
  assert.ok(!tools.some((tool) => tool.name.startsWith('sandbox_')), 'no sandbox tools with keys');

  const refused = await call(client, 'orders_create', { body: orderBody });
  assert.equal(refused.isError, true);
  assert.match(textOf(refused), /production/);
  assert.match(textOf(refused), /--allow-production-writes/);

  for (const { call: sdkCall, operation } of listOperations()) {
    if (operation.effect === 'read') continue;
    const tool = tools.find((candidate) => candidate.annotations?.title?.startsWith(`${sdkCall} `));
    assert.ok(tool, `a tool for ${sdkCall}`);
    const answer = await call(client, tool.name, {});
    assert.equal(answer.isError, true, `${tool.name} is refused`);
    assert.match(textOf(answer), /--allow-production-writes/, `${tool.name} says how to allow it`);
  }
  assert.equal(cashfree.requests.length, 0, 'no write reached Cashfree');

  const read = dataOf(await call(client, 'orders_get', { order_id: ORDER.order_id }));
  assert.equal(read['order_id'], ORDER.order_id);
  assert.equal(cashfree.requests.length, 1);
  assert.equal(cashfree.requests[0]?.method, 'GET');
  assert.equal(cashfree.requests[0]?.url, `/pg/orders/${ORDER.order_id}`);

  assert.deepEqual(secretLeaks(stderr()), [], 'the secret is in no log line');
  assert.deepEqual(secretLeaks(JSON.stringify([refused, read])), [], 'the secret is in no result');
});

test('production keys with --allow-production-writes: the write goes out', async (t) => {
  const { client, cashfree } = await productionServer(t, ['--allow-production-writes']);
  const created = dataOf(await call(client, 'orders_create', { body: orderBody }));
  assert.equal(created['order_id'], ORDER.order_id);
  assert.equal(cashfree.requests[0]?.method, 'POST');
  assert.equal(cashfree.requests[0]?.url, '/pg/orders');
});
