/**
 * The packages' READMEs (what npm shows for each) are compiled and link-checked with the other docs
 * (guides-snippets.test.ts); their main blocks are also run as written here, against the local
 * sandbox, because a README example that does not work is the first thing a developer meets.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type RunningSandbox, startSandbox } from '@cashfree-kit/sandbox';
import { Cashfree, type OrderEntity } from 'cashfree-kit';
import { docFiles } from '../../scripts/docs/check-snippets.ts';
import { runSnippet } from './support/run-snippet.ts';
import { pointEnvAtSandbox } from './support/sandbox-env.ts';

let sandbox: RunningSandbox;
let restoreEnv: () => void;

before(async () => {
  sandbox = await startSandbox({ port: 0, db: ':memory:' });
  restoreEnv = pointEnvAtSandbox(sandbox);
});

after(async () => {
  restoreEnv();
  await sandbox.close();
});

test('every package and example README is among the checked docs', () => {
  const files = docFiles();
  for (const readme of [
    'packages/cashfree/README.md',
    'packages/sandbox/README.md',
    'packages/cli/README.md',
    'examples/demo-store/README.md',
  ]) {
    assert.ok(files.includes(readme), readme);
  }
});

test('the SDK README creates an order as written', async (t) => {
  const { order } = await runSnippet<{ order: OrderEntity }>(t, 'packages/cashfree/README.md', 'readme', {
    append: 'export { order };',
  });
  assert.equal(order.order_amount, 499);
  assert.equal(order.order_status, 'ACTIVE');
  assert.ok(order.payment_session_id, 'a payment session for cashfree.js');
  // It is really there, as Cashfree (here the local sandbox) stores it.
  const client = new Cashfree({
    appId: sandbox.appId,
    secretKey: sandbox.secretKey,
    environment: 'sandbox',
    baseUrl: sandbox.apiBase,
  });
  assert.equal((await client.orders.get(order.order_id)).customer_details?.customer_phone, '9876543210');
});

test('the sandbox README starts a sandbox, watches its events and closes it, as written', async (t) => {
  const log = t.mock.method(console, 'log', () => {});
  const { sandbox: started } = await runSnippet<{ sandbox: RunningSandbox }>(
    t,
    'packages/sandbox/README.md',
    'readme',
    { append: 'export { sandbox };' },
  );
  assert.match(started.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  // Closed by the block: the port no longer answers.
  await assert.rejects(fetch(`${started.url}/pg/orders/x`));
  assert.equal(log.mock.callCount(), 0, 'nothing happened between start and close, so no event');
});
