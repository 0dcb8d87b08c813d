import assert from 'node:assert/strict';
import { test } from 'node:test';
import Fastify from 'fastify';
import { TRANSFER_EVENT_STATES, transferBody } from '../../../../../test/support/payouts-webhook-payloads.ts';
import { postSigned, signNow, TEST_SECRET } from '../../../../../test/support/webhook-http.ts';
import { refundBody } from '../../../../../test/support/webhook-payloads.ts';
import type { PayoutsWebhookEvent } from '../payouts-events.js';
import { cashfreeWebhook } from './fastify.js';

test("fastify plugin with product: 'payouts' takes a typed Payouts event signed with the second secret", async (t) => {
  const events: PayoutsWebhookEvent[] = [];
  const app = Fastify();
  t.after(() => app.close());
  await app.register(
    cashfreeWebhook({
      product: 'payouts',
      secret: ['cfsk_payouts_previous_secret', TEST_SECRET],
      path: '/payouts',
      onEvent: (event) => {
        events.push(event);
      },
    }),
    { prefix: '/webhooks' },
  );
  const base = await app.listen({ port: 0, host: '127.0.0.1' });

  const reversed = transferBody('TRANSFER_REVERSED', TRANSFER_EVENT_STATES.TRANSFER_REVERSED);
  assert.equal((await postSigned(`${base}/webhooks/payouts`, await signNow(reversed))).status, 200);
  const refund = await postSigned(`${base}/webhooks/payouts`, await signNow(refundBody()));
  assert.equal(refund.status, 400);
  assert.equal(refund.json.error?.reason, 'wrong_product');
  const [event] = events;
  if (event?.type !== 'TRANSFER_REVERSED') return assert.fail('expected a TRANSFER_REVERSED event');
  assert.equal(event.data.status_code, 'INVALID_ACCOUNT_FAIL');
  assert.equal(events.length, 1);
});
