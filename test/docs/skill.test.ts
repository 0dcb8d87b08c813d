/**
 * The agent skill (packages/cli/skills/cashfree-kit/SKILL.md, what `cashfree agent init` installs)
 * is held to the guides' standard, with the guides' machinery: every block compiles against
 * today's SDK (scripts/docs/check-snippets.ts), and its flows run as written against a local
 * sandbox (test/docs/support/run-snippet.ts): an order created, paid by the test card, confirmed
 * and fulfilled once from its webhook through the inbox, refunded; a link; a payout that is not
 * paid twice; a subscription authorised; its sandbox test file under node --test; the production
 * guard. Its front matter is what skill-aware clients read to decide when to load it.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type RequestListener } from 'node:http';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { after, before, type TestContext, test } from 'node:test';
import { type RunningSandbox, startSandbox, TEST_CARD_EXPIRY, TEST_CARD_OTP } from '@cashfree-kit/sandbox';
import { Cashfree, type OrderEntity, type RefundEntity } from 'cashfree-kit';
import { CashfreePayouts, type Transfer } from 'cashfree-kit/payouts';
import type { WebhookInbox } from 'cashfree-kit/webhooks/inbox';
import { parse as parseYaml } from 'yaml';
import { CHECK_COMMAND, checkSnippets, formatProblem, REPO_ROOT } from '../../scripts/docs/check-snippets.ts';
import { snippetById, snippetsOfFile } from '../../scripts/docs/snippets.ts';
import { waitFor } from '../e2e/support/webhook-receiver.ts';
import { stdioClient } from '../mcp/support.ts';
import { closeServer, urlOf } from '../support/webhook-http.ts';
import { provideGlobals, resolveImports, runSnippet } from './support/run-snippet.ts';
import { pointEnvAtSandbox } from './support/sandbox-env.ts';

const SKILL = 'packages/cli/skills/cashfree-kit/SKILL.md';

test('the skill has the front matter skill-aware clients read: a name matching its folder, and when to use it', () => {
  const text = readFileSync(join(REPO_ROOT, SKILL), 'utf8');
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
  assert.ok(match, 'SKILL.md opens with YAML front matter between --- lines');
  const front = parseYaml(match[1] ?? '') as { name?: unknown; description?: unknown };
  assert.equal(front.name, 'cashfree-kit');
  assert.equal(front.name, basename(dirname(join(REPO_ROOT, SKILL))), 'the folder is named for the skill');
  assert.equal(typeof front.description, 'string');
  const description = front.description as string;
  // The Agent Skills format caps the description at 1024 characters; it says when to load the skill.
  assert.ok(description.length <= 1024, `${description.length} characters`);
  assert.match(description, /^Use when /);
  for (const topic of [
    'order',
    'checkout',
    'webhook',
    'refund',
    'payment link',
    'payout',
    'subscription',
    'sandbox',
  ])
    assert.ok(description.toLowerCase().includes(topic), `the description mentions ${topic}`);
  for (const rule of [
    'Rupees, not paise',
    'raw body',
    'Never trust the return URL',
    '`transfer_id` is the key',
  ])
    assert.ok(text.includes(rule), `the skill states: ${rule}`);
});

test('the CLI package ships the skill, which `cashfree agent init` copies from it', () => {
  const [packed] = JSON.parse(
    execFileSync('npm', ['pack', '--dry-run', '--json', '--workspace', '@cashfree-kit/cli'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    }),
  ) as [{ files: { path: string }[] }];
  assert.ok(
    packed.files.some(({ path }) => path === 'skills/cashfree-kit/SKILL.md'),
    'packages/cli/package.json "files" lists skills',
  );
});

test('every code block of the skill compiles against today’s SDK', () => {
  const report = checkSnippets(snippetsOfFile(REPO_ROOT, SKILL));
  assert.deepEqual(
    report.problems.map(formatProblem),
    [],
    `Fix these blocks (${CHECK_COMMAND} ${SKILL} shows them):`,
  );
  assert.ok((report.checked.ts ?? 0) >= 9, `ts blocks checked: ${report.checked.ts}`);
  assert.equal(report.checked['html-script'], 1, 'the cashfree.js checkout script is checked');
  assert.deepEqual(report.skipped, [], 'no block of the skill is left out of the check');
});

test('every MCP tool the skill and the README’s Agents section name is one the server lists', async (t) => {
  const { client } = await stdioClient(t);
  const listed = new Set((await client.listTools()).tools.map((tool) => tool.name));
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const agents = readme.slice(
    readme.indexOf('## Agents'),
    readme.indexOf('\n## ', readme.indexOf('## Agents') + 1),
  );
  const toolLike =
    /`((?:sandbox|errors|webhooks|orders|refunds|links|payouts|subscriptions|plans)_[a-z_]+)`/g;
  const named = [readFileSync(join(REPO_ROOT, SKILL), 'utf8'), agents].flatMap((text) =>
    [...text.matchAll(toolLike)].map((match) => match[1] ?? ''),
  );
  assert.ok(named.length >= 15, `${named.length} tool names found`);
  assert.deepEqual(
    named.filter((name) => !listed.has(name)),
    [],
    'tools named in the docs that the server does not have',
  );
});

let sandbox: RunningSandbox;
/** The customer's side (and the test's own look at the sandbox), with the sandbox's keys. */
let customer: Cashfree;
let restoreEnv: () => void;

before(async () => {
  sandbox = await startSandbox({ port: 0, db: ':memory:', webhookRetrySchedule: 'fast' });
  customer = new Cashfree({
    appId: sandbox.appId,
    secretKey: sandbox.secretKey,
    environment: 'sandbox',
    baseUrl: sandbox.apiBase,
  });
  restoreEnv = pointEnvAtSandbox(sandbox);
  // The skill says the local sandbox takes the PG keys for Payouts too.
  process.env['CASHFREE_PAYOUTS_CLIENT_ID'] = sandbox.appId;
  process.env['CASHFREE_PAYOUTS_CLIENT_SECRET'] = sandbox.secretKey;
});

after(async () => {
  restoreEnv();
  await sandbox.close();
});

/**
 * A scratch working directory until the test ends: the webhook block's inbox opens
 * 'cashfree-webhooks.db' there. (Only for that test: the compile check resolves Node's types from
 * the working directory.)
 */
function inScratchDirectory(t: TestContext): void {
  const saved = process.cwd();
  const dir = mkdtempSync(join(tmpdir(), 'cashfree-kit-skill-'));
  process.chdir(dir);
  t.after(() => {
    process.chdir(saved);
    rmSync(dir, { recursive: true, force: true });
  });
}

/** Serves `handler` on 127.0.0.1 until the test ends; APP_URL points at it, as a deploy would. */
async function serve(t: TestContext, handler: RequestListener): Promise<string> {
  const server = createServer(handler).listen(0, '127.0.0.1');
  t.after(() => closeServer(server));
  const url = await urlOf(server);
  process.env['APP_URL'] = url;
  return url;
}

async function payByCard(paymentSessionId: string, cardNumber = '4111111111111111') {
  const card = {
    channel: 'post',
    card_number: cardNumber,
    card_expiry_mm: TEST_CARD_EXPIRY.mm,
    card_expiry_yy: TEST_CARD_EXPIRY.yy,
    card_cvv: '123',
  } as const;
  const pay = await customer.orders.pay({ payment_session_id: paymentSessionId, payment_method: { card } });
  await customer.orders.authenticate(String(pay.cf_payment_id), { otp: TEST_CARD_OTP, action: 'SUBMIT_OTP' });
}

test('create, pay, confirm from the webhook through the inbox (once), refund: the skill as written', async (t) => {
  inScratchDirectory(t);
  const fulfilled: string[] = [];
  const refundStatuses: string[] = [];
  const paid = new Set<string>();
  provideGlobals(t, {
    db: {
      orders: { markPaid: async (orderId: string) => !paid.has(orderId) && Boolean(paid.add(orderId)) },
      refunds: {
        setStatus: async (id: string, status: string) => void refundStatuses.push(`${id} ${status}`),
      },
    },
    fulfil: async (orderId: string) => void fulfilled.push(orderId),
    cashfree: customer,
  });
  const { confirmPayment } = await runSnippet<{ confirmPayment: (id: string) => Promise<OrderEntity> }>(
    t,
    SKILL,
    'confirm',
  );
  provideGlobals(t, { confirmPayment });
  const { app, inbox } = await runSnippet<{ app: RequestListener; inbox: WebhookInbox }>(
    t,
    SKILL,
    'webhooks',
    {
      append: 'export { app, inbox };',
    },
  );
  t.after(() => inbox.stop());
  await serve(t, app);

  type Cart = {
    checkoutId: string;
    totalPaise: number;
    customer: { id: string; phone: string; email: string };
  };
  const { orderFor } = await runSnippet<{ orderFor: (cart: Cart) => Promise<OrderEntity> }>(
    t,
    SKILL,
    'create-order',
  );
  const cart = {
    checkoutId: 'skill_cart_1',
    totalPaise: 49_950,
    customer: { id: 'cust_skill', phone: '9876543210', email: 'priya@example.com' },
  };
  const order = await orderFor(cart);
  assert.equal(order.order_amount, 499.5, 'paise in, rupees on the order');
  assert.equal(
    (await orderFor(cart)).payment_session_id,
    order.payment_session_id,
    'a double click: the same order',
  );

  // Before paying, the return route's check says not paid; after, the webhook fulfils it once.
  assert.equal((await confirmPayment(order.order_id)).order_status, 'ACTIVE');
  await payByCard(order.payment_session_id, '4111111111111112'); // declined: still ACTIVE, nothing fulfilled
  await payByCard(order.payment_session_id);
  await waitFor('the order to be fulfilled from its webhook', () => fulfilled[0]);
  assert.equal((await confirmPayment(order.order_id)).order_status, 'PAID');
  await inbox.processPending();
  assert.deepEqual(fulfilled, ['skill_cart_1'], 'the webhook and the return page fulfil once between them');

  type Refunds = { refundReturn: (o: string, r: string, p: number) => Promise<RefundEntity> };
  const { refundReturn } = await runSnippet<Refunds>(t, SKILL, 'refund');
  const refund = await refundReturn(order.order_id, 'ret_1', 10_000);
  assert.equal(refund.refund_amount, 100);
  assert.equal((await refundReturn(order.order_id, 'ret_1', 10_000)).cf_refund_id, refund.cf_refund_id);
  assert.equal((await customer.refunds.list(order.order_id)).length, 1, 'the same return is refunded once');
  sandbox.sandbox.advanceClock(10 * 60_000);
  await waitFor('the refund webhook', () => refundStatuses.find((line) => line.endsWith('SUCCESS')));
  assert.ok(refundStatuses.includes('return_ret_1 SUCCESS'), refundStatuses.join(', '));
});

test('a payment link per invoice, paid and read back', async (t) => {
  provideGlobals(t, { cashfree: customer });
  type Links = { linkForInvoice: (id: string, rupees: number, phone: string) => Promise<string> };
  const { linkForInvoice } = await runSnippet<Links>(t, SKILL, 'link');
  const url = await linkForInvoice('skill_7', 1200.5, '9876543210');
  assert.ok(url.startsWith(`${sandbox.url}/links/`), url);
  await assert.rejects(linkForInvoice('skill_7', 1200.5, '9876543210'), { code: 'link_already_exists' });
  const opened = await fetch(`${sandbox.url}/_sandbox/links/invoice_skill_7/orders`, {
    method: 'POST',
    body: '{}',
  });
  await payByCard(((await opened.json()) as { payment_session_id: string }).payment_session_id);
  const link = await customer.links.get('invoice_skill_7');
  assert.equal(link.link_status, 'PAID');
  assert.equal(link.link_amount_paid, 1200.5);
});

test('a payout is paid once per transfer_id, however often it is asked', async (t) => {
  const payouts = CashfreePayouts.fromEnv();
  await payouts.beneficiaries.create({
    beneficiary_id: 'skill_supplier_1',
    beneficiary_name: 'Darjeeling Tea Estate',
    beneficiary_instrument_details: { bank_account_number: '026291800001191', bank_ifsc: 'YESB0000262' },
  });
  const { payInvoice } = await runSnippet<{
    payInvoice: (i: string, s: string, r: number) => Promise<Transfer>;
  }>(t, SKILL, 'payout');
  const first = await payInvoice('inv_9', 'skill_supplier_1', 1250.5);
  const again = await payInvoice('inv_9', 'skill_supplier_1', 1250.5);
  assert.equal(first.transfer_id, 'invoice_inv_9');
  assert.equal(again.cf_transfer_id, first.cf_transfer_id, 'the second call returns the first transfer');
  assert.equal((await payouts.transfers.get({ transfer_id: 'invoice_inv_9' })).transfer_amount, 1250.5);
});

test('a subscription to a monthly plan, authorised, is ACTIVE', async (t) => {
  provideGlobals(t, { cashfree: customer });
  type Subscribe = { subscribe: (c: string, e: string, p: string) => Promise<{ subscription_id: string }> };
  const { subscribe } = await runSnippet<Subscribe>(t, SKILL, 'subscription');
  const created = await subscribe('cust_skill', 'priya@example.com', '9876543210');
  assert.equal(created.subscription_id, 'sub_cust_skill_tea');
  // What the customer does on Cashfree's mandate page (the MCP tool sandbox_authorize_subscription).
  const authorised = await fetch(`${sandbox.url}/_sandbox/subscriptions/sub_cust_skill_tea/authorize`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  assert.equal(authorised.status, 200, await authorised.clone().text());
  assert.equal((await customer.subscriptions.get('sub_cust_skill_tea')).subscription_status, 'ACTIVE');
  // As the skill warns: the plan exists now, so creating it per customer is refused.
  await assert.rejects(subscribe('cust_other', 'ravi@example.com', '9876543211'), { status: 400 });
});

test('the skill’s sandbox test file passes under node --test', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'cashfree-kit-skill-test-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'checkout.test.mts');
  writeFileSync(file, resolveImports(snippetById(REPO_ROOT, SKILL, 'sandbox-test').code));
  const env = { ...process.env };
  for (const name of Object.keys(env))
    if (name.startsWith('CASHFREE_') || name === 'NODE_TEST_CONTEXT') delete env[name];
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
    { cwd: dir, env, encoding: 'utf8', timeout: 60_000 },
  );
  assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
  assert.match(run.stdout, /^# pass 1$/m);
  assert.match(run.stdout, /^# fail 0$/m);
});

test('the production guard refuses keys and NODE_ENV that disagree', async (t) => {
  const saved = { NODE_ENV: process.env['NODE_ENV'] };
  t.after(() => {
    if (saved.NODE_ENV === undefined) delete process.env['NODE_ENV'];
    else process.env['NODE_ENV'] = saved.NODE_ENV;
  });
  process.env['NODE_ENV'] = 'production'; // with the sandbox's TEST keys
  await assert.rejects(runSnippet(t, SKILL, 'guard'), /Cashfree is sandbox .* but NODE_ENV is production/);
  process.env['NODE_ENV'] = 'development';
  const { cashfree } = await runSnippet<{ cashfree: Cashfree }>(t, SKILL, 'guard');
  assert.equal(cashfree.baseUrl, sandbox.apiBase);
});
