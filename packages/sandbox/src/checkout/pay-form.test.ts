/**
 * The checkout's card, UPI and wallet forms as a customer meets them: every wrong field named at
 * once in a customer's words, what they typed kept (never the CVV), an expired card refused by
 * the sandbox clock (on the page and in Order Pay), the merchant's display name and wallet names
 * instead of the app id and Order Pay's codes.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TEST_CARD_EXPIRY } from '../test-instruments/cards.js';
import { harness, START } from '../testing/harness.js';

const h = harness({ merchantName: 'Pahadi Tea Co.' });

async function post(fields: Record<string, string>) {
  const res = await h.sandbox.request('/checkout/pay', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
  return { status: res.status, location: res.headers.get('location'), text: await res.text() };
}

/** The messages under each field of a page, by field name. */
function fieldMessages(page: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const m of page.matchAll(/<div class="field-error" id="[^"]+" data-field="([^"]+)">([^<]*)<\/div>/g)) {
    found[m[1]!] = m[2]!;
  }
  return found;
}

test('every wrong card field is named at once, in the customer’s words, and what was typed stays (not the CVV)', async () => {
  const order = await h.createOrder();
  const page = await post({
    session: order.payment_session_id,
    method: 'card',
    card_number: '4111 11',
    card_expiry: '13/28',
    card_cvv: '12',
    card_holder_name: 'Priya Patel',
  });
  assert.equal(page.status, 400);
  assert.deepEqual(fieldMessages(page.text), {
    card_number: 'Enter the full card number: 12 to 19 digits.',
    card_expiry: `Enter the expiry date as MM/YY, for example ${TEST_CARD_EXPIRY.mmYy}.`,
    card_cvv: 'Enter the 3 or 4 digit CVV from the back of the card.',
  });
  assert.match(page.text, /Please check these 3:/);
  assert.match(page.text, /name="card_number"[^>]* value="4111 11" aria-invalid="true"/);
  assert.match(page.text, /name="card_expiry"[^>]* value="13\/28" aria-invalid="true"/);
  assert.match(page.text, /name="card_holder_name"[^>]* value="Priya Patel"/);
  assert.doesNotMatch(page.text, /name="card_cvv"[^>]* value=/, 'the CVV is never written back');
  assert.doesNotMatch(page.text, /card_\w+ : /, 'no API wording');
});

test('an expired card (01/20, or last month by the sandbox clock) is refused; this month is still good', async () => {
  // The harness clock is frozen at START (January 2025).
  assert.match(START, /^2025-01-/);
  const order = await h.createOrder();
  for (const expiry of ['01/20', '12/24', '12 / 2024']) {
    const page = await post({
      session: order.payment_session_id,
      method: 'card',
      card_number: '4111 1111 1111 1111',
      card_expiry: expiry,
      card_cvv: '123',
    });
    assert.equal(page.status, 400, expiry);
    assert.deepEqual(fieldMessages(page.text), {
      card_expiry: 'This card has expired. Check the date, or use a card that has not expired.',
    });
  }
  const current = await post({
    session: order.payment_session_id,
    method: 'card',
    card_number: '4111 1111 1111 1111',
    card_expiry: '01/25',
    card_cvv: '123',
  });
  assert.equal(current.status, 303);
  assert.match(current.location ?? '', /^\/checkout\/payments\/\d+$/);
});

test('Order Pay refuses an expired card too, naming card_expiry_yy (the sandbox’s choice of code)', async () => {
  const order = await h.createOrder();
  const res = await h.call('POST', '/pg/orders/sessions', {
    payment_session_id: order.payment_session_id,
    payment_method: {
      card: {
        channel: 'link',
        card_number: '4111111111111111',
        card_expiry_mm: '01',
        card_expiry_yy: '20',
        card_cvv: '123',
      },
    },
  });
  assert.equal(res.status, 400);
  assert.equal(res.body.code, 'card_expiry_yy_invalid');
  assert.match(res.body.message, /^card_expiry_yy : card has expired \(01\/20 is before 01\/25\)/);
});

test('UPI and wallet fields: customer wording, typed values kept', async () => {
  const order = await h.createOrder();
  const upi = await post({ session: order.payment_session_id, method: 'upi', upi_id: 'priya' });
  assert.deepEqual(fieldMessages(upi.text), { upi_id: 'Enter a UPI ID like name@bank.' });
  assert.match(upi.text, /name="upi_id"[^>]* value="priya"/);
  const wallet = await post({
    session: order.payment_session_id,
    method: 'app',
    provider: 'gpay',
    phone: '98765',
  });
  assert.deepEqual(fieldMessages(wallet.text), { phone: 'Enter the 10-digit mobile number of the wallet.' });
  assert.match(wallet.text, /<option value="gpay" selected>Google Pay<\/option>/);
  assert.match(wallet.text, /name="phone"[^>]* value="98765"/);
});

test('pages show the merchant’s display name, never the app id, and wallets and methods by name', async () => {
  const order = await h.createOrder();
  const res = await h.sandbox.request(`/checkout/pay?session=${order.payment_session_id}`);
  const page = await res.text();
  assert.match(page, /Pay Pahadi Tea Co\./);
  assert.ok(!page.includes(h.sandbox.appId), 'the app id is not shown');
  for (const name of ['Google Pay', 'PhonePe', 'Paytm', 'Amazon Pay', 'MobiKwik'])
    assert.ok(page.includes(`>${name}</option>`), name);
  assert.doesNotMatch(page, />gpay</);
  assert.match(page, />Net banking<\/label>/);
});
