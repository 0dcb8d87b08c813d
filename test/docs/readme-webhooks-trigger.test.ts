/**
 * `cashfree webhooks trigger` against the local sandbox, sent to the README's own Express handler:
 * the trigger makes the order the event names (and pays, fails or refunds it), so the handler's
 * `orders.get` finds it and it answers 200. A handler that answers 500 is reported as the
 * handler's failure, with the body it answered, not as a signature problem.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { run } from '@cashfree-kit/cli';
import { startSandbox } from '@cashfree-kit/sandbox';
import { Cashfree } from 'cashfree-kit';
import { startLoopbackServer } from '../support/loopback-server.js';
import { readmeWebhookModule } from '../support/readme-snippets.ts';
import { closeServer, urlOf } from '../support/webhook-http.ts';

const APP_ID = 'TESTreadmetrigger';
const SECRET = 'cfsk_ma_test_readme_trigger_0001';

async function cli(args: string[], env: Record<string, string>) {
  let stdout = '';
  let stderr = '';
  const code = await run([...args, '--json'], {
    env,
    stdout: {
      write: (text: string) => {
        stdout += text;
      },
    },
    stderr: {
      write: (text: string) => {
        stderr += text;
      },
    },
    stdin: Readable.from([]),
    untilStopped: () => new Promise(() => {}),
  });
  return { code, stdout, stderr, json: () => JSON.parse(stdout) as Record<string, unknown> };
}

async function localSandbox(t: { after(fn: () => unknown): void }) {
  const sandbox = await startSandbox({
    port: 0,
    host: '127.0.0.1',
    db: ':memory:',
    appId: APP_ID,
    secretKey: SECRET,
  });
  t.after(() => sandbox.close());
  const env = {
    CASHFREE_APP_ID: APP_ID,
    CASHFREE_SECRET_KEY: SECRET,
    CASHFREE_ENV: 'TEST',
    CASHFREE_BASE_URL: sandbox.apiBase,
  };
  return { sandbox, env };
}

test('the README handler answers 200 to each triggered event: the trigger made the objects it names', async (t) => {
  const { sandbox, env } = await localSandbox(t);
  const saved = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]));
  t.after(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });
  Object.assign(process.env, env);
  const dir = mkdtempSync(join(tmpdir(), 'cashfree-kit-readme-trigger-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'webhook.mts');
  writeFileSync(file, readmeWebhookModule());
  const log = t.mock.method(console, 'log', () => {});
  const { app } = (await import(pathToFileURL(file).href)) as {
    app: { listen(port: number, host: string): Server };
  };
  const server = app.listen(0, '127.0.0.1');
  t.after(() => closeServer(server));
  const url = `${await urlOf(server)}/webhook/cashfree`;

  const paid = await cli(['webhooks', 'trigger', 'PAYMENT_SUCCESS_WEBHOOK', '--to', url], env);
  assert.equal(paid.code, 0, paid.stderr);
  const report = paid.json();
  assert.equal(report['status_code'], 200);
  assert.equal(report['source'], 'local-sandbox');
  const orderId = (report['objects'] as { order_id: string }).order_id;
  const client = new Cashfree({
    appId: APP_ID,
    secretKey: SECRET,
    environment: 'sandbox',
    baseUrl: sandbox.apiBase,
  });
  assert.equal((await client.orders.get(orderId)).order_status, 'PAID');
  assert.deepEqual(
    log.mock.calls.map((call) => call.arguments),
    [['fulfil', orderId]],
  );

  for (const type of ['PAYMENT_FAILED_WEBHOOK', 'REFUND_STATUS_WEBHOOK', 'PAYMENT_LINK_EVENT']) {
    const result = await cli(['webhooks', 'trigger', type, '--to', url], env);
    assert.equal(result.code, 0, `${type}: ${result.stderr}`);
    assert.equal(result.json()['status_code'], 200, type);
    const made = result.json()['objects'] as { order_id: string; link_id?: string };
    if (type === 'REFUND_STATUS_WEBHOOK') {
      const refunds = await client.refunds.list(made.order_id);
      assert.equal(refunds.length, 1);
    }
    if (type === 'PAYMENT_LINK_EVENT') {
      assert.equal((await client.links.get(made.link_id as string)).link_status, 'PAID');
    }
  }
});

test('a handler that answers 500 is reported as the handler failing, with its body', async (t) => {
  const { env } = await localSandbox(t);
  const handler = await startLoopbackServer(t, (_request, response) => {
    response.writeHead(500, { 'content-type': 'text/plain' });
    response.end('TypeError: fulfilment is not defined');
  });
  const result = await cli(['webhooks', 'trigger', 'PAYMENT_SUCCESS_WEBHOOK', '--to', handler.url], env);
  assert.equal(result.code, 1);
  assert.equal(result.json()['status_code'], 500);
  assert.equal(result.json()['response_body'], 'TypeError: fulfilment is not defined');
  assert.match(
    result.stderr,
    /your handler failed: it answered HTTP 500 with "TypeError: fulfilment is not defined"/,
  );
  assert.doesNotMatch(result.stderr, /rejected the signature/);
});
