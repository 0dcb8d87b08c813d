import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MINUTE_MS } from '../clock/time.js';
import { CARD, harness } from '../testing/harness.js';

const h = harness();
const otp = (cfPaymentId: string, code = '111000', action = 'SUBMIT_OTP') =>
  h.call('POST', `/pg/orders/pay/authenticate/${cfPaymentId}`, { action, otp: code });
const card = (number: string, channel = 'post') => ({ card: { ...CARD.card, card_number: number, channel } });
const payments = async (orderId: string) => (await h.call('GET', `/pg/orders/${orderId}/payments`)).body;

describe('cards', () => {
  test('4111 1111 1111 1111 with OTP 111000 succeeds and pays the order', async () => {
    const order = await h.createOrder();
    const pay = await h.pay(order.payment_session_id, CARD);
    assert.equal(pay.status, 200);
    assert.equal(pay.body.payment_method, 'card');
    assert.equal(pay.body.channel, 'post');
    assert.equal(pay.body.action, 'post');
    assert.equal(pay.body.payment_amount, 100);
    assert.equal(
      pay.body.data.url,
      `http://sandbox.test/pg/orders/pay/authenticate/${pay.body.cf_payment_id}`,
    );
    assert.equal(
      pay.body.data.redirect_to_bank,
      `http://sandbox.test/checkout/payments/${pay.body.cf_payment_id}`,
    );
    assert.equal((await payments(order.order_id))[0].payment_status, 'PENDING');

    const auth = await otp(pay.body.cf_payment_id);
    assert.deepEqual(auth.body, {
      cf_payment_id: pay.body.cf_payment_id,
      action: 'SUBMIT_OTP',
      authenticate_status: 'SUCCESS',
      payment_message: '00::Transaction success',
    });
    const [p] = await payments(order.order_id);
    assert.equal(p.payment_status, 'SUCCESS');
    assert.equal(p.is_captured, true);
    assert.equal(p.payment_group, 'credit_card');
    assert.equal(p.payment_method.card.card_number, 'XXXXXXXXXXXX1111');
    assert.equal(p.payment_method.card.card_network, 'visa');
    assert.match(p.bank_reference, /^\d{12}$/);
    assert.equal(p.error_details, null);
    assert.equal((await h.call('GET', `/pg/orders/${order.order_id}`)).body.order_status, 'PAID');
  });

  test('4111 1111 1111 1112 is declined with error_details after the OTP', async () => {
    const order = await h.createOrder();
    const pay = await h.pay(order.payment_session_id, card('4111111111111112'));
    await otp(pay.body.cf_payment_id);
    const [p] = await payments(order.order_id);
    assert.equal(p.payment_status, 'FAILED');
    assert.equal(p.is_captured, false);
    assert.deepEqual(
      {
        code: p.error_details.error_code,
        reason: p.error_details.error_reason,
        source: p.error_details.error_source,
      },
      { code: 'TRANSACTION_DECLINED', reason: 'auth_declined', source: 'customer' },
    );
    assert.equal((await h.call('GET', `/pg/orders/${order.order_id}`)).body.order_status, 'ACTIVE');
  });

  test('documented test cards succeed; channel link points at the sandbox bank page', async () => {
    for (const number of ['5105105105105100', '6074825972083818', '4706131211212123']) {
      const order = await h.createOrder();
      const pay = await h.pay(order.payment_session_id, card(number, 'link'));
      assert.equal(pay.body.action, 'link');
      assert.equal(pay.body.data.url, `http://sandbox.test/checkout/payments/${pay.body.cf_payment_id}`);
      await otp(pay.body.cf_payment_id);
      assert.equal((await payments(order.order_id))[0].payment_status, 'SUCCESS', number);
    }
  });

  test('a wrong OTP fails authentication; the third wrong one fails the payment; RESEND_OTP works', async () => {
    const order = await h.createOrder();
    const pay = await h.pay(order.payment_session_id, CARD);
    const resend = await otp(pay.body.cf_payment_id, '', 'RESEND_OTP');
    assert.equal(resend.body.authenticate_status, 'SUCCESS');
    const wrong = await otp(pay.body.cf_payment_id, '123456');
    assert.equal(wrong.body.authenticate_status, 'FAILED');
    assert.equal(wrong.body.payment_message, 'otp is invalid');
    await otp(pay.body.cf_payment_id, '123456');
    await otp(pay.body.cf_payment_id, '123456');
    const [p] = await payments(order.order_id);
    assert.equal(p.payment_status, 'FAILED');
    assert.equal(p.error_details.error_code, 'AUTHENTICATION_FAILED');
    const late = await otp(pay.body.cf_payment_id);
    assert.equal(late.status, 400);
    assert.equal(late.body.code, 'payment_already_processed');
  });

  test('card validation: missing CVV in Cashfree wording, invalid number masked', async () => {
    const order = await h.createOrder();
    const noCvv = await h.pay(order.payment_session_id, {
      card: { ...CARD.card, card_cvv: undefined }, // JSON leaves the undefined CVV out
    });
    assert.deepEqual(noCvv.body, {
      message: 'card_cvv : is missing in the request. Value received: ',
      code: 'card_cvv_missing',
      type: 'invalid_request_error',
    });
    const bad = await h.pay(order.payment_session_id, card('4111111111111113'));
    assert.equal(bad.body.code, 'card_number_invalid');
    assert.equal(
      bad.body.message,
      'card_number : is not a valid card number. Value received: XXXXXXXXXXXX1113',
    );
  });
});

describe('UPI', () => {
  test('a collect to a test VPA is PENDING, then resolves to its outcome after the UPI delay', async () => {
    for (const [vpa, status, code] of [
      ['success@cashfree', 'SUCCESS', null],
      ['testsuccess@gocash', 'SUCCESS', null],
      ['failure@cashfree', 'FAILED', 'TRANSACTION_DECLINED'],
      ['testinsufficientfunds@gocash', 'FAILED', 'INSUFFICIENT_FUNDS'],
      ['testinvalidpin@gocash', 'FAILED', 'INVALID_PIN'],
      ['testuserdropped@gocash', 'USER_DROPPED', null],
    ] as const) {
      const order = await h.createOrder();
      const pay = await h.pay(order.payment_session_id, { upi: { channel: 'collect', upi_id: vpa } });
      assert.equal(pay.status, 200);
      assert.equal(pay.body.action, 'custom');
      assert.equal((await payments(order.order_id))[0].payment_status, 'PENDING', vpa);
      await h.advance(500);
      const [p] = await payments(order.order_id);
      assert.equal(p.payment_status, status, vpa);
      assert.equal(p.error_details?.error_code ?? null, code, vpa);
      assert.equal(p.payment_method.upi.upi_id, vpa);
    }
  });

  test('a collect with upi_redirect_url returns the sandbox wait page', async () => {
    const order = await h.createOrder();
    const pay = await h.pay(order.payment_session_id, {
      upi: { channel: 'collect', upi_id: 'testsuccess@gocash', upi_redirect_url: true },
    });
    assert.equal(pay.body.action, 'collect');
    assert.equal(pay.body.data.url, `http://sandbox.test/checkout/payments/${pay.body.cf_payment_id}`);
  });

  test('an unknown VPA is refused at once, naming the test VPAs', async () => {
    const order = await h.createOrder();
    const res = await h.pay(order.payment_session_id, {
      upi: { channel: 'collect', upi_id: 'someone@okbank' },
    });
    assert.equal(res.status, 400);
    assert.equal(res.body.code, 'upi_id_invalid');
    assert.match(res.body.message, /success@cashfree/);
    const missing = await h.pay(order.payment_session_id, { upi: { channel: 'collect' } });
    assert.equal(missing.body.code, 'upi_id_missing');
  });

  test('intent returns UPI deep links; QR returns an image; both wait for the customer, then expire', async () => {
    const order = await h.createOrder();
    const intent = await h.pay(order.payment_session_id, { upi: { channel: 'link' } });
    assert.equal(intent.body.action, 'custom');
    assert.match(intent.body.data.payload.default, /^upi:\/\/pay\?pa=/);
    assert.match(intent.body.data.payload.phonepe, /^phonepe:\/\//);
    const qr = await h.pay(order.payment_session_id, { upi: { channel: 'qrcode', upi_expiry_minutes: 10 } });
    assert.match(qr.body.data.payload.qrcode, /^data:image\/svg\+xml;base64,/);
    await h.advance(5 * MINUTE_MS);
    const after5 = await payments(order.order_id);
    assert.deepEqual(
      after5.map((p: { payment_status: string }) => p.payment_status),
      ['USER_DROPPED', 'PENDING'],
    );
    await h.advance(5 * MINUTE_MS);
    assert.equal((await payments(order.order_id))[1].payment_status, 'USER_DROPPED');
  });

  test('a collect nobody answers expires as FAILED after upi_expiry_minutes', async () => {
    const order = await h.createOrder();
    const pay = await h.pay(order.payment_session_id, {
      upi: { channel: 'collect', upi_id: 'testsuccess@gocash' },
    });
    await h.call('POST', '/pg/simulate', {
      entity: 'PAYMENTS',
      entity_id: pay.body.cf_payment_id,
      entity_simulation: { payment_status: 'PENDING' },
    });
    await h.advance(5 * MINUTE_MS);
    const [p] = await payments(order.order_id);
    assert.equal(p.payment_status, 'FAILED');
    assert.equal(p.error_details.error_code, 'TRANSACTION_EXPIRED');
  });
});

describe('netbanking and wallet', () => {
  test('netbanking 3333 / TESTR goes to the bank page and stays PENDING until decided', async () => {
    for (const netbanking of [
      { channel: 'link', netbanking_bank_code: 3333 },
      { channel: 'link', netbanking_bank_name: 'TESTR' },
    ]) {
      const order = await h.createOrder();
      const pay = await h.pay(order.payment_session_id, { netbanking });
      assert.equal(pay.body.action, 'link');
      assert.equal(pay.body.data.url, `http://sandbox.test/checkout/payments/${pay.body.cf_payment_id}`);
      const [p] = await payments(order.order_id);
      assert.equal(p.payment_status, 'PENDING');
      assert.equal(p.payment_group, 'net_banking');
      assert.deepEqual(p.payment_method.netbanking.netbanking_bank_code, 3333);
      assert.equal(p.payment_method.netbanking.netbanking_bank_name, 'TEST Bank');
    }
    const order = await h.createOrder();
    const bad = await h.pay(order.payment_session_id, {
      netbanking: { channel: 'link', netbanking_bank_code: 33 },
    });
    assert.equal(bad.body.code, 'netbanking_bank_code_invalid');
  });

  test('the test wallet: a PENDING app payment, dropped if nobody completes it in 15 minutes', async () => {
    const order = await h.createOrder();
    const pay = await h.pay(order.payment_session_id, {
      app: { channel: 'link', provider: 'phonepe', phone: '9999999999' },
    });
    assert.equal(pay.body.payment_method, 'app');
    assert.equal(pay.body.action, 'link');
    await h.advance(15 * MINUTE_MS);
    const [p] = await payments(order.order_id);
    assert.equal(p.payment_group, 'wallet');
    assert.equal(p.payment_status, 'USER_DROPPED');
    const bad = await h.pay(order.payment_session_id, {
      app: { channel: 'link', provider: 'nopay', phone: '9999999999' },
    });
    assert.equal(bad.body.code, 'provider_invalid');
  });
});

describe('Order Pay rules', () => {
  test('an unknown payment session is 400 payment_session_id_invalid', async () => {
    const order = await h.createOrder();
    const forged = `${order.payment_session_id.slice(0, -12)}000000000000`;
    for (const id of ['session_nope', forged, order.payment_session_id.replace('session_', 'session_x')]) {
      const res = await h.pay(id, CARD);
      assert.equal(res.status, 400);
      assert.equal(res.body.code, 'payment_session_id_invalid');
    }
  });

  test('a paid order refuses new attempts; an expired one too', async () => {
    const paid = await h.paidOrder();
    const again = await h.pay(paid.payment_session_id, CARD);
    assert.equal(again.body.code, 'order_already_paid');
    const order = await h.createOrder();
    await h.advance(60 * MINUTE_MS);
    const expired = await h.pay(order.payment_session_id, CARD);
    assert.equal(expired.status, 400);
    assert.equal(expired.body.code, 'order_inactive');
  });

  test('order_meta.payment_methods restricts the methods', async () => {
    const order = await h.createOrder({ order_meta: { payment_methods: 'upi,nb' } });
    const res = await h.pay(order.payment_session_id, CARD);
    assert.equal(res.body.code, 'payment_method_unsupported');
    assert.equal((await h.pay(order.payment_session_id, { upi: { channel: 'link' } })).status, 200);
  });

  test('methods the sandbox does not emulate say so', async () => {
    const order = await h.createOrder();
    const res = await h.pay(order.payment_session_id, { paylater: { channel: 'link', provider: 'simpl' } });
    assert.equal(res.body.code, 'payment_method_unsupported');
    const none = await h.pay(order.payment_session_id, {});
    assert.equal(none.body.code, 'payment_method_invalid');
  });

  test('several attempts per order: FAILED, then SUCCESS; a late success is cancelled and auto-refunded', async () => {
    const order = await h.createOrder();
    const first = await h.pay(order.payment_session_id, card('4111111111111112'));
    await otp(first.body.cf_payment_id);
    const pending = await h.pay(order.payment_session_id, {
      netbanking: { channel: 'link', netbanking_bank_code: 3333 },
    });
    const second = await h.pay(order.payment_session_id, CARD);
    await otp(second.body.cf_payment_id);
    await h.call('POST', '/pg/simulate', {
      entity: 'PAYMENTS',
      entity_id: pending.body.cf_payment_id,
      entity_simulation: { payment_status: 'SUCCESS' },
    });
    const list = await payments(order.order_id);
    assert.deepEqual(
      list.map((p: { cf_payment_id: string; payment_status: string }) => [p.cf_payment_id, p.payment_status]),
      [
        [first.body.cf_payment_id, 'FAILED'],
        [pending.body.cf_payment_id, 'CANCELLED'],
        [second.body.cf_payment_id, 'SUCCESS'],
      ],
    );
    const refunds = (await h.call('GET', `/pg/orders/${order.order_id}/refunds`)).body;
    assert.equal(refunds.length, 1);
    assert.equal(refunds[0].refund_type, 'PAYMENT_AUTO_REFUND');
    assert.equal(refunds[0].cf_payment_id, pending.body.cf_payment_id);
  });

  test('a payment started before expiry that succeeds afterwards still pays the order', async () => {
    const order = await h.createOrder();
    await h.advance(50 * MINUTE_MS);
    const pay = await h.pay(order.payment_session_id, {
      netbanking: { channel: 'link', netbanking_bank_code: 3333 },
    });
    await h.advance(11 * MINUTE_MS);
    assert.equal((await h.call('GET', `/pg/orders/${order.order_id}`)).body.order_status, 'EXPIRED');
    await h.call('POST', '/pg/simulate', {
      entity: 'PAYMENTS',
      entity_id: pay.body.cf_payment_id,
      entity_simulation: { payment_status: 'SUCCESS' },
    });
    assert.equal((await h.call('GET', `/pg/orders/${order.order_id}`)).body.order_status, 'PAID');
  });
});

describe('GET payments', () => {
  test('one payment by id; unknown ids and other orders are 404 payment_not_found', async () => {
    const order = await h.createOrder();
    const other = await h.createOrder();
    const pay = await h.pay(order.payment_session_id, CARD);
    const res = await h.call('GET', `/pg/orders/${order.order_id}/payments/${pay.body.cf_payment_id}`);
    assert.equal(res.status, 200);
    assert.equal(res.body.cf_payment_id, pay.body.cf_payment_id);
    assert.equal(res.body.order_id, order.order_id);
    assert.equal(res.body.entity, 'payment');
    assert.match(res.body.payment_time, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+05:30$/);
    for (const path of [
      `/pg/orders/${order.order_id}/payments/999`,
      `/pg/orders/${other.order_id}/payments/${pay.body.cf_payment_id}`,
    ]) {
      const missing = await h.call('GET', path);
      assert.equal(missing.status, 404);
      assert.equal(missing.body.code, 'payment_not_found');
    }
    assert.equal((await h.call('GET', '/pg/orders/nope/payments')).body.code, 'order_not_found');
  });
});
