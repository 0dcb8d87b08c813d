import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DAY_MS } from '../clock/time.js';
import { CARD, harness } from '../testing/harness.js';

const h = harness();
let n = 0;
const newLink = (overrides: Record<string, unknown> = {}) =>
  h.call('POST', '/pg/links', {
    link_id: `link_${++n}`,
    link_amount: 999,
    link_currency: 'INR',
    link_purpose: 'Course fee',
    customer_details: {
      customer_name: 'Rahul Sharma',
      customer_phone: '9876543210',
      customer_email: 'rahul@example.com',
    },
    link_notify: { send_sms: true, send_email: true },
    ...overrides,
  });

/** Opens a link order through the admin API (what the link page does) and pays it by card. */
async function payLink(linkId: string, amount?: number) {
  const order = (
    await h.call('POST', `/_sandbox/links/${linkId}/orders`, amount === undefined ? {} : { amount })
  ).body;
  const pay = await h.pay(order.payment_session_id, CARD);
  await h.call('POST', `/pg/orders/pay/authenticate/${pay.body.cf_payment_id}`, {
    action: 'SUBMIT_OTP',
    otp: '111000',
  });
  return order;
}

describe('payment links', () => {
  test('create returns an ACTIVE link served by the sandbox, expiring in 30 days by default', async () => {
    const res = await newLink({ link_id: 'link_001' });
    assert.equal(res.status, 200);
    const l = res.body;
    assert.equal(l.link_id, 'link_001');
    assert.equal(l.link_status, 'ACTIVE');
    assert.equal(l.link_amount, 999);
    assert.equal(l.link_amount_paid, 0);
    assert.equal(l.link_partial_payments, false);
    assert.match(l.cf_link_id, /^\d+$/);
    assert.match(l.link_url, /^http:\/\/sandbox\.test\/links\/[a-z0-9]{12}$/);
    assert.equal(l.link_created_at, '2025-01-15T10:00:00+05:30');
    assert.equal(l.link_expiry_time, '2025-02-14T10:00:00+05:30');
    assert.deepEqual(l.link_notify, { send_sms: true, send_email: true });
    assert.match(l.link_qrcode, /^data:image\//);
    assert.deepEqual((await h.call('GET', '/pg/links/link_001')).body, l);
  });

  test('a duplicate link_id is 409 link_already_exists', async () => {
    await newLink({ link_id: 'link_dup' });
    const res = await newLink({ link_id: 'link_dup' });
    assert.equal(res.status, 409);
    assert.equal(res.body.code, 'link_already_exists');
  });

  test('unknown links are 404 link_not_found with Cashfree wording', async () => {
    const get = await h.call('GET', '/pg/links/nope');
    assert.equal(get.status, 404);
    assert.deepEqual(get.body, {
      message: 'No request found with link Id nope',
      code: 'link_not_found',
      type: 'invalid_request_error',
    });
    const orders = await h.call('GET', '/pg/links/nope/orders');
    assert.equal(orders.body.message, 'No request found with link ID nope');
    assert.equal((await h.call('POST', '/pg/links/nope/cancel')).status, 404);
  });

  test('only an ACTIVE link can be cancelled', async () => {
    await newLink({ link_id: 'link_cancel' });
    const res = await h.call('POST', '/pg/links/link_cancel/cancel');
    assert.equal(res.status, 200);
    assert.equal(res.body.link_status, 'CANCELLED');
    const again = await h.call('POST', '/pg/links/link_cancel/cancel');
    assert.equal(again.status, 400);
    assert.deepEqual(again.body, {
      message: 'Only link in ACTIVE state can be cancelled',
      code: 'link_not_active',
      type: 'invalid_request_error',
    });
    const order = await h.call('POST', '/_sandbox/links/link_cancel/orders', {});
    assert.equal(order.body.code, 'link_not_active', 'a cancelled link takes no payments');
  });

  test('paying a link in full makes it PAID; its orders carry CFPay ids and the link id', async () => {
    await newLink({ link_id: 'link_full' });
    const order = await payLink('link_full');
    assert.match(order.order_id, /^CFPay_[a-z0-9]{12}_1$/);
    assert.equal(order.link_id, 'link_full');
    assert.equal(order.order_tags.link_id, 'link_full');
    const link = (await h.call('GET', '/pg/links/link_full')).body;
    assert.equal(link.link_status, 'PAID');
    assert.equal(link.link_amount_paid, 999);
    const orders = (await h.call('GET', '/pg/links/link_full/orders')).body;
    assert.equal(orders.length, 1);
    assert.equal(orders[0].order_status, 'PAID');
    assert.equal(orders[0].link_id, 'link_full');
    const cancel = await h.call('POST', '/pg/links/link_full/cancel');
    assert.equal(cancel.body.code, 'link_not_active');
  });

  test('partial payments: PARTIALLY_PAID until the amount is collected; ?status=ALL lists unpaid orders', async () => {
    await newLink({ link_id: 'link_part', link_partial_payments: true, link_minimum_partial_amount: 200 });
    const tooLittle = await h.call('POST', '/_sandbox/links/link_part/orders', { amount: 100 });
    assert.equal(tooLittle.status, 400);
    await payLink('link_part', 300);
    let link = (await h.call('GET', '/pg/links/link_part')).body;
    assert.equal(link.link_status, 'PARTIALLY_PAID');
    assert.equal(link.link_amount_paid, 300);
    assert.equal(link.link_minimum_partial_amount, 200);
    await h.call('POST', '/_sandbox/links/link_part/orders', { amount: 100 });
    await payLink('link_part', 699);
    link = (await h.call('GET', '/pg/links/link_part')).body;
    assert.equal(link.link_status, 'PAID');
    assert.equal(link.link_amount_paid, 999);
    assert.equal((await h.call('GET', '/pg/links/link_part/orders')).body.length, 2);
    assert.equal((await h.call('GET', '/pg/links/link_part/orders?status=ALL')).body.length, 3);
    assert.equal((await h.call('GET', '/pg/links/link_part/orders?status=SOME')).body.code, 'status_invalid');
  });

  test('a link is never overpaid: a second tab’s payment is cancelled and refunded, its order terminated', async () => {
    await newLink({ link_id: 'link_twice', link_amount: 50 });
    const open = async () => (await h.call('POST', '/_sandbox/links/link_twice/orders', {})).body;
    const [first, second, unpaid] = [await open(), await open(), await open()];
    const startCard = async (order: { payment_session_id: string }) =>
      (await h.pay(order.payment_session_id, CARD)).body.cf_payment_id;
    const otp = (cfPaymentId: string) =>
      h.call('POST', `/pg/orders/pay/authenticate/${cfPaymentId}`, { action: 'SUBMIT_OTP', otp: '111000' });
    const firstPayment = await startCard(first);
    const secondPayment = await startCard(second);

    await otp(firstPayment);
    let link = (await h.call('GET', '/pg/links/link_twice')).body;
    assert.equal(link.link_status, 'PAID');
    assert.equal((await h.call('GET', `/pg/orders/${unpaid.order_id}`)).body.order_status, 'TERMINATED');
    assert.equal(
      (await h.call('GET', `/pg/orders/${second.order_id}`)).body.order_status,
      'TERMINATION_REQUESTED',
      'its payment is still in flight',
    );

    await otp(secondPayment);
    link = (await h.call('GET', '/pg/links/link_twice')).body;
    assert.equal(link.link_status, 'PAID');
    assert.equal(link.link_amount_paid, 50, 'the second payment did not reach the link');
    const late = (await h.call('GET', `/pg/orders/${second.order_id}/payments/${secondPayment}`)).body;
    assert.equal(late.payment_status, 'CANCELLED');
    assert.match(late.payment_message, /payment link link_twice is PAID; the amount is refunded/);
    const refunds = (await h.call('GET', `/pg/orders/${second.order_id}/refunds`)).body;
    assert.equal(refunds.length, 1);
    assert.equal(refunds[0].refund_amount, 50);
    assert.equal((await h.call('GET', `/pg/orders/${second.order_id}`)).body.order_status, 'TERMINATED');
  });

  test('a payment completed after the link was cancelled is refunded; the link stays CANCELLED', async () => {
    await newLink({ link_id: 'link_cancel_paid' });
    const order = (await h.call('POST', '/_sandbox/links/link_cancel_paid/orders', {})).body;
    const cfPaymentId = (await h.pay(order.payment_session_id, CARD)).body.cf_payment_id;
    assert.equal((await h.call('POST', '/pg/links/link_cancel_paid/cancel')).body.link_status, 'CANCELLED');
    await h.call('POST', `/pg/orders/pay/authenticate/${cfPaymentId}`, {
      action: 'SUBMIT_OTP',
      otp: '111000',
    });
    const link = (await h.call('GET', '/pg/links/link_cancel_paid')).body;
    assert.equal(link.link_status, 'CANCELLED');
    assert.equal(link.link_amount_paid, 0);
    const payment = (await h.call('GET', `/pg/orders/${order.order_id}/payments/${cfPaymentId}`)).body;
    assert.equal(payment.payment_status, 'CANCELLED');
    assert.equal((await h.call('GET', `/pg/orders/${order.order_id}/refunds`)).body.length, 1);
  });

  test('with partial payments, a payment larger than what is left is refunded, not counted', async () => {
    await newLink({
      link_id: 'link_part_race',
      link_partial_payments: true,
      link_minimum_partial_amount: 100,
    });
    const whole = (await h.call('POST', '/_sandbox/links/link_part_race/orders', {})).body;
    const wholePayment = (await h.pay(whole.payment_session_id, CARD)).body.cf_payment_id;
    await payLink('link_part_race', 300);
    await h.call('POST', `/pg/orders/pay/authenticate/${wholePayment}`, {
      action: 'SUBMIT_OTP',
      otp: '111000',
    });
    const link = (await h.call('GET', '/pg/links/link_part_race')).body;
    assert.equal(link.link_status, 'PARTIALLY_PAID');
    assert.equal(link.link_amount_paid, 300);
    const payment = (await h.call('GET', `/pg/orders/${whole.order_id}/payments/${wholePayment}`)).body;
    assert.equal(payment.payment_status, 'CANCELLED');
    assert.match(payment.payment_message, /has only ₹699\.00 left to pay, less than this ₹999\.00/);
  });

  test('links expire on the sandbox clock', async () => {
    await newLink({ link_id: 'link_exp', link_expiry_time: '2025-01-20T10:00:00+05:30' });
    await h.advance(5 * DAY_MS);
    assert.equal((await h.call('GET', '/pg/links/link_exp')).body.link_status, 'EXPIRED');
  });

  test('validation names the field', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ link_id: undefined }, 'link_id_missing'],
      [{ link_id: 'x'.repeat(51) }, 'link_id_invalid'],
      [{ link_amount: 0 }, 'link_amount_invalid'],
      [{ link_currency: 'USD' }, 'link_currency_invalid'],
      [{ link_purpose: undefined }, 'link_purpose_missing'],
      [{ customer_details: { customer_name: 'Rahul' } }, 'customer_details.customer_phone_missing'],
      [
        { link_partial_payments: true, link_minimum_partial_amount: 999 },
        'link_minimum_partial_amount_invalid',
      ],
      [{ link_expiry_time: '2024-01-01T00:00:00+05:30' }, 'link_expiry_time_invalid'],
      [{ link_notes: { a: '1', b: '2', c: '3', d: '4', e: '5', f: '6' } }, 'link_notes_invalid'],
    ];
    for (const [overrides, code] of cases) {
      const res = await newLink(overrides);
      assert.equal(res.status, 400, code);
      assert.equal(res.body.code, code);
    }
  });
});
