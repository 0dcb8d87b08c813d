import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SandboxEvent } from '../context.js';
import { TEST_CARD_EXPIRY } from '../test-instruments/cards.js';
import { harness } from '../testing/harness.js';
import { assertSessionLookup } from '../testing/session-lookup.js';
import { signMandateReturn } from './mandate-return.js';

const h = harness();
const events: SandboxEvent[] = [];
h.sandbox.onEvent((event) => events.push(event));
let counter = 0;

interface Page {
  status: number;
  location: string | null;
  text: string;
}

async function get(path: string): Promise<Page> {
  const res = await h.sandbox.request(path);
  return { status: res.status, location: res.headers.get('location'), text: await res.text() };
}

async function post(path: string, fields: Record<string, string>): Promise<Page> {
  const res = await h.sandbox.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
  return { status: res.status, location: res.headers.get('location'), text: await res.text() };
}

/** A new INITIALIZED subscription on a monthly ₹499 plan; returns its id and session. */
async function subscription(overrides: Record<string, unknown> = {}) {
  const res = await h.call('POST', '/pg/subscriptions', {
    subscription_id: `sub_mandate_${++counter}`,
    customer_details: {
      customer_name: 'Priya <b>Patel</b>',
      customer_email: 'p@example.com',
      customer_phone: '9876543210',
    },
    plan_details: {
      plan_name: 'Tea of the month',
      plan_type: 'PERIODIC',
      plan_amount: 499,
      plan_max_amount: 1000,
      plan_intervals: 1,
      plan_interval_type: 'MONTH',
    },
    subscription_meta: { return_url: 'https://shop.example/subscribed' },
    ...overrides,
  });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return { id: res.body.subscription_id as string, session: res.body.subscription_session_id as string };
}

const statusOf = async (id: string) => (await h.call('GET', `/pg/subscriptions/${id}`)).body;

/** Submits one method's form; returns the step page's path. */
async function start(session: string, fields: Record<string, string>): Promise<string> {
  const res = await post('/subscriptions/checkout', { session, ...fields });
  assert.equal(res.status, 303, res.text);
  assert.match(res.location ?? '', /^\/subscriptions\/checkout\/mandates\/\d+$/);
  return res.location!;
}

/** The hidden fields of the return page's form. */
function returnFields(text: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const m of text.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    fields[m[1]!] = m[2]!
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&')
      .replace(/&quot;/g, '"');
  }
  return fields;
}

/** Acts on a step page and follows it to the done page. */
async function act(step: string, fields: Record<string, string>): Promise<Page> {
  const res = await post(step, fields);
  assert.equal(res.status, 303, res.text);
  return get(res.location!);
}

const eventsFor = (id: string) =>
  events.filter((e) => JSON.stringify(e.data).includes(`"subscription_id":"${id}"`)).map((e) => e.type);

test('the session lookup, known or not, may be read from any origin and is never cached; an unknown session is a 404 naming subscription_session_id', async () => {
  const { id, session } = await subscription();
  const found = await assertSessionLookup<{ subscription_id: string }>(
    h,
    '/subscriptions/sessions',
    'subscription_session_id',
    {
      known: session,
      unknown: 'subs_session_unknown_42',
    },
  );
  assert.equal(found.subscription_id, id);
});

test('the session check, the mandate page with plan, merchant and forms, and the stand-in method', async () => {
  const { id, session } = await subscription();
  const ok = await h.sandbox.request(`/subscriptions/sessions/${session}`);
  assert.equal(ok.headers.get('access-control-allow-origin'), '*');
  assert.deepEqual(await ok.json(), {
    subscription_id: id,
    subscription_status: 'INITIALIZED',
    checkout_url: `/subscriptions/checkout?session=${encodeURIComponent(session)}`,
  });
  const bad = await h.sandbox.request('/subscriptions/sessions/subs_session_nope');
  assert.equal(bad.status, 404);
  assert.equal((await bad.json()).code, 'subscription_session_id_invalid');

  const page = await get(`/subscriptions/checkout?session=${encodeURIComponent(session)}`);
  assert.equal(page.status, 200);
  assert.match(page.text, /Tea of the month/);
  assert.match(page.text, /₹499\.00 every month/);
  assert.match(page.text, /Maximum per charge<\/span><span>₹1,000\.00/);
  assert.match(page.text, new RegExp(`the merchant ${h.sandbox.appId}`));
  for (const field of ['upi_id', 'account_number', 'ifsc', 'card_number', 'card_expiry', 'card_cvv']) {
    assert.match(page.text, new RegExp(`<label for="${field}">`), field);
    assert.match(page.text, new RegExp(`id="${field}"`), field);
  }
  assert.doesNotMatch(page.text, new RegExp(h.sandbox.secretKey));

  const js = await (await h.sandbox.request('/js/v3/cashfree.js')).text();
  assert.match(js, /subscriptionsCheckout: subscriptionsCheckout/);
  assert.match(js, /\/subscriptions\/sessions\//);
});

test('a bad or missing session is an error page, not a stack trace', async () => {
  for (const path of ['/subscriptions/checkout?session=subs_session_nope', '/subscriptions/checkout']) {
    const res = await get(path);
    assert.equal(res.status, 404);
    assert.match(res.text, /Subscription session not found/);
    assert.doesNotMatch(res.text, /at .*\.ts:\d+/);
  }
  const posted = await post('/subscriptions/checkout', {
    session: 'nope',
    method: 'upi',
    upi_id: 'success@cashfree',
  });
  assert.equal(posted.status, 404);
  const step = await get('/subscriptions/checkout/mandates/123');
  assert.equal(step.status, 404);
  assert.match(step.text, /Authorisation not found/);
  assert.equal((await get('/subscriptions/checkout/mandates/not-a-number/done')).status, 404);
});

test('UPI: approved in the app, ACTIVE, webhooks sent, the return URL gets the signed fields', async () => {
  const { id, session } = await subscription();
  const step = await start(session, { method: 'upi', upi_id: 'success@cashfree' });
  const stepPage = await get(step);
  assert.match(stepPage.text, /Approve the mandate in your UPI app/);
  assert.match(stepPage.text, /success@cashfree/);

  const done = await act(step, { action: 'approve' });
  assert.match(
    done.text,
    /<form id="mandate-return" method="post" action="https:\/\/shop.example\/subscribed">/,
  );
  const fields = returnFields(done.text);
  assert.equal(fields['cf_subscriptionId'], id);
  assert.equal(fields['cf_status'], 'ACTIVE');
  assert.equal(fields['cf_checkoutStatus'], 'SUCCESS');
  assert.equal(fields['cf_mode'], 'SBC_UPI');
  assert.equal(fields['cf_authAmount'], '1.00');
  assert.match(fields['cf_umn'] ?? '', /@upi$/);
  const { signature, ...rest } = fields;
  assert.equal(signature, signMandateReturn(rest, h.sandbox.secretKey));

  const sub = await statusOf(id);
  assert.equal(sub.subscription_status, 'ACTIVE');
  assert.equal(sub.authorization_details.payment_method, 'upi');
  assert.ok(eventsFor(id).includes('SUBSCRIPTION_AUTH_STATUS'));
  assert.ok(eventsFor(id).includes('SUBSCRIPTION_STATUS_CHANGED'));
});

test('UPI: a failing test VPA is refused even when approved; declining fails too; the customer can try again', async () => {
  const { id, session } = await subscription();
  const step = await start(session, { method: 'upi', upi_id: 'failure@cashfree' });
  const done = await act(step, { action: 'approve' });
  const fields = returnFields(done.text);
  assert.equal(fields['cf_status'], 'INITIALIZED');
  assert.equal(fields['cf_checkoutStatus'], 'FAILED');
  assert.equal((await statusOf(id)).authorization_details.authorization_status, 'FAILED');

  const again = await start(session, { method: 'upi', upi_id: 'success@cashfree' });
  await act(again, { action: 'decline' });
  assert.equal((await statusOf(id)).subscription_status, 'INITIALIZED');
  assert.ok(eventsFor(id).filter((t) => t === 'SUBSCRIPTION_AUTH_STATUS').length >= 2);
});

test('e-NACH: the bank authorises, BANK_APPROVAL_PENDING, ACTIVE a bank day later on the clock', async () => {
  const { id, session } = await subscription();
  const step = await start(session, {
    method: 'enach',
    account_holder: 'Priya Patel',
    account_number: '59108290701802',
    ifsc: 'TEST0001234',
    account_type: 'SAVINGS',
  });
  assert.match((await get(step)).text, /TEST Bank · net banking/);
  const done = await act(step, { action: 'approve' });
  const fields = returnFields(done.text);
  assert.equal(fields['cf_status'], 'BANK_APPROVAL_PENDING');
  assert.equal(fields['cf_checkoutStatus'], 'SUCCESS_DEBIT_PENDING');
  assert.equal(fields['cf_mode'], 'NPCI_SBC');
  assert.equal(fields['cf_authAmount'], '0.00');
  assert.equal((await statusOf(id)).subscription_status, 'BANK_APPROVAL_PENDING');
  await h.call('POST', '/_sandbox/clock/advance', { days: 1 });
  assert.equal((await statusOf(id)).subscription_status, 'ACTIVE');
});

test('e-NACH: an account ending 0000 is rejected by the bank; form errors name the field', async () => {
  const { id, session } = await subscription();
  const bad = await post('/subscriptions/checkout', {
    session,
    method: 'enach',
    account_holder: 'Priya',
    account_number: '12',
    ifsc: 'TEST0001234',
  });
  assert.equal(bad.status, 400);
  assert.match(bad.text, /role="alert"[^>]*>Bank account number: enter 9 to 18 digits/);
  const badIfsc = await post('/subscriptions/checkout', {
    session,
    method: 'enach',
    account_holder: 'Priya',
    account_number: '123456789000',
    ifsc: 'nope',
  });
  assert.match(badIfsc.text, /IFSC: enter/);
  const step = await start(session, {
    method: 'enach',
    account_holder: 'Priya',
    account_number: '123456780000',
    ifsc: 'TEST0001234',
  });
  const fields = returnFields((await act(step, { action: 'approve' })).text);
  assert.equal(fields['cf_checkoutStatus'], 'FAILED');
  assert.equal((await statusOf(id)).subscription_status, 'INITIALIZED');
});

test('card: OTP step, a wrong OTP asks again, the right one makes the subscription ACTIVE', async () => {
  const { id, session } = await subscription({ subscription_meta: {} });
  const step = await start(session, {
    method: 'card',
    card_number: '4111 1111 1111 1111',
    card_expiry: TEST_CARD_EXPIRY.mmYy,
    card_cvv: '123',
    card_holder_name: 'Priya Patel',
  });
  const otpPage = await get(step);
  assert.match(otpPage.text, /XXXXXXXXXXXX1111/);
  assert.doesNotMatch(otpPage.text, /4111111111111111/);
  const wrong = await post(step, { action: 'otp', otp: '000000', attempts: '0' });
  assert.equal(wrong.status, 400);
  assert.match(wrong.text, /Wrong OTP \(1 of 3\)/);
  const done = await act(step, { action: 'otp', otp: '111000', attempts: '1' });
  // No return URL: the checkout ends on the result page.
  assert.match(done.text, /data-testid="mandate-result" data-status="ACTIVE"/);
  assert.match(done.text, /Mandate authorised/);
  assert.equal((await statusOf(id)).subscription_status, 'ACTIVE');
});

test('card: a declined test card, three wrong OTPs, and bad card fields', async () => {
  const declined = await subscription();
  const step = await start(declined.session, {
    method: 'card',
    card_number: '4111111111111112',
    card_expiry: TEST_CARD_EXPIRY.mmYy,
    card_cvv: '123',
  });
  const fields = returnFields((await act(step, { action: 'otp', otp: '111000' })).text);
  assert.equal(fields['cf_checkoutStatus'], 'FAILED');
  assert.notEqual(fields['cf_message'], '');

  const wrong = await subscription();
  const step2 = await start(wrong.session, {
    method: 'card',
    card_number: '4111111111111111',
    card_expiry: TEST_CARD_EXPIRY.mmYy,
    card_cvv: '123',
  });
  const failed = returnFields((await act(step2, { action: 'otp', otp: '1', attempts: '2' })).text);
  assert.equal(failed['cf_checkoutStatus'], 'FAILED');
  assert.equal((await statusOf(wrong.id)).authorization_details.authorization_status, 'FAILED');

  const form = {
    method: 'card',
    card_number: '4111111111111111',
    card_expiry: TEST_CARD_EXPIRY.mmYy,
    card_cvv: '123',
  };
  const cases: Array<[Record<string, string>, RegExp]> = [
    [{ card_number: '1234' }, /Card number: enter/],
    [{ card_expiry: '13/30' }, /Expiry: enter/],
    [{ card_expiry: '01/24' }, /Expiry: this card has expired/],
    [{ card_cvv: 'x' }, /CVV: enter/],
  ];
  for (const [change, message] of cases) {
    const res = await post('/subscriptions/checkout', { session: wrong.session, ...form, ...change });
    assert.equal(res.status, 400);
    assert.match(res.text, message);
  }
});

test('a method the subscription does not allow is refused; cancel returns to the merchant; a used session finishes', async () => {
  const { session } = await subscription({ authorization_details: { payment_methods: ['upi'] } });
  const page = await get(`/subscriptions/checkout?session=${session}`);
  assert.doesNotMatch(page.text, /id="card_number"/);
  const refused = await post('/subscriptions/checkout', {
    session,
    method: 'card',
    card_number: '4111111111111111',
    card_expiry: TEST_CARD_EXPIRY.mmYy,
    card_cvv: '123',
  });
  assert.equal(refused.status, 400);
  assert.match(refused.text, /Choose one of the methods on this page \(upi\)/);

  const cancelled = returnFields((await post('/subscriptions/checkout/cancel', { session })).text);
  assert.equal(cancelled['cf_checkoutStatus'], 'FAILED');
  assert.equal(cancelled['cf_status'], 'INITIALIZED');

  const step = await start(session, { method: 'upi', upi_id: 'success@cashfree' });
  await act(step, { action: 'approve' });
  // Acting again on a finished step changes nothing; reopening the checkout goes back to the merchant.
  const again = await post(step, { action: 'decline' });
  assert.equal(again.status, 303);
  const reopened = returnFields((await get(`/subscriptions/checkout?session=${session}`)).text);
  assert.equal(reopened['cf_status'], 'ACTIVE');
});

test('modal mode reports the outcome by postMessage', async () => {
  const { id, session } = await subscription();
  const res = await post('/subscriptions/checkout', {
    session,
    method: 'upi',
    upi_id: 'success@cashfree',
    mode: 'modal',
  });
  assert.match(res.location ?? '', /mode=modal/);
  const done = await act(res.location!.replace(/\?.*$/, ''), { action: 'approve', mode: 'modal' });
  assert.match(done.text, /postMessage/);
  assert.match(done.text, new RegExp(`"subscription_id":"${id}"`));
  assert.match(done.text, /"type":"completed"/);
});

test('an attempt left behind (the back button) fails when another starts, and cannot authorise later', async () => {
  const { id, session } = await subscription();
  const first = await start(session, { method: 'upi', upi_id: 'success@cashfree' });
  const second = await start(session, {
    method: 'card',
    card_number: '4111111111111111',
    card_expiry: TEST_CARD_EXPIRY.mmYy,
    card_cvv: '123',
  });
  assert.notEqual(first, second);
  // The first step page now goes to its end: FAILED, the subscription still waiting.
  const stale = await get(first);
  assert.equal(stale.status, 303);
  const payments = (await h.call('GET', `/pg/subscriptions/${id}/payments`)).body as Array<{
    payment_status: string;
    payment_method: unknown;
  }>;
  assert.deepEqual(
    payments.map((p) => p.payment_status),
    ['FAILED', 'PENDING'],
  );
  await act(second, { action: 'otp', otp: '111000' });
  const third = await subscription();
  await start(third.session, { method: 'upi', upi_id: 'success@cashfree' });
  await post('/subscriptions/checkout/cancel', { session: third.session });
  await h.call('POST', '/_sandbox/clock/advance', { minutes: 5 });
  const sub = await statusOf(id);
  assert.equal(sub.subscription_status, 'ACTIVE');
  assert.equal(sub.authorization_details.payment_method, 'card');
  // Cancelled on the mandate page: its pending UPI request failed and did not approve itself later.
  const cancelled = await statusOf(third.id);
  assert.equal(cancelled.subscription_status, 'INITIALIZED');
  assert.equal(cancelled.authorization_details.authorization_status, 'FAILED');
});
