/**
 * The store over HTTP against a real local sandbox, without a browser: state survives a restart,
 * a webhook is applied once however often it is delivered, forged deliveries are refused and
 * listed, and the secret key appears on no page, in no answer and nowhere in the database file.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { type RunningSandbox, startSandbox } from '@cashfree-kit/sandbox';
import { signWebhook } from 'cashfree-kit/webhooks';
import { loadConfig } from './config.js';
import { type RunningStore, startStore } from './server.js';

const secretKey = `cfsk_ma_test_${randomBytes(12).toString('hex')}`;
const dir = mkdtempSync(join(tmpdir(), 'demo-store-'));
let sandbox: RunningSandbox;
let store: RunningStore;

const start = () =>
  startStore(
    loadConfig({
      CASHFREE_BASE_URL: sandbox.apiBase,
      CASHFREE_APP_ID: sandbox.appId,
      CASHFREE_SECRET_KEY: sandbox.secretKey,
      CASHFREE_ENV: 'TEST',
      DEMO_STORE_PORT: '0',
      DEMO_STORE_DB: join(dir, 'store.db'),
    }),
  );

async function until<T>(what: string, find: () => T | undefined | Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const found = await find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** GETs a page, checks its status and that the secret key is nowhere in it. */
async function page(path: string, status = 200): Promise<string> {
  const response = await fetch(`${store.url}${path}`);
  const text = await response.text();
  assert.equal(response.status, status, `${path}: ${text.slice(0, 300)}`);
  assert.ok(!text.includes(secretKey), `${path} shows the secret key`);
  return text;
}

async function buy(): Promise<{ order_id: string; payment_session_id: string; panel: string }> {
  const response = await fetch(`${store.url}/api/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      customer_name: 'Priya Patel',
      customer_email: 'priya@example.com',
      customer_phone: '9876543210',
      redirect_target: '_self',
    }),
  });
  const text = await response.text();
  assert.equal(response.status, 200, text);
  assert.ok(!text.includes(secretKey));
  return JSON.parse(text);
}

before(async () => {
  sandbox = await startSandbox({ port: 0, db: ':memory:', secretKey });
  store = await start();
});

after(async () => {
  await store?.close();
  await sandbox?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('POST /api/orders creates the order on the server with return_url {order_id} and notify_url, and answers with the panel', async () => {
  const order = await buy();
  const created = await sandbox.sandbox.request(`/pg/orders/${order.order_id}`, {
    headers: { 'x-client-id': sandbox.appId, 'x-client-secret': secretKey, 'x-api-version': '2025-01-01' },
  });
  const body = (await created.json()) as { order_amount: number; order_meta: Record<string, string> };
  assert.equal(body.order_amount, 499);
  assert.equal(body.order_meta['return_url'], `${store.url}/return?order_id={order_id}`);
  assert.equal(body.order_meta['notify_url'], `${store.url}/webhooks/cashfree`);
  assert.match(order.panel, /POST \/pg\/orders/);
  assert.match(order.panel, /x-client-secret: \[REDACTED\]/);
  assert.match(
    order.panel,
    /-H &quot;x-client-secret: \$CASHFREE_SECRET_KEY&quot;/,
    'curl reads the key from the environment',
  );
});

test('a body that is not JSON is a 400, not a server error', async () => {
  const response = await fetch(`${store.url}/api/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"customer_name": ',
  });
  assert.equal(response.status, 400);
});

test('a bad phone number is refused before the wire, with the field and the fix', async () => {
  const response = await fetch(`${store.url}/api/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ customer_name: 'Priya', customer_phone: '+919876543210' }),
  });
  assert.equal(response.status, 400);
  const answer = (await response.json()) as { error: { message: string; field: string }; panel: string };
  assert.equal(answer.error.field, 'customer_details.customer_phone');
  assert.match(answer.error.message, /Send '9876543210' without \+91/);
  assert.match(answer.panel, /not sent/);
});

test('a success webhook delivered twice marks the order paid once; the events page shows it received twice, run once', async () => {
  const { order_id } = await buy();
  const trigger = await fetch(`${sandbox.url}/_sandbox/webhooks/trigger`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'PAYMENT_SUCCESS_WEBHOOK', order_id }),
  });
  assert.equal(trigger.status, 201);
  const { deliveries } = (await trigger.json()) as { deliveries: Array<{ id: string }> };
  const paid = await until('the order PAID in the shop', () => {
    const order = store.shop.orders.get(order_id);
    return order?.status === 'PAID' ? order : undefined;
  });
  const resend = await fetch(`${sandbox.url}/_sandbox/webhooks/deliveries/${deliveries[0]?.id}/resend`, {
    method: 'POST',
  });
  assert.equal(resend.status, 202);
  const entry = await until('the second delivery recorded', async () =>
    (await store.shop.inbox.list()).find((e) => e.deliveries === 2),
  );
  assert.equal(entry.attempts, 1, 'the handler ran once');
  assert.equal(store.shop.orders.get(order_id)?.paid_at, paid.paid_at);
  const confirmations = store.shop.calls.forSubject(order_id).filter((c) => c.source === 'webhook');
  assert.equal(confirmations.length, 1, 'confirmed with Cashfree once');
  const events = await page('/events');
  assert.match(events, /PAYMENT_SUCCESS_WEBHOOK/);
  assert.match(events, /data-testid="deliveries">2</);
});

test('a delivery with a wrong signature is refused (400) and listed; a correctly signed one is accepted', async () => {
  const body = JSON.stringify({
    type: 'PAYMENT_SUCCESS_WEBHOOK',
    data: {},
    event_time: '2025-01-01T00:00:00+05:30',
  });
  const forged = await signWebhook({ body, secret: 'cfsk_ma_test_not_the_shops_key' });
  const refused = await fetch(`${store.url}/webhooks/cashfree`, {
    method: 'POST',
    headers: forged.headers,
    body,
  });
  assert.equal(refused.status, 400);
  assert.equal(((await refused.json()) as { error: { reason: string } }).error.reason, 'invalid_signature');
  const events = await page('/events');
  assert.match(events, /data-testid="rejections"/);
  assert.match(events, /invalid_signature/);

  const signed = await signWebhook({ body, secret: secretKey });
  const accepted = await fetch(`${store.url}/webhooks/cashfree`, {
    method: 'POST',
    headers: signed.headers,
    body,
  });
  assert.equal(accepted.status, 200);
});

test('a restart keeps orders, webhooks and calls; no page, answer or database file holds the secret key', async () => {
  const before = store.shop.orders.recent().map((o) => [o.order_id, o.status]);
  const eventsBefore = (await store.shop.inbox.list()).length;
  assert.ok(before.length >= 2 && eventsBefore >= 1);
  await store.close();
  store = await start();
  assert.deepEqual(
    store.shop.orders.recent().map((o) => [o.order_id, o.status]),
    before,
  );
  assert.equal((await store.shop.inbox.list()).length, eventsBefore);
  const admin = await page('/admin');
  for (const [orderId] of before) {
    assert.ok(admin.includes(String(orderId)));
    await page(`/admin/orders/${orderId}`);
    await page(`/return?order_id=${orderId}`);
  }
  await page('/');
  await page('/events');
  await page('/return?order_id=order_nobody_made', 404);
  await page('/no/such/page', 404);
  await store.close();
  for (const file of readdirSync(dir)) {
    assert.ok(!readFileSync(join(dir, file)).includes(secretKey), `${file} holds the secret key`);
  }
  store = await start();
});

test('the store imports cashfree-kit and never the sandbox: it is a merchant app', () => {
  const src = fileURLToPath(new URL('.', import.meta.url));
  const files = (readdirSync(src, { recursive: true }) as string[]).filter(
    (f) => f.endsWith('.ts') && !f.endsWith('.test.ts'),
  );
  assert.ok(files.length > 10);
  for (const file of files) {
    const text = readFileSync(join(src, file), 'utf8');
    assert.doesNotMatch(text, /from '@cashfree-kit\/sandbox'|packages\/sandbox/, file);
  }
});
