/**
 * The store over HTTP against a real local sandbox, without a browser: state survives a restart,
 * a webhook is applied once however often it is delivered, forged deliveries are refused and
 * listed, the return page believes only Cashfree (and records what Cashfree says, so a store
 * without webhooks still knows an order is paid), refunds keep pending and refunded apart, a
 * refreshing page does not grow its panel, and the secret key appears on no page, in no answer
 * and nowhere in the database file.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { type RunningSandbox, startSandbox, TEST_CARD_EXPIRY } from '@cashfree-kit/sandbox';
import { Cashfree } from 'cashfree-kit';
import { signWebhook } from 'cashfree-kit/webhooks';
import { loadConfig } from './config.js';
import { type RunningStore, startStore } from './server.js';

// + and / make the URL-encoded and base64 spellings of the key differ from the key itself.
const secretKey = `cfsk_ma_test_${randomBytes(6).toString('hex')}+${randomBytes(6).toString('hex')}/x`;
const dir = mkdtempSync(join(tmpdir(), 'demo-store-'));
let sandbox: RunningSandbox;
let store: RunningStore;
/** A second store on the same sandbox with DEMO_STORE_WEBHOOKS=off: no notify_url, no webhooks. */
let quiet: RunningStore;
/** The customer's side of a payment, made through the API instead of the checkout pages. */
let customer: Cashfree;

const config = (extra: Record<string, string> = {}) =>
  loadConfig({
    CASHFREE_BASE_URL: sandbox.apiBase,
    CASHFREE_APP_ID: sandbox.appId,
    CASHFREE_SECRET_KEY: sandbox.secretKey,
    CASHFREE_ENV: 'TEST',
    DEMO_STORE_PORT: '0',
    DEMO_STORE_DB: join(dir, 'store.db'),
    ...extra,
  });
const start = () => startStore(config());

async function until<T>(what: string, find: () => T | undefined | Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const found = await find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The spellings of the secret key a leak could take; named, never printed. */
function leaks(text: string): string[] {
  const bytes = Buffer.from(secretKey);
  const spellings = {
    verbatim: secretKey,
    'URL-encoded': encodeURIComponent(secretKey),
    base64: bytes.toString('base64'),
    base64url: bytes.toString('base64url'),
  };
  return Object.entries(spellings)
    .filter(([, spelled]) => text.includes(spelled))
    .map(([name]) => name);
}

/** GETs a page of `on` (the main store unless given), checks its status and that no spelling of the secret key is in it. */
async function page(path: string, status = 200, on: RunningStore = store): Promise<string> {
  const response = await fetch(`${on.url}${path}`);
  const text = await response.text();
  assert.equal(response.status, status, `${path}: ${text.slice(0, 300)}`);
  assert.deepEqual(leaks(text), [], `${path} shows the secret key`);
  return text;
}

async function buy(
  on: RunningStore = store,
): Promise<{ order_id: string; payment_session_id: string; panel: string }> {
  const response = await fetch(`${on.url}/api/orders`, {
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
  assert.deepEqual(leaks(text), []);
  return JSON.parse(text);
}

/** Pays by test card through the API (card, then the OTP), as the checkout page would. */
async function payByCard(paymentSessionId: string): Promise<void> {
  const pay = await customer.orders.pay({
    payment_session_id: paymentSessionId,
    payment_method: {
      card: {
        channel: 'post',
        card_number: '4111111111111111',
        card_expiry_mm: TEST_CARD_EXPIRY.mm,
        card_expiry_yy: TEST_CARD_EXPIRY.yy,
        card_cvv: '123',
      },
    },
  });
  const otp = await customer.orders.authenticate(String(pay.cf_payment_id), {
    action: 'SUBMIT_OTP',
    otp: '111000',
  });
  assert.equal(otp.authenticate_status, 'SUCCESS');
}

/** The order's state on a page: `data-status` of the return page's hero. */
const heroStatus = (html: string) => /data-testid="order-status" data-status="(\w+)"/.exec(html)?.[1];

/** Posts a form to the store and returns the status and the page (not following a redirect). */
async function postForm(
  path: string,
  fields: Record<string, string>,
): Promise<{ status: number; text: string }> {
  const response = await fetch(`${store.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual',
  });
  const text = await response.text();
  assert.deepEqual(leaks(text), []);
  return { status: response.status, text };
}

before(async () => {
  // UPI collects stay PENDING until a test advances the sandbox clock by a minute.
  sandbox = await startSandbox({ port: 0, db: ':memory:', secretKey, upiResolveDelayMs: 60_000 });
  store = await start();
  quiet = await startStore(config({ DEMO_STORE_WEBHOOKS: 'off', DEMO_STORE_DB: ':memory:' }));
  customer = new Cashfree({
    appId: sandbox.appId,
    secretKey,
    environment: 'sandbox',
    baseUrl: sandbox.apiBase,
  });
});

after(async () => {
  await store?.close();
  await quiet?.close();
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

test('a bad phone number is refused before the wire: the shopper is told per field, the panel keeps the SDK’s detail and says no order was made', async () => {
  const response = await fetch(`${store.url}/api/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ customer_name: 'Pr', customer_phone: '98765', customer_email: 'priya@' }),
  });
  assert.equal(response.status, 400);
  const answer = (await response.json()) as {
    error: { message: string; fields: Array<{ field: string; message: string }> };
    panel: string;
  };
  assert.equal(answer.error.message, 'Please check the 3 highlighted fields.');
  assert.deepEqual(answer.error.fields, [
    { field: 'customer_name', message: 'Enter your full name (3 to 100 characters).' },
    { field: 'customer_email', message: 'Enter an email address like priya@example.com, or leave it empty.' },
    { field: 'customer_phone', message: 'Enter your 10-digit mobile number, for example 98765 43210.' },
  ]);
  assert.doesNotMatch(
    JSON.stringify(answer.error),
    /customer_details\./,
    'no developer wording for the shopper',
  );
  assert.match(answer.panel, /not sent/);
  assert.match(answer.panel, /ValidationError: customer_details\.customer_phone: must be exactly 10 digits/);
  assert.match(
    answer.panel,
    /refused the request before sending it: nothing reached Cashfree and no order was created/,
  );
  assert.doesNotMatch(answer.panel, /The server created the order/);
});

test('+91 98765 43210, the way people type a mobile, is taken as 9876543210', async () => {
  const response = await fetch(`${store.url}/api/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ customer_name: 'Priya Patel', customer_phone: '+91 98765 43210' }),
  });
  assert.equal(response.status, 200);
  const { order_id } = (await response.json()) as { order_id: string };
  assert.equal(store.shop.orders.get(order_id)?.customer_phone, '9876543210');
});

test("an error answer from POST /api/orders goes through the pages' secret filter: a message quoting the key shows [REDACTED]", async () => {
  // The SDK's validation quotes the value it refused; here that value is the key itself.
  for (const spelled of [
    secretKey,
    encodeURIComponent(secretKey),
    Buffer.from(secretKey).toString('base64'),
  ]) {
    const response = await fetch(`${store.url}/api/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ customer_name: 'Priya', customer_phone: spelled }),
    });
    const text = await response.text();
    assert.equal(response.status, 400);
    assert.deepEqual(leaks(text), []);
    const answer = JSON.parse(text) as { error: { fields: Array<{ field: string }> }; panel: string };
    assert.deepEqual(
      answer.error.fields.map((f) => f.field),
      ['customer_phone'],
    );
    assert.match(answer.panel, /received (&#39;|')\[REDACTED\](&#39;|')/);
  }
});

test('the return page believes Cashfree only: order_status=PAID and the like in the URL of an unpaid order change nothing', async () => {
  const { order_id } = await buy();
  const forged = new URLSearchParams({
    order_id,
    order_status: 'PAID',
    payment_status: 'SUCCESS',
    txStatus: 'SUCCESS',
    cf_payment_id: '5114910796410',
  });
  const text = await page(`/return?${forged}`);
  assert.equal(heroStatus(text), 'unpaid');
  assert.match(text, /data-testid="cashfree-status"><span class="badge \w+" data-status="ACTIVE"/);
  assert.match(text, /No payment was made on this order/);
  const record = store.shop.orders.get(order_id);
  assert.deepEqual([record?.status, record?.paid_at, record?.paid_via], ['ACTIVE', null, null]);
  const admin = await page(`/admin/orders/${order_id}`);
  assert.doesNotMatch(admin, /data-testid="refund-form"/);
});

test('a pending UPI payment: the return page says pending and refreshes itself; each refresh with the same answer adds no step', async () => {
  const { order_id, payment_session_id } = await buy();
  await customer.orders.pay({
    payment_session_id,
    payment_method: { upi: { channel: 'collect', upi_id: 'success@cashfree' } },
  });
  for (let refresh = 1; refresh <= 4; refresh++) {
    const text = await page(`/return?order_id=${order_id}`);
    assert.equal(heroStatus(text), 'pending', `refresh ${refresh}`);
    assert.match(text, /<meta http-equiv="refresh" content="3">/);
    assert.match(text, /Waiting for your bank/);
  }
  const asked = store.shop.calls.forSubject(order_id).calls;
  assert.deepEqual(
    asked.map((c) => [c.operation, c.repeats]).sort(),
    [
      ['orders.create', 1],
      ['orders.get', 4],
      ['payments.list', 4],
    ],
    'one step per distinct answer, counted',
  );
  const pending = await page(`/return?order_id=${order_id}`);
  assert.match(pending, /data-operation="orders.get" data-status="200" data-repeats="5"/);
  assert.match(pending, /asked 5× with this answer/);

  const advanced = await fetch(`${sandbox.url}/_sandbox/clock/advance`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ seconds: 61 }),
  });
  assert.equal(advanced.status, 200);
  const paid = await page(`/return?order_id=${order_id}`);
  assert.equal(heroStatus(paid), 'paid');
  assert.doesNotMatch(paid, /http-equiv="refresh"/, 'a final answer stops the refreshing');
  assert.equal(store.shop.calls.forSubject(order_id).total, 5, 'the new answers are two new steps');
});

test('without webhooks (DEMO_STORE_WEBHOOKS=off, as in real mode with no public URL) the return page records the payment, so the order can be refunded', async () => {
  const { order_id, payment_session_id } = await buy(quiet);
  const sent = await sandbox.sandbox.request(`/pg/orders/${order_id}`, {
    headers: { 'x-client-id': sandbox.appId, 'x-client-secret': secretKey, 'x-api-version': '2025-01-01' },
  });
  const meta = ((await sent.json()) as { order_meta: Record<string, unknown> }).order_meta;
  assert.equal(meta['notify_url'] ?? null, null, 'the order went to Cashfree without notify_url');
  assert.match(await page('/', 200, quiet), /Webhooks are off: DEMO_STORE_WEBHOOKS=off sends no notify_url/);
  await payByCard(payment_session_id);
  assert.equal(quiet.shop.orders.get(order_id)?.status, 'ACTIVE', 'nothing told the shop yet');
  assert.match(await page(`/admin/orders/${order_id}`, 200, quiet), /Only a paid order can be refunded/);

  const returned = await page(`/return?order_id=${order_id}`, 200, quiet);
  assert.equal(heroStatus(returned), 'paid');
  const record = quiet.shop.orders.get(order_id);
  assert.deepEqual([record?.status, record?.paid_via], ['PAID', 'return page']);
  assert.match(returned, /learnt by this page&#39;s check with Cashfree/);
  const admin = await page(`/admin/orders/${order_id}`, 200, quiet);
  assert.match(admin, /data-testid="refund-form"/);
  assert.match(admin, /data-testid="paid">[^<]*\(learnt by return page\)/);
  const deliveries = (await (
    await fetch(`${sandbox.url}/_sandbox/webhooks/deliveries?order_id=${order_id}`)
  ).json()) as { data: unknown[] };
  assert.deepEqual(deliveries.data, [], 'the sandbox sent no webhook');

  // Seeing it again, or a webhook arriving late after all, records nothing twice.
  await page(`/return?order_id=${order_id}`, 200, quiet);
  const body = JSON.stringify({
    type: 'PAYMENT_SUCCESS_WEBHOOK',
    event_time: '2025-02-14T10:00:00+05:30',
    data: {
      order: { order_id, order_amount: 499, order_currency: 'INR', order_tags: null },
      payment: { cf_payment_id: '1', payment_status: 'SUCCESS', payment_amount: 499 },
      customer_details: {},
    },
  });
  const late = await fetch(`${quiet.url}/webhooks/cashfree`, {
    method: 'POST',
    headers: (await signWebhook({ body, secret: secretKey })).headers,
    body,
  });
  assert.equal(late.status, 200);
  await until('the late webhook handled', async () => {
    const [entry] = await quiet.shop.inbox.list();
    return entry?.status === 'done' ? entry : undefined;
  });
  assert.deepEqual(quiet.shop.orders.get(order_id), record, 'paid once: same time, same source');
  const confirms = quiet.shop.calls.forSubject(order_id).calls.filter((c) => c.source === 'webhook');
  assert.deepEqual(confirms, [], 'an order already paid is not confirmed again');
});

test('refunds: a pending refund is not "refunded", yet counts against what is left; asking for more names both amounts', async () => {
  const { order_id, payment_session_id } = await buy();
  await payByCard(payment_session_id);
  await until('the order PAID in the shop', () =>
    store.shop.orders.get(order_id)?.status === 'PAID' ? true : undefined,
  );
  const path = `/admin/orders/${order_id}/refunds`;
  assert.equal((await postForm(path, { amount: '100', speed: 'INSTANT' })).status, 303);
  let admin = await page(`/admin/orders/${order_id}`);
  assert.match(admin, /data-testid="refunded">₹0\.00</);
  assert.match(admin, /data-testid="refund-pending">₹100\.00 /);
  assert.match(admin, /max="399\.00"/);

  const over = await postForm(path, { amount: '450', speed: 'INSTANT' });
  assert.equal(over.status, 400);
  assert.match(
    over.text,
    /Cannot refund ₹450\.00: only ₹399\.00 of this ₹499\.00 order is left to refund \(₹100\.00 pending\)\./,
  );
  assert.match(
    await postForm(path, { amount: 'lots', speed: 'INSTANT' }).then((r) => r.text),
    /Enter the refund amount in rupees, such as 100 or 99\.50 \(up to the ₹399\.00 left to refund\)/,
  );

  assert.equal((await postForm(path, { full: '1', speed: 'STANDARD' })).status, 303);
  admin = await page(`/admin/orders/${order_id}`);
  assert.match(admin, /data-testid="refunded">₹0\.00</);
  assert.match(admin, /data-testid="refund-pending">₹499\.00 /);
  assert.match(admin, /data-testid="nothing-left">Nothing left to refund: ₹499\.00 is still being refunded/);
  assert.doesNotMatch(admin, /Fully refunded/, 'not while the refunds are PENDING');
  assert.match(
    await page('/admin'),
    new RegExp(
      `data-order-id="${order_id}"[\\s\\S]*?data-testid="refunded">₹0\\.00</span><div class="small muted" data-testid="refund-pending">\\+ ₹499\\.00 pending`,
    ),
  );

  // Cashfree settles them; REFUND_STATUS_WEBHOOK moves the shop's records.
  for (const refund of store.shop.refunds.forOrder(order_id)) {
    const forced = await fetch(
      `${sandbox.url}/_sandbox/orders/${order_id}/refunds/${refund.refund_id}/status`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ refund_status: 'SUCCESS' }),
      },
    );
    assert.equal(forced.status, 200);
  }
  await until('both refunds SUCCESS in the shop', () =>
    store.shop.refunds.forOrder(order_id).every((r) => r.status === 'SUCCESS') ? true : undefined,
  );
  admin = await page(`/admin/orders/${order_id}`);
  assert.match(admin, /data-testid="refunded">₹499\.00</);
  assert.doesNotMatch(admin, /data-testid="refund-pending"/);
  assert.match(admin, /data-testid="fully-refunded">Fully refunded/);
  const more = await postForm(path, { amount: '1', speed: 'INSTANT' });
  assert.equal(more.status, 400);
  assert.match(more.text, /Nothing is left to refund on this ₹499\.00 order \(₹499\.00 refunded\)\./);
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
  const confirmations = store.shop.calls.forSubject(order_id).calls.filter((c) => c.source === 'webhook');
  assert.equal(confirmations.length, 1, 'confirmed with Cashfree once');
  const events = await page('/events');
  assert.match(events, /PAYMENT_SUCCESS_WEBHOOK/);
  assert.match(events, /data-testid="deliveries">2</);
  // What the store answered each delivery, as recorded when it was sent.
  const panel = await page(`/admin/orders/${order_id}`);
  assert.match(
    panel,
    /data-kind="webhook" data-type="PAYMENT_SUCCESS_WEBHOOK">[\s\S]*?data-answers="200,200"><span class="http ok">200 ×2<\/span>/,
  );
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
