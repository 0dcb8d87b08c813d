/**
 * The README's "Quick start (SDK)" code, run as written against a loopback stand-in for Cashfree
 * (the paid branch, with its refund), and twice against one local sandbox (state persists, so a
 * fixed order_id would fail the second run with a 409). Only the import specifier is rewritten (to
 * the SDK's source) and the environment variables point the client at the server.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TestContext, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { startSandbox } from '@cashfree-kit/sandbox';
import { Cashfree } from 'cashfree-kit';
import { sendJson, startLoopbackServer } from '../support/loopback-server.js';
import { readmeSnippet, withSourceImports } from '../support/readme-snippets.ts';

const APP_ID = 'TESTreadmequickstart';
const SECRET_KEY = 'cfsk_ma_test_readme_quickstart_01';

function quickStartCode(): string {
  const code = readmeSnippet('Quick start (SDK)');
  assert.match(code, /from 'cashfree-kit'/);
  return code;
}

/** Writes the quick start as a module of its own (each run a new file, so it runs again). */
function quickStartModule(dir: string, name: string): string {
  const file = join(dir, `${name}.mts`);
  writeFileSync(file, withSourceImports(quickStartCode()));
  return pathToFileURL(file).href;
}

/** Points Cashfree.fromEnv() at `baseUrl` for the test, restoring the environment after it. */
function useEnvironment(t: TestContext, baseUrl: string): void {
  const variables = {
    CASHFREE_APP_ID: APP_ID,
    CASHFREE_SECRET_KEY: SECRET_KEY,
    CASHFREE_ENV: 'TEST',
    CASHFREE_BASE_URL: baseUrl,
  };
  const saved = Object.fromEntries(Object.keys(variables).map((name) => [name, process.env[name]]));
  t.after(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });
  Object.assign(process.env, variables);
}

test('the README quick start creates, verifies and refunds an order', async (t) => {
  let orderId = '';
  const order = () => ({
    cf_order_id: '2149460581',
    order_id: orderId,
    order_amount: 499,
    order_currency: 'INR',
  });
  const server = await startLoopbackServer(t, (request, response) => {
    const route = `${request.method} ${request.url}`;
    if (route === 'POST /pg/orders') {
      orderId = JSON.parse(request.body).order_id;
      return sendJson(response, 200, {
        ...order(),
        order_status: 'ACTIVE',
        payment_session_id: 'session_quickstart',
      });
    }
    if (route === `GET /pg/orders/${orderId}`)
      return sendJson(response, 200, { ...order(), order_status: 'PAID' });
    if (route === `POST /pg/orders/${orderId}/refunds`) {
      return sendJson(response, 200, {
        refund_id: 'refund_001',
        order_id: orderId,
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
  useEnvironment(t, `${server.url}/pg`);
  const log = t.mock.method(console, 'log', () => {});

  await import(quickStartModule(dir, 'quickstart'));

  assert.match(orderId, /^[A-Za-z0-9_-]{3,45}$/);
  assert.deepEqual(
    server.requests.map((request) => `${request.method} ${request.url}`),
    ['POST /pg/orders', `GET /pg/orders/${orderId}`, `POST /pg/orders/${orderId}/refunds`],
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

test('the README quick start runs again against the same local sandbox: each run its own order', async (t) => {
  const sandbox = await startSandbox({
    port: 0,
    host: '127.0.0.1',
    db: ':memory:',
    appId: APP_ID,
    secretKey: SECRET_KEY,
  });
  t.after(() => sandbox.close());
  useEnvironment(t, sandbox.apiBase);
  const dir = mkdtempSync(join(tmpdir(), 'cashfree-kit-readme-twice-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const log = t.mock.method(console, 'log', () => {});

  await import(quickStartModule(dir, 'first-run'));
  await import(quickStartModule(dir, 'second-run'));

  const sessions = log.mock.calls.map((call) => call.arguments);
  assert.equal(sessions.length, 2);
  const client = new Cashfree({
    appId: APP_ID,
    secretKey: SECRET_KEY,
    environment: 'sandbox',
    baseUrl: sandbox.apiBase,
  });
  const state = (await (await fetch(`${sandbox.url}/_sandbox/state`)).json()) as {
    orders: { order_id: string; payment_session_id: string }[];
  };
  assert.equal(state.orders.length, 2);
  for (const [label, session] of sessions) {
    assert.equal(label, 'session');
    const order = state.orders.find((o) => o.payment_session_id === session);
    assert.ok(order, `an order has session ${String(session)}`);
    assert.equal((await client.orders.get(order.order_id)).order_status, 'ACTIVE');
  }
  // The line that says how to pay names a page the sandbox serves for that session.
  assert.match(quickStartCode(), /<sandbox>\/checkout\/pay\?session=<payment_session_id>/);
  const page = await fetch(
    `${sandbox.url}/checkout/pay?session=${encodeURIComponent(String(sessions[0]?.[1]))}`,
  );
  assert.equal(page.status, 200);
});
