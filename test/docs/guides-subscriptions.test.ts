/**
 * The subscriptions guide's code, run as written against a local sandbox on 127.0.0.1: its plans,
 * subscribe, on-demand charge, refund, pause/resume/cancel and retry functions, its webhook handler
 * fed with every event the sandbox delivered (verified) along the way, and its "three months in a
 * minute" test file under node --test. The test plays the customer through the sandbox's admin
 * authorisation, as the guide tells tests to.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, type TestContext, test } from 'node:test';
import { type RunningSandbox, startSandbox } from '@cashfree-kit/sandbox';
import { Cashfree, type SubscriptionStatus } from 'cashfree-kit';
import { constructWebhookEvent, type WebhookEvent } from 'cashfree-kit/webhooks';
import {
  DEBIT_FAILING_ACCOUNT_SUFFIX,
  DEBIT_FAILING_VPA,
  mandateOutcome,
  REJECTED_ACCOUNT_SUFFIX,
} from '../../packages/sandbox/src/test-instruments/mandates.ts';
import { REPO_ROOT } from '../../scripts/docs/check-snippets.ts';
import { snippetById } from '../../scripts/docs/snippets.ts';
import { closeServer, urlOf } from '../support/webhook-http.ts';
import { provideGlobals, resolveImports, runSnippet } from './support/run-snippet.ts';
import { pointEnvAtSandbox } from './support/sandbox-env.ts';

const GUIDE = 'docs/guides/subscriptions.md';
const DAY_MS = 24 * 60 * 60 * 1000;

let sandbox: RunningSandbox;
let restoreEnv: () => void;

before(async () => {
  sandbox = await startSandbox({ port: 0, db: ':memory:', webhookRetrySchedule: 'fast' });
  restoreEnv = pointEnvAtSandbox(sandbox);
});

after(async () => {
  restoreEnv();
  await sandbox.close();
});

/** The sandbox's admin API, which the guide's tests use in place of the customer. */
async function admin(path: string, body: object): Promise<void> {
  const response = await fetch(`${sandbox.url}/_sandbox${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  assert.ok(response.ok, `${path}: ${response.status} ${await response.text()}`);
}

/** A webhook endpoint registered with the sandbox: every delivery verified, its event kept. */
async function webhookEndpoint(t: TestContext): Promise<WebhookEvent[]> {
  const events: WebhookEvent[] = [];
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    try {
      events.push(await constructWebhookEvent(Buffer.concat(chunks), request.headers, sandbox.secretKey));
      response.end();
    } catch {
      response.statusCode = 400; // a forged or broken delivery: the assertions below miss it
      response.end();
    }
  }).listen(0, '127.0.0.1');
  t.after(() => closeServer(server));
  await admin('/webhooks/endpoints', { url: `${await urlOf(server)}/webhook` });
  return events;
}

/** Waits for the asynchronous deliveries until `done` holds (bounded; the assertion tells). */
async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 400 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 25));
}

const count = (events: WebhookEvent[], type: string, subscriptionId: string) =>
  events.filter((e) => e.type === type && JSON.stringify(e).includes(`"${subscriptionId}"`)).length;

type Guide = {
  ensureTeaPlans: () => Promise<{ monthly: { plan_id: string; plan_recurring_amount?: number | null } }>;
  subscribe: (c: { id: string; name: string; email: string; phone: string }) => Promise<{
    status: SubscriptionStatus;
    sessionId?: string | null;
  }>;
  chargeExtraBox: (subscriptionId: string, boxId: string, rupees: number) => Promise<string>;
  refundBox: (subscriptionId: string, paymentId: string, rupees: number) => Promise<string>;
  pause: (id: string) => Promise<SubscriptionStatus>;
  resume: (id: string, next: Date) => Promise<SubscriptionStatus>;
  cancel: (id: string) => Promise<SubscriptionStatus>;
  retryCharge: (id: string, paymentId: string, when: Date) => Promise<string>;
};

async function loadGuide(t: TestContext): Promise<Guide> {
  const modules = await Promise.all(
    ['plans', 'create', 'charge', 'refund', 'manage', 'retry'].map((id) => runSnippet(t, GUIDE, id)),
  );
  return Object.assign({}, ...modules) as Guide;
}

test('the subscriptions guide as written: plan, subscribe, charge, refund, renewals, pause, resume, cancel, retry', async (t) => {
  const events = await webhookEndpoint(t);
  const guide = await loadGuide(t);
  const customer = (id: string) => ({ id, name: 'Priya', email: 'priya@example.com', phone: '9876543210' });
  const cashfree = new Cashfree({
    appId: sandbox.appId,
    secretKey: sandbox.secretKey,
    environment: 'sandbox',
    baseUrl: sandbox.apiBase,
  });

  // Plans: created once, found the second time.
  const { monthly } = await guide.ensureTeaPlans();
  assert.equal(monthly.plan_recurring_amount, 499);
  assert.equal((await guide.ensureTeaPlans()).monthly.plan_id, 'tea_monthly');

  // Subscribe, then the customer authorises the mandate (UPI Autopay).
  const created = await guide.subscribe(customer('cust_42'));
  assert.equal(created.status, 'INITIALIZED');
  assert.match(String(created.sessionId), /\S/);
  await admin('/subscriptions/tea_cust_42/authorize', { payment_method: 'upi' });
  assert.equal((await cashfree.subscriptions.get('tea_cust_42')).subscription_status, 'ACTIVE');

  // An extra box on demand, two days ahead; refunded in part once charged.
  assert.match(await guide.chargeExtraBox('tea_cust_42', '1', 300), /^(INITIALIZED|PENDING)$/);
  sandbox.sandbox.advanceClock(3 * DAY_MS);
  assert.equal((await cashfree.subscriptions.payments.get('tea_cust_42', 'box_1')).payment_status, 'SUCCESS');
  assert.match(await guide.refundBox('tea_cust_42', 'box_1', 100), /^INITIATED$/);

  // Three months on the sandbox clock: three renewals of ₹499.
  for (let month = 0; month < 3; month++) sandbox.sandbox.advanceClock(31 * DAY_MS);
  const renewals = (await cashfree.subscriptions.payments.list('tea_cust_42')).filter(
    (p) => p.payment_type === 'CHARGE' && p.payment_amount === 499,
  );
  assert.deepEqual(
    renewals.map((p) => p.payment_status),
    ['SUCCESS', 'SUCCESS', 'SUCCESS'],
  );

  // Pause, resume, cancel.
  assert.equal(await guide.pause('tea_cust_42'), 'PAUSED');
  assert.equal(await guide.resume('tea_cust_42', new Date(sandbox.sandbox.now() + 10 * DAY_MS)), 'ACTIVE');
  assert.equal(await guide.cancel('tea_cust_42'), 'CANCELLED');

  // A mandate whose debits fail: UPI's retries, ON_HOLD, then the guide's RETRY.
  await guide.subscribe(customer('cust_43'));
  await admin('/subscriptions/tea_cust_43/authorize', {
    payment_method: 'upi',
    reference: 'testinsufficientfunds@gocash',
  });
  sandbox.sandbox.advanceClock(32 * DAY_MS);
  const [failed] = (await cashfree.subscriptions.payments.list('tea_cust_43')).filter(
    (p) => p.payment_type === 'CHARGE',
  );
  assert.equal(failed?.payment_status, 'FAILED');
  assert.equal(failed?.retry_attempts, 3);
  assert.equal((await cashfree.subscriptions.get('tea_cust_43')).subscription_status, 'ON_HOLD');
  assert.equal(
    await guide.retryCharge('tea_cust_43', failed.payment_id, new Date(sandbox.sandbox.now() + DAY_MS)),
    'INITIALIZED',
  );

  // Every webhook arrived verified; the guide's handler files each one.
  await until(
    () =>
      count(events, 'SUBSCRIPTION_PAYMENT_SUCCESS', 'tea_cust_42') >= 4 &&
      count(events, 'SUBSCRIPTION_PAYMENT_FAILED', 'tea_cust_43') >= 1 &&
      count(events, 'SUBSCRIPTION_REFUND_STATUS', 'tea_cust_42') >= 1 &&
      // The ON_HOLD status change is its own delivery, which may land after the failed debit's.
      events.some(
        (e) =>
          e.type === 'SUBSCRIPTION_STATUS_CHANGED' &&
          JSON.stringify(e).includes('"tea_cust_43"') &&
          JSON.stringify(e).includes('"ON_HOLD"'),
      ),
  );
  assert.equal(count(events, 'SUBSCRIPTION_PAYMENT_SUCCESS', 'tea_cust_42'), 4); // the box and 3 renewals
  assert.equal(count(events, 'SUBSCRIPTION_PAYMENT_NOTIFICATION_INITIATED', 'tea_cust_42'), 4);
  assert.equal(count(events, 'SUBSCRIPTION_PAYMENT_FAILED', 'tea_cust_43'), 1);
  assert.ok(count(events, 'SUBSCRIPTION_REFUND_STATUS', 'tea_cust_42') >= 1);

  const statuses: [string, string][] = [];
  const charges: [string, string, string, number][] = [];
  const emails: [string, string][] = [];
  provideGlobals(t, {
    db: {
      subscriptions: { setStatus: async (id: string, status: string) => void statuses.push([id, status]) },
      charges: {
        record: async (id: string, paymentId: string, status: string, amount: number) =>
          void charges.push([id, paymentId, status, amount]),
      },
    },
    emailCustomer: async (id: string, template: string) => void emails.push([id, template]),
  });
  const scope = globalThis as Record<string, unknown>;
  t.after(() => {
    delete scope['event'];
  });
  for (const event of events) {
    scope['event'] = event;
    await runSnippet(t, GUIDE, 'webhook');
  }
  assert.deepEqual(
    statuses.filter(([id]) => id === 'tea_cust_43').map(([, status]) => status),
    ['BANK_APPROVAL_PENDING', 'ACTIVE', 'ON_HOLD'],
  );
  assert.deepEqual(
    charges
      .filter(([id]) => id === 'tea_cust_42')
      .map(([, paymentId, status, amount]) => [paymentId, status, amount]),
    [['box_1', 'SUCCESS', 300], ...renewals.map((p) => [p.payment_id, 'SUCCESS', 499])],
  );
  assert.deepEqual(
    emails.filter(([, template]) => template === 'failed'),
    [['tea_cust_43', 'failed']],
  );
  assert.equal(emails.filter(([id, template]) => id === 'tea_cust_42' && template === 'upcoming').length, 4);
});

test("the guide's renewal test file passes under node --test: three months in a minute, and a failing mandate", () => {
  const dir = mkdtempSync(join(tmpdir(), 'cashfree-kit-guide-subscriptions-'));
  try {
    const file = join(dir, 'renewals.test.mts');
    writeFileSync(file, resolveImports(snippetById(REPO_ROOT, GUIDE, 'renewals').code));
    // A clean environment: no Cashfree variables, and not this runner's child context.
    const env = { ...process.env };
    for (const name of [
      'NODE_TEST_CONTEXT',
      'CASHFREE_APP_ID',
      'CASHFREE_SECRET_KEY',
      'CASHFREE_ENV',
      'CASHFREE_BASE_URL',
    ])
      delete env[name];
    const run = spawnSync(
      process.execPath,
      [
        '--conditions=cashfree-kit-source',
        '--import',
        import.meta.resolve('tsx'),
        '--test',
        '--test-reporter=tap',
        file,
      ],
      { cwd: dir, env, encoding: 'utf8', timeout: 120_000 },
    );
    assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
    assert.match(run.stdout, /^# pass 2$/m);
    assert.match(run.stdout, /^# fail 0$/m);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the guide's test-data table says what the sandbox's mandate test data do", () => {
  const guide = readFileSync(join(REPO_ROOT, GUIDE), 'utf8');
  const row = (text: string) =>
    guide.split('\n').find((line) => line.startsWith('| ') && line.includes(text));
  const outcome = (method: 'upi' | 'card' | 'enach', reference: string) => {
    const o = mandateOutcome(method, reference);
    return `${o.auth.outcome}/${o.charge.outcome}`;
  };
  const cases: [string, 'upi' | 'card' | 'enach', string, string][] = [
    ['`success@cashfree`', 'upi', 'success@cashfree', 'SUCCESS/SUCCESS'],
    [`\`${DEBIT_FAILING_VPA}\``, 'upi', DEBIT_FAILING_VPA, 'SUCCESS/FAILED'],
    ['`failure@cashfree`', 'upi', 'failure@cashfree', 'FAILED/FAILED'],
    ['`4111 1111 1111 1111`', 'card', '4111111111111111', 'SUCCESS/SUCCESS'],
    ['`4111 1111 1111 1112`', 'card', '4111111111111112', 'FAILED/FAILED'],
    [
      `ending in \`${REJECTED_ACCOUNT_SUFFIX}\``,
      'enach',
      `5910829070${REJECTED_ACCOUNT_SUFFIX}`,
      'FAILED/FAILED',
    ],
    [
      `ending in \`${DEBIT_FAILING_ACCOUNT_SUFFIX}\``,
      'enach',
      `5910829070${DEBIT_FAILING_ACCOUNT_SUFFIX}`,
      'SUCCESS/FAILED',
    ],
  ];
  for (const [text, method, reference, expected] of cases) {
    assert.ok(row(text), `the table has a row for ${text}`);
    assert.equal(outcome(method, reference), expected, `${text}: the sandbox's outcome`);
    const said = row(text)!;
    const refused = /refused|declines|rejects/.test(said);
    const debitsFail = /every debit fails/.test(said);
    assert.equal(
      `${refused ? 'FAILED' : 'SUCCESS'}/${refused || debitsFail ? 'FAILED' : 'SUCCESS'}`,
      expected,
      `the guide's words for ${text}: ${said}`,
    );
  }
});
