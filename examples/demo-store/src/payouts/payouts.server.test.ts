/**
 * "Pay a supplier" over HTTP against a real local sandbox, without a browser: the estate saved as a
 * beneficiary, a transfer that moves to SUCCESS by the Payouts webhook the store verifies and
 * records, a CSV whose bad rows are named by line with nothing sent, a good CSV that becomes a
 * batch, and the Payouts route refusing a forged delivery and a PG event. Neither secret appears
 * on any page.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { type RunningSandbox, startSandbox } from '@cashfree-kit/sandbox';
import { signWebhook } from 'cashfree-kit/webhooks';
import { loadConfig } from '../config.js';
import { type RunningStore, startStore } from '../server.js';
import { PAYOUTS_WEBHOOK_PATH } from '../webhooks/payouts-route.js';
import { SUPPLIER } from './supplier.js';

// Payouts keys of its own, so the test tells them from the PG secret; + and / spell differently encoded.
const payoutsSecret = `payouts_${randomBytes(6).toString('hex')}+${randomBytes(4).toString('hex')}/y`;
const payoutsId = 'TESTpayoutsdemo';
const dir = mkdtempSync(join(tmpdir(), 'demo-store-payouts-'));
let sandbox: RunningSandbox;
let store: RunningStore;

before(async () => {
  sandbox = await startSandbox({
    port: 0,
    db: ':memory:',
    webhookRetrySchedule: 'fast',
    payouts: { clientId: payoutsId, clientSecret: payoutsSecret },
  });
  store = await startStore(
    loadConfig({
      CASHFREE_BASE_URL: sandbox.apiBase,
      CASHFREE_APP_ID: sandbox.appId,
      CASHFREE_SECRET_KEY: sandbox.secretKey,
      CASHFREE_PAYOUTS_CLIENT_ID: payoutsId,
      CASHFREE_PAYOUTS_CLIENT_SECRET: payoutsSecret,
      CASHFREE_ENV: 'TEST',
      DEMO_STORE_PORT: '0',
      DEMO_STORE_DB: join(dir, 'store.db'),
    }),
    { info: () => {}, error: () => {} },
  );
});

after(async () => {
  await store?.close();
  await sandbox?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function until<T>(what: string, find: () => T | undefined): Promise<T> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function post(path: string, form: Record<string, string> = {}): Promise<Response> {
  return fetch(`${store.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
    redirect: 'manual',
  });
}

async function page(path: string, status = 200): Promise<string> {
  const response = await fetch(`${store.url}${path}`);
  const text = await response.text();
  assert.equal(response.status, status, `${path}: ${text.slice(0, 300)}`);
  for (const secret of [payoutsSecret, sandbox.secretKey]) {
    assert.ok(!text.includes(secret) && !text.includes(encodeURIComponent(secret)), `${path} shows a secret`);
  }
  return text;
}

/** What the sandbox holds of Payouts, from its admin API. */
async function sandboxPayouts(): Promise<{ transfers: number; batches: number }> {
  const state = (await (await fetch(`${sandbox.url}/_sandbox/payouts/state?limit=1000`)).json()) as {
    transfers: unknown[];
    batches: unknown[];
  };
  return { transfers: state.transfers.length, batches: state.batches.length };
}

test('the estate is saved, paid, and its transfer moves to SUCCESS by the verified Payouts webhook', async () => {
  assert.match(await page('/admin/payouts'), /Add the estate as a beneficiary/);
  const added = await post('/admin/payouts/beneficiary');
  assert.equal(added.status, 303);
  assert.equal(store.shop.payouts.beneficiary(SUPPLIER.beneficiary_id)?.bank_ifsc, 'YESB0000262');

  const paid = await post('/admin/payouts/transfers', { amount: '12500.50' });
  assert.equal(paid.status, 303, await paid.text());
  const transferId = decodeURIComponent(paid.headers.get('location')?.split('/').pop() ?? '');
  assert.equal(store.shop.payouts.transfer(transferId)?.amount_paise, 1_250_050);
  assert.match(await page(`/admin/payouts/transfers/${transferId}`), /http-equiv="refresh"/);

  // The sandbox's clock moves the transfer on (PENDING, SUCCESS, then COMPLETED); its webhooks
  // reach the URL the store registered before paying.
  await fetch(`${sandbox.url}/_sandbox/clock/advance`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ minutes: 5 }),
  });
  const done = await until('the transfer to be SUCCESS/COMPLETED', () => {
    const t = store.shop.payouts.transfer(transferId);
    return t?.status === 'SUCCESS' && t.status_code === 'COMPLETED' ? t : undefined;
  });
  assert.ok(done.utr, 'the UTR from the webhook is kept');
  const events = store.shop.payouts
    .eventsFor(transferId)
    .map((e) => `${e.type} ${e.status}/${e.status_code}`);
  assert.deepEqual(events, [
    'TRANSFER_SUCCESS SUCCESS/SENT_TO_BENEFICIARY',
    'TRANSFER_ACKNOWLEDGED SUCCESS/COMPLETED',
  ]);
  const shown = await page(`/admin/payouts/transfers/${transferId}`);
  assert.match(shown, /data-testid="transfer-status" data-status="SUCCESS"/);
  assert.doesNotMatch(shown, /http-equiv="refresh"/, 'a final transfer stops refreshing');
});

test('a CSV with bad rows names each line and sends nothing; a good one becomes a batch with its transfers', async () => {
  const sent = await sandboxPayouts();
  const bad = await post('/admin/payouts/batches', {
    csv: [
      'name,bank_account_number,bank_ifsc,amount,remarks',
      'Kanchan Valley Tea Estate,026291800001191,YESB0000262,2500,Leaves',
      'Kanchan Valley Tea Estate,026291800001191,YESB0000262,25 rupees,Leaves',
      'Kanchan Valley Tea Estate,026291800001191,yesb000026,100,Leaves',
      '',
      'Too,few,fields',
    ].join('\n'),
  });
  const text = await bad.text();
  assert.equal(bad.status, 400);
  const lines = [...text.matchAll(/<li data-line="(\d+)">Line \d+: ([^<]*)/g)].map((m) => `${m[1]}: ${m[2]}`);
  assert.equal(lines.length, 3, lines.join('\n'));
  assert.match(lines[0] ?? '', /^3: amount “25 rupees” is not an amount in rupees/);
  assert.match(lines[1] ?? '', /^4: .*bank_ifsc/, 'the SDK’s IFSC check, named by line');
  assert.match(lines[2] ?? '', /^6: has 3 fields; the header has 5/);
  assert.deepEqual(await sandboxPayouts(), sent, 'nothing reached the sandbox');
  assert.equal(store.shop.payouts.recentBatches().length, 0);

  const good = await post('/admin/payouts/batches', {
    csv: `beneficiary_id,amount,remarks\n${SUPPLIER.beneficiary_id},2500,Second flush\n${SUPPLIER.beneficiary_id},1200.50,Cartons\n`,
  });
  assert.equal(good.status, 303, await good.text());
  const batchId = decodeURIComponent(good.headers.get('location')?.split('/').pop() ?? '');
  const transfers = store.shop.payouts.batchTransfers(batchId);
  assert.deepEqual(
    transfers.map((t) => t.amount_paise),
    [250_000, 120_050],
  );
  const shown = await page(`/admin/payouts/batches/${batchId}`);
  for (const t of transfers)
    assert.ok(shown.includes(t.transfer_id), `the batch page lists ${t.transfer_id}`);
});

test('the Payouts route refuses a forged delivery (listed) and a PG event (400, not listed as refused)', async () => {
  const body = JSON.stringify({
    type: 'TRANSFER_SUCCESS',
    event_time: '2026-12-07T10:00:00',
    data: { transfer_id: 'forged_1', status: 'SUCCESS', status_code: 'COMPLETED' },
  });
  const forged = await signWebhook({ body, secret: 'not-the-payouts-secret' });
  const refused = await fetch(`${store.url}${PAYOUTS_WEBHOOK_PATH}`, {
    method: 'POST',
    headers: forged.headers,
    body,
  });
  assert.equal(refused.status, 400);
  assert.equal(store.shop.rejections.recent()[0]?.reason, 'invalid_signature');
  assert.deepEqual(store.shop.payouts.eventsFor('forged_1'), []);

  const count = store.shop.rejections.recent().length;
  const pgBody = JSON.stringify({
    type: 'PAYMENT_SUCCESS_WEBHOOK',
    event_time: '2026-12-07T10:00:00+05:30',
    data: { order: { order_id: 'order_x' }, payment: { payment_status: 'SUCCESS' } },
  });
  const pg = await signWebhook({ body: pgBody, secret: payoutsSecret });
  const wrong = await fetch(`${store.url}${PAYOUTS_WEBHOOK_PATH}`, {
    method: 'POST',
    headers: pg.headers,
    body: pgBody,
  });
  assert.equal(wrong.status, 400);
  assert.equal(((await wrong.json()) as { error: { reason: string } }).error.reason, 'wrong_product');
  assert.equal(store.shop.rejections.recent().length, count);
});
