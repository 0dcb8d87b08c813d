import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { HOUR_MS, MINUTE_MS } from '../clock/time.js';
import { harness } from '../testing/harness.js';

const h = harness();
const customer = { customer_id: 'cust_001', customer_phone: '9876543210' };
const base = { order_amount: 10.34, order_currency: 'INR', customer_details: customer };

describe('POST /pg/orders', () => {
  test('creates an ACTIVE order with a session id and the seed default expiry of one hour', async () => {
    const res = await h.call('POST', '/pg/orders', {
      ...base,
      order_id: 'order_create_1',
      order_note: 'March subscription',
    });
    assert.equal(res.status, 200);
    const o = res.body;
    assert.equal(o.order_id, 'order_create_1');
    assert.equal(o.entity, 'order');
    assert.equal(o.order_status, 'ACTIVE');
    assert.equal(o.order_amount, 10.34);
    assert.match(o.cf_order_id, /^\d+$/);
    assert.match(o.payment_session_id, /^session_/);
    assert.equal(o.created_at, '2025-01-15T10:00:00+05:30');
    assert.equal(o.order_expiry_time, '2025-01-15T11:00:00+05:30');
    assert.equal(o.order_note, 'March subscription');
    assert.deepEqual(o.customer_details, {
      customer_id: 'cust_001',
      customer_name: null,
      customer_email: null,
      customer_phone: '9876543210',
      customer_uid: null,
    });
    assert.deepEqual(o.order_meta, { return_url: null, notify_url: null, payment_methods: null });
  });

  test('generates an order_id when none is sent', async () => {
    const res = await h.call('POST', '/pg/orders', base);
    assert.equal(res.status, 200);
    assert.match(res.body.order_id, /^order_[A-Za-z0-9]+$/);
  });

  test('echoes order_meta, order_tags and an explicit expiry', async () => {
    const res = await h.call('POST', '/pg/orders', {
      ...base,
      order_id: 'order_meta_1',
      order_meta: {
        return_url: 'https://shop.example/return?order_id={order_id}',
        notify_url: 'https://shop.example/hook',
      },
      order_tags: { pincode: '560034' },
      order_expiry_time: '2025-01-16T10:00:00+05:30',
    });
    assert.equal(res.status, 200);
    assert.equal(res.body.order_meta.return_url, 'https://shop.example/return?order_id={order_id}');
    assert.deepEqual(res.body.order_tags, { pincode: '560034' });
    assert.equal(res.body.order_expiry_time, '2025-01-16T10:00:00+05:30');
  });

  test('a duplicate order_id is 409 order_already_exists', async () => {
    await h.createOrder({ order_id: 'order_dup' });
    const res = await h.call('POST', '/pg/orders', { ...base, order_id: 'order_dup' });
    assert.equal(res.status, 409);
    assert.deepEqual(res.body, {
      message: 'order with same id is already present',
      code: 'order_already_exists',
      type: 'invalid_request_error',
    });
  });

  test('validation errors use Cashfree wording: field path, reason, value received', async () => {
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [
        { ...base, customer_details: { customer_id: 'cust_001' } },
        'customer_details.customer_phone_missing',
        'customer_details.customer_phone : is missing in the request. Value received: ',
      ],
      [
        { ...base, order_currency: 'XYZ' },
        'order_currency_invalid',
        'order_currency : is not valid or not enabled. Value received: XYZ',
      ],
      [{ ...base, order_amount: -5 }, 'order_amount_invalid', 'order_amount : Invalid amount entered '],
      [{ ...base, order_amount: 10.345 }, 'order_amount_invalid', 'order_amount : Invalid amount entered '],
      [{ ...base, order_amount: 0.5 }, 'order_amount_invalid', 'order_amount : Invalid amount entered '],
      [
        { order_currency: 'INR', customer_details: customer },
        'order_amount_missing',
        'order_amount : is missing in the request. Value received: ',
      ],
      [
        { ...base, order_id: 'has space' },
        'order_id_invalid',
        "order_id : should contain only alphanumeric characters, '_' and '-'. Value received: has space",
      ],
      [
        { ...base, order_id: 'x'.repeat(46) },
        'order_id_invalid',
        `order_id : should be between 3 and 45 characters. Value received: ${'x'.repeat(46)}`,
      ],
      [
        { ...base, customer_details: { ...customer, customer_phone: '+919876543210' } },
        'customer_details.customer_phone_invalid',
        'customer_details.customer_phone : should be 10 digits, without a country code. Value received: +919876543210',
      ],
      [
        { ...base, customer_details: { ...customer, customer_email: 'nope' } },
        'customer_details.customer_email_invalid',
        'customer_details.customer_email : should be a valid email address. Value received: nope',
      ],
      [
        { ...base, order_meta: { notify_url: 'http://shop.example/hook' } },
        'order_meta.notify_url_invalid',
        'order_meta.notify_url : should be an https URL. Value received: http://shop.example/hook',
      ],
      [
        { ...base, customer_details: undefined },
        'customer_details_missing',
        'customer_details : is missing in the request. Value received: ',
      ],
    ];
    for (const [body, code, message] of cases) {
      const res = await h.call('POST', '/pg/orders', body);
      assert.equal(res.status, 400, code);
      assert.deepEqual(res.body, { message, code, type: 'invalid_request_error' });
    }
  });

  test('a loopback http notify_url is accepted for local webhook receivers', async () => {
    const res = await h.call('POST', '/pg/orders', {
      ...base,
      order_meta: { notify_url: 'http://127.0.0.1:3000/hook' },
    });
    assert.equal(res.status, 200);
  });

  test('an explicit expiry must be more than 15 minutes and less than 30 days away', async () => {
    const at = (ms: number) => new Date(Date.parse('2025-01-15T10:00:00+05:30') + ms).toISOString();
    const message = 'order_expiry_time : Expiry time should be more than 15 min and less than 30 days';
    for (const ms of [14 * MINUTE_MS, 15 * MINUTE_MS, 30 * 24 * HOUR_MS, -HOUR_MS]) {
      const res = await h.call('POST', '/pg/orders', { ...base, order_expiry_time: at(ms) });
      assert.equal(res.status, 400);
      assert.deepEqual(res.body, {
        message,
        code: 'order_expiry_time_invalid',
        type: 'invalid_request_error',
      });
    }
    for (const ms of [16 * MINUTE_MS, 29 * 24 * HOUR_MS]) {
      assert.equal((await h.call('POST', '/pg/orders', { ...base, order_expiry_time: at(ms) })).status, 200);
    }
    const bad = await h.call('POST', '/pg/orders', { ...base, order_expiry_time: '16/01/2025 10:00' });
    assert.equal(bad.body.code, 'order_expiry_time_invalid');
  });
});

describe('GET, PATCH and extended', () => {
  test('GET returns the order; an unknown order is 404 order_not_found', async () => {
    const created = await h.createOrder({ order_id: 'order_get_1' });
    const res = await h.call('GET', '/pg/orders/order_get_1');
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, created);
    const missing = await h.call('GET', '/pg/orders/no_such_order');
    assert.equal(missing.status, 404);
    assert.deepEqual(missing.body, {
      message: 'Order Reference Id does not exist',
      code: 'order_not_found',
      type: 'invalid_request_error',
    });
  });

  test('an order expires on the sandbox clock', async () => {
    await h.createOrder({ order_id: 'order_expiring' });
    await h.advance(HOUR_MS - 1);
    assert.equal((await h.call('GET', '/pg/orders/order_expiring')).body.order_status, 'ACTIVE');
    await h.advance(1);
    assert.equal((await h.call('GET', '/pg/orders/order_expiring')).body.order_status, 'EXPIRED');
  });

  test('PATCH terminates an active order; a paid order cannot be terminated', async () => {
    await h.createOrder({ order_id: 'order_term' });
    const res = await h.call('PATCH', '/pg/orders/order_term', { order_status: 'TERMINATED' });
    assert.equal(res.status, 200);
    assert.equal(res.body.order_status, 'TERMINATED');
    const bad = await h.call('PATCH', '/pg/orders/order_term', { order_status: 'PAID' });
    assert.equal(bad.body.code, 'order_status_invalid');
    const paid = await h.paidOrder();
    const refused = await h.call('PATCH', `/pg/orders/${paid.order_id}`, { order_status: 'TERMINATED' });
    assert.equal(refused.status, 400);
    assert.equal(refused.body.code, 'order_already_paid');
  });

  test('terminating with a payment in flight waits for it: TERMINATION_REQUESTED, then TERMINATED', async () => {
    const order = await h.createOrder();
    const pay = await h.pay(order.payment_session_id, {
      netbanking: { channel: 'link', netbanking_bank_code: 3333 },
    });
    const res = await h.call('PATCH', `/pg/orders/${order.order_id}`, { order_status: 'TERMINATED' });
    assert.equal(res.body.order_status, 'TERMINATION_REQUESTED');
    await h.call('POST', '/pg/simulate', {
      entity: 'PAYMENTS',
      entity_id: pay.body.cf_payment_id,
      entity_simulation: { payment_status: 'USER_DROPPED' },
    });
    assert.equal((await h.call('GET', `/pg/orders/${order.order_id}`)).body.order_status, 'TERMINATED');
  });

  test('GET extended returns customer, addresses and cart', async () => {
    await h.createOrder({
      order_id: 'order_ext',
      cart_details: {
        cart_name: 'cart',
        shipping_charge: 40,
        customer_shipping_address: {
          full_name: 'Priya',
          city: 'Bengaluru',
          pincode: '560034',
          country: 'India',
        },
        cart_items: [{ item_id: 'sku_1', item_name: 'Chai', item_quantity: 2 }],
      },
    });
    const res = await h.call('GET', '/pg/orders/order_ext/extended');
    assert.equal(res.status, 200);
    assert.equal(res.body.order_id, 'order_ext');
    assert.equal(res.body.charges.shipping_charges, 40);
    assert.equal(res.body.shipping_address.city, 'Bengaluru');
    assert.equal(res.body.cart.items[0].item_id, 'sku_1');
    assert.equal(res.body.customer_details.customer_phone, '9876543210');
  });
});
