/**
 * Issue 12, point 3: webhook delivery under failure. The sandbox delivers real payment and refund
 * webhooks (to each order's notify_url) to a merchant app built from cashfree-kit's Express
 * adapter and its webhook inbox, on SQLite and on PostgreSQL. The app misbehaves at a seeded 40%:
 *
 * - it answers 500 before recording the event;
 * - it records the event, then answers 500 (crashed after the write);
 * - it records the event, then answers only after the sandbox's webhookTimeoutMs;
 * - it restarts twice mid-run (server, inbox and store closed, then reopened on the same data);
 * - and the inbox handler itself throws on some runs.
 *
 * The sandbox retries each delivery on its schedule. In the end every event the sandbox produced
 * has been handled exactly once (counted per dedupe key), none is lost, none is dead-lettered,
 * and the duplicates that the failures caused were seen by the inbox and absorbed.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type TestContext, test } from 'node:test';
import { startSandbox } from '@cashfree-kit/sandbox';
import { Cashfree, type OrderEntity } from 'cashfree-kit';
import { cashfreeWebhook } from 'cashfree-kit/webhooks/express';
import { createWebhookInbox, type WebhookInbox, type WebhookInboxStore } from 'cashfree-kit/webhooks/inbox';
import { createPostgresInboxStore } from 'cashfree-kit/webhooks/inbox/postgres';
import { createSqliteInboxStore } from 'cashfree-kit/webhooks/inbox/sqlite';
import express from 'express';
import pg from 'pg';
import { prerequisite } from '../support/prerequisites.ts';
import { closeServer } from '../support/webhook-http.ts';
import { runPool, watchUnhandledRejections } from './support/concurrency.ts';
import { orderBody, payByCard } from './support/order-flows.ts';
import { between, runSeed, seededRandom } from './support/seeded-random.ts';
import { SUITE_SECRET } from './support/suite-secret.ts';
import { tempDir } from './support/temp-dir.ts';
import { waitUntilSettled } from './support/webhook-deliveries.ts';

const ORDERS = 60;
/** Two partial refunds per order, each a REFUND_STATUS_WEBHOOK once processed. */
const REFUND_SHARES = [0.25, 0.5];
const WEBHOOK_TIMEOUT_MS = 400;
/**
 * The most retries the sandbox allows (20), quick at first, then spaced so that a restart's downtime
 * costs a delivery only a few of them: the receiver fails 40% of attempts, and no delivery may run
 * out (with a flat 400 ms after the first four, one used 12 of 21 attempts).
 */
const RETRY_SCHEDULE = [50, 100, 200, 300, 400, 500, 600, 800, ...Array.from({ length: 12 }, () => 1_000)];
const SLOW_ANSWER_MS = 2 * WEBHOOK_TIMEOUT_MS;
/** How long the sandbox may take to settle every delivery, and the inbox to process them. */
const SETTLE_MS = 90_000;
const INBOX_DRAIN_MS = 30_000;
/**
 * 7-15 s per store on a shared 2-core machine. The bound covers both waits in full plus a minute
 * for the payments and refunds, so a stuck delivery fails with its own message, not this.
 */
const TEST_TIMEOUT_MS = SETTLE_MS + INBOX_DRAIN_MS + 60_000;
const RESTART_DOWNTIME_MS = 300;

type ReceiverFault = 'fail_before_record' | 'fail_after_record' | 'slow_after_record' | 'handler_throws';

interface Opened {
  store: WebhookInboxStore;
  close(): Promise<void>;
}

async function deliverThroughFailures(t: TestContext, storeName: string, open: () => Promise<Opened>) {
  const seed = runSeed(`webhook-delivery-failures (${storeName})`);
  const random = seededRandom(seed);
  const unhandled = watchUnhandledRejections(t);
  // On the suite secret: it signs every webhook and is the adapter's secret, and the runner scans
  // the output for it.
  const sandbox = await startSandbox({
    port: 0,
    db: ':memory:',
    secretKey: SUITE_SECRET,
    webhookRetrySchedule: RETRY_SCHEDULE,
    webhookTimeoutMs: WEBHOOK_TIMEOUT_MS,
  });
  t.after(() => sandbox.close());

  // --- The merchant app: Express + cashfree-kit adapter + inbox, restartable on one port.
  const handled = new Map<string, number>();
  const faults: Record<ReceiverFault | 'restart', number> = {
    fail_before_record: 0,
    fail_after_record: 0,
    slow_after_record: 0,
    handler_throws: 0,
    restart: 0,
  };
  let requests = 0;
  const restartAt = [between(random, 20, 80), between(random, 120, 200)];
  const newInbox = (store: WebhookInboxStore): WebhookInbox =>
    createWebhookInbox({
      store,
      maxAttempts: 50,
      backoff: () => 20,
      onError: () => {},
      handler: (_event, { key }) => {
        if (random() < 0.15) {
          faults.handler_throws++;
          throw new Error('handler failed (injected)');
        }
        handled.set(key, (handled.get(key) ?? 0) + 1);
      },
    });

  let opened = await open();
  let inbox = newInbox(opened.store);
  inbox.start({ pollIntervalMs: 50 });
  let restarting: Promise<void> | undefined;

  const app = express();
  app.post('/webhooks/cashfree', (_req, res, next) => {
    requests++;
    if (restartAt.includes(requests)) restarting = restart();
    const roll = random();
    if (roll < 0.15) {
      faults.fail_before_record++;
      res.status(500).json({ error: 'unavailable (injected)' });
      return;
    }
    res.locals['fault'] = roll < 0.275 ? 'fail_after_record' : roll < 0.4 ? 'slow_after_record' : undefined;
    next();
  });
  // The adapter is built per request so that onEvent can read this request's injected fault.
  app.post(
    '/webhooks/cashfree',
    (req, res) =>
      void cashfreeWebhook({
        secret: sandbox.secretKey,
        onError: () => {},
        onEvent: async (event) => {
          await inbox.receive(event);
          const fault = res.locals['fault'] as ReceiverFault | undefined;
          if (fault) faults[fault]++;
          if (fault === 'fail_after_record') throw new Error('crashed after recording (injected)');
          if (fault === 'slow_after_record')
            await new Promise((resolve) => setTimeout(resolve, SLOW_ANSWER_MS));
        },
      })(req, res),
  );

  let server: Server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  t.after(async () => {
    await restarting;
    await inbox.stop();
    if (server.listening) await closeServer(server);
    await opened.close();
  });

  /** Everything goes down (requests in flight are cut), stays down a moment, and comes back on the same data. */
  async function restart(): Promise<void> {
    faults.restart++;
    await closeServer(server);
    await inbox.stop();
    await opened.close();
    await new Promise((resolve) => setTimeout(resolve, RESTART_DOWNTIME_MS));
    opened = await open();
    inbox = newInbox(opened.store);
    inbox.start({ pollIntervalMs: 50 });
    server = createServer(app);
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  }

  // --- Real events: card payments, then refunds processed by moving the sandbox clock.
  const client = new Cashfree({
    appId: sandbox.appId,
    secretKey: sandbox.secretKey,
    environment: 'sandbox',
    baseUrl: sandbox.apiBase,
  });
  const notifyUrl = `http://127.0.0.1:${port}/webhooks/cashfree`;
  const orders: OrderEntity[] = [];
  await runPool(ORDERS, 8, async (i) => {
    const order = await client.orders.create(
      orderBody(`wh_${seed}_${i}`, 200 + i, { order_meta: { notify_url: notifyUrl } }),
    );
    await payByCard(client, order);
    for (const [n, share] of REFUND_SHARES.entries()) {
      await client.refunds.create(order.order_id, {
        refund_id: `refund_${n}`,
        refund_amount: (200 + i) * share,
      });
    }
    orders.push(order);
  });
  sandbox.sandbox.advanceClock(10 * 60_000);

  // --- Wait for the sandbox to stop retrying, then for the inbox to finish.
  const deliveries = await waitUntilSettled(sandbox.url, SETTLE_MS);
  await restarting;
  const until = Date.now() + INBOX_DRAIN_MS;
  while (
    (await inbox.list({ status: 'pending' })).length + (await inbox.list({ status: 'processing' })).length
  ) {
    assert.ok(Date.now() < until, `the inbox finished processing within ${INBOX_DRAIN_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }

  const records = await inbox.list({ limit: 10_000 });
  const received = records.reduce((sum, r) => sum + r.deliveries, 0);
  const attempts = deliveries.reduce((sum, d) => sum + d.attempts, 0);
  console.log(
    `[reliability] webhook-delivery-failures (${storeName}): ${JSON.stringify({
      seed,
      events: deliveries.length,
      attempts_by_sandbox: attempts,
      most_attempts_of_one_delivery: Math.max(...deliveries.map((d) => d.attempts)),
      retry_budget: RETRY_SCHEDULE.length + 1,
      requests_at_receiver: requests,
      faults,
      recorded_deliveries: received,
      handler_runs: [...handled.values()].reduce((a, b) => a + b, 0),
    })}`,
  );

  assert.deepEqual(unhandled, []);
  assert.equal(
    deliveries.length,
    ORDERS * (1 + REFUND_SHARES.length),
    'a payment and two refund events per order',
  );
  assert.deepEqual(
    deliveries.filter((d) => d.status !== 'delivered').map((d) => d.id),
    [],
    'the sandbox delivered every event (none ran out of retries)',
  );
  for (const kind of Object.keys(faults) as (keyof typeof faults)[])
    assert.ok(faults[kind] > 0, `${kind} happened`);
  assert.equal(faults.restart, 2);

  // Exactly once: one handled run per event, keyed by the delivery's x-idempotency-key.
  const expected = deliveries.map((d) => `idem:${d.idempotency_key}`).sort();
  assert.equal(new Set(expected).size, expected.length, 'every event has its own key');
  assert.deepEqual([...handled.keys()].sort(), expected, 'every event was handled');
  const twice = [...handled].filter(([, runs]) => runs !== 1);
  assert.deepEqual(twice, [], 'no event was handled twice');
  assert.deepEqual(
    records.filter((r) => r.status !== 'done').map((r) => r.key),
    [],
    'nothing left pending or dead',
  );
  assert.equal(records.length, expected.length);
  assert.ok(received > records.length, 'duplicates reached the inbox and were absorbed');
}

test('SQLite inbox: a failing, slow and restarting receiver handles every event exactly once', {
  timeout: TEST_TIMEOUT_MS,
}, async (t) => {
  const filename = tempDir(t, 'webhook-failures')('inbox.db');
  await deliverThroughFailures(t, 'SQLite', async () => {
    const store = createSqliteInboxStore({ filename });
    return { store, close: async () => store.close?.() };
  });
});

test('PostgreSQL inbox: a failing, slow and restarting receiver handles every event exactly once', {
  timeout: TEST_TIMEOUT_MS,
}, async (t) => {
  const url = process.env['CASHFREE_KIT_PG_URL'];
  const available = prerequisite(
    t,
    Boolean(url),
    'PostgreSQL (CASHFREE_KIT_PG_URL)',
    'Start a throwaway server (initdb under /tmp, listen on 127.0.0.1) and export ' +
      'CASHFREE_KIT_PG_URL=postgres://postgres@127.0.0.1:<port>/postgres; .ci/run does this.',
  );
  if (!available || !url) return;
  const schema = `cfk_reliability_${process.pid}_${Date.now()}`;
  t.after(async () => {
    const admin = new pg.Pool({ connectionString: url, max: 1 });
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.end();
  });
  await deliverThroughFailures(t, 'PostgreSQL', async () => {
    const pool = new pg.Pool({ connectionString: url, max: 4 });
    return { store: createPostgresInboxStore({ pool, schema }), close: () => pool.end() };
  });
});
