/**
 * Webhooks at volume, over HTTP against a local sandbox: with more than 10,000 events in the inbox
 * the events page and an order's panel still show the newest (they ask SQL for a page, or for one
 * order's events, instead of reading the inbox oldest first up to a limit), and a database made
 * before the shop kept its webhook index gets it filled in on start.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { type RunningSandbox, startSandbox } from '@cashfree-kit/sandbox';
import type { WebhookEvent } from 'cashfree-kit/webhooks';
import { createWebhookInbox } from 'cashfree-kit/webhooks/inbox';
import { createSqliteInboxStore } from 'cashfree-kit/webhooks/inbox/sqlite';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { type RunningStore, startStore } from '../server.js';
import { EVENTS_PER_PAGE } from './events-routes.js';
import { PANEL_LIMIT } from './steps.js';

const dir = mkdtempSync(join(tmpdir(), 'demo-store-events-'));
let sandbox: RunningSandbox;
let store: RunningStore;

const config = (db: string) =>
  loadConfig({
    CASHFREE_BASE_URL: sandbox.apiBase,
    CASHFREE_APP_ID: sandbox.appId,
    CASHFREE_SECRET_KEY: sandbox.secretKey,
    CASHFREE_ENV: 'TEST',
    DEMO_STORE_PORT: '0',
    DEMO_STORE_DB: db,
  });

/** A verified payment failure (of attempt `n`): for an order this shop never made unless `orderId` is given. */
function stranger(n: number, orderId = `order_elsewhere_${n}`): WebhookEvent {
  return {
    type: 'PAYMENT_FAILED_WEBHOOK',
    event_time: '2025-02-14T10:00:00+05:30',
    data: {
      order: { order_id: orderId, order_amount: 1, order_currency: 'INR', order_tags: null },
      payment: { cf_payment_id: String(n), payment_status: 'FAILED', payment_amount: 1 },
      customer_details: {},
    },
    delivery: { version: '2025-01-01', idempotencyKey: undefined, attempt: 1, timestamp: 0 },
  } as unknown as WebhookEvent;
}

async function text(path: string, on: RunningStore = store): Promise<string> {
  const response = await fetch(`${on.url}${path}`);
  assert.equal(response.status, 200, path);
  return response.text();
}

/** The `data-key`s of the events table's rows, top to bottom. */
const rowKeys = (html: string) =>
  [...html.matchAll(/<tr data-type="[^"]+" data-key="([^"]+)"/g)].map((m) => m[1]);

before(async () => {
  sandbox = await startSandbox({ port: 0, db: ':memory:' });
  store = await startStore(config(':memory:'));
});

after(async () => {
  await store?.close();
  await sandbox?.close();
  rmSync(dir, { recursive: true, force: true });
});

test("past 10,000 events, an order's panel and the events page still show the newest; older pages reach the oldest", {
  timeout: 120_000,
}, async () => {
  const FILL = 10_001;
  // Through the same function the webhook route calls once a signature checks out.
  const keys: string[] = [];
  for (let n = 0; n < FILL; n++) keys.push((await store.shop.receiveWebhook(stranger(n))).key);

  const ordered = await fetch(`${store.url}/api/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ customer_name: 'Priya Patel', customer_phone: '9876543210' }),
  });
  const { order_id } = (await ordered.json()) as { order_id: string };
  const trigger = await fetch(`${sandbox.url}/_sandbox/webhooks/trigger`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'PAYMENT_SUCCESS_WEBHOOK', order_id }),
  });
  assert.equal(trigger.status, 201);
  const newest = await (async () => {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const key = store.shop.webhookLog.about({ kind: 'order', id: order_id }, 1).keys[0];
      if (key) return key;
      assert.ok(Date.now() < deadline, 'the sandbox delivered the webhook');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();

  const panel = await text(`/admin/orders/${order_id}`);
  assert.match(panel, /<li class="step" data-kind="webhook" data-type="PAYMENT_SUCCESS_WEBHOOK">/);
  assert.match(panel, /data-answers="200"/);

  const first = await text('/events');
  assert.equal(rowKeys(first)[0], newest, 'the newest event heads the first page');
  assert.equal(rowKeys(first).length, EVENTS_PER_PAGE);
  assert.match(first, /Showing 1–50 of 10,002, newest first/);
  assert.match(first, /<a href="\/events\?page=2" rel="next"/);

  const lastPage = Math.ceil((FILL + 1) / EVENTS_PER_PAGE);
  const last = await text(`/events?page=${lastPage}`);
  assert.deepEqual(rowKeys(last), [keys[1], keys[0]], 'the oldest two, oldest last');
  assert.match(last, /Showing 10,001–10,002 of 10,002/);
  assert.doesNotMatch(last, /rel="next"/);
  assert.match(last, new RegExp(`<a href="/events\\?page=${lastPage - 1}" rel="prev"`));
});

test('an order with more webhooks than a panel holds: the latest ones, and a line saying how many are left out', async () => {
  const ordered = await fetch(`${store.url}/api/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ customer_name: 'Priya Patel', customer_phone: '9876543210' }),
  });
  const { order_id } = (await ordered.json()) as { order_id: string };
  const extra = 5;
  const keys: string[] = [];
  // Declined attempt after declined attempt: each a webhook of its own about this order.
  for (let n = 0; n < PANEL_LIMIT + extra; n++)
    keys.push((await store.shop.receiveWebhook(stranger(n, order_id))).key);
  const panel = await text(`/admin/orders/${order_id}`);
  const shown = [...panel.matchAll(/<li class="step" data-kind="webhook"/g)].length;
  assert.equal(shown, PANEL_LIMIT);
  assert.match(
    panel,
    new RegExp(`data-testid="steps-omitted">Showing the latest \\d+ steps; ${extra} older ones are left out`),
  );
  assert.ok(panel.includes(keys.at(-1) ?? '?'), 'the newest is shown');
  assert.ok(!panel.includes(`"key":"${keys[0]}"`), 'the oldest is left out');
});

test('a database from before the webhook index: its inbox is indexed on start, and answers never recorded are not made up', async () => {
  const file = join(dir, 'older.db');
  const db = openDatabase(file);
  // What the store of an earlier version left: events in the inbox, nothing in the index.
  const inbox = createWebhookInbox({ store: createSqliteInboxStore({ database: db }), handler: () => {} });
  const { key } = await inbox.receive(stranger(1));
  db.close();

  const older = await startStore(config(file));
  try {
    const events = await text('/events', older);
    assert.deepEqual(rowKeys(events), [key]);
    assert.match(events, /answer not recorded/);
    assert.doesNotMatch(events, /class="http ok">200</, 'no status is shown that was not recorded');
  } finally {
    await older.close();
  }
});
