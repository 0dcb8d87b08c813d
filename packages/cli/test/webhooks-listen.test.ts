/**
 * `cashfree webhooks listen` and the webhook flags of `cashfree sandbox start`, through the real
 * binary against a real sandbox and a real receiving server: every delivery attempt is printed as
 * it happens (retries too), the forwarding endpoint is removed on Ctrl-C, and the sandbox's
 * webhook version and retry schedule follow the flags.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Cashfree } from 'cashfree-kit';
import { constructWebhookEvent } from 'cashfree-kit/webhooks';
import { sendJson, startLoopbackServer } from '../../../test/support/loopback-server.ts';
import {
  APP_ID,
  payWithTestCard,
  runCli,
  SECRET_KEY,
  sandboxEnv,
  startCli,
  startTestSandbox,
} from './support.ts';

interface DeliveryLine {
  event: 'delivery';
  event_type: string;
  order_id: string | null;
  attempt: number;
  status_code: number | null;
  status: string;
}

async function payOrder(
  apiBase: string,
  orderId: string,
  appId = APP_ID,
  secretKey = SECRET_KEY,
): Promise<void> {
  const client = new Cashfree({ appId, secretKey, environment: 'sandbox', baseUrl: apiBase });
  const order = await client.orders.create({
    order_id: orderId,
    order_amount: 170,
    order_currency: 'INR',
    customer_details: { customer_id: 'cust_listen', customer_phone: '9876543210' },
  });
  await payWithTestCard(client, order.order_id);
}

describe('cashfree webhooks listen', () => {
  test('prints each delivery, its retries, and removes the endpoint on Ctrl-C', async (t) => {
    const sandbox = await startTestSandbox(t, { webhookRetrySchedule: 'fast' });

    // The receiver fails the first attempt of each event and accepts the retry.
    const seen = new Map<string, number>();
    const receiver = await startLoopbackServer(t, async (request, response) => {
      const event = await constructWebhookEvent(request.body, request.headers, SECRET_KEY, {
        toleranceSeconds: Number.POSITIVE_INFINITY,
      });
      const key = String(request.headers['x-idempotency-key'] ?? event.type);
      const count = (seen.get(key) ?? 0) + 1;
      seen.set(key, count);
      response.writeHead(count === 1 ? 500 : 200);
      response.end(count === 1 ? 'try again' : 'ok');
    });

    const cli = startCli(
      t,
      ['webhooks', 'listen', '--forward-to', `${receiver.url}/webhooks`, '--interval', '50', '--json'],
      {
        env: sandboxEnv(sandbox),
      },
    );
    const ready = JSON.parse(await cli.waitForLine((line) => line.includes('"ready"'))) as {
      endpoint: { id: string; url: string };
    };
    assert.equal(ready.endpoint.url, `${receiver.url}/webhooks`);

    await payOrder(sandbox.apiBase, 'order_listen_1');
    const isSuccess = (attempt: number) => (line: string) =>
      line.includes('"PAYMENT_SUCCESS_WEBHOOK"') &&
      line.includes('order_listen_1') &&
      line.includes(`"attempt":${attempt}`);
    const first = JSON.parse(await cli.waitForLine(isSuccess(1))) as DeliveryLine;
    assert.equal(first.status_code, 500);
    const retry = JSON.parse(await cli.waitForLine(isSuccess(2))) as DeliveryLine;
    assert.equal(retry.status_code, 200);
    assert.ok(receiver.requests.every((request) => request.url === '/webhooks'));

    const stopped = await cli.stop('SIGINT');
    assert.equal(stopped.code, 0, stopped.stderr);
    assert.match(stopped.stdout, /"event":"stopped"/);
    const endpoints = (await (await fetch(`${sandbox.url}/_sandbox/webhooks/endpoints`)).json()) as {
      data: { id: string }[];
    };
    assert.ok(
      !endpoints.data.some((endpoint) => endpoint.id === ready.endpoint.id),
      'the endpoint was removed',
    );
  });

  test('text output, one line per attempt', async (t) => {
    const sandbox = await startTestSandbox(t);
    const receiver = await startLoopbackServer(t, (_request, response) => {
      response.writeHead(200);
      response.end('ok');
    });
    const cli = startCli(
      t,
      ['webhooks', 'listen', '--forward-to', receiver.url, '--interval', '50', '--no-json'],
      {
        env: sandboxEnv(sandbox),
      },
    );
    await cli.waitForLine((line) => line.startsWith('Waiting for events'));
    await payOrder(sandbox.apiBase, 'order_listen_2');
    const line = await cli.waitForLine((text) => text.includes('PAYMENT_SUCCESS_WEBHOOK order_listen_2'));
    assert.match(line, /✓ PAYMENT_SUCCESS_WEBHOOK order_listen_2 → \[200\] \d+ ms · attempt 1$/);
    assert.equal((await cli.stop('SIGTERM')).code, 0);
  });

  test('needs a local sandbox: none configured is a usage error, a server without the admin API is named', async (t) => {
    const none = await runCli(['webhooks', 'listen', '--forward-to', 'http://127.0.0.1:9/x']);
    assert.equal(none.code, 2);
    assert.match(
      none.stderr,
      /works with the local sandbox\. Run 'cashfree sandbox start' and set CASHFREE_BASE_URL/,
    );

    const cashfree = await runCli(['webhooks', 'listen', '--forward-to', 'http://127.0.0.1:9/x'], {
      env: { CASHFREE_BASE_URL: 'https://sandbox.cashfree.com/pg' },
    });
    assert.equal(cashfree.code, 2);
    assert.match(cashfree.stderr, /works with the local sandbox, not https:\/\/sandbox\.cashfree\.com/);

    const other = await startLoopbackServer(t, (_request, response) =>
      sendJson(response, 404, { message: 'no route' }),
    );
    const missing = await runCli(['webhooks', 'listen', '--forward-to', 'http://127.0.0.1:9/x'], {
      env: { CASHFREE_BASE_URL: `${other.url}/pg` },
    });
    assert.equal(missing.code, 4);
    assert.match(
      missing.stderr,
      /has no webhook admin API \(POST \/_sandbox\/webhooks\/endpoints answered 404\)/,
    );
    assert.equal(other.requests[0]?.url, '/_sandbox/webhooks/endpoints');
    assert.equal(other.requests[0]?.body, JSON.stringify({ url: 'http://127.0.0.1:9/x' }));

    const page = await startLoopbackServer(t, (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.end('ok');
    });
    const notJson = await runCli(['webhooks', 'listen', '--forward-to', 'http://127.0.0.1:9/x'], {
      env: { CASHFREE_BASE_URL: `${page.url}/pg` },
    });
    assert.equal(notJson.code, 4);
    assert.match(
      notJson.stderr,
      /with something that is not JSON \("ok"\): it is not the cashfree-kit local sandbox/,
    );
  });
});

describe('cashfree sandbox start webhook flags', () => {
  test('--webhook-version 2023-08-01 and --fast-retries reach the sandbox', async (t) => {
    let attempts = 0;
    const receiver = await startLoopbackServer(t, (_request, response) => {
      attempts += 1;
      response.writeHead(attempts === 1 ? 503 : 200);
      response.end();
    });
    const cli = startCli(t, [
      'sandbox',
      'start',
      '--port',
      '0',
      '--db',
      ':memory:',
      '--webhook-version',
      '2023-08-01',
      '--fast-retries',
      '--webhook-retry-timestamp',
      'fresh',
      '--json',
    ]);
    const ready = JSON.parse(await cli.waitForLine((line) => line.includes('"ready"'))) as {
      url: string;
      api_url: string;
      app_id: string;
      secret_key: string;
      webhooks: { version: string; retries: string; retry_timestamp: string };
    };
    assert.deepEqual(ready.webhooks, { version: '2023-08-01', retries: 'fast', retry_timestamp: 'fresh' });
    const created = await fetch(`${ready.url}/_sandbox/webhooks/endpoints`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ url: receiver.url }),
    });
    assert.equal(created.status, 201);
    await payOrder(ready.api_url, 'order_flags_1', ready.app_id, ready.secret_key);

    // The fast schedule retries within seconds; the default would wait 2 minutes.
    const deadline = Date.now() + 15_000;
    while (receiver.requests.length < 2 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 100));
    assert.ok(receiver.requests.length >= 2, `a retry arrived (${receiver.requests.length} requests)`);
    const first = receiver.requests[0];
    assert.equal(first?.headers['x-webhook-version'], '2023-08-01');
    assert.equal(first?.headers['x-idempotency-key'], undefined);
    assert.equal(receiver.requests[1]?.headers['x-webhook-attempt'], '2');
    // Fresh: the retry, at least 200 ms later on the fast schedule, is re-signed with its own time.
    const stamps = receiver.requests.slice(0, 2).map((r) => Number(r.headers['x-webhook-timestamp']));
    assert.ok((stamps[1] ?? 0) - (stamps[0] ?? 0) >= 150, `timestamps ${stamps.join(', ')}`);
    assert.equal((await cli.stop('SIGTERM')).code, 0);
  });
});
