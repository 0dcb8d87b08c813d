/**
 * A webhook the store cannot apply yet (a payment success for an order Cashfree does not show
 * paid, as `cashfree webhooks trigger` can send) is retried by the inbox; each failed run is one
 * line in the store's log, not a stack trace.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { startSandbox } from '@cashfree-kit/sandbox';
import { signWebhook } from 'cashfree-kit/webhooks';
import { loadConfig } from '../config.js';
import { createLog, oneLine } from '../log.js';
import { startStore } from '../server.js';

test('oneLine: name, message and causes on one line, no stack', () => {
  const error = new Error('outer\nsecond line', { cause: new TypeError('inner') });
  assert.equal(oneLine(error), 'Error: outer second line ← cause: TypeError: inner');
  assert.equal(oneLine('text'), 'text');
});

test('a webhook for an unpaid order: each retry is one line in the log, naming why', async () => {
  const sandbox = await startSandbox({ port: 0, db: ':memory:' });
  after(() => sandbox.close());
  const lines: string[] = [];
  const sink = { write: (text: string) => lines.push(text) };
  const store = await startStore(
    loadConfig({
      CASHFREE_BASE_URL: sandbox.apiBase,
      CASHFREE_APP_ID: sandbox.appId,
      CASHFREE_SECRET_KEY: sandbox.secretKey,
      CASHFREE_ENV: 'TEST',
      DEMO_STORE_PORT: '0',
      DEMO_STORE_DB: ':memory:',
    }),
    createLog(sandbox.secretKey, sink, sink),
  );
  after(() => store.close());
  const created = await fetch(`${store.url}/api/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ customer_name: 'Priya Patel', customer_phone: '9876543210' }),
  });
  const { order_id } = (await created.json()) as { order_id: string };
  const body = JSON.stringify({
    type: 'PAYMENT_SUCCESS_WEBHOOK',
    event_time: '2025-02-14T10:00:00+05:30',
    data: {
      order: { order_id, order_amount: 499, order_currency: 'INR', order_tags: null },
      payment: { cf_payment_id: '1', payment_status: 'SUCCESS', payment_amount: 499 },
      customer_details: {},
    },
  });
  const delivered = await fetch(`${store.url}/webhooks/cashfree`, {
    method: 'POST',
    headers: (await signWebhook({ body, secret: sandbox.secretKey })).headers,
    body,
  });
  assert.equal(delivered.status, 200);
  const deadline = Date.now() + 15_000;
  const failures = () => lines.filter((line) => line.includes('webhook handler failed'));
  while (failures().length === 0) {
    assert.ok(Date.now() < deadline, `no failure logged:\n${lines.join('')}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  for (const line of failures()) {
    assert.equal(line.split('\n').length, 2, `one line: ${line}`);
    assert.match(
      line,
      new RegExp(
        `^\\[demo-store\\] webhook handler failed; the inbox retries it: Error: Cashfree says ${order_id} is ACTIVE, not PAID yet`,
      ),
    );
    assert.doesNotMatch(line, /\n\s+at /);
  }
});
