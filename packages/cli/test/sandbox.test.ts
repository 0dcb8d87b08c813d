/**
 * `cashfree sandbox start` through the real binary: it serves the Cashfree API on the port it
 * prints, with the credentials it prints, prints the env lines to paste, masks credentials that
 * came from the user's environment, and stops cleanly on SIGTERM and Ctrl-C.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { describe, test } from 'node:test';
import { Cashfree } from 'cashfree-kit';
import { runCli, startCli } from './support.ts';

interface Ready {
  event: 'ready';
  url: string;
  api_url: string;
  app_id: string;
  secret_key: string;
  secret_key_source: string;
  db: string;
  env: Record<string, string>;
}

describe('cashfree sandbox start', () => {
  test('serves the API with the printed keys and stops on SIGTERM', async (t) => {
    const cli = startCli(t, ['sandbox', 'start', '--port', '0', '--db', ':memory:', '--json']);
    const ready = JSON.parse(await cli.waitForLine((line) => line.includes('"ready"'))) as Ready;
    assert.match(ready.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(ready.api_url, `${ready.url}/pg`);
    assert.equal(ready.secret_key_source, 'default');
    assert.deepEqual(ready.env, {
      CASHFREE_BASE_URL: ready.api_url,
      CASHFREE_APP_ID: ready.app_id,
      CASHFREE_SECRET_KEY: ready.secret_key,
      CASHFREE_ENV: 'TEST',
    });

    const cashfree = new Cashfree({
      appId: ready.app_id,
      secretKey: ready.secret_key,
      environment: 'sandbox',
      baseUrl: ready.api_url,
    });
    const order = await cashfree.orders.create({
      order_id: 'sandbox_start_1',
      order_amount: 1,
      order_currency: 'INR',
      customer_details: { customer_id: 'cust_1', customer_phone: '9876543210' },
    });
    assert.equal(order.order_status, 'ACTIVE');

    // The CLI's other commands work against it with the printed environment.
    const fetched = await runCli(['orders', 'get', 'sandbox_start_1'], { env: ready.env });
    assert.equal(fetched.code, 0, fetched.stderr);

    const stopped = await cli.stop('SIGTERM');
    assert.equal(stopped.code, 0, stopped.stderr);
    assert.match(stopped.stdout, /"event":"stopped"/);
    await assert.rejects(fetch(`${ready.url}/pg/orders/x`), 'the port is closed after stopping');
  });

  test('text output, Ctrl-C, and credentials from the environment masked', async (t) => {
    const userSecret = 'cfsk_ma_test_users_real_secret_9999';
    const cli = startCli(t, ['sandbox', 'start', '--port', '0', '--db', ':memory:', '--no-json'], {
      env: { CASHFREE_APP_ID: 'TESTusersapp', CASHFREE_SECRET_KEY: userSecret },
    });
    await cli.waitForLine((line) => line.includes('Stop with Ctrl-C'));
    const text = cli.lines().join('\n');
    assert.match(text, /^\[cashfree-sandbox\] Cashfree PG sandbox listening on http:\/\/127\.0\.0\.1:\d+$/m);
    assert.match(text, /App id\s+TESTusersapp/);
    assert.match(text, /Secret key \(from CASHFREE_SECRET_KEY, not shown\)/);
    assert.match(text, /^CASHFREE_BASE_URL=http:\/\/127\.0\.0\.1:\d+\/pg$/m);
    assert.match(
      text,
      /^\[cashfree-sandbox\] {3}Webhooks {3}version 2025-01-01, retries at 2, 10 and 30 min$/m,
    );
    assert.ok(!text.includes(userSecret), 'a secret from the environment is never printed');
    const stopped = await cli.stop('SIGINT');
    assert.equal(stopped.code, 0, stopped.stderr);
    assert.match(stopped.stdout, /\[cashfree-sandbox\] stopped; the in-memory state is gone\./);
    assert.ok(!stopped.stderr.includes(userSecret));
  });

  test('--merchant-name is the name the checkout page shows; an empty one is a usage error', async (t) => {
    const cli = startCli(t, [
      'sandbox',
      'start',
      '--port',
      '0',
      '--db',
      ':memory:',
      '--json',
      '--merchant-name',
      'Pahadi Tea Co.',
    ]);
    const ready = JSON.parse(await cli.waitForLine((line) => line.includes('"ready"'))) as Ready;
    const cashfree = new Cashfree({
      appId: ready.app_id,
      secretKey: ready.secret_key,
      environment: 'sandbox',
      baseUrl: ready.api_url,
    });
    const order = await cashfree.orders.create({
      order_id: 'sandbox_merchant_name_1',
      order_amount: 1,
      order_currency: 'INR',
      customer_details: { customer_id: 'cust_1', customer_phone: '9876543210' },
    });
    const page = await fetch(
      `${ready.url}/checkout/pay?session=${encodeURIComponent(order.payment_session_id ?? '')}`,
    );
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /Pay Pahadi Tea Co\./);
    assert.ok(!html.includes(`the merchant ${ready.app_id}`), 'the default name is replaced');
    const stopped = await cli.stop('SIGTERM');
    assert.equal(stopped.code, 0, stopped.stderr);

    const empty = await runCli([
      'sandbox',
      'start',
      '--port',
      '0',
      '--db',
      ':memory:',
      '--merchant-name',
      ' ',
    ]);
    assert.equal(empty.code, 2);
    assert.match(empty.stderr, /--merchant-name must be 1 to 100 characters/);
  });

  test('a port in use fails with the fix; a bad port is a usage error', async (t) => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    t.after(() => new Promise<void>((resolve) => blocker.close(() => resolve())));
    const { port } = blocker.address() as { port: number };
    const busy = await runCli(['sandbox', 'start', '--port', String(port), '--db', ':memory:']);
    assert.equal(busy.code, 1);
    assert.match(busy.stderr, /^cashfree: port \d+ on 127\.0\.0\.1 is already in use.*choose another port/m);
    const bad = await runCli(['sandbox', 'start', '--port', 'eighty']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--port must be a port number from 0 to 65535/);
  });
});
