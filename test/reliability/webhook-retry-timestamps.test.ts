/**
 * Issue 12, point 9: Cashfree retries a failed delivery for hours (2, 10 and 30 minutes by
 * default, up to 10 retries on a custom policy) and does not document whether a retry carries a
 * fresh x-webhook-timestamp (docs/decisions/0004-webhook-retry-timestamps.md). The sandbox
 * emulates both; a receiver whose handler fails twice (an outage) must still get the event on the
 * retry 12 minutes later. With the SDK's default window it does in both modes; with a 300 s
 * window the original-timestamp retries are refused and the event is lost, which is why 300 s is
 * not the default.
 */
import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import { after, describe, test } from 'node:test';
import type { WebhookRetryTimestamp } from '@cashfree-kit/sandbox';
import { cashfreeWebhook } from 'cashfree-kit/webhooks/express';
import express from 'express';
import { closeServer, urlOf } from '../support/webhook-http.ts';
import { eventually, sandboxCalls } from './support/sandbox-calls.ts';

const MINUTE = 60_000;
/**
 * Four attempts on a moved sandbox clock, each awaited for at most ~5 s (sandbox-calls.ts
 * `eventually`): well under this, which fails a delivery that never comes.
 */
const CASE_TIMEOUT_MS = 60_000;

/** A receiver whose handler fails its first two runs, behind the Express adapter. */
async function flakyReceiver(secret: string, options: { maxAgeSeconds?: number }) {
  const seen: { attempt: number; timestamp: number; receivedAt: number }[] = [];
  const answers: number[] = [];
  const handled: string[] = [];
  let runs = 0;
  const app = express();
  app.post(
    '/hook',
    (req, res, next) => {
      seen.push({
        attempt: Number(req.headers['x-webhook-attempt']),
        timestamp: Number(req.headers['x-webhook-timestamp']),
        receivedAt: Date.now(),
      });
      res.on('finish', () => answers.push(res.statusCode));
      next();
    },
    cashfreeWebhook({
      secret,
      ...options,
      onError: () => {},
      onEvent(event) {
        runs++;
        if (runs <= 2) throw new Error('the database is down');
        handled.push(event.type);
      },
    }),
  );
  const server: Server = app.listen(0, '127.0.0.1');
  after(() => closeServer(server));
  return { url: `${await urlOf(server)}/hook`, seen, answers, handled };
}

/** Runs Cashfree's default schedule against one receiver and reports what it saw. */
async function deliverThroughOutage(mode: WebhookRetryTimestamp, options: { maxAgeSeconds?: number }) {
  const sandbox = sandboxCalls({ webhookRetryTimestamp: mode, webhookRetrySchedule: 'cashfree' });
  after(() => sandbox.close());
  const receiver = await flakyReceiver(sandbox.sandbox.secretKey, options);
  const orderId = `order_rt_${mode}_${options.maxAgeSeconds ?? 'default'}`;
  await sandbox.paidOrder(orderId, receiver.url);
  const attempts = async (n: number) => {
    const [delivery] = await sandbox.deliveries(orderId);
    return delivery && delivery.attempts.length >= n ? delivery : undefined;
  };
  await eventually('attempt 1', () => attempts(1));
  for (const [n, wait] of [
    [2, 2 * MINUTE],
    [3, 10 * MINUTE],
    [4, 30 * MINUTE],
  ] as const) {
    const [delivery] = await sandbox.deliveries(orderId);
    if (delivery?.status !== 'pending') break;
    await sandbox.advance(wait);
    await eventually(`attempt ${n}`, () => attempts(n));
  }
  const [delivery] = await sandbox.deliveries(orderId);
  return { receiver, delivery, sandbox };
}

describe('webhook retries against the replay window (point 9)', () => {
  test("'original' (the sandbox default): a retry arrives as old as the webhook; the SDK default accepts it", {
    timeout: CASE_TIMEOUT_MS,
  }, async () => {
    const { receiver, delivery } = await deliverThroughOutage('original', {});
    assert.deepEqual(
      receiver.answers,
      [500, 500, 200],
      'two failures, then the 12-minute-old retry is accepted',
    );
    assert.deepEqual(receiver.handled, ['PAYMENT_SUCCESS_WEBHOOK']);
    assert.equal(delivery?.status, 'delivered');
    // Every attempt is stamped with the webhook's own time: the third is 12 sandbox minutes old.
    const [first, second, third] = receiver.seen;
    assert.ok(first && second && third);
    assert.ok(Math.abs(first.receivedAt - first.timestamp) < 5_000, 'attempt 1 is fresh');
    assert.ok(Math.abs(third.receivedAt - third.timestamp - 12 * MINUTE) < 5_000, 'attempt 3 is 12 min old');
    assert.ok(Math.abs(second.receivedAt - second.timestamp - 2 * MINUTE) < 5_000, 'attempt 2 is 2 min old');
  });

  test("'original' with a 300 s window: every retry after the first is refused and the event is lost", {
    timeout: CASE_TIMEOUT_MS,
  }, async () => {
    const { receiver, delivery } = await deliverThroughOutage('original', { maxAgeSeconds: 300 });
    assert.deepEqual(receiver.answers, [500, 500, 400, 400]);
    assert.deepEqual(receiver.handled, [], 'the payment was never processed');
    assert.equal(delivery?.status, 'failed');
    assert.match(delivery?.attempts[2]?.response_body ?? '', /timestamp_outside_tolerance/);
  });

  test("'fresh': every attempt is re-signed now, so even a 300 s window accepts the retry", {
    timeout: CASE_TIMEOUT_MS,
  }, async () => {
    const { receiver, delivery } = await deliverThroughOutage('fresh', { maxAgeSeconds: 300 });
    assert.deepEqual(receiver.answers, [500, 500, 200]);
    assert.deepEqual(receiver.handled, ['PAYMENT_SUCCESS_WEBHOOK']);
    assert.equal(delivery?.status, 'delivered');
    for (const seen of receiver.seen) assert.ok(Math.abs(seen.receivedAt - seen.timestamp) < 5_000);
    assert.equal(new Set(receiver.seen.map((s) => s.timestamp)).size, 3, 'a new timestamp per attempt');
  });

  test("'fresh' with the SDK default accepts the retry too; a bad mode is refused naming the option", {
    timeout: CASE_TIMEOUT_MS,
  }, async () => {
    const { receiver } = await deliverThroughOutage('fresh', {});
    assert.deepEqual(receiver.answers, [500, 500, 200]);
    assert.throws(
      () => sandboxCalls({ webhookRetryTimestamp: 'stale' as WebhookRetryTimestamp }),
      /webhookRetryTimestamp/,
    );
  });
});
