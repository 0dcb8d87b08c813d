/**
 * The README's "Quick start (SDK)" code, run as written against a loopback stand-in for Cashfree,
 * so the snippet users copy cannot drift from the SDK. Only the import specifier is rewritten (to
 * the SDK's source) and the environment variables point the client at the loopback server.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { sendJson, startLoopbackServer } from '../support/loopback-server.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

function quickStartCode(): string {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.split('## Quick start (SDK)')[1]?.split('\n## ')[0];
  assert.ok(section, 'README.md has a "## Quick start (SDK)" section');
  const code = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
  assert.ok(code, 'the section has a ts code block');
  assert.match(code, /from 'cashfree-kit'/);
  return code;
}

test('the README quick start creates, verifies and refunds an order', async (t) => {
  const order = {
    cf_order_id: '2149460581',
    order_id: 'order_001',
    order_amount: 499,
    order_currency: 'INR',
  };
  const server = await startLoopbackServer(t, (request, response) => {
    const route = `${request.method} ${request.url}`;
    if (route === 'POST /pg/orders') {
      return sendJson(response, 200, {
        ...order,
        order_status: 'ACTIVE',
        payment_session_id: 'session_quickstart',
      });
    }
    if (route === 'GET /pg/orders/order_001')
      return sendJson(response, 200, { ...order, order_status: 'PAID' });
    if (route === 'POST /pg/orders/order_001/refunds') {
      return sendJson(response, 200, {
        refund_id: 'refund_001',
        order_id: 'order_001',
        refund_status: 'PENDING',
      });
    }
    sendJson(response, 404, {
      message: `no route ${route}`,
      code: 'not_found',
      type: 'invalid_request_error',
    });
  });

  const dir = mkdtempSync(join(tmpdir(), 'cashfree-kit-readme-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const sdk = pathToFileURL(join(root, 'packages/cashfree/src/index.ts')).href;
  const file = join(dir, 'quickstart.mts');
  writeFileSync(file, quickStartCode().replace(`from 'cashfree-kit'`, `from '${sdk}'`));

  const variables = {
    CASHFREE_APP_ID: 'TEST_app_id',
    CASHFREE_SECRET_KEY: 'TEST_secret_key_value',
    CASHFREE_ENV: 'TEST',
    CASHFREE_BASE_URL: `${server.url}/pg`,
  };
  const saved = Object.fromEntries(Object.keys(variables).map((name) => [name, process.env[name]]));
  t.after(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });
  Object.assign(process.env, variables);
  const log = t.mock.method(console, 'log', () => {});

  await import(pathToFileURL(file).href);

  assert.deepEqual(
    server.requests.map((request) => `${request.method} ${request.url}`),
    ['POST /pg/orders', 'GET /pg/orders/order_001', 'POST /pg/orders/order_001/refunds'],
  );
  assert.equal(JSON.parse(server.requests[0]?.body ?? '{}').customer_details.customer_phone, '9876543210');
  assert.deepEqual(JSON.parse(server.requests[2]?.body ?? '{}'), {
    refund_id: 'refund_001',
    refund_amount: 499,
    refund_note: 'Customer request',
  });
  assert.deepEqual(
    log.mock.calls.map((call) => call.arguments),
    [
      ['session', 'session_quickstart'],
      ['refund', 'PENDING'],
    ],
  );
});
