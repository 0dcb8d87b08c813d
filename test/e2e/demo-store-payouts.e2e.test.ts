/**
 * "Pay a supplier" in real headless Chromium against the local sandbox (issue 22), and the admin
 * login of an exposed store (issue 26 #11). The owner saves the tea estate as a beneficiary, pays
 * it, and sees SUCCESS arrive on the transfer's page by Payouts webhook; a CSV with a bad row is
 * refused line by line with nothing sent; an uploaded CSV becomes a batch listed with its
 * transfers. Every page is checked for the secret key and for overflow at phone width. The store
 * runs as its own process, as `npm start` runs it.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { checkedShot, masked, SECRET_KEY, secretLeaks, startDemoStore } from './demo-store.support.js';
import { openPage, requireChromium } from './support/browser.js';
import { browserSuite } from './support/suite.js';

const suite = browserSuite(startDemoStore, { secretKey: SECRET_KEY });
const TIMEOUT = { timeout: 90_000 };

/** What the sandbox holds of Payouts, from its admin API. */
async function sandboxPayouts(): Promise<{
  transfers: Array<{ transfer_id: string; status: string }>;
  batches: Array<{ batch_transfer_id: string }>;
}> {
  const response = await fetch(`${suite.sandbox.url}/_sandbox/payouts/state?limit=1000`);
  return (await response.json()) as Awaited<ReturnType<typeof sandboxPayouts>>;
}

/** Moves the sandbox's clock on, as its dashboard's clock buttons do: due transfers move and their webhooks go. */
async function advanceSandboxClock(minutes: number): Promise<void> {
  const response = await fetch(`${suite.sandbox.url}/_sandbox/clock/advance`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ minutes }),
  });
  assert.equal(response.status, 200);
}

/** The estate saved once per run (the store's database lives as long as the suite). */
async function supplierSaved(page: Page): Promise<void> {
  await page.goto(`${suite.app.url}/admin/payouts`);
  const add = page.locator('[data-testid=add-beneficiary]');
  if ((await add.count()) > 0) await add.click();
  await page.locator('[data-testid=beneficiary-status] .badge').waitFor();
}

test(
  'the owner adds the tea estate, pays it, and SUCCESS arrives on the page by Payouts webhook',
  TIMEOUT,
  async (t) => {
    const browser = suite.browser;
    if (!requireChromium(t, browser)) return;
    const { page, dialogs } = await openPage(t, browser);
    await page.goto(`${suite.app.url}/admin`);
    await page.click('[data-testid=pay-supplier] a');
    await page.waitForURL(`${suite.app.url}/admin/payouts`);
    assert.match((await page.textContent('h1')) ?? '', /Pay a supplier/);
    assert.match(
      (await page.textContent('[data-testid=payouts-webhook-url]')) ?? '',
      /\/webhooks\/cashfree-payouts$/,
    );
    await page.click('[data-testid=add-beneficiary]');
    await page.waitForURL(`${suite.app.url}/admin/payouts`);
    assert.equal(
      await page.getAttribute('[data-testid=beneficiary-status] .badge', 'data-status'),
      'VERIFIED',
    );
    await checkedShot(page, 'demo-store-payouts-phone');

    await page.fill('[data-testid=pay-form] input[name=amount]', '12500.50');
    await page.click('[data-testid=pay-form] button[type=submit]');
    await page.waitForURL(/\/admin\/payouts\/transfers\/payout_/);
    const transferId = decodeURIComponent(page.url().split('/').pop() ?? '');
    assert.equal(await page.textContent('[data-testid=transfer-amount]'), '₹12,500.50');
    const first = await page.getAttribute(
      '[data-testid=transfer] [data-testid=transfer-status]',
      'data-status',
    );
    assert.ok(first === 'RECEIVED' || first === 'PENDING', `a new transfer is open, not ${first}`);
    const sandboxTransfer = (await sandboxPayouts()).transfers.find((x) => x.transfer_id === transferId);
    assert.ok(sandboxTransfer, 'the sandbox has the transfer');

    // The page refreshes itself while the transfer is open; the webhook moves the shop's record.
    await advanceSandboxClock(5);
    await page
      .locator('[data-testid=transfer] [data-testid=transfer-status][data-status=SUCCESS]')
      .waitFor({ timeout: 30_000 });
    await page.locator('[data-testid=payout-events] tr[data-type=TRANSFER_SUCCESS]').waitFor();
    await checkedShot(page, 'demo-store-payout-success-phone');
    assert.deepEqual(dialogs, []);
  },
);

test('a CSV with a bad row shows its line and sends nothing', TIMEOUT, async (t) => {
  const browser = suite.browser;
  if (!requireChromium(t, browser)) return;
  const { page } = await openPage(t, browser);
  await supplierSaved(page);
  const before = await sandboxPayouts();
  const csv = [
    'beneficiary_id,amount,remarks',
    'kanchan_valley_tea_estate,2500,Second flush',
    'kanchan_valley_tea_estate,₹1,200,Cartons',
    'kanchan_valley_tea_estate,300,Twine',
  ].join('\n');
  await page.fill('#csv', csv);
  await page.click('[data-testid=batch-form] button[type=submit]');
  const problems = page.locator('[data-testid=csv-problems] li');
  await problems.first().waitFor();
  assert.deepEqual(await problems.evaluateAll((items) => items.map((li) => li.getAttribute('data-line'))), [
    '3',
  ]);
  assert.match((await problems.first().textContent()) ?? '', /^Line 3: has 4 fields; the header has 3/);
  assert.match((await page.textContent('[data-testid=csv-problems]')) ?? '', /Nothing was sent/);
  assert.equal(await page.inputValue('#csv'), csv, 'the CSV is kept to fix');
  await checkedShot(page, 'demo-store-payouts-csv-refused-phone');
  const after = await sandboxPayouts();
  assert.deepEqual(
    [after.transfers.length, after.batches.length],
    [before.transfers.length, before.batches.length],
    'the sandbox received nothing',
  );
});

test('an uploaded CSV creates a batch, listed with its transfers', TIMEOUT, async (t) => {
  const browser = suite.browser;
  if (!requireChromium(t, browser)) return;
  const { page } = await openPage(t, browser, 1280);
  await supplierSaved(page);
  const csv =
    'beneficiary_id,amount,remarks\nkanchan_valley_tea_estate,2500,Second flush\nkanchan_valley_tea_estate,1200.50,Cartons\n';
  await page.setInputFiles('#csv-file', {
    name: 'estate-batch.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv),
  });
  await page.waitForFunction(() =>
    (document.getElementById('csv') as HTMLTextAreaElement).value.includes('Cartons'),
  );
  await page.click('[data-testid=batch-form] button[type=submit]');
  await page.waitForURL(/\/admin\/payouts\/batches\/batch_/);
  const batchId = decodeURIComponent(page.url().split('/').pop() ?? '');
  const rows = page.locator('[data-testid=batch-transfers] tbody tr');
  assert.equal(await rows.count(), 2);
  assert.deepEqual(
    await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelector('td[data-label=Amount]')?.textContent)),
    ['₹2,500.00', '₹1,200.50'],
  );
  assert.ok(
    (await sandboxPayouts()).batches.some((b) => b.batch_transfer_id === batchId),
    'the sandbox has the batch',
  );
  await checkedShot(page, 'demo-store-payout-batch-desktop');
  await page.goto(`${suite.app.url}/admin/payouts`);
  assert.equal(await page.locator(`[data-testid=batches] tr[data-batch-id="${batchId}"]`).count(), 1);
});

test(
  'exposed on a public URL, /admin asks for the token the store printed once, and opens with it',
  TIMEOUT,
  async (t) => {
    const browser = suite.browser;
    if (!requireChromium(t, browser)) return;
    const store = await startDemoStore(suite.sandbox, { DEMO_STORE_PUBLIC_URL: 'https://tea.example.test' });
    t.after(() => store.close());
    const token = /\/admin asks for this token .*: (\S+)/.exec(store.output())?.[1];
    assert.ok(token, `the store printed a token:\n${masked(store.output())}`);
    const { page } = await openPage(t, browser);
    await page.goto(`${store.url}/admin/payouts`);
    await page.locator('[data-testid=admin-login]').waitFor();
    assert.equal(await page.locator('[data-testid=pay-form], [data-testid=add-beneficiary]').count(), 0);
    await page.fill('input[name=token]', 'not-the-token-at-all');
    await page.click('[data-testid=admin-login] button[type=submit]');
    assert.match((await page.textContent('[data-testid=error]')) ?? '', /not this store’s admin token/);
    await page.fill('input[name=token]', token);
    await page.click('[data-testid=admin-login] button[type=submit]');
    await page.waitForURL(`${store.url}/admin/payouts`);
    assert.match((await page.textContent('h1')) ?? '', /Pay a supplier/);
    assert.deepEqual(secretLeaks(store.output()), [], 'the store printed no secret');
  },
);
