/**
 * Against Cashfree's TEST environment without Payouts keys, "Pay a supplier" says it is not
 * configured and how to configure it, and its forms send nothing. No request leaves the machine:
 * the store contacts Cashfree only when a page needs it, and these pages do not.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { loadConfig } from '../config.js';
import { type RunningStore, startStore } from '../server.js';
import { PAYOUTS_WEBHOOK_PATH } from '../webhooks/payouts-route.js';

let store: RunningStore;

before(async () => {
  store = await startStore(
    loadConfig({
      CASHFREE_APP_ID: 'TEST10203040506070',
      CASHFREE_SECRET_KEY: 'cfsk_ma_test_not_configured',
      CASHFREE_ENV: 'TEST',
      DEMO_STORE_PORT: '0',
      DEMO_STORE_DB: ':memory:',
    }),
    { info: () => {}, error: () => {} },
  );
});
after(() => store?.close());

test('the section names the two variables to set; its forms answer 409 and record nothing', async () => {
  const page = await (await fetch(`${store.url}/admin/payouts`)).text();
  assert.match(
    page,
    /data-testid="payouts-off"[^>]*>Payouts is not configured: set CASHFREE_PAYOUTS_CLIENT_ID and CASHFREE_PAYOUTS_CLIENT_SECRET/,
  );
  assert.match(page, /data-testid="add-beneficiary" disabled/);
  for (const [path, body] of [
    ['/admin/payouts/beneficiary', ''],
    ['/admin/payouts/transfers', 'amount=100'],
    ['/admin/payouts/batches', 'csv=beneficiary_id%2Camount%0Ax%2C1'],
  ] as const) {
    const response = await fetch(`${store.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    assert.equal(response.status, 409, path);
  }
  assert.equal(store.shop.payouts.recentBatches().length + store.shop.payouts.recentTransfers().length, 0);
  const webhook = await fetch(`${store.url}${PAYOUTS_WEBHOOK_PATH}`, { method: 'POST', body: '{}' });
  assert.equal(webhook.status, 404, 'no Payouts secret, no Payouts webhook route');
});
