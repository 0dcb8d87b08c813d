/**
 * Cashfree's official Node SDK (`cashfree-pg` 6.0.6) against the sandbox, unchanged but for its
 * base path and with error analytics off. Each call must hit the operation it is named after and
 * get back what Cashfree would return: a response valid against the contract for its status, with
 * the statuses of the flow right (ACTIVE → PAID, TERMINATED, CANCELLED, …). Errors come back as
 * the SDK's raw AxiosError, whose response must be a contract error body.
 */
import assert from 'node:assert/strict';
import { after, type TestContext, test } from 'node:test';
import type { Cashfree } from 'cashfree-pg';
import { checkResponse } from './support/conformance.js';
import { contractAvailable, loadContract, requireContract } from './support/contract.js';
import { officialSdk } from './support/official-sdk.js';
import { OperationIndex } from './support/operations.js';
import { ResultRecorder } from './support/results.js';
import { startContractSandbox } from './support/sandbox-driver.js';
import { ALL_TIME, DAY_MS, TEST_CARD, TEST_OTP } from './support/test-data.js';
import { contractValidator, type Issue } from './support/validator.js';

const recorder = new ResultRecorder('official-sdk', ['pg', 'subscriptions']);
after(() => {
  if (!contractAvailable()) recorder.skip('the OpenAPI contract is not available');
  recorder.write();
});

/** What an axios response or an AxiosError's response looks like, as far as this suite reads it. */
interface AxiosLikeResponse {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: response bodies are read field by field.
  data: any;
  headers: Record<string, unknown>;
  config: { url?: string; method?: string };
}

type Call = (cashfree: Cashfree) => Promise<AxiosLikeResponse>;

interface Expectation {
  /** The contract operation the call must reach, e.g. `POST /orders`. */
  operation: string;
  status: number;
  /** Checks on the body beyond the schema (statuses of the flow); each returns a problem or nothing. */
  check?: (data: AxiosLikeResponse['data']) => string | undefined;
}

/** Runs one official SDK call as a subtest; returns the response body. */
async function official(
  t: TestContext,
  cashfree: Cashfree,
  method: string,
  name: string,
  expect: Expectation,
  call: Call,
): Promise<AxiosLikeResponse['data']> {
  let data: AxiosLikeResponse['data'];
  await t.test(`${method} → ${expect.status} ${name}`, async () => {
    let response: AxiosLikeResponse;
    try {
      response = await call(cashfree);
    } catch (error) {
      // cashfree-pg rejects with the raw AxiosError; the Cashfree answer is on `response`.
      const answer = (error as { response?: AxiosLikeResponse }).response;
      if (!answer) throw error;
      response = answer;
    }
    data = response.data;
    const issues = judge(response, expect);
    recorder.record(expect.operation, `${method}: ${expect.status} ${name}`, issues);
    assert.deepEqual(
      issues,
      [],
      `${method}:\n  - ${issues.map((i) => `${i.where}: ${i.message}`).join('\n  - ')}`,
    );
  });
  return data;
}

let index: OperationIndex | undefined;

function judge(response: AxiosLikeResponse, expect: Expectation): Issue[] {
  index ??= new OperationIndex(loadContract());
  const issues: Issue[] = [];
  const url = new URL(response.config.url ?? '', 'http://invalid');
  const matched = index.match(response.config.method ?? '', url.pathname.replace(/^\/pg/, ''));
  if (matched?.operation.key !== expect.operation) {
    issues.push({
      where: 'operation',
      message: `expected ${expect.operation}, the SDK called ${response.config.method} ${url.pathname}`,
    });
    return issues;
  }
  if (response.status !== expect.status) {
    issues.push({
      where: 'status',
      message: `expected ${expect.status}, got ${response.status}: ${JSON.stringify(response.data).slice(0, 300)}`,
    });
  }
  const headers = Object.fromEntries(
    Object.entries(response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]),
  );
  issues.push(
    ...checkResponse(contractValidator(), matched.operation, {
      status: response.status,
      headers,
      body: response.data,
    }),
  );
  const problem = response.status === expect.status ? expect.check?.(response.data) : undefined;
  if (problem) issues.push({ where: 'body', message: problem });
  return issues;
}

/** A list body's entry whose `field` is `value`, or a problem naming what the list held. */
const listHas =
  (field: string, value: unknown, where: (entry: Record<string, unknown>) => boolean = () => true) =>
  (data: unknown) =>
    Array.isArray(data) && data.some((entry) => where(entry) && entry?.[field] === value)
      ? undefined
      : `expected an entry with ${field} ${String(value)}: ${JSON.stringify(data).slice(0, 300)}`;

const is = (field: string, expected: unknown) => (data: Record<string, unknown>) =>
  data?.[field] === expected
    ? undefined
    : `${field} should be ${String(expected)}, was ${String(data?.[field])}`;

test('cashfree-pg 6.0.6 against the sandbox', async (t) => {
  if (!requireContract(t)) return;
  const sandbox = await startContractSandbox(t, after);
  if (!sandbox) return;
  const cashfree = officialSdk(sandbox.appId, sandbox.secretKey, `${sandbox.url}/pg`);
  const run = (method: string, name: string, expect: Expectation, call: Call) =>
    official(t, cashfree, method, name, expect, call);
  const customer_details = {
    customer_id: 'cust_official',
    customer_phone: '9876543210',
    customer_name: 'Asha Rao',
  };

  // Orders
  const order = await run(
    'PGCreateOrder',
    'create an order',
    { operation: 'POST /orders', status: 200, check: is('order_status', 'ACTIVE') },
    (cf) =>
      cf.PGCreateOrder({
        order_id: 'order_official_1',
        order_amount: 500,
        order_currency: 'INR',
        customer_details,
        order_meta: { return_url: 'https://shop.example.com/return?order_id={order_id}' },
        order_note: 'Official SDK order',
        order_tags: { source: 'cashfree-pg' },
      }),
  );
  await run('PGCreateOrder', 'duplicate order_id', { operation: 'POST /orders', status: 409 }, (cf) =>
    cf.PGCreateOrder({
      order_id: 'order_official_1',
      order_amount: 500,
      order_currency: 'INR',
      customer_details,
    }),
  );
  await run(
    'PGFetchOrder',
    'fetch the order',
    { operation: 'GET /orders/{order_id}', status: 200, check: is('order_status', 'ACTIVE') },
    (cf) => cf.PGFetchOrder('order_official_1'),
  );
  await run(
    'PGFetchOrder',
    'fetch an unknown order',
    { operation: 'GET /orders/{order_id}', status: 404 },
    (cf) => cf.PGFetchOrder('order_official_unknown'),
  );
  await run(
    'PGFetchOrderExtendedData',
    'extended data',
    { operation: 'GET /orders/{order_id}/extended', status: 200 },
    (cf) => cf.PGFetchOrderExtendedData('order_official_1'),
  );

  // Order Pay, OTP, payments
  const attempt = await run(
    'PGPayOrder',
    'pay by card with the OTP in the API',
    { operation: 'POST /orders/sessions', status: 200, check: is('action', 'post') },
    (cf) =>
      cf.PGPayOrder({
        payment_session_id: order?.payment_session_id,
        payment_method: TEST_CARD,
      }),
  );
  const cfPaymentId = String(attempt?.cf_payment_id);
  await run(
    'PGOrderAuthenticatePayment',
    'submit test OTP 111000',
    {
      operation: 'POST /orders/pay/authenticate/{cf_payment_id}',
      status: 200,
      check: is('authenticate_status', 'SUCCESS'),
    },
    (cf) => cf.PGOrderAuthenticatePayment(cfPaymentId, { otp: TEST_OTP, action: 'SUBMIT_OTP' }),
  );
  await run(
    'PGFetchOrder',
    'the paid order',
    { operation: 'GET /orders/{order_id}', status: 200, check: is('order_status', 'PAID') },
    (cf) => cf.PGFetchOrder('order_official_1'),
  );
  await run(
    'PGOrderFetchPayments',
    'payments of the paid order',
    {
      operation: 'GET /orders/{order_id}/payments',
      status: 200,
      check: (data) =>
        data?.[0]?.payment_status === 'SUCCESS'
          ? undefined
          : `payment_status should be SUCCESS: ${JSON.stringify(data)}`,
    },
    (cf) => cf.PGOrderFetchPayments('order_official_1'),
  );
  await run(
    'PGOrderFetchPayment',
    'the successful payment',
    {
      operation: 'GET /orders/{order_id}/payments/{cf_payment_id}',
      status: 200,
      check: is('payment_status', 'SUCCESS'),
    },
    (cf) => cf.PGOrderFetchPayment('order_official_1', cfPaymentId),
  );

  // Shipment of the paid order, and which methods could pay another
  await run(
    'PGUpdateOrderExtendedData',
    'shipment and delivery status of the paid order',
    {
      operation: 'PUT /orders/{order_id}/extended',
      status: 200,
      check: (data) =>
        data?.order_delivery_status?.status === 'SHIPPED' &&
        data?.shipment_details?.[0]?.tracking_company === 'DHL'
          ? undefined
          : `expected the shipment sent back: ${JSON.stringify(data)}`,
    },
    (cf) =>
      cf.PGUpdateOrderExtendedData('order_official_1', {
        shipment_details: [
          {
            tracking_company: 'DHL',
            tracking_urls: ['https://dhl.com/track/123456'],
            tracking_numbers: ['TRACK123456'],
          },
        ],
        order_delivery_status: { status: 'SHIPPED', reason: 'shipped' },
      }),
  );
  await run(
    'PGUpdateOrderExtendedData',
    'shipment of an unknown order',
    { operation: 'PUT /orders/{order_id}/extended', status: 404 },
    (cf) =>
      cf.PGUpdateOrderExtendedData('order_official_unknown', {
        shipment_details: [
          { tracking_company: 'DHL', tracking_urls: ['https://dhl.com/t/1'], tracking_numbers: ['1'] },
        ],
      }),
  );
  await run(
    'PGEligibilityFetchPaymentMethods',
    'netbanking for an amount',
    {
      operation: 'POST /eligibility/payment_methods',
      status: 200,
      check: (data) =>
        data?.[0]?.entity_value === 'netbanking' && data[0].eligibility === true
          ? undefined
          : `expected eligible netbanking: ${JSON.stringify(data)}`,
    },
    (cf) =>
      cf.PGEligibilityFetchPaymentMethods({
        queries: { amount: 100 },
        filters: { payment_methods: ['netbanking'] },
      }),
  );
  await run(
    'PGEligibilityFetchPaymentMethods',
    'the paid order can pay with nothing more',
    {
      operation: 'POST /eligibility/payment_methods',
      status: 200,
      check: (data) =>
        Array.isArray(data) && data.length > 0 && data.every((m) => m.eligibility === false)
          ? undefined
          : `expected no eligible method: ${JSON.stringify(data)}`,
    },
    (cf) => cf.PGEligibilityFetchPaymentMethods({ queries: { order_id: 'order_official_1' } }),
  );

  // Simulation
  const pending = await run(
    'PGCreateOrder',
    'create an order to simulate',
    { operation: 'POST /orders', status: 200 },
    (cf) => cf.PGCreateOrder({ order_amount: 10, order_currency: 'INR', customer_details }),
  );
  const intent = await run(
    'PGPayOrder',
    'start a UPI intent payment',
    { operation: 'POST /orders/sessions', status: 200 },
    (cf) =>
      cf.PGPayOrder({
        payment_session_id: pending?.payment_session_id,
        payment_method: { upi: { channel: 'link' } },
      }),
  );
  const simulation = await run(
    'PGSimulatePayment',
    'simulate a failed payment',
    {
      operation: 'POST /simulate',
      status: 200,
      check: (data) =>
        data?.entity_simulation?.payment_status === 'FAILED'
          ? undefined
          : `entity_simulation should say FAILED: ${JSON.stringify(data)}`,
    },
    (cf) =>
      cf.PGSimulatePayment({
        entity: 'PAYMENTS',
        entity_id: String(intent?.cf_payment_id),
        entity_simulation: { payment_status: 'FAILED', payment_error_code: 'ISSUER_NOT_AVAILABLE' },
      }),
  );
  await run(
    'PGFetchSimulation',
    'fetch the simulation',
    { operation: 'GET /simulate/{simulation_id}', status: 200 },
    (cf) => cf.PGFetchSimulation(String(simulation?.simulation_id)),
  );
  await run(
    'PGOrderFetchPayment',
    'the simulated payment',
    {
      operation: 'GET /orders/{order_id}/payments/{cf_payment_id}',
      status: 200,
      check: is('payment_status', 'FAILED'),
    },
    (cf) => cf.PGOrderFetchPayment(String(pending?.order_id), String(intent?.cf_payment_id)),
  );

  // Terminate
  const doomed = await run(
    'PGCreateOrder',
    'create an order to terminate',
    { operation: 'POST /orders', status: 200 },
    (cf) => cf.PGCreateOrder({ order_amount: 10, order_currency: 'INR', customer_details }),
  );
  await run(
    'PGTerminateOrder',
    'terminate an active order',
    { operation: 'PATCH /orders/{order_id}', status: 200, check: is('order_status', 'TERMINATED') },
    (cf) => cf.PGTerminateOrder(String(doomed?.order_id), { order_status: 'TERMINATED' }),
  );

  // Refunds
  await run(
    'PGOrderCreateRefund',
    'refund part of the paid order',
    { operation: 'POST /orders/{order_id}/refunds', status: 200, check: is('refund_status', 'PENDING') },
    (cf) =>
      cf.PGOrderCreateRefund('order_official_1', {
        refund_id: 'refund_official_1',
        refund_amount: 100,
        refund_note: 'Official SDK refund',
      }),
  );
  await run(
    'PGOrderCreateRefund',
    'refund more than was paid',
    { operation: 'POST /orders/{order_id}/refunds', status: 400 },
    (cf) =>
      cf.PGOrderCreateRefund('order_official_1', { refund_id: 'refund_official_2', refund_amount: 10_000 }),
  );
  await run(
    'PGOrderFetchRefund',
    'fetch the refund',
    { operation: 'GET /orders/{order_id}/refunds/{refund_id}', status: 200 },
    (cf) => cf.PGOrderFetchRefund('order_official_1', 'refund_official_1'),
  );
  await run(
    'PGOrderFetchRefunds',
    'refunds of the order',
    {
      operation: 'GET /orders/{order_id}/refunds',
      status: 200,
      check: (data) =>
        Array.isArray(data) && data.length === 1 ? undefined : `expected one refund: ${JSON.stringify(data)}`,
    },
    (cf) => cf.PGOrderFetchRefunds('order_official_1'),
  );

  // Payment links
  await run(
    'PGCreateLink',
    'create a link',
    { operation: 'POST /links', status: 200, check: is('link_status', 'ACTIVE') },
    (cf) =>
      cf.PGCreateLink({
        link_id: 'link_official_1',
        link_amount: 250,
        link_currency: 'INR',
        link_purpose: 'Official SDK link',
        customer_details: { customer_phone: '9876543210', customer_name: 'Asha Rao' },
        link_notes: { invoice: '42' },
        link_notify: { send_sms: false, send_email: false },
        link_meta: { return_url: 'https://shop.example.com/thanks' },
      }),
  );
  await run(
    'PGFetchLink',
    'fetch the link',
    { operation: 'GET /links/{link_id}', status: 200, check: is('link_status', 'ACTIVE') },
    (cf) => cf.PGFetchLink('link_official_1'),
  );
  await run(
    'PGLinkFetchOrders',
    'orders of the link, status ALL',
    {
      operation: 'GET /links/{link_id}/orders',
      status: 200,
      check: (data) => (Array.isArray(data) ? undefined : 'expected an array'),
    },
    (cf) => cf.PGLinkFetchOrders('link_official_1', undefined, undefined, 'ALL'),
  );
  await run(
    'PGCancelLink',
    'cancel the link',
    { operation: 'POST /links/{link_id}/cancel', status: 200, check: is('link_status', 'CANCELLED') },
    (cf) => cf.PGCancelLink('link_official_1'),
  );
  await run(
    'PGCancelLink',
    'cancel it again',
    { operation: 'POST /links/{link_id}/cancel', status: 400 },
    (cf) => cf.PGCancelLink('link_official_1'),
  );
  await run(
    'PGFetchLink',
    'fetch an unknown link',
    { operation: 'GET /links/{link_id}', status: 404 },
    (cf) => cf.PGFetchLink('link_official_unknown'),
  );

  // Settlements: the paid order settles in the next day's cycle.
  sandbox.sandbox.advanceClock(2 * DAY_MS);
  await run(
    'PGOrderFetchSettlement',
    'settlement of the paid order',
    {
      operation: 'GET /orders/{order_id}/settlements',
      status: 200,
      check: is('order_id', 'order_official_1'),
    },
    (cf) => cf.PGOrderFetchSettlement('order_official_1'),
  );
  const range = ALL_TIME;
  await run(
    'PGFetchSettlements',
    'all settlements',
    {
      operation: 'POST /settlements',
      status: 200,
      check: (data) =>
        data?.data?.[0]?.status === 'SUCCESS'
          ? undefined
          : `expected a SUCCESS settlement: ${JSON.stringify(data)}`,
    },
    (cf) => cf.PGFetchSettlements({ pagination: { limit: 10 }, filters: range }),
  );
  await run(
    'PGSettlementFetchRecon',
    'settlement reconciliation',
    {
      operation: 'POST /settlement/recon',
      status: 200,
      check: (data) =>
        Array.isArray(data?.data) && data.data.length > 0
          ? undefined
          : `expected recon entries: ${JSON.stringify(data)}`,
    },
    (cf) => cf.PGSettlementFetchRecon({ pagination: { limit: 10 }, filters: range }),
  );
  recorder.finish('pg');
});

/**
 * The subscription methods (`Subs*`, `SubscriptionEligibility`): a monthly plan and an on-demand
 * one, a UPI mandate the customer authorises (the sandbox's admin call standing in for the UPI
 * app), a month on the sandbox clock that charges the periodic plan by itself, an on-demand e-NACH
 * charge, its refund, and pause, resume and cancel.
 */
test('cashfree-pg 6.0.6 subscriptions against the sandbox', async (t) => {
  if (!requireContract(t)) return;
  const sandbox = await startContractSandbox(t, after);
  if (!sandbox) return;
  const cashfree = officialSdk(sandbox.appId, sandbox.secretKey, `${sandbox.url}/pg`);
  const run = (method: string, name: string, expect: Expectation, call: Call) =>
    official(t, cashfree, method, name, expect, call);
  const at = (days: number) => new Date(sandbox.sandbox.now() + days * DAY_MS).toISOString();
  const customer_details = {
    customer_name: 'Asha Rao',
    customer_email: 'asha@example.com',
    customer_phone: '9876543210',
  };

  // Plans
  const monthly = {
    plan_id: 'plan_official_monthly',
    plan_name: 'Tea of the month',
    plan_type: 'PERIODIC',
    plan_currency: 'INR',
    plan_recurring_amount: 499,
    plan_max_amount: 999,
    plan_max_cycles: 12,
    plan_intervals: 1,
    plan_interval_type: 'MONTH',
    plan_note: 'Official SDK plan',
  };
  await run(
    'SubsCreatePlan',
    'a PERIODIC plan',
    { operation: 'POST /plans', status: 200, check: is('plan_status', 'ACTIVE') },
    (cf) => cf.SubsCreatePlan(monthly),
  );
  await run(
    'SubsCreatePlan',
    'an ON_DEMAND plan',
    { operation: 'POST /plans', status: 200, check: is('plan_type', 'ON_DEMAND') },
    (cf) =>
      cf.SubsCreatePlan({
        plan_id: 'plan_official_od',
        plan_name: 'Top-ups',
        plan_type: 'ON_DEMAND',
        plan_max_amount: 500,
      }),
  );
  await run('SubsCreatePlan', 'duplicate plan_id', { operation: 'POST /plans', status: 400 }, (cf) =>
    cf.SubsCreatePlan(monthly),
  );
  await run(
    'SubsFetchPlan',
    'fetch the plan',
    { operation: 'GET /plans/{plan_id}', status: 200, check: is('plan_recurring_amount', 499) },
    (cf) => cf.SubsFetchPlan('plan_official_monthly'),
  );
  await run('SubsFetchPlan', 'an unknown plan', { operation: 'GET /plans/{plan_id}', status: 404 }, (cf) =>
    cf.SubsFetchPlan('plan_official_unknown'),
  );

  // Subscriptions
  const created = await run(
    'SubsCreateSubscription',
    'with the stored plan, UPI or card',
    { operation: 'POST /subscriptions', status: 200, check: is('subscription_status', 'INITIALIZED') },
    (cf) =>
      cf.SubsCreateSubscription({
        subscription_id: 'sub_official_1',
        customer_details,
        plan_details: { plan_id: 'plan_official_monthly' },
        authorization_details: {
          authorization_amount: 1,
          authorization_amount_refund: true,
          payment_methods: ['upi', 'card'],
        },
        subscription_meta: { return_url: 'https://shop.example.com/subscribed' },
        subscription_expiry_time: at(400),
        subscription_tags: { box: 'assam' },
      }),
  );
  await run(
    'SubsCreateSubscription',
    'with an inline ON_DEMAND plan, e-NACH',
    { operation: 'POST /subscriptions', status: 200, check: is('subscription_status', 'INITIALIZED') },
    (cf) =>
      cf.SubsCreateSubscription({
        subscription_id: 'sub_official_2',
        customer_details,
        plan_details: { plan_name: 'Pay as you go', plan_type: 'ON_DEMAND', plan_max_amount: 500 },
        authorization_details: { payment_methods: ['enach'] },
      }),
  );
  await run(
    'SubsCreateSubscription',
    'with an unknown plan',
    { operation: 'POST /subscriptions', status: 404 },
    (cf) =>
      cf.SubsCreateSubscription({
        subscription_id: 'sub_official_3',
        customer_details,
        plan_details: { plan_id: 'plan_official_unknown' },
      }),
  );
  await run(
    'SubsFetchSubscription',
    'fetch the INITIALIZED subscription',
    {
      operation: 'GET /subscriptions/{subscription_id}',
      status: 200,
      check: is('subscription_status', 'INITIALIZED'),
    },
    (cf) => cf.SubsFetchSubscription('sub_official_1'),
  );
  await run(
    'SubsFetchSubscription',
    'an unknown subscription',
    { operation: 'GET /subscriptions/{subscription_id}', status: 404 },
    (cf) => cf.SubsFetchSubscription('sub_official_unknown'),
  );
  await run(
    'SubscriptionEligibility',
    'methods the subscription allows',
    {
      operation: 'POST /subscriptions/eligibility/payment_methods',
      status: 200,
      check: (data) =>
        Array.isArray(data?.type) && data.type.length > 0
          ? undefined
          : `expected eligible methods: ${JSON.stringify(data)}`,
    },
    (cf) => cf.SubscriptionEligibility({ queries: { subscription_id: 'sub_official_1' } }),
  );
  await run(
    'SubscriptionEligibility',
    'an unknown subscription',
    { operation: 'POST /subscriptions/eligibility/payment_methods', status: 404 },
    (cf) => cf.SubscriptionEligibility({ queries: { subscription_id: 'sub_official_unknown' } }),
  );

  // The mandate: AUTH by UPI collect, then the customer approves it.
  await run(
    'SubsCreatePayment',
    'AUTH by UPI collect',
    { operation: 'POST /subscriptions/pay', status: 200, check: is('payment_type', 'AUTH') },
    (cf) =>
      cf.SubsCreatePayment({
        subscription_id: 'sub_official_1',
        subscription_session_id: String(created?.subscription_session_id),
        payment_id: 'auth_official_1',
        payment_type: 'AUTH',
        payment_method: { upi: { channel: 'collect', upi_id: 'success@cashfree' } },
      }),
  );
  await run(
    'SubsCreatePayment',
    'AUTH with another session id',
    { operation: 'POST /subscriptions/pay', status: 400 },
    (cf) =>
      cf.SubsCreatePayment({
        subscription_id: 'sub_official_1',
        subscription_session_id: 'subs_session_wrong',
        payment_id: 'auth_official_2',
        payment_type: 'AUTH',
        payment_method: { upi: { channel: 'collect', upi_id: 'success@cashfree' } },
      }),
  );
  for (const [id, body] of [
    ['sub_official_1', {}],
    ['sub_official_2', { payment_method: 'enach' }],
  ] as const) {
    const answer: Response = await fetch(`${sandbox.url}/_sandbox/subscriptions/${id}/authorize`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    assert.equal(answer.status, 200, `authorising ${id}: ${await answer.text()}`);
  }
  await run(
    'SubsFetchSubscription',
    'the authorised subscription',
    {
      operation: 'GET /subscriptions/{subscription_id}',
      status: 200,
      check: is('subscription_status', 'ACTIVE'),
    },
    (cf) => cf.SubsFetchSubscription('sub_official_1'),
  );

  // A month on the sandbox clock: the periodic plan charges itself.
  sandbox.sandbox.advanceClock(32 * DAY_MS);
  await run(
    'SubsFetchSubscriptionPayments',
    'the first monthly charge, made by the schedule',
    {
      operation: 'GET /subscriptions/{subscription_id}/payments',
      status: 200,
      check: listHas('payment_status', 'SUCCESS', (p) => p['payment_type'] === 'CHARGE'),
    },
    (cf) => cf.SubsFetchSubscriptionPayments('sub_official_1'),
  );

  // Charges on demand
  await run(
    'SubsCreatePayment',
    'CHARGE above the plan maximum',
    { operation: 'POST /subscriptions/pay', status: 400 },
    (cf) =>
      cf.SubsCreatePayment({
        subscription_id: 'sub_official_2',
        payment_id: 'charge_official_0',
        payment_type: 'CHARGE',
        payment_amount: 501,
      }),
  );
  await run(
    'SubsCreatePayment',
    'CHARGE the e-NACH mandate',
    { operation: 'POST /subscriptions/pay', status: 200, check: is('payment_type', 'CHARGE') },
    (cf) =>
      cf.SubsCreatePayment({
        subscription_id: 'sub_official_2',
        payment_id: 'charge_official_1',
        payment_type: 'CHARGE',
        payment_amount: 200,
        payment_remarks: 'January',
      }),
  );
  await run(
    'SubsCreatePayment',
    'CHARGE scheduled in five days',
    { operation: 'POST /subscriptions/pay', status: 200 },
    (cf) =>
      cf.SubsCreatePayment({
        subscription_id: 'sub_official_2',
        payment_id: 'charge_official_2',
        payment_type: 'CHARGE',
        payment_amount: 100,
        payment_schedule_date: at(5),
      }),
  );
  const manage = { subscription_id: 'sub_official_2', payment_id: 'charge_official_2' };
  await run(
    'SubsManageSubscriptionPayment',
    'cancel the scheduled charge',
    {
      operation: 'POST /subscriptions/{subscription_id}/payments/{payment_id}/manage',
      status: 200,
      check: is('payment_status', 'CANCELLED'),
    },
    (cf) =>
      cf.SubsManageSubscriptionPayment('sub_official_2', 'charge_official_2', {
        ...manage,
        action: 'CANCEL',
      }),
  );
  await run(
    'SubsManageSubscriptionPayment',
    'retry a charge that did not fail',
    { operation: 'POST /subscriptions/{subscription_id}/payments/{payment_id}/manage', status: 400 },
    (cf) =>
      cf.SubsManageSubscriptionPayment('sub_official_2', 'charge_official_2', {
        ...manage,
        action: 'RETRY',
        action_details: { next_scheduled_time: at(6) },
      }),
  );
  // The e-NACH debit sits PENDING about a bank day.
  sandbox.sandbox.advanceClock(2 * DAY_MS);
  await run(
    'SubsFetchSubscriptionPayment',
    'the e-NACH charge after a bank day',
    {
      operation: 'GET /subscriptions/{subscription_id}/payments/{payment_id}',
      status: 200,
      check: is('payment_status', 'SUCCESS'),
    },
    (cf) => cf.SubsFetchSubscriptionPayment('sub_official_2', 'charge_official_1'),
  );
  await run(
    'SubsFetchSubscriptionPayment',
    'an unknown payment',
    { operation: 'GET /subscriptions/{subscription_id}/payments/{payment_id}', status: 404 },
    (cf) => cf.SubsFetchSubscriptionPayment('sub_official_2', 'charge_official_unknown'),
  );
  await run(
    'SubsFetchSubscriptionPayments',
    'payments of an unknown subscription',
    { operation: 'GET /subscriptions/{subscription_id}/payments', status: 404 },
    (cf) => cf.SubsFetchSubscriptionPayments('sub_official_unknown'),
  );

  // Refunds
  const refund = { subscription_id: 'sub_official_2', payment_id: 'charge_official_1' };
  await run(
    'SubsCreateRefund',
    'refund part of the charge',
    { operation: 'POST /subscriptions/{subscription_id}/refunds', status: 200 },
    (cf) =>
      cf.SubsCreateRefund('sub_official_2', {
        ...refund,
        refund_id: 'srefund_official_1',
        refund_amount: 50,
        refund_note: 'Late box',
      }),
  );
  await run(
    'SubsCreateRefund',
    'refund more than is left',
    { operation: 'POST /subscriptions/{subscription_id}/refunds', status: 400 },
    (cf) =>
      cf.SubsCreateRefund('sub_official_2', {
        ...refund,
        refund_id: 'srefund_official_2',
        refund_amount: 500,
      }),
  );
  await run(
    'SubsFetchSubscriptionRefund',
    'fetch the refund',
    {
      operation: 'GET /subscriptions/{subscription_id}/refunds/{refund_id}',
      status: 200,
      check: is('refund_amount', 50),
    },
    (cf) => cf.SubsFetchSubscriptionRefund('sub_official_2', 'srefund_official_1'),
  );
  await run(
    'SubsFetchSubscriptionRefund',
    'an unknown refund',
    { operation: 'GET /subscriptions/{subscription_id}/refunds/{refund_id}', status: 404 },
    (cf) => cf.SubsFetchSubscriptionRefund('sub_official_2', 'srefund_official_unknown'),
  );

  // Pause, resume, change plan, cancel
  const manageSub = (action: string, action_details?: Record<string, string>) => (cf: Cashfree) =>
    cf.SubsManageSubscription('sub_official_1', {
      subscription_id: 'sub_official_1',
      action,
      ...(action_details ? { action_details } : {}),
    });
  const subscriptionManage = 'POST /subscriptions/{subscription_id}/manage';
  await run(
    'SubsManageSubscription',
    'pause',
    { operation: subscriptionManage, status: 200, check: is('subscription_status', 'PAUSED') },
    manageSub('PAUSE'),
  );
  await run(
    'SubsManageSubscription',
    'resume',
    { operation: subscriptionManage, status: 200, check: is('subscription_status', 'ACTIVE') },
    manageSub('ACTIVATE', { next_scheduled_time: at(10) }),
  );
  await run(
    'SubsManageSubscription',
    'change to the on-demand plan',
    {
      operation: subscriptionManage,
      status: 200,
      check: (data) =>
        data?.plan_details?.plan_id === 'plan_official_od'
          ? undefined
          : `plan_details.plan_id should be plan_official_od: ${JSON.stringify(data?.plan_details)}`,
    },
    manageSub('CHANGE_PLAN', { plan_id: 'plan_official_od' }),
  );
  await run(
    'SubsManageSubscription',
    'cancel',
    { operation: subscriptionManage, status: 200, check: is('subscription_status', 'CANCELLED') },
    manageSub('CANCEL'),
  );
  await run(
    'SubsManageSubscription',
    'resume a cancelled subscription',
    { operation: subscriptionManage, status: 400 },
    manageSub('ACTIVATE', { next_scheduled_time: at(10) }),
  );
  recorder.finish('subscriptions');
});
