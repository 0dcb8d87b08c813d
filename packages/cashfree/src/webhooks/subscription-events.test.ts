/**
 * Subscription webhooks go through the same verifier, adapters and inbox as the other PG events:
 * signed bodies become typed events (both spellings of the status change), the Payouts verifier
 * refuses them, an adapter delivers them typed, and the inbox collapses retries but keeps each
 * debit attempt.
 */
import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import { test } from 'node:test';
import { serve } from '@hono/node-server';
import {
  closeServer,
  postSigned,
  signNow,
  TEST_SECRET,
  urlOf,
} from '../../../../test/support/webhook-http.ts';
import { cashfreeWebhook } from './adapters/next.js';
import { isWebhookVerificationError } from './errors.js';
import type { WebhookEvent } from './events.js';
import { webhookContentKey } from './inbox/dedupe-key.js';
import { createWebhookInbox } from './inbox/inbox.js';
import { createMemoryInboxStore } from './inbox/stores/memory.js';
import { constructPayoutsWebhookEvent } from './payouts-verify.js';
import { signWebhook } from './sign.js';
import { SUBSCRIPTION_WEBHOOK_EVENT_TYPES } from './subscription-events.js';
import { constructWebhookEvent } from './verify.js';

const secret = 'cfsk_ma_test_subscriptions';
const now = 1_765_085_430_000;

function statusBody(type: string, subscription_status: string): string {
  return JSON.stringify({
    data: {
      subscription_details: {
        cf_subscription_id: '23639356',
        subscription_id: 'sub_tea_0001',
        subscription_status,
        subscription_expiry_time: '2027-12-07T10:30:46+05:30',
      },
      customer_details: {
        customer_name: 'Priya',
        customer_email: 'priya@example.com',
        customer_phone: '9876543210',
      },
      plan_details: {
        plan_id: 'tea_monthly',
        plan_type: 'PERIODIC',
        plan_max_amount: 499,
        plan_status: 'ACTIVE',
      },
      authorization_details: {
        authorization_status: 'ACTIVE',
        authorization_reference: 'umn@upi',
        payment_id: 'auth_1',
      },
    },
    event_time: '2026-12-07T10:30:46+05:30',
    type,
  });
}

function paymentBody(type: string, payment_status: string, retry_attempts = 0): string {
  return JSON.stringify({
    data: {
      subscription_id: 'sub_tea_0001',
      cf_subscription_id: '23639356',
      payment_id: 'charge_2026_12',
      cf_payment_id: '9001',
      payment_type: 'CHARGE',
      payment_amount: 499,
      payment_status,
      retry_attempts,
      failure_details: payment_status === 'FAILED' ? { failure_reason: 'insufficient funds' } : null,
      payment_method: { upi: { channel: 'collect', upi_id: 'success@upi' } },
    },
    event_time: '2026-12-07T10:30:46+05:30',
    type,
  });
}

async function delivered(
  body: string,
  options: { timestamp?: number; version?: string } = {},
): Promise<WebhookEvent> {
  const timestamp = options.timestamp ?? now;
  const signed = await signWebhook({
    body,
    secret,
    timestamp,
    ...(options.version ? { version: options.version } : {}),
  });
  return constructWebhookEvent(signed.rawBody, signed.headers, secret, { now: timestamp });
}

test('every subscription type is typed: a signed body becomes its event, not unknown', async () => {
  const types = Object.values(SUBSCRIPTION_WEBHOOK_EVENT_TYPES).flat();
  assert.equal(types.length, 8);
  for (const type of types) {
    const body = type.startsWith('SUBSCRIPTION_STATUS')
      ? statusBody(type, 'ACTIVE')
      : type === 'SUBSCRIPTION_REFUND_STATUS'
        ? JSON.stringify({
            data: { refund_id: 'r_1', refund_amount: 10, refund_status: 'SUCCESS' },
            event_time: 'x',
            type,
          })
        : paymentBody(type, 'SUCCESS');
    assert.equal((await delivered(body)).type, type);
  }
});

test('SUBSCRIPTION_STATUS_CHANGED (2025-01-01) and SUBSCRIPTION_STATUS_CHANGE (2023-08-01) narrow to the subscription', async () => {
  const current = await delivered(statusBody('SUBSCRIPTION_STATUS_CHANGED', 'ON_HOLD'));
  const older = await delivered(statusBody('SUBSCRIPTION_STATUS_CHANGE', 'ACTIVE'), {
    version: '2023-08-01',
  });
  for (const event of [current, older]) {
    if (event.type !== 'SUBSCRIPTION_STATUS_CHANGED' && event.type !== 'SUBSCRIPTION_STATUS_CHANGE') {
      return assert.fail(`got ${event.type}`);
    }
    assert.equal(event.data.subscription_details.subscription_id, 'sub_tea_0001');
    assert.equal(event.data.plan_details?.plan_max_amount, 499);
  }
  assert.equal(older.delivery.version, '2023-08-01');
});

test('a failed charge narrows to the payment, with its failure reason and attempt', async () => {
  const event = await delivered(paymentBody('SUBSCRIPTION_PAYMENT_FAILED', 'FAILED', 1));
  if (event.type !== 'SUBSCRIPTION_PAYMENT_FAILED') return assert.fail(`got ${event.type}`);
  assert.equal(event.data.payment_status, 'FAILED');
  assert.equal(event.data.failure_details?.failure_reason, 'insufficient funds');
  assert.equal(event.data.retry_attempts, 1);
});

test('a forged subscription webhook is refused, and the Payouts verifier refuses a genuine one as wrong_product', async () => {
  const body = paymentBody('SUBSCRIPTION_PAYMENT_SUCCESS', 'SUCCESS');
  const signed = await signWebhook({ body, secret, timestamp: now });
  const forged = body.replace('"payment_amount":499', '"payment_amount":1');
  const error = await constructWebhookEvent(forged, signed.headers, secret, { now }).catch((e: unknown) => e);
  assert.ok(isWebhookVerificationError(error));
  assert.equal(error.reason, 'invalid_signature');
  const payouts = await constructPayoutsWebhookEvent(signed.rawBody, signed.headers, secret, { now }).catch(
    (e: unknown) => e,
  );
  assert.ok(isWebhookVerificationError(payouts));
  assert.equal(payouts.reason, 'wrong_product');
});

test('the inbox runs a charge’s outcome once across retries, but each debit attempt of a retried UPI charge', async () => {
  const handled: string[] = [];
  const inbox = createWebhookInbox({
    store: createMemoryInboxStore(),
    dedupeKey: webhookContentKey,
    handler: (event) => {
      if (event.type === 'SUBSCRIPTION_PAYMENT_FAILED' || event.type === 'SUBSCRIPTION_PAYMENT_SUCCESS') {
        handled.push(`${event.type} ${event.data.retry_attempts}`);
      }
    },
  });
  const first = await inbox.receive(await delivered(paymentBody('SUBSCRIPTION_PAYMENT_FAILED', 'FAILED', 1)));
  const retry = await inbox.receive(
    await delivered(paymentBody('SUBSCRIPTION_PAYMENT_FAILED', 'FAILED', 1), { timestamp: now + 60_000 }),
  );
  const secondAttempt = await inbox.receive(
    await delivered(paymentBody('SUBSCRIPTION_PAYMENT_FAILED', 'FAILED', 2)),
  );
  const success = await inbox.receive(
    await delivered(paymentBody('SUBSCRIPTION_PAYMENT_SUCCESS', 'SUCCESS', 3)),
  );
  assert.deepEqual(
    [first.duplicate, retry.duplicate, secondAttempt.duplicate, success.duplicate],
    [false, true, false, false],
  );
  assert.equal((await inbox.processPending()).succeeded, 3);
  assert.deepEqual(handled, [
    'SUBSCRIPTION_PAYMENT_FAILED 1',
    'SUBSCRIPTION_PAYMENT_FAILED 2',
    'SUBSCRIPTION_PAYMENT_SUCCESS 3',
  ]);
});

test('the Next.js adapter delivers a subscription event typed, over loopback', async (t) => {
  const events: WebhookEvent[] = [];
  const server = serve({
    fetch: cashfreeWebhook({ secret: TEST_SECRET, onEvent: (event) => void events.push(event) }),
    port: 0,
    hostname: '127.0.0.1',
  }) as Server;
  t.after(() => closeServer(server));
  const url = `${await urlOf(server)}/api/webhooks/cashfree`;
  const answer = await postSigned(url, await signNow(statusBody('SUBSCRIPTION_STATUS_CHANGED', 'PAUSED')));
  assert.equal(answer.status, 200);
  assert.equal(events.length, 1);
  const [event] = events;
  if (event?.type !== 'SUBSCRIPTION_STATUS_CHANGED') return assert.fail(`got ${event?.type}`);
  assert.equal(event.data.subscription_details.subscription_status, 'PAUSED');
});
