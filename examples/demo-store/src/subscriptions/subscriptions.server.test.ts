/**
 * "Tea of the month" over HTTP against a real local sandbox, without a browser: a bad phone is
 * refused naming the field with nothing created; a subscription is created on the shop's plan
 * (made once, found again by a second store), the mandate is authorised through the sandbox's
 * admin route (what the customer does on the mandate page), and the status arrives by verified
 * webhook; the return page reads Cashfree; a month on the sandbox clock lands the charge by
 * webhook; "Charge now" for the next day in India by the sandbox's clock, debited by webhook when the
 * clock is moved to it (the plan's next charge unmoved), and refunded in part and in full; pause,
 * resume and cancel; Cashfree's refusal in the owner's words. No page shows the secret key.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { type RunningSandbox, startSandbox } from '@cashfree-kit/sandbox';
import { loadConfig } from '../config.js';
import { openSqlite, type SqliteDatabase } from '../db/sqlite.js';
import { type ShopSubscription, SubscriptionsTable } from '../db/subscriptions.js';
import { type RunningStore, startStore } from '../server.js';
import { earliestChargeTime } from './charge-date.js';
import { TEA_PLAN } from './tea-plan.js';

const dir = mkdtempSync(join(tmpdir(), 'demo-store-subscriptions-'));
let sandbox: RunningSandbox;
let store: RunningStore;
let reader: SqliteDatabase;
let table: SubscriptionsTable;

function config(db: string) {
  return loadConfig({
    CASHFREE_BASE_URL: sandbox.apiBase,
    CASHFREE_APP_ID: sandbox.appId,
    CASHFREE_SECRET_KEY: sandbox.secretKey,
    CASHFREE_ENV: 'TEST',
    DEMO_STORE_PORT: '0',
    DEMO_STORE_DB: db,
  });
}

const quiet = { info: () => {}, error: () => {} };

before(async () => {
  sandbox = await startSandbox({ port: 0, db: ':memory:', webhookRetrySchedule: 'fast' });
  store = await startStore(config(join(dir, 'store.db')), quiet);
  // A second reader of the store's file, as the browser suites read it.
  reader = openSqlite(join(dir, 'store.db'), { readonly: true });
  table = new SubscriptionsTable(reader);
});

after(async () => {
  reader?.close();
  await store?.close();
  await sandbox?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function until<T>(what: string, find: () => T | undefined): Promise<T> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function page(url: string, status = 200): Promise<string> {
  const response = await fetch(url);
  const text = await response.text();
  assert.equal(response.status, status, `${url}: ${text.slice(0, 300)}`);
  assert.ok(!text.includes(sandbox.secretKey), `${url} shows the secret key`);
  return text;
}

async function post(path: string, form?: Record<string, string>): Promise<Response> {
  return fetch(`${store.url}${path}`, {
    method: 'POST',
    redirect: 'manual',
    ...(form ? { body: new URLSearchParams(form) } : {}),
  });
}

async function sandboxClock(): Promise<number> {
  return ((await (await fetch(`${sandbox.url}/_sandbox/clock`)).json()) as { epoch_ms: number }).epoch_ms;
}

/** A query parameter of a redirect's location. */
function locationParam(response: Response, name: string): string {
  return new URL(response.headers.get('location') ?? '', store.url).searchParams.get(name) ?? '';
}

async function subscribe(
  url: string,
  phone = '9876543210',
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${url}/api/subscriptions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      customer_name: 'Priya Patel',
      customer_email: 'priya@example.com',
      customer_phone: phone,
    }),
  });
  const text = await response.text();
  assert.ok(!text.includes(sandbox.secretKey));
  return { status: response.status, body: JSON.parse(text) as Record<string, unknown> };
}

async function sandboxSubscription(id: string): Promise<{ subscription_status: string }> {
  const response = await fetch(`${sandbox.apiBase}/subscriptions/${id}`, {
    headers: {
      'x-client-id': sandbox.appId,
      'x-client-secret': sandbox.secretKey,
      'x-api-version': '2025-01-01',
    },
  });
  return (await response.json()) as { subscription_status: string };
}

let subscriptionId = '';

test('the offer is linked from the shop; a bad phone is refused naming the field and nothing is created', async () => {
  assert.match(await page(`${store.url}/`), /href="\/tea-of-the-month"/);
  const offer = await page(`${store.url}/tea-of-the-month`);
  assert.match(offer, /id="subscribe-form"/);
  assert.match(offer, /subscriptionsCheckout/);
  const refused = await subscribe(store.url, '+91 98765');
  assert.equal(refused.status, 400);
  assert.deepEqual(refused.body, {
    error: {
      message: 'Enter your 10-digit mobile number, for example 98765 43210: UPI Autopay asks for it.',
      field: 'customer_phone',
    },
  });
  assert.deepEqual(table.recent(), []);
});

test('Subscribe creates the plan once and an INITIALIZED subscription returning to the store', async () => {
  const created = await subscribe(store.url, '+91 98765 43210');
  assert.equal(created.status, 200, JSON.stringify(created.body));
  subscriptionId = String(created.body['subscription_id']);
  assert.match(subscriptionId, /^sub_/);
  assert.match(String(created.body['subscription_session_id']), /\S/);
  const record = table.get(subscriptionId);
  assert.equal(record?.status, 'INITIALIZED');
  assert.equal(record?.plan_id, TEA_PLAN.plan_id);
  assert.equal(record?.customer_phone, '9876543210', 'typed with +91 and spaces, sent as 10 digits');

  // A second store (a restart, another process) finds the plan and subscribes on it too.
  const second = await startStore(config(':memory:'), quiet);
  try {
    assert.equal((await subscribe(second.url)).status, 200);
  } finally {
    await second.close();
  }

  // The return page asks Cashfree: not approved yet, so it offers the mandate page again.
  const back = await page(
    `${store.url}/tea-of-the-month/return?subscription_id=${subscriptionId}&status=ACTIVE`,
  );
  assert.match(back, /data-outcome="unapproved"/);
  assert.match(back, /id="approve-mandate" data-session="/);
  // The mandate page's form POST (cf_* fields the browser carried) only leads to that page.
  const posted = await fetch(`${store.url}/tea-of-the-month/return`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      cf_subscriptionId: subscriptionId,
      cf_status: 'ACTIVE',
      cf_checkoutStatus: 'SUCCESS',
    }),
    redirect: 'manual',
  });
  assert.equal(posted.status, 303);
  assert.equal(posted.headers.get('location'), `/tea-of-the-month/return?subscription_id=${subscriptionId}`);
  assert.equal(table.get(subscriptionId)?.status, 'INITIALIZED', 'the posted cf_status decides nothing');
  // The store registered its PG webhook route with the sandbox, for PG events only.
  const endpoints = (await (await fetch(`${sandbox.url}/_sandbox/webhooks/endpoints`)).json()) as {
    data: Array<{ url: string; products: string[] }>;
  };
  const ours = endpoints.data.filter((e) => e.url === `${store.url}/webhooks/cashfree`);
  assert.deepEqual(
    ours.map((e) => e.products),
    [['pg']],
  );
});

test('the mandate authorised: ACTIVE by webhook, the return page says so, and a month on the clock lands the charge', async () => {
  const authorised = await fetch(`${sandbox.url}/_sandbox/subscriptions/${subscriptionId}/authorize`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ payment_method: 'upi' }),
  });
  assert.equal(authorised.status, 200, await authorised.text());
  const active = await until('ACTIVE by webhook', () => {
    const s = table.get(subscriptionId);
    return s?.status === 'ACTIVE' && s.status_via === 'webhook' ? s : undefined;
  });
  assert.equal(active.mandate_method, 'upi');
  assert.ok(active.next_charge_at, 'the status webhook says when the first charge is due');
  const first = active.next_charge_at;

  const back = await page(`${store.url}/tea-of-the-month/return?subscription_id=${subscriptionId}`);
  assert.match(back, /data-outcome="active"/);
  assert.match(back, /UPI Autopay/);

  const admin = await page(`${store.url}/admin/subscriptions`);
  assert.match(admin, new RegExp(`data-subscription-id="${subscriptionId}" data-status="ACTIVE"`));
  assert.match(admin, /data-testid="advance-month"/);

  const moved = await post('/admin/subscriptions/clock');
  assert.equal(moved.status, 303);
  assert.equal(moved.headers.get('location'), '/admin/subscriptions?watch=5');
  const charge = await until('the charge SUCCESS by webhook', () =>
    table.charges(subscriptionId).find((c) => c.status === 'SUCCESS'),
  );
  assert.equal(charge.amount_paise, TEA_PLAN.amountPaise);
  assert.equal(charge.via, 'SUBSCRIPTION_PAYMENT_SUCCESS');
  assert.equal(charge.scheduled_at, first);
  const after = table.get(subscriptionId) as ShopSubscription;
  assert.ok((after.next_charge_at ?? 0) > (first ?? 0), 'the next charge is a month on');
  const shown = await page(`${store.url}/admin/subscriptions?watch=5`);
  assert.match(shown, /http-equiv="refresh" content="2;url=\/admin\/subscriptions\?watch=4"/);
  assert.match(shown, new RegExp(`data-payment-id="${charge.payment_id}" data-status="SUCCESS"`));
});

test('“Charge now”: for the next day in India by the sandbox clock, debited by webhook when the clock is moved to it, the plan’s next charge unmoved', async () => {
  const planned = table.get(subscriptionId)?.next_charge_at;
  const tooMuch = await post(`/admin/subscriptions/${subscriptionId}/charge`, { amount: '500' });
  assert.equal(tooMuch.status, 400);
  assert.match(
    await tooMuch.text(),
    /Could not charge subscription .*: The charge can be at most ₹499\.00; received ₹500\./,
  );
  assert.deepEqual(
    table.charges(subscriptionId).filter((c) => c.on_demand === 1),
    [],
    'nothing asked of Cashfree',
  );
  const admin = await page(`${store.url}/admin/subscriptions`);
  assert.match(admin, /data-testid="charge-now-form"/);
  assert.match(admin, /name="amount" type="number"[^>]* max="499\.00" value="499\.00"/);

  const now = await sandboxClock();
  const charged = await post(`/admin/subscriptions/${subscriptionId}/charge`, { amount: '120.50' });
  assert.equal(charged.status, 303, await charged.text());
  const paymentId = locationParam(charged, 'payment');
  const charge = table.charge(subscriptionId, paymentId);
  assert.equal(charge?.on_demand, 1);
  assert.equal(charge?.amount_paise, 12_050);
  assert.equal(
    charge?.scheduled_at,
    earliestChargeTime(now, 'upi'),
    'the start of tomorrow in India, by the sandbox',
  );
  assert.ok(charge && ['INITIALIZED', 'PENDING'].includes(charge.status), charge?.status);
  const atCashfree = (await (
    await fetch(`${sandbox.apiBase}/subscriptions/${subscriptionId}/payments/${paymentId}`, {
      headers: {
        'x-client-id': sandbox.appId,
        'x-client-secret': sandbox.secretKey,
        'x-api-version': '2025-01-01',
      },
    })
  ).json()) as { payment_type: string; payment_amount: number };
  assert.deepEqual([atCashfree.payment_type, atCashfree.payment_amount], ['CHARGE', 120.5]);
  const notice = await page(`${store.url}${charged.headers.get('location')}`);
  assert.match(notice, new RegExp(`Charge ${paymentId} of ₹120\\.50 on subscription ${subscriptionId} is`));
  assert.match(notice, /charged on demand/);
  assert.match(notice, /data-action="clock-to-charge"/);

  const moved = await post(`/admin/subscriptions/${subscriptionId}/charges/${paymentId}/clock`);
  assert.equal(moved.status, 303);
  assert.ok((await sandboxClock()) > (charge?.scheduled_at ?? 0), 'the clock is past the charge');
  const debited = await until('the on-demand charge SUCCESS by webhook', () => {
    const c = table.charge(subscriptionId, paymentId);
    return c?.status === 'SUCCESS' ? c : undefined;
  });
  assert.equal(debited.via, 'SUBSCRIPTION_PAYMENT_SUCCESS');
  assert.equal(debited.on_demand, 1);
  assert.equal(table.get(subscriptionId)?.next_charge_at, planned, 'not one of the plan’s cycles');
  assert.equal((await post('/admin/subscriptions/sub_nope/charge', { amount: '1' })).status, 404);
});

test('“Refund”: part of a SUCCESS charge, then the rest; SUBSCRIPTION_REFUND_STATUS moves it', async () => {
  const charge = table.charges(subscriptionId).find((c) => c.on_demand === 1 && c.status === 'SUCCESS');
  assert.ok(charge, 'the charge of the test before');
  const paymentId = charge.payment_id;
  const tooMuch = await post(`/admin/subscriptions/${subscriptionId}/refund`, {
    payment_id: paymentId,
    amount: '200',
  });
  assert.equal(tooMuch.status, 400);
  assert.match(await tooMuch.text(), /The refund can be at most ₹120\.50; received ₹200\./);

  const part = await post(`/admin/subscriptions/${subscriptionId}/refund`, {
    payment_id: paymentId,
    amount: '50',
  });
  assert.equal(part.status, 303, await part.text());
  const refundId = locationParam(part, 'refund');
  const refund = table.refund(subscriptionId, refundId);
  assert.deepEqual(
    [refund?.payment_id, refund?.amount_paise, refund?.status, refund?.via],
    [paymentId, 5_000, 'INITIATED', 'Cashfree'],
  );
  assert.equal(table.refundablePaise(subscriptionId, paymentId), 7_050);
  const shown = await page(`${store.url}${part.headers.get('location')}`);
  assert.match(shown, new RegExp(`Refund ${refundId} of ₹50\\.00 on charge ${paymentId} is INITIATED`));
  assert.match(shown, new RegExp(`data-refund-id="${refundId}" data-status="INITIATED"`));
  assert.match(shown, new RegExp(`<option value="${paymentId}">${paymentId} · ₹70\\.50 left</option>`));

  // A UPI refund is STANDARD: processed after 10 minutes of the sandbox's clock.
  await fetch(`${sandbox.url}/_sandbox/clock/advance`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ minutes: 11 }),
  });
  const done = await until('the refund SUCCESS by webhook', () => {
    const r = table.refund(subscriptionId, refundId);
    return r?.status === 'SUCCESS' ? r : undefined;
  });
  assert.equal(done.via, 'SUBSCRIPTION_REFUND_STATUS');

  const rest = await post(`/admin/subscriptions/${subscriptionId}/refund`, {
    payment_id: paymentId,
    amount: '',
  });
  assert.equal(rest.status, 303, await rest.text());
  assert.equal(
    table.refund(subscriptionId, locationParam(rest, 'refund'))?.amount_paise,
    7_050,
    'all that was left',
  );
  assert.equal(table.refundablePaise(subscriptionId, paymentId), 0);
  const after = await page(`${store.url}/admin/subscriptions`);
  assert.doesNotMatch(after, new RegExp(`<option value="${paymentId}">`), 'nothing left to refund');
  const unknown = await post(`/admin/subscriptions/${subscriptionId}/refund`, { payment_id: 'charge_nope' });
  assert.equal(unknown.status, 404);
});

test('pause, resume and cancel through manage; a refused action is said in the owner’s words', async () => {
  const paused = await post(`/admin/subscriptions/${subscriptionId}/pause`);
  assert.equal(paused.status, 303);
  assert.equal(table.get(subscriptionId)?.status, 'PAUSED');
  assert.equal((await sandboxSubscription(subscriptionId)).subscription_status, 'PAUSED');
  const notCharged = await post(`/admin/subscriptions/${subscriptionId}/charge`, { amount: '10' });
  const refusal = await notCharged.text();
  assert.equal(notCharged.status, 400);
  assert.match(
    refusal,
    new RegExp(
      `Cashfree refused to charge subscription ${subscriptionId}: .*PAUSED.*\\(subscription_inactive\\)`,
    ),
  );
  assert.match(refusal, /Charge only an ACTIVE subscription/, 'the catalogue’s fix');
  assert.equal(
    table.charges(subscriptionId).filter((c) => c.status === 'REQUESTED').length,
    0,
    'the refused charge is not kept',
  );
  assert.match(
    await page(`${store.url}${paused.headers.get('location')}`),
    new RegExp(`Subscription ${subscriptionId} is paused`),
  );

  const resumed = await post(`/admin/subscriptions/${subscriptionId}/resume`);
  assert.equal(resumed.status, 303);
  assert.equal((await sandboxSubscription(subscriptionId)).subscription_status, 'ACTIVE');
  assert.match(
    await page(`${store.url}${resumed.headers.get('location')}`),
    /is active again\. The next charge is on/,
  );

  const cancelled = await post(`/admin/subscriptions/${subscriptionId}/cancel`);
  assert.equal(cancelled.status, 303);
  assert.equal(table.get(subscriptionId)?.status, 'CANCELLED');
  assert.equal(table.get(subscriptionId)?.next_charge_at, null);

  const again = await post(`/admin/subscriptions/${subscriptionId}/resume`);
  const text = await again.text();
  assert.equal(again.status, 400);
  assert.match(text, new RegExp(`Cashfree refused to resume subscription ${subscriptionId}: .*CANCELLED`));
  assert.match(text, /subscription_action_invalid/);
  assert.match(text, /only PAUSED or ON_HOLD ones activate/, 'the catalogue’s fix');
  assert.equal((await post('/admin/subscriptions/sub_nope/pause')).status, 404);
});

test('on Cashfree’s own sandbox there is no clock to move', async () => {
  const elsewhere = await startStore(
    loadConfig({
      CASHFREE_APP_ID: 'TEST10203040506070',
      CASHFREE_SECRET_KEY: 'cfsk_ma_test_no_clock',
      CASHFREE_ENV: 'TEST',
      DEMO_STORE_PORT: '0',
      DEMO_STORE_DB: ':memory:',
    }),
    quiet,
  );
  try {
    const admin = await (await fetch(`${elsewhere.url}/admin/subscriptions`)).text();
    assert.doesNotMatch(admin, /data-testid="advance-month"/);
    assert.match(admin, /set DEMO_STORE_PUBLIC_URL/);
    const refused = await fetch(`${elsewhere.url}/admin/subscriptions/clock`, { method: 'POST' });
    assert.equal(refused.status, 409);
  } finally {
    await elsewhere.close();
  }
});

test('exposed on a public URL, the Subscriptions page and its buttons need the admin token; the offer does not', async () => {
  const locked = await startStore(
    loadConfig({
      CASHFREE_BASE_URL: sandbox.apiBase,
      CASHFREE_APP_ID: sandbox.appId,
      CASHFREE_SECRET_KEY: sandbox.secretKey,
      CASHFREE_ENV: 'TEST',
      DEMO_STORE_PORT: '0',
      DEMO_STORE_DB: ':memory:',
      DEMO_STORE_PUBLIC_URL: 'https://tea.example.test',
      DEMO_STORE_ADMIN_TOKEN: 'subscriptions-admin-token-0001',
    }),
    quiet,
  );
  try {
    const clock = async () =>
      ((await (await fetch(`${sandbox.url}/_sandbox/clock`)).json()) as { offset_ms: number }).offset_ms;
    const before = await clock();
    assert.equal((await fetch(`${locked.url}/admin/subscriptions`)).status, 401);
    const buttons = [
      '/admin/subscriptions/clock',
      `/admin/subscriptions/${subscriptionId}/cancel`,
      `/admin/subscriptions/${subscriptionId}/charge`,
      `/admin/subscriptions/${subscriptionId}/refund`,
      `/admin/subscriptions/${subscriptionId}/charges/charge_1/clock`,
    ];
    for (const path of buttons) {
      assert.equal(
        (await fetch(`${locked.url}${path}`, { method: 'POST', redirect: 'manual' })).status,
        401,
        path,
      );
    }
    assert.equal(await clock(), before, 'the refused button did not move the clock');
    const bearer = { authorization: 'Bearer subscriptions-admin-token-0001' };
    assert.equal((await fetch(`${locked.url}/admin/subscriptions`, { headers: bearer })).status, 200);
    assert.equal((await fetch(`${locked.url}/tea-of-the-month`)).status, 200);
  } finally {
    await locked.close();
  }
});

test('without webhooks, “Ask Cashfree now” brings the status and the month’s charge from Cashfree', async () => {
  const file = join(dir, 'no-webhooks.db');
  const quietStore = await startStore(
    loadConfig({
      CASHFREE_BASE_URL: sandbox.apiBase,
      CASHFREE_APP_ID: sandbox.appId,
      CASHFREE_SECRET_KEY: sandbox.secretKey,
      CASHFREE_ENV: 'TEST',
      DEMO_STORE_PORT: '0',
      DEMO_STORE_DB: file,
      DEMO_STORE_WEBHOOKS: 'off',
    }),
    quiet,
  );
  const db = openSqlite(file, { readonly: true });
  try {
    const records = new SubscriptionsTable(db);
    const created = await subscribe(quietStore.url);
    const id = String(created.body['subscription_id']);
    const authorised = await fetch(`${sandbox.url}/_sandbox/subscriptions/${id}/authorize`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ payment_method: 'card' }),
    });
    assert.equal(authorised.status, 200);
    const admin = await (await fetch(`${quietStore.url}/admin/subscriptions`)).text();
    assert.match(admin, /DEMO_STORE_WEBHOOKS=off, so no subscription webhook arrives/);
    const moved = await fetch(`${quietStore.url}/admin/subscriptions/clock`, {
      method: 'POST',
      redirect: 'manual',
    });
    assert.equal(moved.status, 303);
    assert.equal(records.get(id)?.status, 'INITIALIZED', 'no webhook told the store');

    const asked = await fetch(`${quietStore.url}/admin/subscriptions/${id}/refresh`, {
      method: 'POST',
      redirect: 'manual',
    });
    assert.equal(asked.status, 303);
    const record = records.get(id);
    assert.deepEqual(
      [record?.status, record?.status_via, record?.mandate_method],
      ['ACTIVE', 'Cashfree', 'card'],
    );
    const charges = records.charges(id);
    assert.deepEqual(
      charges.map((c) => [c.status, c.amount_paise, c.via]),
      [['SUCCESS', TEA_PLAN.amountPaise, 'Cashfree']],
    );
    assert.match(
      await page(`${quietStore.url}${asked.headers.get('location')}`),
      new RegExp(`Subscription ${id} is as Cashfree has it now`),
    );
  } finally {
    db.close();
    await quietStore.close();
  }
});
