/**
 * The README's Express webhook handler, run as written: only import specifiers are rewritten (to
 * the sources and the installed express) and `export { app }` is appended so the test can serve it
 * on 127.0.0.1. A loopback stand-in for Cashfree answers the `orders.get` the handler makes.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { signWebhook } from 'cashfree-kit/webhooks';
import { sendJson, startLoopbackServer } from '../support/loopback-server.js';
import { readmeSnippet, readmeWebhookModule } from '../support/readme-snippets.ts';
import { closeServer, postSigned, urlOf } from '../support/webhook-http.ts';
import { paymentFailedBody, paymentSuccessBody } from '../support/webhook-payloads.ts';

const SECRET = 'TEST_secret_key_value';

test('the README Express handler verifies, confirms with orders.get, and fulfils once paid', async (t) => {
  const cashfreeApi = await startLoopbackServer(t, (request, response) => {
    if (request.method === 'GET' && request.url === '/pg/orders/order_wh_1') {
      return sendJson(response, 200, { order_id: 'order_wh_1', order_amount: 170, order_status: 'PAID' });
    }
    sendJson(response, 404, { message: 'not found', code: 'order_not_found', type: 'invalid_request_error' });
  });
  const variables = {
    CASHFREE_APP_ID: 'TEST_app_id',
    CASHFREE_SECRET_KEY: SECRET,
    CASHFREE_ENV: 'TEST',
    CASHFREE_BASE_URL: `${cashfreeApi.url}/pg`,
  };
  const saved = Object.fromEntries(Object.keys(variables).map((name) => [name, process.env[name]]));
  t.after(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });
  Object.assign(process.env, variables);
  const dir = mkdtempSync(join(tmpdir(), 'cashfree-kit-readme-webhooks-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'webhook.mts');
  const code = readmeWebhookModule();
  assert.ok(
    readmeSnippet('Webhooks').trimEnd().split('\n').length < 15,
    'the Express handler stays under 15 lines',
  );
  writeFileSync(file, code);
  const log = t.mock.method(console, 'log', () => {});

  const { app } = (await import(pathToFileURL(file).href)) as {
    app: { listen(port: number, host: string): Server };
  };
  const server = app.listen(0, '127.0.0.1');
  t.after(() => closeServer(server));
  const url = `${await urlOf(server)}/webhook/cashfree`;

  const paid = await signWebhook({ body: paymentSuccessBody(), secret: SECRET });
  assert.deepEqual(await postSigned(url, paid), { status: 200, json: { received: true } });
  const failed = await signWebhook({ body: paymentFailedBody(), secret: SECRET });
  assert.equal((await postSigned(url, failed)).status, 200);
  const forged = await postSigned(url, paid, paid.rawBody.replace('170.00', '1.00'));
  assert.equal(forged.json.error?.reason, 'invalid_signature');

  assert.deepEqual(
    cashfreeApi.requests.map((request) => `${request.method} ${request.url}`),
    ['GET /pg/orders/order_wh_1'],
  );
  assert.deepEqual(
    log.mock.calls.map((call) => call.arguments),
    [['fulfil', 'order_wh_1']],
  );
});
