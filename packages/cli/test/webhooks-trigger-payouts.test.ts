/**
 * `cashfree webhooks trigger` for Payouts events on the local sandbox: each makes a real
 * beneficiary and transfer (a batch for BULK_TRANSFER_REJECTED) whose Cashfree test account or
 * balance decides the outcome, and the sandbox delivers its own event, signed with the Payouts
 * secret (not PG's), which cashfree-kit's Payouts verifier accepts. Elsewhere it is refused.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { constructPayoutsWebhookEvent, PAYOUTS_WEBHOOK_EVENT_TYPES } from 'cashfree-kit/webhooks';
import { startLoopbackServer } from '../../../test/support/loopback-server.ts';
import { runCli, sandboxEnv, startTestSandbox } from './support.ts';

const PAYOUTS = { clientId: 'TESTclipayouts', clientSecret: 'cfsk_ma_test_cli_payouts_secret_01' };

describe('cashfree webhooks trigger, Payouts events', () => {
  test('each Payouts event is made for real and delivered signed with the Payouts secret', async (t) => {
    const sandbox = await startTestSandbox(t, { payouts: PAYOUTS });
    const env = sandboxEnv(sandbox, {
      CASHFREE_PAYOUTS_CLIENT_ID: PAYOUTS.clientId,
      CASHFREE_PAYOUTS_CLIENT_SECRET: PAYOUTS.clientSecret,
    });
    const receiver = await startLoopbackServer(t, (_request, response) => {
      response.end('ok');
    });
    for (const type of PAYOUTS_WEBHOOK_EVENT_TYPES) {
      const result = await runCli(
        ['webhooks', 'trigger', type, '--to', `${receiver.url}/payouts`, '--amount', '2'],
        {
          env,
        },
      );
      assert.equal(result.code, 0, `${type}: ${result.stderr}`);
      const report = result.json();
      assert.equal(report['status_code'], 200, type);
      assert.equal(report['source'], 'local-sandbox');
      const objects = report['objects'] as { transfer_id: string; batch_transfer_id?: string };
      const delivered = receiver.requests.filter((r) => JSON.parse(r.body).type === type).at(-1);
      assert.ok(delivered, `${type} reached the endpoint`);
      const event = await constructPayoutsWebhookEvent(
        delivered.body,
        delivered.headers,
        PAYOUTS.clientSecret,
      );
      assert.equal(event.type, type);
      const data = event.data as { transfer_id?: string; batch_transfer_id?: string };
      if (type === 'BULK_TRANSFER_REJECTED') assert.equal(data.batch_transfer_id, objects.batch_transfer_id);
      else assert.equal(data.transfer_id, objects.transfer_id);
    }
  });

  test('is refused, naming the local sandbox, when the target is not one', async () => {
    const result = await runCli(['webhooks', 'trigger', 'TRANSFER_SUCCESS', '--to', 'http://127.0.0.1:9/x'], {
      env: { CASHFREE_SECRET_KEY: 'secret' },
    });
    assert.equal(result.code, 2);
    assert.match(
      result.stderr,
      /TRANSFER_SUCCESS is a Payouts event, about a transfer: trigger makes one for real on the local sandbox only/,
    );
  });
});
