/**
 * The guides' code, run as written against a local sandbox on 127.0.0.1: accept a payment, verify
 * it on return and refund it; webhooks through the inbox on Express, Fastify, Next.js and Hono;
 * payment links; settlement reconciliation; the sandbox test file and its CI-free setup; the
 * production guard; rupee conversions. Each block comes from the Markdown file (test/docs/support/
 * run-snippet.ts); the test supplies what its prelude declares (a fake `db`, `fulfil`) and plays
 * the customer, who pays headlessly with the sandbox's test card.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type RequestListener } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, type TestContext, test } from 'node:test';
import { type RunningSandbox, startSandbox, TEST_CARD_EXPIRY, TEST_CARD_OTP } from '@cashfree-kit/sandbox';
import { Cashfree, type OrderEntity, type RefundEntity } from 'cashfree-kit';
import { constructWebhookEvent, signWebhook, type WebhookEvent } from 'cashfree-kit/webhooks';
import { createMemoryInboxStore, createWebhookInbox, type WebhookInbox } from 'cashfree-kit/webhooks/inbox';
import { REPO_ROOT } from '../../scripts/docs/check-snippets.ts';
import { snippetById } from '../../scripts/docs/snippets.ts';
import { waitFor } from '../e2e/support/webhook-receiver.ts';
import { untilTomorrowIst } from '../support/ist-clock.ts';
import { closeServer, urlOf } from '../support/webhook-http.ts';
import { paymentSuccessBody } from '../support/webhook-payloads.ts';
import { provideGlobals, resolveImports, runSnippet } from './support/run-snippet.ts';
import { pointEnvAtSandbox } from './support/sandbox-env.ts';

const GUIDES = 'docs/guides';
const ACCEPT = `${GUIDES}/accept-a-payment.md`;
const VERIFY = `${GUIDES}/verify-payment-on-return.md`;
const WEBHOOKS = `${GUIDES}/handle-webhooks.md`;

let sandbox: RunningSandbox;
/** The customer's side: Order Pay with the test card, as the checkout page would. */
let customer: Cashfree;
let restoreEnv: () => void;
const savedCwd = process.cwd();
let workDir: string;

before(async () => {
  sandbox = await startSandbox({
    port: 0,
    db: ':memory:',
    upiResolveDelayMs: 20,
    webhookRetrySchedule: 'fast',
  });
  customer = new Cashfree({
    appId: sandbox.appId,
    secretKey: sandbox.secretKey,
    environment: 'sandbox',
    baseUrl: sandbox.apiBase,
  });
  restoreEnv = pointEnvAtSandbox(sandbox);
  // The webhook guide's inbox opens 'cashfree-webhooks.db' relative to the working directory.
  workDir = mkdtempSync(join(tmpdir(), 'cashfree-kit-guides-'));
  process.chdir(workDir);
});

after(async () => {
  process.chdir(savedCwd);
  restoreEnv();
  await sandbox.close();
  rmSync(workDir, { recursive: true, force: true });
});

/** Serves `handler` on 127.0.0.1 until the test ends; sets APP_URL to it, as a deploy would. */
async function serve(t: TestContext, handler: RequestListener): Promise<string> {
  const server = createServer(handler).listen(0, '127.0.0.1');
  t.after(() => closeServer(server));
  const url = await urlOf(server);
  process.env['APP_URL'] = url;
  return url;
}

async function payByCard(paymentSessionId: string, cardNumber = '4111111111111111') {
  const pay = await customer.orders.pay({
    payment_session_id: paymentSessionId,
    payment_method: {
      card: {
        channel: 'post',
        card_number: cardNumber,
        card_expiry_mm: TEST_CARD_EXPIRY.mm,
        card_expiry_yy: TEST_CARD_EXPIRY.yy,
        card_cvv: '123',
      },
    },
  });
  await customer.orders.authenticate(String(pay.cf_payment_id), { otp: TEST_CARD_OTP, action: 'SUBMIT_OTP' });
}

function newOrder(orderId: string, amount: number, notifyUrl?: string) {
  return customer.orders.create({
    order_id: orderId,
    order_amount: amount,
    order_currency: 'INR',
    customer_details: { customer_id: 'cust_guides', customer_phone: '9876543210' },
    ...(notifyUrl ? { order_meta: { notify_url: notifyUrl } } : {}),
  });
}

/** Where a GET of the app redirects to (or its status when it does not). */
async function follow(url: string): Promise<string> {
  const response = await fetch(url, { redirect: 'manual' });
  await response.arrayBuffer();
  return response.headers.get('location') ?? `HTTP ${response.status}`;
}

/** The merchant's database behind the accept, verify and refund guides. */
function shopDb() {
  const cart = {
    checkoutId: 'cart_42_v1',
    totalPaise: 49_900,
    customer: { id: 'cust_42', phone: '9876543210', email: 'priya@example.com' },
  };
  const paid = new Set<string>();
  return {
    cart,
    carts: { find: async (id: string) => (id === 'cart_42' ? cart : undefined) },
    orders: {
      exists: async (orderId: string) => orderId === cart.checkoutId,
      markPaid: async (orderId: string) => !paid.has(orderId) && Boolean(paid.add(orderId)),
    },
  };
}

test('accept a payment, verify it on return, refund it: the guides as written', async (t) => {
  const db = {
    ...shopDb(),
    refunds: {
      saved: [] as { refundId: string; status: string }[],
      async save(refund: { refundId: string; status: string }) {
        this.saved.push({ refundId: refund.refundId, status: refund.status });
      },
    },
  };
  const fulfilled: string[] = [];
  provideGlobals(t, {
    db,
    fulfil: async (orderId: string) => void fulfilled.push(orderId),
    cashfree: customer,
  });
  const { app } = await runSnippet<{ app: RequestListener }>(t, ACCEPT, 'server', {
    append: 'export { app };',
  });
  const { confirmPayment } = await runSnippet<{ confirmPayment: (id: string) => Promise<OrderEntity> }>(
    t,
    VERIFY,
    'confirm',
  );
  provideGlobals(t, { app, confirmPayment });
  await runSnippet(t, VERIFY, 'return');
  const url = await serve(t, app);
  const checkout = (cartId: string) =>
    fetch(`${url}/api/checkout`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ cartId }),
    });

  // The server creates the order from the cart (₹499.00 from 49 900 paise); a double click reuses it.
  const first = await checkout('cart_42');
  assert.equal(first.status, 200);
  const session = (await first.json()) as { orderId: string; paymentSessionId: string };
  assert.equal(session.orderId, 'cart_42_v1');
  assert.deepEqual(await (await checkout('cart_42')).json(), session);
  assert.equal((await checkout('cart_99')).status, 404);
  const order = await customer.orders.get('cart_42_v1');
  assert.equal(order.order_amount, 499);
  assert.equal(order.order_meta?.return_url, `${url}/payment/return?order_id={order_id}`);
  provideGlobals(t, { cart: db.cart });
  await runSnippet(t, `${GUIDES}/rupees-not-paise.md`, 'check'); // its assert passes: no ×100 slip

  // Back from checkout without paying, after a declined card, after paying; a stranger's order id.
  const back = () => follow(`${url}/payment/return?order_id=cart_42_v1`);
  assert.equal(await back(), '/checkout?order=cart_42_v1&reason=The%20payment%20was%20not%20completed.');
  await payByCard(session.paymentSessionId, '4111111111111112');
  assert.match(await back(), /^\/checkout\?order=cart_42_v1&reason=.+/);
  assert.notEqual(await back(), '/checkout?order=cart_42_v1&reason=The%20payment%20was%20not%20completed.');
  assert.deepEqual(fulfilled, []);
  await payByCard(session.paymentSessionId);
  assert.equal(await back(), '/orders/cart_42_v1');
  assert.equal(await back(), '/orders/cart_42_v1');
  assert.deepEqual(fulfilled, ['cart_42_v1'], 'fulfilled once, however often the customer comes back');
  assert.equal(await follow(`${url}/payment/return?order_id=someone_elses`), 'HTTP 404');
  assert.equal((await checkout('cart_42')).status, 409, 'a paid checkout is not opened again');

  // Refund the whole order for a return; calling again for the same return does not refund twice.
  type RefundModule = { refundReturn: (o: string, r: string, p: number) => Promise<RefundEntity> };
  const { refundReturn } = await runSnippet<RefundModule>(t, `${GUIDES}/refunds.md`, 'create');
  const refund = await refundReturn('cart_42_v1', 'ret_1', 49_900);
  assert.equal(refund.refund_status, 'PENDING');
  assert.equal((await refundReturn('cart_42_v1', 'ret_1', 49_900)).cf_refund_id, refund.cf_refund_id);
  assert.equal((await customer.refunds.list('cart_42_v1')).length, 1);
  type Summary = { refundSummary: (o: string) => Promise<Record<string, number>> };
  const { refundSummary } = await runSnippet<Summary>(t, `${GUIDES}/refunds.md`, 'status');
  assert.deepEqual(await refundSummary('cart_42_v1'), { refundedPaise: 0, pendingPaise: 49_900, count: 1 });
  sandbox.sandbox.advanceClock(10 * 60_000);
  assert.deepEqual(await refundSummary('cart_42_v1'), { refundedPaise: 49_900, pendingPaise: 0, count: 1 });
  assert.deepEqual(db.refunds.saved, [
    { refundId: 'return_ret_1', status: 'REQUESTED' },
    { refundId: 'return_ret_1', status: 'PENDING' },
    { refundId: 'return_ret_1', status: 'REQUESTED' },
    { refundId: 'return_ret_1', status: 'PENDING' },
  ]);
});

test('webhooks through the Express inbox: verified, stored, confirmed with Cashfree, fulfilled once', async (t) => {
  const fulfilled: string[] = [];
  const refundStatuses: string[] = [];
  const db = {
    ...shopDb(),
    refunds: {
      setStatus: async (refundId: string, status: string) =>
        void refundStatuses.push(`${refundId} ${status}`),
    },
  };
  provideGlobals(t, { db, fulfil: async (orderId: string) => void fulfilled.push(orderId) });
  const { confirmPayment } = await runSnippet<{ confirmPayment: unknown }>(t, VERIFY, 'confirm');
  provideGlobals(t, { confirmPayment });
  const { app, inbox } = await runSnippet<{ app: RequestListener; inbox: WebhookInbox }>(
    t,
    WEBHOOKS,
    'express',
    {
      append: 'export { app, inbox };',
    },
  );
  t.after(() => inbox.stop());
  const url = await serve(t, app);

  const order = await newOrder('order_webhook_1', 250, `${url}/webhook/cashfree`);
  await payByCard(order.payment_session_id);
  await waitFor('the order to be fulfilled from the webhook', () => fulfilled[0]);
  assert.deepEqual(fulfilled, ['order_webhook_1']);

  // Cashfree retries the same delivery: the inbox drops it, nothing is fulfilled again.
  const deliveries = (await (
    await fetch(`${sandbox.url}/_sandbox/webhooks/deliveries?order_id=order_webhook_1`)
  ).json()) as { data: { id: string; request: { body: string }; attempts: { status_code: number }[] }[] };
  const success = deliveries.data.find((d) => d.request.body.includes('PAYMENT_SUCCESS_WEBHOOK'));
  assert.ok(success, 'the sandbox delivered PAYMENT_SUCCESS_WEBHOOK');
  assert.equal(success.attempts[0]?.status_code, 200);
  const resend = await fetch(`${sandbox.url}/_sandbox/webhooks/deliveries/${success.id}/resend`, {
    method: 'POST',
  });
  assert.equal(resend.status, 202);
  await waitFor('the resent delivery to be answered', async () => {
    const view = (await (
      await fetch(`${sandbox.url}/_sandbox/webhooks/deliveries/${success.id}`)
    ).json()) as {
      attempts: { status_code: number }[];
    };
    return view.attempts.length === 2 && view.attempts[1]?.status_code === 200 ? true : undefined;
  });
  await inbox.processPending();
  assert.deepEqual(fulfilled, ['order_webhook_1']);
  assert.equal((await inbox.list()).filter((entry) => entry.type === 'PAYMENT_SUCCESS_WEBHOOK').length, 1);

  // A refund's status change reaches db.refunds.setStatus through the same inbox.
  await customer.refunds.create('order_webhook_1', { refund_id: 'refund_webhook_1', refund_amount: 50 });
  sandbox.sandbox.advanceClock(10 * 60_000);
  await waitFor('the refund webhook', () => refundStatuses.find((line) => line.endsWith('SUCCESS')));
  assert.ok(refundStatuses.includes('refund_webhook_1 SUCCESS'), refundStatuses.join(', '));

  // A forged delivery is refused before the inbox sees it.
  const signed = await signWebhook({ body: paymentSuccessBody('order_webhook_1'), secret: 'not_the_secret' });
  const forged = await fetch(`${url}/webhook/cashfree`, {
    method: 'POST',
    headers: signed.headers,
    body: signed.rawBody,
  });
  assert.equal(forged.status, 400);
  assert.equal(((await forged.json()) as { error: { reason: string } }).error.reason, 'invalid_signature');
});

test('the Fastify, Next.js and Hono adapters store each delivery in the inbox once', async (t) => {
  const handled: WebhookEvent[] = [];
  const inbox = createWebhookInbox({
    store: createMemoryInboxStore(),
    handler: (event) => void handled.push(event),
  });
  provideGlobals(t, { inbox });
  const secret = sandbox.secretKey;
  const body = paymentSuccessBody('order_frameworks_1');
  const signed = await signWebhook({ body, secret });
  const forged = await signWebhook({ body, secret: 'wrong' });
  const request = (delivery = signed) =>
    new Request('http://127.0.0.1/webhook/cashfree', {
      method: 'POST',
      headers: delivery.headers,
      body: delivery.rawBody,
    });

  type Fastify = { inject(options: object): Promise<{ statusCode: number }>; close(): Promise<void> };
  const { app: fastify } = await runSnippet<{ app: Fastify }>(t, WEBHOOKS, 'fastify', {
    append: 'export { app };',
  });
  t.after(() => fastify.close());
  const viaFastify = (delivery = signed) =>
    fastify.inject({
      method: 'POST',
      url: '/webhook/cashfree',
      headers: delivery.headers,
      payload: delivery.rawBody,
    });
  const { POST } = await runSnippet<{ POST: (request: Request) => Promise<Response> }>(t, WEBHOOKS, 'next');
  type Hono = { request(input: Request): Promise<Response> };
  const { app: hono } = await runSnippet<{ app: Hono }>(t, WEBHOOKS, 'hono', { append: 'export { app };' });

  assert.equal((await viaFastify()).statusCode, 200);
  assert.equal((await POST(request())).status, 200);
  assert.equal((await hono.request(request())).status, 200);
  assert.equal((await viaFastify(forged)).statusCode, 400);
  assert.equal((await POST(request(forged))).status, 400);
  assert.equal((await hono.request(request(forged))).status, 400);
  await inbox.processPending();
  assert.equal((await inbox.list()).length, 1, 'three deliveries of one event, one inbox entry');
  assert.equal(handled.length, 1);
  assert.equal(handled[0]?.type, 'PAYMENT_SUCCESS_WEBHOOK');
});

test('dead letters: the guide lists them and gives each another run', async (t) => {
  const inbox = createWebhookInbox({
    store: createMemoryInboxStore(),
    maxAttempts: 1,
    onError: () => {},
    handler: () => {
      throw new Error('warehouse API down');
    },
  });
  const signed = await signWebhook({ body: paymentSuccessBody('order_dead_1'), secret: 'secret' });
  await inbox.receive(await constructWebhookEvent(signed.rawBody, signed.headers, 'secret'));
  assert.deepEqual(await inbox.processPending(), { succeeded: 0, retried: 0, deadLettered: 1 });
  provideGlobals(t, { inbox });
  const warn = t.mock.method(console, 'warn', () => {});
  await runSnippet(t, WEBHOOKS, 'dead-letters');
  assert.match(
    String(warn.mock.calls[0]?.arguments.join(' ')),
    /webhook failed every attempt .* warehouse API down/,
  );
  assert.deepEqual(await inbox.deadLetters(), [], 're-driven');
  assert.equal((await inbox.list({ status: 'pending' })).length, 1);
});

test('payment links: created from an invoice, paid, and read back from the link and its webhook', async (t) => {
  const received: WebhookEvent[] = [];
  const url = await serve(t, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      constructWebhookEvent(Buffer.concat(chunks), req.headers, sandbox.secretKey).then(
        (event) => {
          received.push(event);
          res.end('{}');
        },
        () => {
          res.statusCode = 400;
          res.end('{}');
        },
      );
    });
  });
  assert.ok(url);
  const invoice = {
    id: 'inv_7',
    number: 'INV-0007',
    amountPaise: 120_050,
    customer: { name: 'Rahul Sharma', phone: '9876543210', email: 'rahul@example.com' },
  };
  const { linkForInvoice } = await runSnippet<{ linkForInvoice: (i: typeof invoice) => Promise<string> }>(
    t,
    `${GUIDES}/payment-links.md`,
    'create',
  );
  const linkUrl = await linkForInvoice(invoice);
  assert.ok(linkUrl.startsWith(`${sandbox.url}/links/`), linkUrl);
  await assert.rejects(linkForInvoice(invoice), { code: 'link_already_exists' });

  // The customer opens the link and pays it by card.
  const opened = await fetch(`${sandbox.url}/_sandbox/links/invoice_inv_7/orders`, {
    method: 'POST',
    body: '{}',
  });
  const linkOrder = (await opened.json()) as { order_id: string; payment_session_id: string };
  await payByCard(linkOrder.payment_session_id);

  provideGlobals(t, { cashfree: customer });
  type Status = {
    invoicePayment: (id: string) => Promise<{ status: string; paidPaise: number; orderIds: string[] }>;
  };
  const { invoicePayment } = await runSnippet<Status>(t, `${GUIDES}/payment-links.md`, 'status');
  assert.deepEqual(await invoicePayment('inv_7'), {
    status: 'PAID',
    paidPaise: 120_050,
    orderIds: [linkOrder.order_id],
  });

  const event = await waitFor('the PAYMENT_LINK_EVENT', () =>
    received.find((e) => e.type === 'PAYMENT_LINK_EVENT'),
  );
  const invoices: unknown[] = [];
  provideGlobals(t, {
    event,
    db: { invoices: { setPaid: async (...args: unknown[]) => void invoices.push(args) } },
  });
  await runSnippet(t, `${GUIDES}/payment-links.md`, 'webhook');
  assert.deepEqual(invoices, [['inv_7', 120_050, 'PAID']]);
});

test('settlements: the reconciliation adds up, and every paid order is marked settled with its UTR', async (t) => {
  const settled: { orderId: string; id: string; utr: string }[] = [];
  provideGlobals(t, {
    db: {
      orders: {
        markSettled: async (orderId: string, s: { id: string; utr: string }) =>
          void settled.push({ orderId, ...s }),
      },
    },
  });
  // Whatever the time of day this runs at, the test's payments and refund happen at 10:00 IST on
  // a day of their own: they share one settlement, and the earlier tests' payments settle (09:00 IST)
  // before `started`. Run near midnight IST without this, they straddled two cycles.
  sandbox.sandbox.advanceClock(untilTomorrowIst(sandbox.sandbox.now(), '10:00'));
  const started = new Date(sandbox.sandbox.now() - 60_000).toISOString();
  for (const [orderId, amount] of [
    ['order_settle_1', 499],
    ['order_settle_2', 1_250.5],
  ] as const) {
    await payByCard((await newOrder(orderId, amount)).payment_session_id);
  }
  await customer.refunds.create('order_settle_2', { refund_id: 'refund_settle_2', refund_amount: 100 });
  sandbox.sandbox.advanceClock(10 * 60_000); // the refund succeeds…
  sandbox.sandbox.advanceClock(2 * 24 * 60 * 60_000); // …and the next settlement cycle runs
  const ended = new Date(sandbox.sandbox.now()).toISOString();

  const { reconcile } = await runSnippet<{ reconcile: (a: string, b: string) => Promise<string[]> }>(
    t,
    `${GUIDES}/settlements-and-reconciliation.md`,
    'reconcile',
  );
  assert.deepEqual(await reconcile(started, ended), [], 'every settlement adds up to what arrived');
  assert.deepEqual(
    settled.map((s) => s.orderId),
    ['order_settle_1', 'order_settle_2'],
    "the day's settlement carries both payments, each marked once",
  );
  const forOrder = await customer.settlements.forOrder('order_settle_1');
  assert.ok(forOrder.transfer_utr, 'the settlement was transferred, with a UTR');
  for (const s of settled) {
    assert.deepEqual(
      { utr: s.utr, id: s.id },
      { utr: forOrder.transfer_utr, id: forOrder.cf_settlement_id },
      s.orderId,
    );
  }

  const log = t.mock.method(console, 'log', () => {});
  provideGlobals(t, { cashfree: customer, orderId: 'order_settle_1' });
  await runSnippet(t, `${GUIDES}/settlements-and-reconciliation.md`, 'for-order');
  assert.deepEqual(log.mock.calls[0]?.arguments, [`₹487.22 reached the bank, UTR ${forOrder.transfer_utr}`]);
});

test('the sandbox guide: its test file passes under node --test, and its signed-webhook test passes', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'cashfree-kit-guide-test-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'checkout.test.mts');
  writeFileSync(
    file,
    resolveImports(snippetById(REPO_ROOT, `${GUIDES}/testing-with-the-local-sandbox.md`, 'node-test').code),
  );
  // A clean environment: no Cashfree variables, and not this runner's child context.
  const env = { ...process.env };
  for (const name of [
    'NODE_TEST_CONTEXT',
    'CASHFREE_APP_ID',
    'CASHFREE_SECRET_KEY',
    'CASHFREE_ENV',
    'CASHFREE_BASE_URL',
    'APP_URL',
  ])
    delete env[name];
  const tsx = import.meta.resolve('tsx');
  const run = spawnSync(
    process.execPath,
    // The reporter is named: Node 20 prints TAP when stdout is not a terminal, Node 23+ prints its
    // spec reporter ('ℹ pass 2') everywhere unless told.
    ['--conditions=cashfree-kit-source', '--import', tsx, '--test', '--test-reporter=tap', file],
    {
      cwd: dir,
      env,
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
  assert.match(run.stdout, /^# pass 2$/m);
  assert.match(run.stdout, /^# fail 0$/m);

  const { cashfreeWebhook } = await import('cashfree-kit/webhooks/next');
  provideGlobals(t, { handler: cashfreeWebhook({ secret: 'test_secret', onEvent: () => {} }) });
  await runSnippet(t, `${GUIDES}/testing-with-the-local-sandbox.md`, 'signed'); // asserts the 200 itself
});

test('the production guard refuses a mismatched environment at start-up', async (t) => {
  const guard = () => runSnippet(t, `${GUIDES}/going-to-production.md`, 'guard');
  const set = (variables: Record<string, string | undefined>) => {
    for (const [name, value] of Object.entries(variables)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
  const saved = {
    NODE_ENV: process.env['NODE_ENV'],
    CASHFREE_ENV: process.env['CASHFREE_ENV'],
    CASHFREE_BASE_URL: process.env['CASHFREE_BASE_URL'],
  };
  t.after(() => set(saved));

  set({ NODE_ENV: 'production', CASHFREE_ENV: 'TEST', CASHFREE_BASE_URL: undefined });
  await assert.rejects(guard(), /configured for sandbox .* but NODE_ENV is production/);
  set({ NODE_ENV: 'production', CASHFREE_ENV: 'PROD', CASHFREE_BASE_URL: sandbox.apiBase });
  await assert.rejects(guard(), /configured for production \(http:\/\/127\.0\.0\.1/);
  set({ NODE_ENV: 'test', CASHFREE_ENV: 'PROD', CASHFREE_BASE_URL: undefined });
  await assert.rejects(guard(), /NODE_ENV is test/);
  set({ NODE_ENV: 'production', CASHFREE_ENV: 'PROD', CASHFREE_BASE_URL: undefined });
  const { cashfree } = await guard();
  assert.equal((cashfree as Cashfree).baseUrl, 'https://api.cashfree.com/pg'); // no request is made
  set({ NODE_ENV: 'development', CASHFREE_ENV: 'TEST', CASHFREE_BASE_URL: sandbox.apiBase });
  await guard();
});

test('rupees, not paise: the conversions give what the guide says', async (t) => {
  const values = { ...(await runSnippet(t, `${GUIDES}/rupees-not-paise.md`, 'edge')) };
  assert.deepEqual(values, { orderAmount: 499.99, label: '₹499.99', back: 49_999, fromWebhook: 49_999 });
});
