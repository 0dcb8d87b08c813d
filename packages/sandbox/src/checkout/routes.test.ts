import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HOUR_MS } from '../clock/time.js';
import type { SandboxEvent } from '../context.js';
import { TEST_CARD_EXPIRY } from '../test-instruments/cards.js';
import { harness } from '../testing/harness.js';
import { assertSessionLookup } from '../testing/session-lookup.js';
import { fillReturnUrl } from './routes.js';

const h = harness();
const events: SandboxEvent[] = [];
h.sandbox.onEvent((event) => events.push(event));

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

const orderStatus = async (orderId: string) =>
  (await h.call('GET', `/pg/orders/${orderId}`)).body.order_status;
const paymentsOf = async (orderId: string) =>
  (await h.call('GET', `/pg/orders/${orderId}/payments`)).body as Array<Record<string, string>>;

const CARD_FORM = {
  method: 'card',
  card_number: '4111 1111 1111 1111',
  card_expiry: TEST_CARD_EXPIRY.mmYy,
  card_cvv: '123',
};

test('the cashfree.js stand-in and the session check it uses', async () => {
  const js = await h.sandbox.request('/js/v3/cashfree.js');
  assert.equal(js.status, 200);
  assert.match(js.headers.get('content-type') ?? '', /javascript/);
  const source = await js.text();
  assert.match(source, /window\.Cashfree = Cashfree/);
  for (const target of ['_self', '_blank', '_top', '_modal']) assert.ok(source.includes(`'${target}'`));

  const order = await h.createOrder({ order_id: 'order_co_session', order_amount: 12.5 });
  const ok = await h.sandbox.request(`/checkout/sessions/${order.payment_session_id}`);
  assert.equal(ok.headers.get('access-control-allow-origin'), '*');
  assert.deepEqual(await ok.json(), {
    order_id: 'order_co_session',
    order_status: 'ACTIVE',
    order_amount: 12.5,
    order_currency: 'INR',
    checkout_url: `/checkout/pay?session=${encodeURIComponent(order.payment_session_id)}`,
  });
  const bad = await h.sandbox.request('/checkout/sessions/session_nope');
  assert.equal(bad.status, 404);
  assert.deepEqual(await bad.json(), {
    message: 'payment_session_id : is not valid. Value received: session_nope',
    code: 'payment_session_id_invalid',
    type: 'invalid_request_error',
  });
});

test('the session lookup, known or not, may be read from any origin and is never cached; an unknown session is a 404 naming payment_session_id', async () => {
  const order = await h.createOrder({ order_id: 'order_co_lookup' });
  const found = await assertSessionLookup<{ order_id: string }>(
    h,
    '/checkout/sessions',
    'payment_session_id',
    {
      known: order.payment_session_id,
      unknown: 'session_unknown_42',
    },
  );
  assert.equal(found.order_id, 'order_co_lookup');
});

test('the checkout page shows the order in ₹, the allowed methods and the test data, escaping what the merchant sent', async () => {
  const order = await h.createOrder({
    order_id: 'order_co_page',
    order_amount: 123456.7,
    order_note: '<script>alert("note")</script>',
    customer_details: {
      customer_id: 'cust_xss',
      customer_phone: '9876543210',
      customer_name: '<script>alert(1)</script>',
    },
  });
  const page = await get(`/checkout/pay?session=${order.payment_session_id}`);
  assert.equal(page.status, 200);
  assert.match(page.text, /₹1,23,456\.70/);
  for (const tab of ['Card', 'UPI', 'Net banking', 'Wallet'])
    assert.ok(page.text.includes(`>${tab}</label>`), tab);
  for (const data of ['4111 1111 1111 1111', '111000', 'success@cashfree', 'failure@cashfree', 'TEST Bank']) {
    assert.ok(page.text.includes(data), data);
  }
  assert.ok(!page.text.includes('<script>alert'), 'merchant data never becomes markup');
  assert.ok(page.text.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
  assert.ok(page.text.includes('&lt;script&gt;alert(&quot;note&quot;)&lt;/script&gt;'));

  const upiOnly = await h.createOrder({
    order_id: 'order_co_upi_only',
    order_meta: { payment_methods: 'upi' },
  });
  const narrowed = await get(`/checkout/pay?session=${upiOnly.payment_session_id}`);
  assert.ok(narrowed.text.includes('>UPI</label>'));
  assert.ok(!narrowed.text.includes('>Card</label>'));

  const unknown = await get('/checkout/pay?session=session_unknown');
  assert.equal(unknown.status, 404);
  assert.match(unknown.text, /Payment session not found/);
});

test('card: the OTP page takes 111000, the payment succeeds and the browser returns to return_url with {order_id}', async () => {
  const order = await h.createOrder({
    order_id: 'order_co_card',
    order_meta: { return_url: 'https://shop.example/return?order_id={order_id}' },
  });
  const started = await post('/checkout/pay', { session: order.payment_session_id, ...CARD_FORM });
  assert.equal(started.status, 303);
  assert.match(started.location ?? '', /^\/checkout\/payments\/\d+$/);
  const otpPage = await get(started.location!);
  assert.match(otpPage.text, /Secure OTP/);
  assert.match(otpPage.text, /XXXXXXXXXXXX1111/);

  const wrong = await post(started.location!, { action: 'otp', otp: '000000' });
  assert.equal(wrong.status, 400);
  assert.match(wrong.text, /data-testid="error"/);
  assert.equal(await orderStatus('order_co_card'), 'ACTIVE');

  const right = await post(started.location!, { action: 'otp', otp: '111000' });
  assert.equal(right.status, 303);
  assert.equal(right.location, `${started.location}/done`);
  const done = await get(right.location!);
  assert.equal(done.status, 303);
  assert.equal(done.location, 'https://shop.example/return?order_id=order_co_card');
  assert.equal(await orderStatus('order_co_card'), 'PAID');
  assert.equal(events.at(-1)?.type, 'PAYMENT_SUCCESS_WEBHOOK');
  // The OTP page of a finished payment goes straight to the end.
  assert.equal((await get(started.location!)).location, `${started.location}/done`);
  const paid = await get(`/checkout/pay?session=${order.payment_session_id}`);
  assert.match(paid.text, /already paid/);
});

test('a declined card fails after the OTP; without a return_url the checkout shows the result', async () => {
  const order = await h.createOrder({ order_id: 'order_co_declined' });
  const started = await post('/checkout/pay', {
    session: order.payment_session_id,
    ...CARD_FORM,
    card_number: '4111111111111112',
  });
  const done = await post(started.location!, { action: 'otp', otp: '111000' });
  const result = await get(done.location!);
  assert.equal(result.status, 200);
  assert.match(result.text, /data-status="FAILED"/);
  assert.match(result.text, /Payment failed/);
  assert.deepEqual(
    (await paymentsOf('order_co_declined')).map((p) => p['payment_status']),
    ['FAILED'],
  );
});

test('invalid input is refused in the customer’s words, field by field, and the checkout stays on the same tab', async () => {
  const order = await h.createOrder({ order_id: 'order_co_invalid' });
  const bad = await post('/checkout/pay', {
    session: order.payment_session_id,
    ...CARD_FORM,
    card_number: '1234 5678 9012 3456',
  });
  assert.equal(bad.status, 400);
  assert.match(bad.text, /This card number is not one of the sandbox’s test cards/);
  assert.doesNotMatch(bad.text, /card_number :/);
  assert.match(bad.text, /id="tab-card" checked/);
  const vpa = await post('/checkout/pay', {
    session: order.payment_session_id,
    method: 'upi',
    upi_id: 'me@bank',
  });
  assert.equal(vpa.status, 400);
  assert.match(vpa.text, /This UPI ID is not one of the sandbox’s test UPI IDs/);
  assert.match(vpa.text, /name="upi_id"[^>]* value="me@bank"/);
  assert.match(vpa.text, /id="tab-upi" checked/);
  assert.deepEqual(await paymentsOf('order_co_invalid'), []);
});

test('UPI collect: the wait page refreshes until the test VPA resolves', async () => {
  const order = await h.createOrder({ order_id: 'order_co_upi' });
  const started = await post('/checkout/pay', {
    session: order.payment_session_id,
    method: 'upi',
    upi_id: 'success@cashfree',
  });
  const wait = await get(started.location!);
  assert.match(wait.text, /http-equiv="refresh"/);
  assert.match(wait.text, /success@cashfree/);
  await h.advance(1_000);
  const resolved = await get(started.location!);
  assert.equal(resolved.location, `${started.location}/done`);
  assert.equal(await orderStatus('order_co_upi'), 'PAID');
});

test('netbanking: the bank simulator decides (failure, pending, success)', async () => {
  const order = await h.createOrder({ order_id: 'order_co_nb' });
  const pay = () =>
    post('/checkout/pay', {
      session: order.payment_session_id,
      method: 'netbanking',
      netbanking_bank_code: '3333',
    });
  const first = await pay();
  assert.match((await get(first.location!)).text, /TEST Bank · bank simulator/);
  await post(first.location!, { action: 'failed' });
  const second = await pay();
  const pending = await post(second.location!, { action: 'pending' });
  assert.equal(pending.location, `${second.location}/done`);
  await post(second.location!, { action: 'success' });
  assert.deepEqual(
    (await paymentsOf('order_co_nb')).map((p) => p['payment_status']),
    ['FAILED', 'SUCCESS'],
  );
  const refused = await post(second.location!, { action: 'otp', otp: '111000' });
  assert.equal(refused.status, 303, 'a finished payment ignores further actions');
});

test('cancel drops the pending payment (USER_DROPPED); in a modal the result is posted to the merchant page', async () => {
  const order = await h.createOrder({
    order_id: 'order_co_cancel',
    order_meta: { return_url: 'https://shop.example/r' },
  });
  const started = await post('/checkout/pay', {
    session: order.payment_session_id,
    ...CARD_FORM,
    mode: 'modal',
  });
  assert.match(started.location ?? '', /\?mode=modal$/);
  const dropped = await post('/checkout/cancel', { session: order.payment_session_id, mode: 'modal' });
  assert.equal(dropped.status, 200);
  assert.match(dropped.text, /window\.parent\.postMessage/);
  assert.match(dropped.text, /"type":"dropped"/);
  assert.match(dropped.text, /"payment_status":"USER_DROPPED"/);
  assert.equal(events.at(-1)?.type, 'PAYMENT_USER_DROPPED_WEBHOOK');

  const again = await post('/checkout/pay', {
    session: order.payment_session_id,
    ...CARD_FORM,
    mode: 'modal',
  });
  const done = await post(again.location!.replace(/\?.*/, ''), {
    action: 'otp',
    otp: '111000',
    mode: 'modal',
  });
  const modal = await get(done.location!);
  assert.match(modal.text, /"type":"completed"/);
  assert.match(modal.text, /"payment_message":"00::Transaction success"/);
});

test('expired and terminated orders get a clear page instead of a checkout', async () => {
  const expiring = await h.createOrder({ order_id: 'order_co_expired' });
  await h.advance(2 * HOUR_MS);
  const expired = await get(`/checkout/pay?session=${expiring.payment_session_id}`);
  assert.equal(expired.status, 410);
  assert.match(expired.text, /This payment session has expired/);

  const terminated = await h.createOrder({ order_id: 'order_co_terminated' });
  await h.call('PATCH', '/pg/orders/order_co_terminated', { order_status: 'TERMINATED' });
  const closed = await get(`/checkout/pay?session=${terminated.payment_session_id}`);
  assert.equal(closed.status, 410);
  assert.match(closed.text, /terminated/);
});

test('a returnUrl given to checkout() wins over the order return_url', async () => {
  const order = await h.createOrder({
    order_id: 'order_co_override',
    order_meta: { return_url: 'https://a.example/{order_id}' },
  });
  const started = await post('/checkout/pay', {
    session: order.payment_session_id,
    ...CARD_FORM,
    return_url: 'https://b.example/done?o={order_id}',
  });
  const done = await post(started.location!.replace(/\?.*/, ''), {
    action: 'otp',
    otp: '111000',
    return_url: 'https://b.example/done?o={order_id}',
  });
  assert.equal((await get(done.location!)).location, 'https://b.example/done?o=order_co_override');
  assert.equal(fillReturnUrl('https://x.example/%7Border_id%7D', 'a b'), 'https://x.example/a%20b');
});

test('payment link page: partial payments respect the minimum, then the rest pays the link', async () => {
  const link = (
    await h.call('POST', '/pg/links', {
      link_id: 'link_co_1',
      link_amount: 500,
      link_currency: 'INR',
      link_purpose: '<b>Tuition</b> fee',
      link_partial_payments: true,
      link_minimum_partial_amount: 100,
      customer_details: { customer_phone: '9876543210', customer_name: 'Asha' },
    })
  ).body;
  const path = new URL(link.link_url).pathname;
  const pageBefore = await get(path);
  assert.equal(pageBefore.status, 200);
  assert.ok(pageBefore.text.includes('&lt;b&gt;Tuition&lt;/b&gt; fee'));
  assert.match(pageBefore.text, /₹500\.00/);
  assert.match(pageBefore.text, /min="100\.00"/);

  const tooLittle = await post(`${path}/pay`, { amount: '50' });
  assert.equal(tooLittle.status, 400);
  assert.match(tooLittle.text, /the first payment should be at least 100\.00/);

  const payPart = async (amount: string) => {
    const toCheckout = await post(`${path}/pay`, { amount });
    assert.equal(toCheckout.status, 303);
    const session = new URL(toCheckout.location!, 'http://x').searchParams.get('session')!;
    const started = await post('/checkout/pay', { session, ...CARD_FORM });
    const done = await post(started.location!, { action: 'otp', otp: '111000' });
    return get(done.location!);
  };
  const back = await payPart('200');
  assert.equal(back.location, path, 'a link order without return_url goes back to the link page');
  const middle = await get(path);
  assert.match(middle.text, /data-status="PARTIALLY_PAID"/);
  assert.match(middle.text, /data-testid="amount-paid">₹200\.00/);
  const linkEvent = events.findLast((e) => e.type === 'PAYMENT_LINK_EVENT');
  assert.ok(linkEvent);
  assert.equal((linkEvent.data as Record<string, unknown>)['link_status'], 'PARTIALLY_PAID');

  await payPart('300');
  const paid = await get(path);
  assert.match(paid.text, /data-status="PAID"/);
  assert.match(paid.text, /fully paid/);
  const entity = (await h.call('GET', '/pg/links/link_co_1')).body;
  assert.equal(entity.link_status, 'PAID');
  assert.equal(entity.link_amount_paid, 500);
  const orders = (await h.call('GET', '/pg/links/link_co_1/orders')).body as Array<Record<string, unknown>>;
  assert.ok(orders.every((o) => String(o['order_id']).startsWith(`CFPay_${path.split('/').pop()}_`)));

  assert.equal((await get('/links/nosuchcode')).status, 404);
});
