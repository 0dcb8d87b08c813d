/**
 * `cashfree webhooks trigger` for subscription events on the local sandbox: each makes a real plan
 * and subscription, authorises its mandate, charges, cancels or refunds and moves the clock as the
 * event needs, and the sandbox delivers its own signed event about those objects, which
 * cashfree-kit's verifier accepts. Elsewhere it is refused, saying where to test it.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { constructWebhookEvent, SUBSCRIPTION_WEBHOOK_EVENT_TYPES } from 'cashfree-kit/webhooks';
import { startLoopbackServer } from '../../../test/support/loopback-server.ts';
import { runCli, SECRET_KEY, sandboxEnv, startTestSandbox } from './support.ts';

interface Objects {
  plan_id: string;
  subscription_id: string;
  payment_id?: string;
  refund_id?: string;
}

/** The 2025-01-01 names: every subscription event but 2023-08-01's spelling of the status change. */
const TYPES = Object.values(SUBSCRIPTION_WEBHOOK_EVENT_TYPES)
  .flat()
  .filter((type) => type !== 'SUBSCRIPTION_STATUS_CHANGE');

describe('cashfree webhooks trigger, subscription events', () => {
  test('each subscription event is made for real, delivered and verified', async (t) => {
    const sandbox = await startTestSandbox(t);
    const env = sandboxEnv(sandbox);
    const receiver = await startLoopbackServer(t, (_request, response) => {
      response.end('ok');
    });
    assert.equal(TYPES.length, 7);
    for (const type of TYPES) {
      const result = await runCli(
        ['webhooks', 'trigger', type, '--to', `${receiver.url}/subs`, '--amount', '1499'],
        {
          env,
        },
      );
      assert.equal(result.code, 0, `${type}: ${result.stderr}`);
      const report = result.json();
      assert.equal(report['delivered'], true, type);
      assert.equal(report['source'], 'local-sandbox');
      const objects = report['objects'] as Objects;
      const body = (report['request'] as { body: string }).body;
      const delivered = receiver.requests.find((r) => r.body === body);
      assert.ok(delivered, `${type} reached the endpoint`);
      const event = await constructWebhookEvent(delivered.body, delivered.headers, SECRET_KEY);
      assert.equal(event.type, type);
      const data = event.data as Record<string, unknown>;
      const details = data['subscription_details'] as Record<string, unknown> | undefined;
      assert.equal(data['subscription_id'] ?? details?.['subscription_id'], objects.subscription_id, type);
      if (objects.payment_id !== undefined) assert.equal(data['payment_id'], objects.payment_id, type);
      if (type === 'SUBSCRIPTION_REFUND_STATUS') {
        assert.equal(data['refund_id'], objects.refund_id);
        assert.equal(data['refund_status'], 'SUCCESS');
        assert.match(delivered.body, /"refund_amount":1499\.00/);
      }
      if (type === 'SUBSCRIPTION_PAYMENT_SUCCESS') assert.equal(data['payment_status'], 'SUCCESS');
      if (type === 'SUBSCRIPTION_PAYMENT_FAILED') assert.equal(data['payment_status'], 'FAILED');
      if (type === 'SUBSCRIPTION_PAYMENT_CANCELLED') assert.equal(data['payment_status'], 'CANCELLED');
      if (type === 'SUBSCRIPTION_AUTH_STATUS') assert.equal(data['payment_type'], 'AUTH');

      // What the event names is there for a handler that fetches it.
      const fetched = await runCli(['subscriptions', 'get', objects.subscription_id, '--json'], { env });
      assert.equal(fetched.code, 0, fetched.stderr);
    }
  });

  test('a 2023-08-01 endpoint gets SUBSCRIPTION_STATUS_CHANGE, the spelling of that version', async (t) => {
    const sandbox = await startTestSandbox(t);
    const receiver = await startLoopbackServer(t, (_request, response) => {
      response.end('ok');
    });
    const result = await runCli(
      [
        'webhooks',
        'trigger',
        'SUBSCRIPTION_STATUS_CHANGE',
        '--to',
        `${receiver.url}/old`,
        '--webhook-version',
        '2023-08-01',
      ],
      { env: sandboxEnv(sandbox) },
    );
    assert.equal(result.code, 0, result.stderr);
    const body = (result.json()['request'] as { body: string }).body;
    const delivered = receiver.requests.find((r) => r.body === body);
    assert.ok(delivered);
    const event = await constructWebhookEvent(delivered.body, delivered.headers, SECRET_KEY);
    assert.equal(event.type, 'SUBSCRIPTION_STATUS_CHANGE');
  });

  test('a handler that fails is reported as failing, with its answer', async (t) => {
    const sandbox = await startTestSandbox(t);
    const receiver = await startLoopbackServer(t, (_request, response) => {
      response.statusCode = 500;
      response.end('no such subscription');
    });
    const result = await runCli(
      ['webhooks', 'trigger', 'SUBSCRIPTION_AUTH_STATUS', '--to', `${receiver.url}/subs`],
      {
        env: sandboxEnv(sandbox),
      },
    );
    assert.equal(result.code, 1);
    assert.match(result.stderr, /your handler failed: it answered HTTP 500 with "no such subscription"/);
  });

  test('is refused, naming the local sandbox, when the target is not one', async () => {
    const result = await runCli(
      ['webhooks', 'trigger', 'SUBSCRIPTION_PAYMENT_SUCCESS', '--to', 'http://127.0.0.1:9/x'],
      { env: { CASHFREE_SECRET_KEY: 'secret' } },
    );
    assert.equal(result.code, 2);
    assert.match(
      result.stderr,
      /SUBSCRIPTION_PAYMENT_SUCCESS is a subscription event, about a subscription and its mandate: trigger makes them for real on the local sandbox only/,
    );
  });
});
