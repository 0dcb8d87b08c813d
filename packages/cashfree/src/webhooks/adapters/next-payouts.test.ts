import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import { test } from 'node:test';
import { serve } from '@hono/node-server';
import {
  bulkTransferRejectedBody,
  TRANSFER_EVENT_STATES,
  transferBody,
} from '../../../../../test/support/payouts-webhook-payloads.ts';
import {
  closeServer,
  postSigned,
  signNow,
  TEST_SECRET,
  urlOf,
} from '../../../../../test/support/webhook-http.ts';
import { paymentSuccessBody } from '../../../../../test/support/webhook-payloads.ts';
import type { PayoutsWebhookEvent } from '../payouts-events.js';
import { cashfreeWebhook } from './next.js';

const rotatedSecret = 'cfsk_payouts_adapter_new_secret';

/** Serves a (Request) => Response handler on 127.0.0.1 and returns its URL. */
async function served(
  t: { after(fn: () => unknown): void },
  handler: (request: Request) => Promise<Response>,
): Promise<string> {
  const server = serve({ fetch: handler, port: 0, hostname: '127.0.0.1' }) as Server;
  t.after(() => closeServer(server));
  return `${await urlOf(server)}/api/webhooks/cashfree-payouts`;
}

test("next.js route handler with product: 'payouts' takes typed Payouts events signed with either secret", async (t) => {
  const events: PayoutsWebhookEvent[] = [];
  const url = await served(
    t,
    cashfreeWebhook({
      product: 'payouts',
      secret: [TEST_SECRET, rotatedSecret],
      onEvent: (event) => {
        events.push(event);
      },
    }),
  );

  const success = transferBody('TRANSFER_SUCCESS', TRANSFER_EVENT_STATES.TRANSFER_SUCCESS);
  assert.deepEqual(await postSigned(url, await signNow(success, rotatedSecret)), {
    status: 200,
    json: { received: true },
  });
  assert.equal((await postSigned(url, await signNow(bulkTransferRejectedBody()))).status, 200);
  const [transfer, batch] = events;
  if (transfer?.type !== 'TRANSFER_SUCCESS' || batch?.type !== 'BULK_TRANSFER_REJECTED') {
    return assert.fail('expected a TRANSFER_SUCCESS then a BULK_TRANSFER_REJECTED event');
  }
  assert.equal(transfer.data.status_code, 'SENT_TO_BENEFICIARY');
  assert.equal(batch.data.batch_transfer_id, 'suppliers_dec_week1');

  // A PG event on the Payouts endpoint is refused (400), even signed with an accepted secret.
  const pg = await postSigned(url, await signNow(paymentSuccessBody()));
  assert.equal(pg.status, 400);
  assert.equal(pg.json.error?.reason, 'wrong_product');
  // A tampered body is refused too.
  const signed = await signNow(success, rotatedSecret);
  const tampered = await postSigned(url, signed, signed.rawBody.replace('1250.5', '1'));
  assert.equal(tampered.json.error?.reason, 'invalid_signature');
  assert.equal(events.length, 2);
});

test('a PG route handler refuses a Payouts event as wrong_product (400) instead of acknowledging it unread', async (t) => {
  let received = 0;
  const url = await served(
    t,
    cashfreeWebhook({
      secret: TEST_SECRET,
      onEvent: () => {
        received += 1;
      },
    }),
  );
  const body = transferBody('TRANSFER_FAILED', TRANSFER_EVENT_STATES.TRANSFER_FAILED);
  const result = await postSigned(url, await signNow(body));
  assert.equal(result.status, 400);
  assert.equal(result.json.error?.reason, 'wrong_product');
  assert.equal(received, 0);
});
