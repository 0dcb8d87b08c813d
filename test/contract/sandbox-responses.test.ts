/**
 * Response conformance of the sandbox: every operation it serves under /pg is driven through its
 * success path and its error paths (400 validation, 401, 404, 409, 422 idempotency, 429 with
 * Cashfree's rate limits on), and every response is validated against the schema the contract
 * declares for its status, plus the response headers the sandbox promises.
 */
import assert from 'node:assert/strict';
import { after, type TestContext, test } from 'node:test';
import { contractAvailable, requireContract } from './support/contract.js';
import { ResultRecorder } from './support/results.js';
import { type CallOptions, SandboxDriver, startContractSandbox } from './support/sandbox-driver.js';
import { ALL_TIME, DAY_MS, DECLINED_TEST_CARD, TEST_CARD, TEST_OTP } from './support/test-data.js';

const recorder = new ResultRecorder('sandbox-responses', ['flows', 'rate limits']);
after(() => {
  if (!contractAvailable()) recorder.skip('the OpenAPI contract is not available');
  recorder.write();
});

const customer = { customer_id: 'cust_fidelity', customer_phone: '9876543210' };
const order = (overrides: Record<string, unknown> = {}) => ({
  order_amount: 100,
  order_currency: 'INR',
  customer_details: customer,
  ...overrides,
});
const link = (linkId: string) => ({
  link_id: linkId,
  link_amount: 250,
  link_currency: 'INR',
  link_purpose: 'Fidelity invoice',
  customer_details: { customer_phone: '9876543210', customer_name: 'Asha Rao' },
});
const NO_SUCH = 'fidelity_does_not_exist';

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read field by field.
type Body = any;
/** A call and the response headers it must get back with these exact values. */
type StepOptions = CallOptions & { expectHeaders?: Record<string, string> };
type Step = (
  name: string,
  expected: number,
  method: string,
  path: string,
  options?: StepOptions,
) => Promise<Body>;

/** A step: one request, checked against the contract and the expected status, as its own subtest. */
function stepper(t: TestContext, driver: SandboxDriver): Step {
  return async (name, expected, method, path, options = {}) => {
    let body: Body;
    await t.test(`${method} ${path} → ${expected} ${name}`, async () => {
      const exchange = await driver.call(method, path, options);
      body = exchange.response.body;
      const issues = driver.check(exchange, expected, name, options.expectHeaders);
      assert.deepEqual(issues, [], `${method} ${path}:\n  - ${issues.join('\n  - ')}`);
    });
    return body;
  };
}

test('sandbox responses conform to the contract', async (t) => {
  if (!requireContract(t)) return;
  const sandbox = await startContractSandbox(t, after);
  if (!sandbox) return;
  const driver = new SandboxDriver(sandbox, recorder);
  const ids = { order: '', paid: '', session: '', payment: '', failedPayment: '', simulation: '' };

  await t.test('orders', async (t) => {
    const step = stepper(t, driver);
    const created = await step('create with the required fields', 200, 'POST', '/orders', { body: order() });
    ids.order = created?.order_id;
    ids.session = created?.payment_session_id;
    await step('create with every optional field', 200, 'POST', '/orders', {
      body: order({
        order_id: 'order_fidelity_full',
        order_amount: 499.99,
        customer_details: { ...customer, customer_email: 'asha@example.com', customer_name: 'Asha Rao' },
        order_meta: {
          return_url: 'https://shop.example.com/return?order_id={order_id}',
          notify_url: 'https://shop.example.com/webhooks/cashfree',
          payment_methods: 'cc,dc,upi',
        },
        order_expiry_time: new Date(Date.now() + 2 * DAY_MS).toISOString(),
        order_note: 'Two notebooks',
        order_tags: { channel: 'web' },
        cart_details: {
          cart_name: 'notebooks',
          cart_items: [{ item_id: 'sku_1', item_name: 'Notebook', item_quantity: 2 }],
        },
      }),
    });
    await step('duplicate order_id', 409, 'POST', '/orders', {
      body: order({ order_id: 'order_fidelity_full' }),
    });
    await step('missing customer_details', 400, 'POST', '/orders', {
      body: { order_amount: 100, order_currency: 'INR' },
    });
    await step('amount below 1', 400, 'POST', '/orders', { body: order({ order_amount: 0.5 }) });
    await step('body that is not JSON', 400, 'POST', '/orders', { rawBody: '{"order_amount":' });
    await step('wrong secret key', 401, 'POST', '/orders', {
      body: order(),
      auth: { id: sandbox.appId, secret: 'cfsk_ma_test_wrong' },
    });
    await step('unknown x-api-version', 400, 'POST', '/orders', { body: order(), version: '1999-01-01' });
    await step("cashfree-pg 6.0.6's x-api-version 2026-01-01", 200, 'POST', '/orders', {
      body: order(),
      version: '2026-01-01',
    });

    const key = '6f1c2a5e-7b0d-4c1e-9f3a-2d4b5c6e7f80';
    await step('first use of an idempotency key', 200, 'POST', '/orders', {
      body: order({ order_id: 'order_idem' }),
      idempotencyKey: key,
      expectHeaders: { 'x-idempotency-replayed': 'false' },
    });
    await step('replay of the same key and body', 200, 'POST', '/orders', {
      body: order({ order_id: 'order_idem' }),
      idempotencyKey: key,
      expectHeaders: { 'x-idempotency-replayed': 'true' },
    });
    await step('same key, different body', 422, 'POST', '/orders', {
      body: order({ order_id: 'order_idem_2' }),
      idempotencyKey: key,
    });

    await step('get', 200, 'GET', `/orders/${ids.order}`);
    await step('get an unknown order', 404, 'GET', `/orders/${NO_SUCH}`);
    await step('extended data', 200, 'GET', '/orders/order_fidelity_full/extended');
    await step('extended data of an unknown order', 404, 'GET', `/orders/${NO_SUCH}/extended`);

    const doomed = await step('create an order to terminate', 200, 'POST', '/orders', { body: order() });
    await step('terminate with a status other than TERMINATED', 400, 'PATCH', `/orders/${doomed?.order_id}`, {
      body: { order_status: 'PAID' },
    });
    await step('terminate', 200, 'PATCH', `/orders/${doomed?.order_id}`, {
      body: { order_status: 'TERMINATED' },
    });
    await step('terminate an unknown order', 404, 'PATCH', `/orders/${NO_SUCH}`, {
      body: { order_status: 'TERMINATED' },
    });
  });

  await t.test('order shipment and payment method eligibility', async (t) => {
    const step = stepper(t, driver);
    const shipment = {
      tracking_company: 'DHL',
      tracking_urls: ['https://dhl.com/track/123456'],
      tracking_numbers: ['TRACK123456'],
    };
    const extended = `/orders/${ids.order}/extended`;
    await step('update extended with shipment details', 200, 'PUT', extended, {
      body: { shipment_details: [shipment] },
    });
    await step('update extended with a delivery status alone', 200, 'PUT', extended, {
      body: { order_delivery_status: { status: 'CANCELLED', reason: 'wrong address' } },
    });
    await step('update extended with a status outside the enum', 400, 'PUT', extended, {
      body: { order_delivery_status: { status: 'ARRIVED' } },
    });
    await step('update extended with an empty body', 400, 'PUT', extended, { body: {} });
    await step('update extended of an unknown order', 404, 'PUT', `/orders/${NO_SUCH}/extended`, {
      body: { shipment_details: [shipment] },
    });
    const path = '/eligibility/payment_methods';
    await step('eligible methods for an amount', 200, 'POST', path, { body: { queries: { amount: 100 } } });
    await step('eligible card methods for an order', 200, 'POST', path, {
      body: {
        queries: { order_id: ids.order },
        filters: { payment_methods: ['debit_card', 'credit_card', 'prepaid_card', 'corporate_credit_card'] },
      },
    });
    await step('eligibility without queries', 400, 'POST', path, { body: { filters: {} } });
    await step('eligibility for an unknown order', 404, 'POST', path, {
      body: { queries: { order_id: NO_SUCH } },
    });
  });

  await t.test('order pay, payments and simulation', async (t) => {
    const step = stepper(t, driver);
    const paid = await step('create an order to pay', 200, 'POST', '/orders', {
      body: order({ order_amount: 500 }),
    });
    ids.paid = paid?.order_id;
    const attempt = await step('pay by card, post channel (OTP)', 200, 'POST', '/orders/sessions', {
      auth: false,
      body: { payment_session_id: paid?.payment_session_id, payment_method: TEST_CARD },
    });
    ids.payment = String(attempt?.cf_payment_id);
    await step('pay with an unknown session id', 400, 'POST', '/orders/sessions', {
      auth: false,
      body: { payment_session_id: 'session_fidelity_unknown', payment_method: TEST_CARD },
    });
    await step('pay without payment_method', 400, 'POST', '/orders/sessions', {
      auth: false,
      body: { payment_session_id: paid?.payment_session_id },
    });
    await step('wrong OTP', 200, 'POST', `/orders/pay/authenticate/${ids.payment}`, {
      auth: false,
      body: { otp: '000000', action: 'SUBMIT_OTP' },
    });
    await step('test OTP 111000', 200, 'POST', `/orders/pay/authenticate/${ids.payment}`, {
      auth: false,
      body: { otp: TEST_OTP, action: 'SUBMIT_OTP' },
    });
    await step('OTP for an unknown payment', 404, 'POST', '/orders/pay/authenticate/999999999', {
      auth: false,
      body: { otp: TEST_OTP, action: 'SUBMIT_OTP' },
    });

    const other = await step('create an order for other methods', 200, 'POST', '/orders', { body: order() });
    await step('pay by UPI collect', 200, 'POST', '/orders/sessions', {
      auth: false,
      body: {
        payment_session_id: other?.payment_session_id,
        payment_method: { upi: { channel: 'collect', upi_id: 'testsuccess@gocash' } },
      },
    });
    await step('pay by UPI intent', 200, 'POST', '/orders/sessions', {
      auth: false,
      body: { payment_session_id: other?.payment_session_id, payment_method: { upi: { channel: 'link' } } },
    });
    await step('pay by UPI QR code', 200, 'POST', '/orders/sessions', {
      auth: false,
      body: { payment_session_id: other?.payment_session_id, payment_method: { upi: { channel: 'qrcode' } } },
    });
    await step('pay by netbanking', 200, 'POST', '/orders/sessions', {
      auth: false,
      body: {
        payment_session_id: other?.payment_session_id,
        payment_method: { netbanking: { channel: 'link', netbanking_bank_code: 3333 } },
      },
    });
    await step('pay by wallet', 200, 'POST', '/orders/sessions', {
      auth: false,
      body: {
        payment_session_id: other?.payment_session_id,
        payment_method: { app: { channel: 'link', provider: 'phonepe', phone: '9876543210' } },
      },
    });
    const declined = await step('pay with the declined test card', 200, 'POST', '/orders/sessions', {
      auth: false,
      body: { payment_session_id: other?.payment_session_id, payment_method: DECLINED_TEST_CARD },
    });
    ids.failedPayment = String(declined?.cf_payment_id);
    await step('OTP on the declined card', 200, 'POST', `/orders/pay/authenticate/${ids.failedPayment}`, {
      auth: false,
      body: { otp: TEST_OTP, action: 'SUBMIT_OTP' },
    });

    await step('payments of a paid order', 200, 'GET', `/orders/${ids.paid}/payments`);
    await step(
      'payments of an order with several attempts',
      200,
      'GET',
      `/orders/${other?.order_id}/payments`,
    );
    await step('payments of an unknown order', 404, 'GET', `/orders/${NO_SUCH}/payments`);
    await step('a successful payment', 200, 'GET', `/orders/${ids.paid}/payments/${ids.payment}`);
    await step('a failed payment', 200, 'GET', `/orders/${other?.order_id}/payments/${ids.failedPayment}`);
    await step('an unknown payment', 404, 'GET', `/orders/${ids.paid}/payments/999999999`);
    await step('the paid order', 200, 'GET', `/orders/${ids.paid}`);

    const pending = await step('create an order to simulate', 200, 'POST', '/orders', { body: order() });
    const intent = await step('start a UPI intent payment to simulate', 200, 'POST', '/orders/sessions', {
      auth: false,
      body: { payment_session_id: pending?.payment_session_id, payment_method: { upi: { channel: 'link' } } },
    });
    const simulation = await step('simulate a failure with an error code', 200, 'POST', '/simulate', {
      body: {
        entity: 'PAYMENTS',
        entity_id: String(intent?.cf_payment_id),
        entity_simulation: { payment_status: 'FAILED', payment_error_code: 'ISSUER_NOT_AVAILABLE' },
      },
    });
    ids.simulation = simulation?.simulation_id;
    await step('simulate an unknown payment', 404, 'POST', '/simulate', {
      body: { entity: 'PAYMENTS', entity_id: '999999999', entity_simulation: { payment_status: 'SUCCESS' } },
    });
    await step('simulate with an unknown status', 400, 'POST', '/simulate', {
      body: {
        entity: 'PAYMENTS',
        entity_id: String(intent?.cf_payment_id),
        entity_simulation: { payment_status: 'MAYBE' },
      },
    });
    await step('fetch the simulation', 200, 'GET', `/simulate/${ids.simulation}`);
    await step('fetch an unknown simulation', 404, 'GET', `/simulate/sim_${NO_SUCH}`);
    await step(
      'the simulated failed payment',
      200,
      'GET',
      `/orders/${pending?.order_id}/payments/${intent?.cf_payment_id}`,
    );
  });

  await t.test('refunds', async (t) => {
    const step = stepper(t, driver);
    await step('refund part of a paid order', 200, 'POST', `/orders/${ids.paid}/refunds`, {
      body: { refund_id: 'refund_fidelity_1', refund_amount: 100, refund_note: 'Damaged in transit' },
    });
    await step('instant refund', 200, 'POST', `/orders/${ids.paid}/refunds`, {
      body: { refund_id: 'refund_fidelity_2', refund_amount: 50, refund_speed: 'INSTANT' },
    });
    await step('refund more than is left', 400, 'POST', `/orders/${ids.paid}/refunds`, {
      body: { refund_id: 'refund_fidelity_3', refund_amount: 10_000 },
    });
    await step('refund without refund_id', 400, 'POST', `/orders/${ids.paid}/refunds`, {
      body: { refund_amount: 1 },
    });
    await step('refund an unpaid order', 400, 'POST', `/orders/${ids.order}/refunds`, {
      body: { refund_id: 'refund_fidelity_4', refund_amount: 1 },
    });
    await step('refund an unknown order', 404, 'POST', `/orders/${NO_SUCH}/refunds`, {
      body: { refund_id: 'refund_fidelity_5', refund_amount: 1 },
    });
    await step('get a refund', 200, 'GET', `/orders/${ids.paid}/refunds/refund_fidelity_1`);
    await step('get an unknown refund', 404, 'GET', `/orders/${ids.paid}/refunds/${NO_SUCH}`);
    await step('list refunds', 200, 'GET', `/orders/${ids.paid}/refunds`);
    await step('list refunds of an order without any', 200, 'GET', `/orders/${ids.order}/refunds`);
    await step('list refunds of an unknown order', 404, 'GET', `/orders/${NO_SUCH}/refunds`);
  });

  await t.test('payment links', async (t) => {
    const step = stepper(t, driver);
    await step('create with the required fields', 200, 'POST', '/links', { body: link('link_fidelity_1') });
    await step('create with every optional field', 200, 'POST', '/links', {
      body: {
        ...link('link_fidelity_2'),
        link_partial_payments: true,
        link_minimum_partial_amount: 100,
        link_expiry_time: new Date(Date.now() + 5 * DAY_MS).toISOString(),
        link_notify: { send_sms: false, send_email: true },
        link_auto_reminders: true,
        link_notes: { invoice: '43' },
        link_meta: {
          notify_url: 'https://shop.example.com/webhooks/cashfree',
          return_url: 'https://shop.example.com/thanks',
          upi_intent: 'false',
        },
      },
    });
    await step('duplicate link_id', 409, 'POST', '/links', { body: link('link_fidelity_1') });
    await step('without link_purpose', 400, 'POST', '/links', {
      body: { ...link('link_fidelity_3'), link_purpose: undefined },
    });
    await step('get', 200, 'GET', '/links/link_fidelity_1');
    await step('get an unknown link', 404, 'GET', `/links/${NO_SUCH}`);
    await step('orders of a link (default PAID)', 200, 'GET', '/links/link_fidelity_1/orders');
    await step('orders of a link, status ALL', 200, 'GET', '/links/link_fidelity_1/orders', {
      query: { status: 'ALL' },
    });
    await step('orders of an unknown link', 404, 'GET', `/links/${NO_SUCH}/orders`);
    await step('cancel', 200, 'POST', '/links/link_fidelity_1/cancel');
    await step('cancel a cancelled link', 400, 'POST', '/links/link_fidelity_1/cancel');
    await step('cancel an unknown link', 404, 'POST', `/links/${NO_SUCH}/cancel`);
  });

  await t.test('settlements', async (t) => {
    const step = stepper(t, driver);
    await step('of an unpaid order', 404, 'GET', `/orders/${ids.order}/settlements`);
    await step('of a paid order before its settlement cycle', 200, 'GET', `/orders/${ids.paid}/settlements`);
    // The paid order settles in the next day's cycle (initiated at 09:00, transferred at 11:00 IST).
    sandbox.sandbox.advanceClock(2 * DAY_MS);
    await step('of a settled order', 200, 'GET', `/orders/${ids.paid}/settlements`);
    await step('of an unknown order', 404, 'GET', `/orders/${NO_SUCH}/settlements`);
    const range = ALL_TIME;
    const page = await step('all settlements, first page of 1', 200, 'POST', '/settlements', {
      body: { pagination: { limit: 1, cursor: null }, filters: range },
    });
    assert.ok(
      Array.isArray(page?.data) && page.data.length > 0,
      'the settlement cycle produced no settlement',
    );
    await step('settlements by id', 200, 'POST', '/settlements', {
      body: {
        pagination: { limit: 10 },
        filters: { cf_settlement_ids: [String(page?.data?.[0]?.cf_settlement_id)] },
      },
    });
    await step('settlements without filters', 400, 'POST', '/settlements', {
      body: { pagination: { limit: 10 } },
    });
    await step('recon, first page', 200, 'POST', '/settlement/recon', {
      body: { pagination: { limit: 10, cursor: null }, filters: range },
    });
    await step('recon with a limit above 1000', 400, 'POST', '/settlement/recon', {
      body: { pagination: { limit: 5000 }, filters: range },
    });
  });

  await t.test('subscriptions', async (t) => {
    const step = stepper(t, driver);
    const plan = {
      plan_id: 'plan_fidelity_monthly',
      plan_name: 'Fidelity monthly',
      plan_type: 'PERIODIC',
      plan_recurring_amount: 499,
      plan_max_amount: 999,
      plan_intervals: 1,
      plan_interval_type: 'MONTH',
      plan_max_cycles: 12,
      plan_note: 'Tea of the month',
    };
    await step('create a PERIODIC plan', 200, 'POST', '/plans', { body: plan });
    await step('create an ON_DEMAND plan', 200, 'POST', '/plans', {
      body: {
        plan_id: 'plan_fidelity_od',
        plan_name: 'On demand',
        plan_type: 'ON_DEMAND',
        plan_max_amount: 500,
      },
    });
    await step('duplicate plan_id', 400, 'POST', '/plans', { body: plan });
    await step('PERIODIC plan without its amount', 400, 'POST', '/plans', {
      body: { ...plan, plan_id: 'plan_fidelity_bad', plan_recurring_amount: undefined },
    });
    await step('get a plan', 200, 'GET', '/plans/plan_fidelity_monthly');
    await step('get an unknown plan', 404, 'GET', `/plans/${NO_SUCH}`);

    const subscriber = {
      customer_name: 'Asha Rao',
      customer_email: 'asha@example.com',
      customer_phone: '9876543210',
    };
    const periodic = await step('create with a stored plan', 200, 'POST', '/subscriptions', {
      body: {
        subscription_id: 'sub_fidelity_1',
        customer_details: subscriber,
        plan_details: { plan_id: 'plan_fidelity_monthly' },
        authorization_details: {
          authorization_amount: 1,
          authorization_amount_refund: true,
          payment_methods: ['upi', 'card'],
        },
        subscription_meta: { return_url: 'https://shop.example.com/subscribed' },
        subscription_note: 'Fidelity',
        subscription_tags: { box: 'assam' },
      },
    });
    await step('create with an inline ON_DEMAND plan', 200, 'POST', '/subscriptions', {
      body: {
        subscription_id: 'sub_fidelity_2',
        customer_details: subscriber,
        plan_details: { plan_name: 'Pay as you go', plan_type: 'ON_DEMAND', plan_max_amount: 500 },
        authorization_details: { payment_methods: ['enach'] },
      },
    });
    await step('duplicate subscription_id', 400, 'POST', '/subscriptions', {
      body: {
        subscription_id: 'sub_fidelity_1',
        customer_details: subscriber,
        plan_details: { plan_id: 'plan_fidelity_monthly' },
      },
    });
    await step('with an unknown plan', 404, 'POST', '/subscriptions', {
      body: {
        subscription_id: 'sub_fidelity_3',
        customer_details: subscriber,
        plan_details: { plan_id: NO_SUCH },
      },
    });
    await step('without customer_details', 400, 'POST', '/subscriptions', {
      body: { subscription_id: 'sub_fidelity_4', plan_details: { plan_id: 'plan_fidelity_monthly' } },
    });
    await step('get an INITIALIZED subscription', 200, 'GET', '/subscriptions/sub_fidelity_1');
    await step('get an unknown subscription', 404, 'GET', `/subscriptions/${NO_SUCH}`);
    await step('eligibility of a subscription', 200, 'POST', '/subscriptions/eligibility/payment_methods', {
      body: { queries: { subscription_id: 'sub_fidelity_1' } },
    });
    await step(
      'eligibility of an unknown subscription',
      404,
      'POST',
      '/subscriptions/eligibility/payment_methods',
      {
        body: { queries: { subscription_id: NO_SUCH } },
      },
    );
    const auth = {
      subscription_id: 'sub_fidelity_1',
      payment_id: 'auth_fidelity_1',
      payment_type: 'AUTH',
      subscription_session_id: periodic?.subscription_session_id,
      payment_method: { upi: { channel: 'collect', upi_id: 'success@cashfree' } },
    };
    await step('AUTH by UPI collect', 200, 'POST', '/subscriptions/pay', { body: auth });
    await step('AUTH with a payment_id already used', 400, 'POST', '/subscriptions/pay', { body: auth });
    await step('AUTH with another session id', 400, 'POST', '/subscriptions/pay', {
      body: { ...auth, payment_id: 'auth_fidelity_2', subscription_session_id: 'subs_session_wrong' },
    });
    const admin = (id: string, body: Record<string, unknown>) =>
      fetch(`${sandbox.url}/_sandbox/subscriptions/${id}/authorize`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    assert.equal((await admin('sub_fidelity_1', {})).status, 200);
    assert.equal((await admin('sub_fidelity_2', { payment_method: 'enach' })).status, 200);
    await step('get an ACTIVE subscription', 200, 'GET', '/subscriptions/sub_fidelity_1');
    await step('CHARGE above the plan maximum', 400, 'POST', '/subscriptions/pay', {
      body: {
        subscription_id: 'sub_fidelity_2',
        payment_id: 'charge_fidelity_0',
        payment_type: 'CHARGE',
        payment_amount: 501,
      },
    });
    await step('CHARGE an e-NACH mandate', 200, 'POST', '/subscriptions/pay', {
      body: {
        subscription_id: 'sub_fidelity_2',
        payment_id: 'charge_fidelity_1',
        payment_type: 'CHARGE',
        payment_amount: 200,
        payment_remarks: 'January',
      },
    });
    await step('CHARGE to cancel', 200, 'POST', '/subscriptions/pay', {
      body: {
        subscription_id: 'sub_fidelity_2',
        payment_id: 'charge_fidelity_2',
        payment_type: 'CHARGE',
        payment_amount: 100,
        payment_schedule_date: new Date(Date.now() + 5 * DAY_MS).toISOString(),
      },
    });
    const manage = '/subscriptions/sub_fidelity_2/payments/charge_fidelity_2/manage';
    await step('cancel a scheduled charge', 200, 'POST', manage, {
      body: { subscription_id: 'sub_fidelity_2', payment_id: 'charge_fidelity_2', action: 'CANCEL' },
    });
    await step('retry a charge that is not FAILED', 400, 'POST', manage, {
      body: {
        subscription_id: 'sub_fidelity_2',
        payment_id: 'charge_fidelity_2',
        action: 'RETRY',
        action_details: { next_scheduled_time: new Date(Date.now() + 6 * DAY_MS).toISOString() },
      },
    });
    await step(
      'manage an unknown payment',
      404,
      'POST',
      `/subscriptions/sub_fidelity_2/payments/${NO_SUCH}/manage`,
      {
        body: { subscription_id: 'sub_fidelity_2', payment_id: NO_SUCH, action: 'CANCEL' },
      },
    );
    // The e-NACH debit sits PENDING about a bank day.
    sandbox.sandbox.advanceClock(2 * DAY_MS);
    await step('payments of a subscription', 200, 'GET', '/subscriptions/sub_fidelity_2/payments');
    await step('a successful charge', 200, 'GET', '/subscriptions/sub_fidelity_2/payments/charge_fidelity_1');
    await step('the AUTH payment', 200, 'GET', '/subscriptions/sub_fidelity_1/payments/auth_fidelity_1');
    await step('an unknown payment', 404, 'GET', `/subscriptions/sub_fidelity_2/payments/${NO_SUCH}`);
    await step('payments of an unknown subscription', 404, 'GET', `/subscriptions/${NO_SUCH}/payments`);
    const refunds = '/subscriptions/sub_fidelity_2/refunds';
    await step('refund part of a charge', 200, 'POST', refunds, {
      body: {
        subscription_id: 'sub_fidelity_2',
        refund_id: 'srefund_fidelity_1',
        refund_amount: 50,
        payment_id: 'charge_fidelity_1',
        refund_note: 'Late box',
      },
    });
    await step('refund more than is left', 400, 'POST', refunds, {
      body: {
        subscription_id: 'sub_fidelity_2',
        refund_id: 'srefund_fidelity_2',
        refund_amount: 500,
        payment_id: 'charge_fidelity_1',
      },
    });
    await step('refund a cancelled charge', 400, 'POST', refunds, {
      body: {
        subscription_id: 'sub_fidelity_2',
        refund_id: 'srefund_fidelity_3',
        refund_amount: 1,
        payment_id: 'charge_fidelity_2',
      },
    });
    await step('get a refund', 200, 'GET', `${refunds}/srefund_fidelity_1`);
    await step('get an unknown refund', 404, 'GET', `${refunds}/${NO_SUCH}`);
    const manageSub = '/subscriptions/sub_fidelity_1/manage';
    await step('pause', 200, 'POST', manageSub, {
      body: { subscription_id: 'sub_fidelity_1', action: 'PAUSE' },
    });
    await step('pause a PAUSED subscription again', 200, 'POST', manageSub, {
      body: { subscription_id: 'sub_fidelity_1', action: 'PAUSE' },
    });
    await step('activate', 200, 'POST', manageSub, {
      body: {
        subscription_id: 'sub_fidelity_1',
        action: 'ACTIVATE',
        action_details: { next_scheduled_time: new Date(sandbox.sandbox.now() + 10 * DAY_MS).toISOString() },
      },
    });
    await step('change plan', 200, 'POST', manageSub, {
      body: {
        subscription_id: 'sub_fidelity_1',
        action: 'CHANGE_PLAN',
        action_details: { plan_id: 'plan_fidelity_od' },
      },
    });
    await step('cancel', 200, 'POST', manageSub, {
      body: { subscription_id: 'sub_fidelity_1', action: 'CANCEL' },
    });
    await step('activate a CANCELLED subscription', 400, 'POST', manageSub, {
      body: {
        subscription_id: 'sub_fidelity_1',
        action: 'ACTIVATE',
        action_details: { next_scheduled_time: new Date(sandbox.sandbox.now() + 10 * DAY_MS).toISOString() },
      },
    });
    await step('manage an unknown subscription', 404, 'POST', `/subscriptions/${NO_SUCH}/manage`, {
      body: { subscription_id: NO_SUCH, action: 'CANCEL' },
    });
  });

  await t.test('every operation: 401 without credentials, 400 without x-api-version', async (t) => {
    const step = stepper(t, driver);
    for (const route of servedRoutes(driver)) {
      const operation = driver.index.get(route.method, route.template);
      const path = route.template.replaceAll(/\{[^}]+\}/g, NO_SUCH);
      const body = operation.requestBody ? {} : undefined;
      if (operation.security.length > 0)
        await step('without credentials', 401, route.method, path, { auth: false, body });
      await step('without x-api-version', 400, route.method, path, { version: null, body });
    }
  });

  await t.test('coverage: every /pg route the sandbox serves is a contract operation reached above', () => {
    const routes = servedRoutes(driver);
    const notInContract = routes.filter((r) => !driver.index.has(r.method, r.template)).map((r) => r.key);
    assert.deepEqual(notInContract, [], 'sandbox routes under /pg that the contract does not have');
    const unreached = routes.filter((r) => !driver.reached.has(r.key)).map((r) => r.key);
    assert.deepEqual(unreached, [], 'sandbox routes no case exercised');
    recorder.notes.push(
      `The sandbox serves ${routes.length} operations under /pg; every one is in the contract and exercised here.`,
    );
  });
  recorder.finish('flows');
});

test('sandbox with Cashfree rate limits: 429 and x-ratelimit-* headers', async (t) => {
  if (!requireContract(t)) return;
  const sandbox = await startContractSandbox(t, after, { rateLimits: 'cashfree-sandbox' });
  if (!sandbox) return;
  const driver = new SandboxDriver(sandbox, recorder);
  // Settlements of an order allow 20 calls a minute in Cashfree's sandbox.
  let last = await driver.call('GET', `/orders/${NO_SUCH}/settlements`);
  for (let i = 1; i < 30 && last.response.status !== 429; i++) {
    last = await driver.call('GET', `/orders/${NO_SUCH}/settlements`);
  }
  const issues = driver.check(last, 429, 'rate limit of 20 a minute exceeded');
  assert.deepEqual(issues, []);
  assert.ok(
    Number(last.response.headers['x-ratelimit-retry']) >= 1,
    'x-ratelimit-retry must say how long to wait',
  );
  recorder.finish('rate limits');
});

/** The sandbox's routes under /pg as contract operations (`:param` → `{param}`). */
function servedRoutes(driver: SandboxDriver) {
  const seen = new Map<
    string,
    { method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'; template: string; key: string }
  >();
  for (const route of driver.sandbox.sandbox.app.routes) {
    if (!route.path.startsWith('/pg/') || route.method === 'ALL') continue;
    const template = route.path.slice(3).replaceAll(/:([A-Za-z_]+)/g, '{$1}');
    const method = route.method as 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
    seen.set(`${method} ${template}`, { method, template, key: `${method} ${template}` });
  }
  return [...seen.values()].sort((a, b) => a.key.localeCompare(b.key));
}
