import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { verifyWebhook } from 'cashfree-kit/webhooks';
import { startLoopbackServer } from '../../../../test/support/loopback-server.js';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../clock/time.js';
import type { SandboxAppInternals } from '../sandbox-app.js';
import { DEBIT_FAILING_VPA } from '../test-instruments/mandates.js';
import { type Harness, harness } from '../testing/harness.js';

const h = harness();
let counter = 0;

const monthlyPlan = (overrides: Record<string, unknown> = {}) => ({
  plan_name: 'Tea of the month',
  plan_type: 'PERIODIC',
  plan_amount: 499,
  plan_max_amount: 1000,
  plan_intervals: 1,
  plan_interval_type: 'MONTH',
  ...overrides,
});

const customer = {
  customer_name: 'Priya Patel',
  customer_email: 'priya@example.com',
  customer_phone: '9876543210',
};

async function createSubscription(hh: Harness, overrides: Record<string, unknown> = {}) {
  const res = await hh.call('POST', '/pg/subscriptions', {
    subscription_id: `sub_${++counter}`,
    customer_details: customer,
    plan_details: monthlyPlan(),
    ...overrides,
  });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body;
}

const authorise = (hh: Harness, id: string, body: Record<string, unknown> = {}) =>
  hh.call('POST', `/_sandbox/subscriptions/${id}/authorize`, body);

/** The fields of a subscription payment the tests read. */
interface Payment {
  payment_type: string;
  payment_status: string;
  payment_amount: number;
  payment_schedule_date: string;
  retry_attempts: number;
  failure_details: { failure_reason: string | null };
}

const paymentsOf = async (hh: Harness, id: string) =>
  (await hh.call('GET', `/pg/subscriptions/${id}/payments`)).body as Payment[];

const charges = async (hh: Harness, id: string) =>
  (await paymentsOf(hh, id)).filter((p) => p.payment_type === 'CHARGE');

const statusOf = async (hh: Harness, id: string) =>
  (await hh.call('GET', `/pg/subscriptions/${id}`)).body.subscription_status;

describe('plans', () => {
  test('a PERIODIC plan is created and fetched; its id is unique', async () => {
    const body = {
      plan_id: 'tea_monthly',
      plan_name: 'Tea monthly',
      plan_type: 'PERIODIC',
      plan_recurring_amount: 499,
      plan_max_amount: 999,
      plan_intervals: 1,
      plan_interval_type: 'MONTH',
      plan_max_cycles: 12,
    };
    const created = await h.call('POST', '/pg/plans', body);
    assert.equal(created.status, 200);
    assert.equal(created.body.plan_recurring_amount, 499);
    assert.equal(created.body.plan_status, 'ACTIVE');
    const got = await h.call('GET', '/pg/plans/tea_monthly');
    assert.deepEqual(got.body, created.body);
    const again = await h.call('POST', '/pg/plans', body);
    assert.equal(again.status, 400);
    assert.equal(again.body.code, 'plan_already_exists');
    assert.equal(again.body.type, 'invalid_request_error');
  });

  test('plan errors name the field', async () => {
    const missing = await h.call('POST', '/pg/plans', {
      plan_id: 'no_amount',
      plan_name: 'x',
      plan_type: 'PERIODIC',
      plan_max_amount: 10,
      plan_interval_type: 'MONTH',
    });
    assert.equal(missing.status, 400);
    assert.equal(missing.body.code, 'plan_recurring_amount_missing');
    const badId = await h.call('POST', '/pg/plans', {
      plan_id: 'has space',
      plan_name: 'x',
      plan_type: 'ON_DEMAND',
      plan_max_amount: 10,
    });
    assert.equal(badId.body.code, 'plan_id_invalid');
    const unknown = await h.call('GET', '/pg/plans/nope');
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.code, 'plan_not_found');
  });
});

describe('subscriptions', () => {
  test('create with an inline plan or a stored one: INITIALIZED with a session id', async () => {
    const sub = await createSubscription(h);
    assert.equal(sub.subscription_status, 'INITIALIZED');
    assert.match(sub.subscription_session_id, /^subs_session_/);
    assert.equal(sub.plan_details.plan_recurring_amount, 499);
    assert.equal(sub.authorization_details.authorization_status, 'INITIALIZED');
    await h.call('POST', '/pg/plans', {
      plan_id: 'od_plan',
      plan_name: 'On demand',
      plan_type: 'ON_DEMAND',
      plan_max_amount: 2000,
    });
    const onDemand = await createSubscription(h, { plan_details: { plan_id: 'od_plan' } });
    assert.equal(onDemand.plan_details.plan_type, 'ON_DEMAND');
    assert.equal(onDemand.plan_details.plan_max_amount, 2000);
    const dup = await h.call('POST', '/pg/subscriptions', {
      subscription_id: sub.subscription_id,
      customer_details: customer,
      plan_details: monthlyPlan(),
    });
    assert.equal(dup.status, 400);
    assert.equal(dup.body.code, 'subscription_already_exists');
    const noPlan = await h.call('POST', '/pg/subscriptions', {
      subscription_id: 'sub_noplan',
      customer_details: customer,
      plan_details: { plan_id: 'missing_plan' },
    });
    assert.equal(noPlan.status, 404);
    assert.equal(noPlan.body.code, 'plan_not_found');
    const noPhone = await h.call('POST', '/pg/subscriptions', {
      subscription_id: 'sub_nophone',
      customer_details: { customer_email: 'a@b.co' },
      plan_details: monthlyPlan(),
    });
    assert.equal(noPhone.body.code, 'customer_details.customer_phone_missing');
    assert.equal((await h.call('GET', '/pg/subscriptions/nope')).body.code, 'subscription_not_found');
  });

  test('AUTH by UPI: PENDING, approved a minute later, BANK_APPROVAL_PENDING, then ACTIVE', async () => {
    const sub = await createSubscription(h);
    const pay = (body: Record<string, unknown>) =>
      h.call('POST', '/pg/subscriptions/pay', {
        subscription_id: sub.subscription_id,
        payment_id: `auth_${sub.subscription_id}`,
        payment_type: 'AUTH',
        subscription_session_id: sub.subscription_session_id,
        payment_method: { upi: { channel: 'collect', upi_id: 'success@cashfree' } },
        ...body,
      });
    const wrongSession = await pay({ subscription_session_id: 'subs_session_wrong' });
    assert.equal(wrongSession.status, 400);
    assert.equal(wrongSession.body.code, 'subscription_session_id_invalid');
    const res = await pay({});
    assert.equal(res.status, 200);
    assert.equal(res.body.payment_type, 'AUTH');
    assert.equal(res.body.payment_status, 'PENDING');
    assert.equal(res.body.payment_amount, 1);
    assert.equal((await pay({})).body.code, 'subscription_payment_already_exists');
    await h.advance(MINUTE_MS);
    const pending = (await h.call('GET', `/pg/subscriptions/${sub.subscription_id}`)).body;
    assert.equal(pending.subscription_status, 'BANK_APPROVAL_PENDING');
    assert.match(pending.authorization_details.authorization_reference, /@upi$/);
    await h.advance(MINUTE_MS);
    const active = (await h.call('GET', `/pg/subscriptions/${sub.subscription_id}`)).body;
    assert.equal(active.subscription_status, 'ACTIVE');
    assert.equal(active.authorization_details.authorization_status, 'ACTIVE');
    assert.equal(active.authorisation_details.payment_method, 'upi');
  });

  test('AUTH on a method the subscription does not allow, or with a declined VPA', async () => {
    const sub = await createSubscription(h, { authorization_details: { payment_methods: ['enach'] } });
    const res = await h.call('POST', '/pg/subscriptions/pay', {
      subscription_id: sub.subscription_id,
      payment_id: 'auth_x',
      payment_type: 'AUTH',
      subscription_session_id: sub.subscription_session_id,
      payment_method: { upi: { channel: 'collect', upi_id: 'success@cashfree' } },
    });
    assert.equal(res.status, 400);
    assert.equal(res.body.code, 'payment_method_unsupported');
    const other = await createSubscription(h);
    const declined = await authorise(h, other.subscription_id, {
      payment_method: 'upi',
      reference: 'failure@cashfree',
    });
    assert.equal(declined.body.subscription_status, 'INITIALIZED');
    assert.equal(declined.body.authorization_details.authorization_status, 'FAILED');
  });

  test('a subscription never authorised EXPIRES at its expiry time', async () => {
    const sub = await createSubscription(h, { subscription_expiry_time: '2025-01-20T10:00:00+05:30' });
    await h.advance(6 * DAY_MS);
    assert.equal(await statusOf(h, sub.subscription_id), 'EXPIRED');
  });

  test('eligibility lists the methods the subscription allows', async () => {
    const sub = await createSubscription(h, { authorization_details: { payment_methods: ['upi', 'enach'] } });
    const res = await h.call('POST', '/pg/subscriptions/eligibility/payment_methods', {
      queries: { subscription_id: sub.subscription_id },
      filters: { payment_methods: ['enach', 'card'] },
    });
    assert.equal(res.status, 200);
    assert.deepEqual(
      res.body.type.map((m: { entity_value: string; eligibility: boolean }) => [
        m.entity_value,
        m.eligibility,
      ]),
      [
        ['enach', true],
        ['card', false],
      ],
    );
  });
});

describe('periodic charges on the sandbox clock', () => {
  test('create → authorise → three months: three charges SUCCESS, each announced and reported by signed webhooks', async (t) => {
    const hh = harness();
    const receiver = await startLoopbackServer(t, (_req, res) => {
      res.end('ok');
    });
    await hh.call('POST', '/_sandbox/webhooks/endpoints', { url: `${receiver.url}/hooks` });
    const sub = await createSubscription(hh);
    const authorised = await authorise(hh, sub.subscription_id, { payment_method: 'upi' });
    assert.equal(authorised.body.subscription_status, 'ACTIVE');
    await hh.advance(90 * DAY_MS + HOUR_MS);
    const list = await charges(hh, sub.subscription_id);
    assert.deepEqual(
      list.map((p) => [p.payment_status, p.payment_amount, p.payment_schedule_date]),
      [
        ['SUCCESS', 499, '2025-02-15T10:00:00+05:30'],
        ['SUCCESS', 499, '2025-03-15T10:00:00+05:30'],
        ['SUCCESS', 499, '2025-04-15T10:00:00+05:30'],
      ],
    );
    await (hh.sandbox as SandboxAppInternals).webhooks.whenIdle();
    const types: string[] = [];
    for (const request of receiver.requests) {
      const event = await verifyWebhook({
        rawBody: request.body,
        signature: request.headers['x-webhook-signature'] as string,
        timestamp: request.headers['x-webhook-timestamp'] as string,
        secret: hh.sandbox.secretKey,
      });
      types.push(event.type);
    }
    const count = (type: string) => types.filter((x) => x === type).length;
    assert.equal(count('SUBSCRIPTION_AUTH_STATUS'), 1);
    assert.equal(count('SUBSCRIPTION_STATUS_CHANGED'), 2); // BANK_APPROVAL_PENDING, ACTIVE
    assert.equal(count('SUBSCRIPTION_PAYMENT_NOTIFICATION_INITIATED'), 3);
    assert.equal(count('SUBSCRIPTION_PAYMENT_SUCCESS'), 3);
    // The pre-debit notification comes before its debit.
    assert.ok(
      types.indexOf('SUBSCRIPTION_PAYMENT_NOTIFICATION_INITIATED') <
        types.indexOf('SUBSCRIPTION_PAYMENT_SUCCESS'),
    );
    const success = JSON.parse(receiver.requests[types.indexOf('SUBSCRIPTION_PAYMENT_SUCCESS')]!.body);
    assert.equal(success.data.subscription_id, sub.subscription_id);
    assert.equal(success.data.payment_type, 'CHARGE');
    assert.match(
      receiver.requests[types.indexOf('SUBSCRIPTION_PAYMENT_SUCCESS')]!.body,
      /"payment_amount":499\.00/,
    );
  });

  test('a plan with plan_max_cycles COMPLETES after its last charge', async () => {
    const h = harness();
    const sub = await createSubscription(h, { plan_details: monthlyPlan({ plan_max_cycles: 2 }) });
    await authorise(h, sub.subscription_id, { payment_method: 'card' });
    await h.advance(100 * DAY_MS);
    assert.equal((await charges(h, sub.subscription_id)).length, 2);
    assert.equal(await statusOf(h, sub.subscription_id), 'COMPLETED');
  });

  test('a failed UPI debit is retried three times hourly, then FAILED, and the subscription goes ON_HOLD', async () => {
    const h = harness();
    const sub = await createSubscription(h);
    await authorise(h, sub.subscription_id, { payment_method: 'upi', reference: DEBIT_FAILING_VPA });
    await h.advance(31 * DAY_MS);
    const [charge] = await charges(h, sub.subscription_id);
    assert.equal(charge?.payment_status, 'PENDING');
    await h.advance(4 * HOUR_MS);
    const [failed] = await charges(h, sub.subscription_id);
    assert.equal(failed?.payment_status, 'FAILED');
    assert.equal(failed?.retry_attempts, 3);
    assert.match(String(failed?.failure_details.failure_reason), /insufficient funds/);
    assert.equal(await statusOf(h, sub.subscription_id), 'ON_HOLD');
    // ON_HOLD: no further cycles until it is activated.
    await h.advance(40 * DAY_MS);
    assert.equal((await charges(h, sub.subscription_id)).length, 1);
  });

  test('an e-NACH debit sits PENDING about a bank day and fails without retries', async () => {
    const h = harness();
    const sub = await createSubscription(h);
    await authorise(h, sub.subscription_id, { payment_method: 'enach', reference: '59108290701111' });
    await h.advance(31 * DAY_MS + 2 * HOUR_MS);
    assert.equal((await charges(h, sub.subscription_id))[0]?.payment_status, 'PENDING');
    await h.advance(DAY_MS);
    const [charge] = await charges(h, sub.subscription_id);
    assert.equal(charge?.payment_status, 'FAILED');
    assert.equal(charge?.retry_attempts, 0);
    assert.equal(await statusOf(h, sub.subscription_id), 'ON_HOLD');
  });

  test('pause stops the charges; ACTIVATE resumes them at next_scheduled_time', async () => {
    const h = harness();
    const sub = await createSubscription(h);
    await authorise(h, sub.subscription_id, { payment_method: 'card' });
    const paused = await h.call('POST', `/pg/subscriptions/${sub.subscription_id}/manage`, {
      subscription_id: sub.subscription_id,
      action: 'PAUSE',
    });
    assert.equal(paused.status, 200);
    assert.equal(paused.body.subscription_status, 'PAUSED');
    await h.advance(70 * DAY_MS);
    assert.equal((await charges(h, sub.subscription_id)).length, 0);
    const resumed = await h.call('POST', `/pg/subscriptions/${sub.subscription_id}/manage`, {
      subscription_id: sub.subscription_id,
      action: 'ACTIVATE',
      action_details: { next_scheduled_time: '2025-03-30T09:00:00+05:30' },
    });
    assert.equal(resumed.body.subscription_status, 'ACTIVE');
    await h.advance(5 * DAY_MS); // to 31 March
    const list = await charges(h, sub.subscription_id);
    assert.deepEqual(
      list.map((p) => [p.payment_status, p.payment_schedule_date]),
      [['SUCCESS', '2025-03-30T09:00:00+05:30']],
    );
  });

  test('cancel: CANCELLED, no charges after, and no action is taken on it again', async () => {
    const h = harness();
    const sub = await createSubscription(h);
    await authorise(h, sub.subscription_id, { payment_method: 'card' });
    const manage = (action: string) =>
      h.call('POST', `/pg/subscriptions/${sub.subscription_id}/manage`, {
        subscription_id: sub.subscription_id,
        action,
      });
    assert.equal((await manage('CANCEL')).body.subscription_status, 'CANCELLED');
    await h.advance(40 * DAY_MS);
    assert.equal((await charges(h, sub.subscription_id)).length, 0);
    const again = await manage('ACTIVATE');
    assert.equal(again.status, 400);
    assert.equal(again.body.code, 'action_details_missing');
    const past = await h.call('POST', `/pg/subscriptions/${sub.subscription_id}/manage`, {
      subscription_id: sub.subscription_id,
      action: 'ACTIVATE',
      action_details: { next_scheduled_time: '2025-01-01T10:00:00+05:30' },
    });
    assert.equal(past.body.code, 'subscription_action_invalid');
    const pause = await manage('PAUSE');
    assert.equal(pause.status, 400);
    assert.equal(pause.body.code, 'subscription_action_invalid');
    assert.match(pause.body.message, /already CANCELLED/);
  });
});

describe('charges on demand, payment manage, refunds, simulate', () => {
  async function onDemand(hh: Harness, method: 'upi' | 'enach' = 'upi') {
    const sub = await createSubscription(hh, {
      plan_details: { plan_name: 'Pay as you go', plan_type: 'ON_DEMAND', plan_max_amount: 500 },
    });
    await authorise(hh, sub.subscription_id, { payment_method: method });
    return sub;
  }
  const charge = (hh: Harness, subscriptionId: string, body: Record<string, unknown>) =>
    hh.call('POST', '/pg/subscriptions/pay', {
      subscription_id: subscriptionId,
      payment_type: 'CHARGE',
      payment_amount: 200,
      payment_schedule_date: '2025-01-17T10:00:00+05:30',
      ...body,
    });

  test('a CHARGE within the plan maximum and at least a day ahead for UPI; then refunded', async () => {
    const h = harness();
    const sub = await onDemand(h);
    const over = await charge(h, sub.subscription_id, { payment_id: 'c_over', payment_amount: 500.01 });
    assert.equal(over.status, 400);
    assert.equal(over.body.code, 'payment_amount_exceeds_plan');
    const soon = await charge(h, sub.subscription_id, {
      payment_id: 'c_soon',
      payment_schedule_date: '2025-01-15T23:00:00+05:30',
    });
    assert.equal(soon.body.code, 'payment_schedule_date_invalid');
    const ok = await charge(h, sub.subscription_id, { payment_id: 'c_ok' });
    assert.equal(ok.status, 200);
    assert.equal(ok.body.payment_status, 'INITIALIZED');
    await h.advance(3 * DAY_MS);
    const got = await h.call('GET', `/pg/subscriptions/${sub.subscription_id}/payments/c_ok`);
    assert.equal(got.body.payment_status, 'SUCCESS');
    const refund = (body: Record<string, unknown>) =>
      h.call('POST', `/pg/subscriptions/${sub.subscription_id}/refunds`, body);
    const r = await refund({ refund_id: 'r_1', refund_amount: 150, payment_id: 'c_ok' });
    assert.equal(r.status, 200);
    assert.equal(r.body.refund_status, 'INITIATED');
    const tooMuch = await refund({ refund_id: 'r_2', refund_amount: 50.01, payment_id: 'c_ok' });
    assert.equal(tooMuch.body.code, 'refund_amount_invalid');
    assert.equal(
      (await refund({ refund_id: 'r_1', refund_amount: 1, payment_id: 'c_ok' })).body.code,
      'subscription_refund_already_exists',
    );
    await h.advance(15 * MINUTE_MS);
    const done = await h.call('GET', `/pg/subscriptions/${sub.subscription_id}/refunds/r_1`);
    assert.equal(done.body.refund_status, 'SUCCESS');
    assert.equal(
      (await h.call('GET', `/pg/subscriptions/${sub.subscription_id}/refunds/r_9`)).body.code,
      'subscription_refund_not_found',
    );
    assert.equal(
      (await h.call('GET', `/pg/subscriptions/${sub.subscription_id}/payments/none`)).body.code,
      'subscription_payment_not_found',
    );
  });

  test('a charge needs an ACTIVE subscription', async () => {
    const h = harness();
    const sub = await createSubscription(h, {
      plan_details: { plan_name: 'x', plan_type: 'ON_DEMAND', plan_max_amount: 500 },
    });
    const res = await charge(h, sub.subscription_id, { payment_id: 'c_inactive' });
    assert.equal(res.status, 400);
    assert.equal(res.body.code, 'subscription_inactive');
  });

  test('payment manage: CANCEL a scheduled charge; RETRY a FAILED one', async () => {
    const h = harness();
    const sub = await onDemand(h, 'enach');
    await charge(h, sub.subscription_id, {
      payment_id: 'c_cancel',
      payment_schedule_date: '2025-01-25T10:00:00+05:30',
    });
    const manage = (paymentId: string, body: Record<string, unknown>) =>
      h.call('POST', `/pg/subscriptions/${sub.subscription_id}/payments/${paymentId}/manage`, {
        subscription_id: sub.subscription_id,
        payment_id: paymentId,
        ...body,
      });
    const cancelled = await manage('c_cancel', { action: 'CANCEL' });
    assert.equal(cancelled.status, 200);
    assert.equal(cancelled.body.payment_status, 'CANCELLED');
    const retryCancelled = await manage('c_cancel', {
      action: 'RETRY',
      action_details: { next_scheduled_time: '2025-01-26T10:00:00+05:30' },
    });
    assert.equal(retryCancelled.body.code, 'subscription_payment_action_invalid');

    await charge(h, sub.subscription_id, { payment_id: 'c_retry', payment_schedule_date: undefined });
    const sim = await h.call('POST', '/pg/simulate', {
      entity: 'SUBS_PAYMENTS',
      entity_id: 'c_retry',
      entity_simulation: { payment_status: 'FAILED', payment_error_code: 'INSUFFICIENT_FUNDS' },
    });
    assert.equal(sim.status, 200);
    assert.equal(sim.body.entity, 'SUBS_PAYMENTS');
    const failed = await h.call('GET', `/pg/subscriptions/${sub.subscription_id}/payments/c_retry`);
    assert.equal(failed.body.payment_status, 'FAILED');
    assert.equal(await statusOf(h, sub.subscription_id), 'ON_HOLD');
    const retried = await manage('c_retry', {
      action: 'RETRY',
      action_details: { next_scheduled_time: '2025-01-16T10:00:00+05:30' },
    });
    assert.equal(retried.body.payment_status, 'INITIALIZED');
    assert.equal(retried.body.retry_attempts, 1);
    await h.advance(3 * DAY_MS);
    assert.equal(
      (await h.call('GET', `/pg/subscriptions/${sub.subscription_id}/payments/c_retry`)).body.payment_status,
      'SUCCESS',
    );
    assert.equal(await statusOf(h, sub.subscription_id), 'ACTIVE');
  });
});

test('a 2023-08-01 endpoint receives SUBSCRIPTION_STATUS_CHANGE', async (t) => {
  const hh = harness();
  const receiver = await startLoopbackServer(t, (_req, res) => {
    res.end('ok');
  });
  await hh.call('POST', '/_sandbox/webhooks/endpoints', {
    url: `${receiver.url}/old`,
    version: '2023-08-01',
  });
  const sub = await createSubscription(hh);
  await authorise(hh, sub.subscription_id, { payment_method: 'card' });
  await (hh.sandbox as SandboxAppInternals).webhooks.whenIdle();
  const types = receiver.requests.map((r) => JSON.parse(r.body).type);
  assert.ok(types.includes('SUBSCRIPTION_STATUS_CHANGE'), types.join());
  assert.ok(!types.includes('SUBSCRIPTION_STATUS_CHANGED'));
});
