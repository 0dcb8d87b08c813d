/**
 * `cashfree plans …` and `cashfree subscriptions …` through the real binary: a plan and a
 * subscription on a local sandbox, its mandate authorised, the sandbox clock moved a month to see
 * the periodic charge, pause and resume, a charge on demand, a refund, cancel. Bad input is
 * refused naming the field before anything reaches the API, counted by a server that records
 * every request.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { RunningSandbox } from '@cashfree-kit/sandbox';
import { startLoopbackServer } from '../../../test/support/loopback-server.ts';
import { closedPort, runCli, SECRET_KEY, sandboxEnv, startTestSandbox } from './support.ts';

type Json = Record<string, unknown>;

const DAY_MS = 24 * 60 * 60_000;

async function admin<T = Json>(sandbox: RunningSandbox, method: string, path: string, body?: unknown) {
  const response = await fetch(`${sandbox.url}/_sandbox${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  assert.ok(response.ok, `${method} ${path}: ${response.status}`);
  return (await response.json()) as T;
}

const advanceDays = (sandbox: RunningSandbox, days: number) =>
  admin(sandbox, 'POST', '/clock/advance', { ms: days * DAY_MS });

/** Runs `cashfree <args>` expecting success; its JSON answer. */
async function ok<T = Json>(args: string[], env: Record<string, string>): Promise<T> {
  const result = await runCli([...args, '--json'], { env });
  assert.equal(result.code, 0, `cashfree ${args.join(' ')}: ${result.stderr}`);
  assert.ok(!`${result.stdout}${result.stderr}`.includes(SECRET_KEY), 'the secret key never appears');
  return result.json<T>();
}

const CUSTOMER = ['--phone', '9876543210', '--email', 'priya@example.com', '--name', 'Priya Patel'];

describe('cashfree plans and subscriptions against a local sandbox', () => {
  test('plans create / get, money grouped the Indian way', async (t) => {
    const sandbox = await startTestSandbox(t);
    const env = sandboxEnv(sandbox);
    const created = await runCli(
      [
        'plans',
        'create',
        '--plan-id',
        'tea_yearly',
        '--name',
        'Tea of the year',
        '--type',
        'periodic',
        '--amount',
        '5988',
        '--interval',
        'year',
        '--max-cycles',
        '3',
        '--no-json',
      ],
      { env },
    );
    assert.equal(created.code, 0, created.stderr);
    assert.match(created.stdout, /^plan_max_amount\s+₹5,988\.00$/m);
    assert.match(created.stdout, /^terms\s+₹5,988\.00 every 1 YEAR, 3 cycles$/m);
    const plan = await ok(['plans', 'get', 'tea_yearly'], env);
    assert.equal(plan['plan_type'], 'PERIODIC');
    assert.equal(plan['plan_recurring_amount'], 5988);
    assert.equal(plan['plan_max_amount'], 5988, 'a periodic plan’s maximum defaults to its amount');
    assert.equal(plan['plan_intervals'], 1);
    assert.equal(plan['plan_max_cycles'], 3);

    const onDemand = await ok<Json>(
      [
        'plans',
        'create',
        '--plan-id',
        'top_ups',
        '--name',
        'Top-ups',
        '--type',
        'on-demand',
        '--max-amount',
        '125000',
      ],
      env,
    );
    assert.equal(onDemand['plan_type'], 'ON_DEMAND');
    const shown = await runCli(['plans', 'get', 'top_ups', '--no-json'], { env });
    assert.match(shown.stdout, /^terms\s+on demand, up to ₹1,25,000\.00 a charge$/m);
  });

  test('create, authorise, a month of charges, pause, resume, charge on demand, refund, cancel', async (t) => {
    const sandbox = await startTestSandbox(t);
    const env = sandboxEnv(sandbox);
    await ok(
      [
        'plans',
        'create',
        '--plan-id',
        'tea_monthly',
        '--name',
        'Tea of the month',
        '--type',
        'PERIODIC',
        '--amount',
        '499',
        '--max-amount',
        '2000',
        '--interval',
        'MONTH',
      ],
      env,
    );

    // On the local sandbox, create says how the customer's authorisation is done.
    const human = await runCli(
      [
        'subscriptions',
        'create',
        '--subscription-id',
        'sub_tea_0001',
        '--plan-id',
        'tea_monthly',
        ...CUSTOMER,
        '--no-json',
      ],
      { env },
    );
    assert.equal(human.code, 0, human.stderr);
    assert.match(human.stdout, /^subscription_status\s+INITIALIZED$/m);
    assert.match(human.stdout, /^plan\s+tea_monthly · Tea of the month · ₹499\.00 every 1 MONTH$/m);
    assert.match(human.stdout, /mandate page: http:\/\/127\.0\.0\.1:\d+\/subscriptions\/checkout\?session=/);
    assert.match(human.stdout, /^ {2}cashfree subscriptions authorize sub_tea_0001$/m);

    const authorised = await ok(['subscriptions', 'authorize', 'sub_tea_0001'], env);
    assert.equal(authorised['subscription_status'], 'ACTIVE');
    const fetched = await ok(['subscriptions', 'get', 'sub_tea_0001'], env);
    assert.equal(fetched['subscription_status'], 'ACTIVE');
    const mandate = fetched['authorization_details'] as Json;
    assert.equal(mandate['payment_method'], 'upi');

    // Nothing is charged until the month has gone by; then the cycle's charge is there, SUCCESS.
    const charges = async () =>
      (await ok<Json[]>(['subscriptions', 'payments', 'list', 'sub_tea_0001'], env)).filter(
        (p) => p['payment_type'] === 'CHARGE',
      );
    assert.deepEqual(await charges(), []);
    await advanceDays(sandbox, 32);
    const [cycle, ...others] = await charges();
    assert.equal(others.length, 0);
    assert.equal(cycle?.['payment_status'], 'SUCCESS');
    assert.equal(cycle?.['payment_amount'], 499);
    const table = await runCli(['subscriptions', 'payments', 'list', 'sub_tea_0001', '--no-json'], { env });
    assert.match(
      table.stdout,
      new RegExp(`^${String(cycle?.['payment_id'])}\\s+CHARGE\\s+SUCCESS\\s+₹499\\.00`, 'm'),
    );

    // Pause, then resume at a time on the sandbox's clock.
    const paused = await ok(['subscriptions', 'manage', 'sub_tea_0001', 'pause'], env);
    assert.equal(paused['subscription_status'], 'PAUSED');
    const { epoch_ms: now } = await admin<{ epoch_ms: number }>(sandbox, 'GET', '/clock');
    const resumed = await ok(
      [
        'subscriptions',
        'manage',
        'sub_tea_0001',
        'activate',
        '--next-scheduled-time',
        new Date(now + 3 * DAY_MS).toISOString(),
      ],
      env,
    );
    assert.equal(resumed['subscription_status'], 'ACTIVE');

    // A charge on demand, up to the plan's maximum, scheduled tomorrow by the sandbox's clock.
    const charge = await ok(
      ['subscriptions', 'charge', 'sub_tea_0001', '--amount', '1250.50', '--payment-id', 'extra_0001'],
      env,
    );
    assert.equal(charge['payment_type'], 'CHARGE');
    assert.equal(charge['payment_amount'], 1250.5);
    await advanceDays(sandbox, 2);
    const debited = await runCli(
      ['subscriptions', 'payments', 'get', 'sub_tea_0001', 'extra_0001', '--no-json'],
      {
        env,
      },
    );
    assert.match(debited.stdout, /^payment_status\s+SUCCESS$/m);
    assert.match(debited.stdout, /^payment_amount\s+₹1,250\.50$/m);

    // Refund part of it; the sandbox processes a standard refund within minutes of its clock.
    const refund = await ok(
      [
        'subscriptions',
        'refunds',
        'create',
        'sub_tea_0001',
        '--payment-id',
        'extra_0001',
        '--amount',
        '250.50',
        '--refund-id',
        'refund_0001',
      ],
      env,
    );
    assert.equal(refund['refund_status'], 'INITIATED');
    await admin(sandbox, 'POST', '/clock/advance', { ms: 60 * 60_000 });
    const refunded = await ok(['subscriptions', 'refunds', 'get', 'sub_tea_0001', 'refund_0001'], env);
    assert.equal(refunded['refund_status'], 'SUCCESS');
    assert.equal(refunded['refund_amount'], 250.5);

    // A charge not yet presented to the bank can be cancelled.
    await ok(
      ['subscriptions', 'charge', 'sub_tea_0001', '--amount', '100', '--payment-id', 'extra_0002'],
      env,
    );
    const cancelledCharge = await ok(
      ['subscriptions', 'payments', 'manage', 'sub_tea_0001', 'extra_0002', 'cancel'],
      env,
    );
    assert.equal(cancelledCharge['payment_status'], 'CANCELLED');

    const methods = await ok<{ type: Json[] }>(
      ['subscriptions', 'eligibility', 'sub_tea_0001', '--methods', 'upi'],
      env,
    );
    assert.deepEqual(
      methods.type.map((m) => m['entity_value']),
      ['upi'],
    );

    const cancelled = await ok(['subscriptions', 'manage', 'sub_tea_0001', 'CANCEL'], env);
    assert.equal(cancelled['subscription_status'], 'CANCELLED');
    const refused = await runCli(['subscriptions', 'charge', 'sub_tea_0001', '--amount', '100'], { env });
    assert.equal(refused.code, 8, 'Cashfree refuses a charge on a cancelled subscription (400)');
    assert.match(refused.stderr, /subscription_inactive/);
  });

  test('a plan change moves the subscription to another stored plan', async (t) => {
    const sandbox = await startTestSandbox(t);
    const env = sandboxEnv(sandbox);
    for (const [id, amount] of [
      ['basic', '299'],
      ['premium', '999'],
    ] as const) {
      await ok(
        [
          'plans',
          'create',
          '--plan-id',
          id,
          '--name',
          id,
          '--type',
          'PERIODIC',
          '--amount',
          amount,
          '--interval',
          'MONTH',
        ],
        env,
      );
    }
    const created = await ok(
      ['subscriptions', 'create', '--subscription-id', 'sub_change', '--plan-id', 'basic', ...CUSTOMER],
      env,
    );
    // The mandate page the customer would open, and the command that stands in for them.
    assert.equal(created['authorize_command'], 'cashfree subscriptions authorize sub_change');
    const page = await fetch(String(created['mandate_url']));
    assert.equal(page.status, 200);
    assert.match(await page.text(), /basic/);
    // A mandate on a VPA the customer's bank declines is not authorised, and says so.
    const declined = await runCli(
      ['subscriptions', 'authorize', 'sub_change', '--reference', 'testfailure@gocash'],
      {
        env,
      },
    );
    assert.equal(declined.code, 1, declined.stderr);
    assert.match(declined.stderr, /The mandate was refused \(the test data of testfailure@gocash\)/);
    assert.equal(
      (await ok(['subscriptions', 'get', 'sub_change'], env))['subscription_status'],
      'INITIALIZED',
    );
    await ok(['subscriptions', 'authorize', 'sub_change', '--method', 'card'], env);
    const changed = await ok(
      ['subscriptions', 'manage', 'sub_change', 'change-plan', '--plan-id', 'premium'],
      env,
    );
    assert.equal((changed['plan_details'] as Json)['plan_id'], 'premium');
  });
});

describe('cashfree subscriptions: bad input is refused naming the field, nothing sent', () => {
  test('each command checks its row before any request', async (t) => {
    // A server that answers 500 to everything and records what reaches it.
    const api = await startLoopbackServer(t, (_request, response) => {
      response.statusCode = 500;
      response.end('{}');
    });
    const env = {
      CASHFREE_BASE_URL: `${api.url}/pg`,
      CASHFREE_APP_ID: 'TESTclitestapp',
      CASHFREE_SECRET_KEY: SECRET_KEY,
      CASHFREE_ENV: 'TEST',
    };
    const cases: [string[], RegExp][] = [
      [
        [
          'plans',
          'create',
          '--plan-id',
          'p1',
          '--type',
          'PERIODIC',
          '--amount',
          '499',
          '--interval',
          'MONTH',
        ],
        /plan_name/,
      ],
      [
        [
          'plans',
          'create',
          '--plan-id',
          'p1',
          '--name',
          'P',
          '--type',
          'PERIODIC',
          '--amount',
          '2000',
          '--max-amount',
          '1000',
          '--interval',
          'MONTH',
        ],
        /plan_recurring_amount/,
      ],
      [
        ['plans', 'create', '--plan-id', 'p1', '--name', 'P', '--type', 'WEEKLY', '--max-amount', '10'],
        /plan_type/,
      ],
      [
        [
          'subscriptions',
          'create',
          '--plan-id',
          'p1',
          '--phone',
          '+919876543210',
          '--email',
          'a@example.com',
        ],
        /customer_details\.customer_phone/,
      ],
      [
        ['subscriptions', 'create', '--plan-id', 'p1', '--phone', '9876543210'],
        /customer_details\.customer_email/,
      ],
      [['subscriptions', 'manage', 'sub_1', 'activate'], /action_details\.next_scheduled_time/],
      [['subscriptions', 'manage', 'sub_1', 'change-plan'], /action_details\.plan_id/],
      [['subscriptions', 'manage', 'sub_1', 'resume'], /action/],
      [['subscriptions', 'charge', 'sub_1', '--amount', '0'], /payment_amount/],
      [
        ['subscriptions', 'charge', 'sub_1', '--amount', '10', '--schedule-date', 'next tuesday'],
        /payment_schedule_date/,
      ],
      [
        ['subscriptions', 'payments', 'manage', 'sub_1', 'pay_1', 'retry'],
        /action_details\.next_scheduled_time/,
      ],
      [['subscriptions', 'refunds', 'create', 'sub_1', '--payment-id', 'pay_1'], /refund_amount/],
      [['subscriptions', 'refunds', 'create', 'sub_1', '--amount', '1.005'], /refund_amount/],
      [['subscriptions', 'create', '--plan-id', 'p1', ...CUSTOMER, '--methods', 'upi,cash'], /--methods/],
      [['plans', 'create', '--plan-id', 'p1', '--intervals', 'two'], /--intervals/],
    ];
    for (const [args, field] of cases) {
      const result = await runCli(args, { env });
      assert.equal(result.code, 2, `cashfree ${args.join(' ')}: ${result.stderr}`);
      assert.match(result.stderr, field, args.join(' '));
    }
    const reachedApi = api.requests.filter((request) => request.url.startsWith('/pg'));
    assert.deepEqual(
      reachedApi.map((r) => `${r.method} ${r.url}`),
      [],
      'no request reached the API',
    );
  });

  test('authorize is refused anywhere but a local sandbox', async () => {
    const port = await closedPort();
    const result = await runCli(['subscriptions', 'authorize', 'sub_1'], {
      env: {
        CASHFREE_BASE_URL: `http://127.0.0.1:${port}/pg`,
        CASHFREE_APP_ID: 'TESTclitestapp',
        CASHFREE_SECRET_KEY: SECRET_KEY,
      },
    });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /stands in for the customer on the local sandbox only/);
    assert.match(result.stderr, /subscriptionsCheckout/);
    const production = await runCli(['subscriptions', 'authorize', 'sub_1', '--env', 'production'], {
      env: { CASHFREE_APP_ID: 'app', CASHFREE_SECRET_KEY: 'cfsk_ma_prod_x' },
    });
    assert.equal(production.code, 2);
    assert.match(production.stderr, /local sandbox only/);
  });
});
