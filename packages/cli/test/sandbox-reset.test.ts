/**
 * `cashfree sandbox reset` empties the local sandbox only: after a yes (or --yes) the orders are
 * gone; a no, or no answer, leaves them; a target that is not a local sandbox is refused without
 * a request to reset it. And `orders create` on the local sandbox prints the checkout URL that
 * pays the order.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { startLoopbackServer } from '../../../test/support/loopback-server.ts';
import { localSandboxWithClient, runCli } from './support.ts';

describe('cashfree sandbox reset', () => {
  const local = localSandboxWithClient();

  async function orderExists(orderId: string): Promise<boolean> {
    return local.client.orders.get(orderId).then(
      () => true,
      () => false,
    );
  }

  async function createOrder(orderId: string): Promise<void> {
    const created = await runCli(
      ['orders', 'create', '--amount', '10', '--phone', '9999999999', '--order-id', orderId],
      {
        env: local.env,
      },
    );
    assert.equal(created.code, 0, created.stderr);
  }

  test('asks first: no answer or n keeps the state, y empties it', async () => {
    await createOrder('reset_keep_1');
    const unanswered = await runCli(['sandbox', 'reset'], { env: local.env });
    assert.equal(unanswered.code, 2);
    assert.match(
      unanswered.stderr,
      /Delete every order, payment, refund, link, settlement and payout on http:\/\/127\.0\.0\.1:\d+\? \[y\/N\]/,
    );
    assert.match(unanswered.stderr, /Nothing was reset: answer y, or pass --yes/);
    const no = await runCli(['sandbox', 'reset'], { env: local.env, input: 'n\n' });
    assert.equal(no.code, 2);
    assert.equal(await orderExists('reset_keep_1'), true);

    const yes = await runCli(['sandbox', 'reset'], { env: local.env, input: 'y\n' });
    assert.equal(yes.code, 0, yes.stderr);
    assert.equal(yes.json()['reset'], true);
    assert.equal(await orderExists('reset_keep_1'), false);
  });

  test('--yes resets without asking, so the same order_id can be created again', async () => {
    await createOrder('reset_again_1');
    const reset = await runCli(['sandbox', 'reset', '--yes', '--no-json'], { env: local.env });
    assert.equal(reset.code, 0, reset.stderr);
    assert.match(reset.stdout, /^Reset the local sandbox at http:\/\/127\.0\.0\.1:\d+: its state is empty/);
    await createOrder('reset_again_1');
  });

  test('refuses a target that is not a local sandbox, and Cashfree itself, before sending a reset', async (t) => {
    const other = await startLoopbackServer(t, (_request, response) => {
      response.writeHead(404);
      response.end('not here');
    });
    const refused = await runCli(['sandbox', 'reset', '--yes'], {
      env: { ...local.env, CASHFREE_BASE_URL: `${other.url}/pg` },
    });
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /empties a local sandbox only; http:\/\/127\.0\.0\.1:\d+\/pg is not one/);
    assert.deepEqual(
      other.requests.map((request) => `${request.method} ${request.url}`),
      ['GET /_sandbox/health'],
    );
    const cashfree = await runCli(['sandbox', 'reset', '--yes'], {
      env: { CASHFREE_APP_ID: 'x', CASHFREE_SECRET_KEY: 'y' },
    });
    assert.equal(cashfree.code, 2);
    assert.match(
      cashfree.stderr,
      /CASHFREE_BASE_URL is not set \(the target is https:\/\/sandbox\.cashfree\.com\/pg\)/,
    );
  });
});

describe('cashfree orders create on the local sandbox', () => {
  const local = localSandboxWithClient();

  test('prints the checkout URL that pays the order', async () => {
    const created = await runCli(['orders', 'create', '--amount', '10', '--phone', '9999999999'], {
      env: local.env,
    });
    assert.equal(created.code, 0, created.stderr);
    const order = created.json();
    const checkoutUrl = String(order['checkout_url']);
    assert.equal(
      checkoutUrl,
      `${local.sandbox.url}/checkout/pay?session=${encodeURIComponent(String(order['payment_session_id']))}`,
    );
    const page = await fetch(checkoutUrl);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /4111 1111 1111 1111/);

    const text = await runCli(['orders', 'create', '--amount', '10', '--phone', '9999999999', '--no-json'], {
      env: local.env,
    });
    assert.match(
      text.stdout,
      /Pay it in the local sandbox's checkout: http:\/\/127\.0\.0\.1:\d+\/checkout\/pay\?session=/,
    );
  });
});
