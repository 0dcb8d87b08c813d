import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  bulkTransferRejectedBody,
  TRANSFER_EVENT_STATES,
  transferBody,
} from '../../../../../test/support/payouts-webhook-payloads.ts';
import type { PayoutsWebhookEvent } from '../payouts-events.js';
import { constructPayoutsWebhookEvent } from '../payouts-verify.js';
import { signWebhook } from '../sign.js';
import { webhookContentKey } from './dedupe-key.js';
import { createWebhookInbox } from './inbox.js';
import { createMemoryInboxStore } from './stores/memory.js';

const secret = 'cfsk_payouts_inbox_secret';

/** A Payouts delivery as the verifier returns it; `timestamp` differs between retries, as Cashfree's may. */
async function delivered(body: string, timestamp: number): Promise<PayoutsWebhookEvent> {
  // Payouts documents no x-idempotency-key, so none is sent: the content key has to collapse retries.
  const signed = await signWebhook({ body, secret, timestamp, idempotencyKey: null });
  return constructPayoutsWebhookEvent(signed.rawBody, signed.headers, secret, { now: timestamp });
}

test('an inbox of Payouts events runs each state change once: retries collapse, SENT_TO_BENEFICIARY and COMPLETED do not', async () => {
  const handled: string[] = [];
  const inbox = createWebhookInbox<PayoutsWebhookEvent>({
    store: createMemoryInboxStore(),
    handler: (event) => {
      if (event.type === 'unknown') return assert.fail(`unexpected ${event.receivedType}`);
      // Typed: a transfer event has a transfer_id, the batch event a batch_transfer_id.
      const id =
        event.type === 'BULK_TRANSFER_REJECTED' ? event.data.batch_transfer_id : event.data.transfer_id;
      handled.push(`${event.type} ${id} ${event.data.status}`);
    },
  });
  const success = transferBody('TRANSFER_SUCCESS', TRANSFER_EVENT_STATES.TRANSFER_SUCCESS);
  const acknowledged = transferBody('TRANSFER_ACKNOWLEDGED', TRANSFER_EVENT_STATES.TRANSFER_ACKNOWLEDGED);

  const first = await inbox.receive(await delivered(success, 1_765_085_430_000));
  const retry = await inbox.receive(await delivered(success, 1_765_085_490_000));
  assert.equal(first.duplicate, false);
  assert.equal(retry.duplicate, true);
  assert.equal(retry.key, first.key);
  assert.match(first.key, /^sha256:/);
  assert.equal((await inbox.receive(await delivered(acknowledged, 1_765_085_500_000))).duplicate, false);
  assert.equal(
    (await inbox.receive(await delivered(bulkTransferRejectedBody(), 1_765_085_510_000))).duplicate,
    false,
  );

  assert.equal((await inbox.processPending()).succeeded, 3);
  assert.deepEqual(handled, [
    'TRANSFER_SUCCESS tea_estate_0042 SUCCESS',
    'TRANSFER_ACKNOWLEDGED tea_estate_0042 SUCCESS',
    'BULK_TRANSFER_REJECTED suppliers_dec_week1 REJECTED',
  ]);
  const entry = await inbox.get(first.key);
  assert.equal(entry?.event.type, 'TRANSFER_SUCCESS');
});

test('the content key of a transfer event changes with its status_code and type, not with the delivery', async () => {
  const failed = transferBody('TRANSFER_FAILED', TRANSFER_EVENT_STATES.TRANSFER_FAILED);
  const a = await webhookContentKey(await delivered(failed, 1_765_085_430_000));
  const b = await webhookContentKey(await delivered(failed, 1_765_085_999_000));
  const rejected = transferBody('TRANSFER_REJECTED', TRANSFER_EVENT_STATES.TRANSFER_REJECTED);
  const c = await webhookContentKey(await delivered(rejected, 1_765_085_430_000));
  assert.equal(a, b);
  assert.notEqual(a, c);
});
