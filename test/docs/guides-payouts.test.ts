/**
 * The Payouts guide's code, run as written against a local sandbox on 127.0.0.1 (as
 * guides-flows.test.ts runs the PG guides): add the supplier, pay an invoice, read the status as
 * the sandbox clock moves, receive the Payouts webhooks on the guide's Express endpoint, pay a CSV
 * as a batch, and the "after a timeout" code: an answer lost on the way back and a request that
 * never arrived each end in exactly one transfer, under the same transfer_id.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type RequestListener } from 'node:http';
import { join } from 'node:path';
import { after, before, type TestContext, test } from 'node:test';
import { type RunningSandbox, startSandbox } from '@cashfree-kit/sandbox';
import {
  type BatchTransfer,
  CashfreePayouts,
  type CreateTransferRequest,
  isPayoutOutcomeUnknownError,
  type Transfer,
} from 'cashfree-kit/payouts';
import { REPO_ROOT } from '../../scripts/docs/check-snippets.ts';
import { waitFor } from '../e2e/support/webhook-receiver.ts';
import { closeServer, urlOf } from '../support/webhook-http.ts';
import { provideGlobals, runSnippet } from './support/run-snippet.ts';
import { pointEnvAtSandbox } from './support/sandbox-env.ts';

const GUIDE = 'docs/guides/payouts.md';
const SUCCESS_ACCOUNT = { account: '026291800001191', ifsc: 'YESB0000262' };

let sandbox: RunningSandbox;
let restoreEnv: () => void;
/** The merchant's side, straight to the sandbox, to check what the guide's code did. */
let check: CashfreePayouts;

before(async () => {
  sandbox = await startSandbox({ port: 0, db: ':memory:', webhookRetrySchedule: 'fast' });
  restoreEnv = pointEnvAtSandbox(sandbox);
  // The sandbox takes its own keys on /payout; fromEnv() follows CASHFREE_BASE_URL to /payout.
  process.env['CASHFREE_PAYOUTS_CLIENT_ID'] = sandbox.appId;
  process.env['CASHFREE_PAYOUTS_CLIENT_SECRET'] = sandbox.secretKey;
  check = CashfreePayouts.fromEnv();
});

after(async () => {
  restoreEnv();
  await sandbox.close();
});

/** The guide's `db.payouts`: every status saved, in order. */
function payoutsDb() {
  const saved: [string, string][] = [];
  return {
    saved,
    db: {
      payouts: { save: async (transferId: string, status: string) => void saved.push([transferId, status]) },
    },
  };
}

async function serve(t: TestContext, handler: RequestListener): Promise<string> {
  const server = createServer(handler).listen(0, '127.0.0.1');
  t.after(() => closeServer(server));
  return urlOf(server);
}

/** Moves the sandbox clock a minute at a time, as the transfers' steps are seconds to minutes apart. */
function advanceMinutes(minutes: number): void {
  for (let i = 0; i < minutes; i++) sandbox.sandbox.advanceClock(60_000);
}

test('the index lists the Payouts guide', () => {
  const index = readFileSync(join(REPO_ROOT, 'docs/guides/README.md'), 'utf8');
  assert.ok(index.includes('](payouts.md)'), 'docs/guides/README.md links payouts.md');
});

test('add a supplier, pay an invoice, follow it to SUCCESS and hear it by webhook: the guide as written', async (t) => {
  const { db, saved } = payoutsDb();
  provideGlobals(t, { db, payouts: check });

  const { app } = await runSnippet<{ app: RequestListener }>(t, GUIDE, 'webhook', {
    append: 'export { app };',
  });
  const url = await serve(t, app);
  const registered = await fetch(`${sandbox.url}/_sandbox/webhooks/endpoints`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ url: `${url}/webhook/cashfree-payouts`, products: ['payouts'] }),
  });
  assert.equal(registered.status, 201);

  type Beneficiary = {
    addSupplier: (s: { id: string; name: string; account: string; ifsc: string }) => Promise<string>;
  };
  const { addSupplier } = await runSnippet<Beneficiary>(t, GUIDE, 'beneficiary');
  const supplier = { id: 'kanchan', name: 'Kanchan Valley Tea Estate', ...SUCCESS_ACCOUNT };
  assert.equal(await addSupplier(supplier), 'supplier_kanchan');
  assert.equal(await addSupplier(supplier), 'supplier_kanchan', 'adding the same supplier again is safe');

  type Pay = {
    payInvoice: (i: {
      id: string;
      supplierId: string;
      amountPaise: number;
      note: string;
    }) => Promise<Transfer>;
  };
  const { payInvoice } = await runSnippet<Pay>(t, GUIDE, 'pay');
  const invoice = {
    id: 'inv_2026_0042',
    supplierId: 'kanchan',
    amountPaise: 125_050,
    note: 'Second flush leaves',
  };
  const transfer = await payInvoice(invoice);
  assert.equal(transfer.status, 'RECEIVED');
  assert.equal(
    (await payInvoice(invoice)).cf_transfer_id,
    transfer.cf_transfer_id,
    'a second click pays nothing more',
  );
  const sent = await check.transfers.get({ transfer_id: 'invoice_inv_2026_0042' });
  assert.equal(sent.transfer_amount, 1250.5, 'rupees, not paise');

  type Status = { payoutState: (id: string) => Promise<Record<string, unknown>> };
  const { payoutState } = await runSnippet<Status>(t, GUIDE, 'status');
  assert.deepEqual(await payoutState('invoice_inv_2026_0042'), { state: 'in progress', status: 'RECEIVED' });
  advanceMinutes(5);
  const paid = await payoutState('invoice_inv_2026_0042');
  assert.equal(paid['state'], 'paid');
  assert.ok(paid['utr'], 'a paid transfer has its UTR');

  // The sandbox's signed TRANSFER_SUCCESS reached the guide's endpoint and set the status.
  await waitFor('the Payouts webhook', () =>
    saved.find(([id, status]) => id === 'invoice_inv_2026_0042' && status === 'SUCCESS'),
  );
  assert.deepEqual(saved.slice(0, 2), [
    ['invoice_inv_2026_0042', 'SENDING'],
    ['invoice_inv_2026_0042', 'RECEIVED'],
  ]);

  // A PG event, or a forged one, is refused by the Payouts endpoint.
  const forged = await fetch(`${url}/webhook/cashfree-payouts`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-webhook-signature': 'bm90IGl0',
      'x-webhook-timestamp': String(Date.now()),
    },
    body: '{"type":"TRANSFER_SUCCESS","data":{}}',
  });
  assert.equal(forged.status, 400);
});

test('a CSV of invoices becomes one batch, processed to final statuses', async (t) => {
  await check.beneficiaries.create({
    beneficiary_id: 'supplier_darjeeling',
    beneficiary_name: 'Darjeeling Tea Estate',
    beneficiary_instrument_details: { bank_account_number: '00011020001772', bank_ifsc: 'HDFC0000001' },
  });
  type Batch = { payInvoicesFromCsv: (id: string, csv: string) => Promise<BatchTransfer> };
  const { payInvoicesFromCsv } = await runSnippet<Batch>(t, GUIDE, 'batch');
  const csv = 'supplier_id,invoice,amount\ndarjeeling,inv_b1,2500\n darjeeling , inv_b2 , 1200.50\n\n';
  const batch = await payInvoicesFromCsv('batch_2026_12_01', csv);
  assert.equal(batch.batch_transfer_id, 'batch_2026_12_01');
  await assert.rejects(
    payInvoicesFromCsv('batch_bad', 'supplier_id,invoice,amount\ndarjeeling,inv_b3,0.5\n'),
    {
      name: 'ValidationError',
      message: /transfers\[0\]\.transfer_amount/,
    },
  );

  advanceMinutes(5);
  const done = await check.batchTransfers.get({ batch_transfer_id: 'batch_2026_12_01' });
  assert.equal(done.status, 'PROCESSED');
  assert.deepEqual(
    done.transfers
      ?.map((transfer) => [transfer.transfer_id, transfer.transfer_amount, transfer.status])
      .sort(),
    [
      ['invoice_inv_b1', 2500, 'SUCCESS'],
      ['invoice_inv_b2', 1200.5, 'SUCCESS'],
    ],
  );
});

test('after a timeout: an unknown outcome is saved, then settled with the same transfer_id, never paid twice', async (t) => {
  /** 'lost': the POST reaches the sandbox, its answer does not come back, and no lookup gets through. */
  let mode: 'lost' | 'dropped' | 'ok' = 'lost';
  const flakyFetch: typeof fetch = async (input, init) => {
    const method = init?.method ?? 'GET';
    if (mode === 'dropped' || (mode === 'lost' && method === 'GET')) throw new TypeError('fetch failed');
    const response = await fetch(input, init);
    if (mode === 'lost') {
      await response.arrayBuffer();
      throw new TypeError('fetch failed: socket hang up');
    }
    return response;
  };
  const payouts = new CashfreePayouts({
    clientId: sandbox.appId,
    clientSecret: sandbox.secretKey,
    environment: 'sandbox',
    baseUrl: `${sandbox.url}/payout`,
    maxRetries: 0,
    fetch: flakyFetch,
  });
  const { db, saved } = payoutsDb();
  provideGlobals(t, { db, payouts });
  type AfterTimeout = {
    sendPayout: (request: CreateTransferRequest) => Promise<Transfer>;
    settleUnknownPayout: (request: CreateTransferRequest) => Promise<Transfer>;
  };
  const { sendPayout, settleUnknownPayout } = await runSnippet<AfterTimeout>(t, GUIDE, 'after-timeout');
  const request = (transferId: string): CreateTransferRequest => ({
    transfer_id: transferId,
    transfer_amount: 640,
    beneficiary_details: {
      beneficiary_name: 'Nilgiri Packing Works',
      beneficiary_instrument_details: { bank_account_number: '1233943142', bank_ifsc: 'ICIC0000009' },
    },
  });

  // The answer was lost: the transfer exists, the guide's code saves UNKNOWN and the settle finds it.
  const lost = await sendPayout(request('payout_lost_1')).catch((error: unknown) => error);
  assert.ok(isPayoutOutcomeUnknownError(lost), String(lost));
  assert.equal(lost.id, 'payout_lost_1');
  mode = 'dropped';
  await assert.rejects(settleUnknownPayout(request('payout_lost_1')), { name: 'ConnectionError' });
  mode = 'ok';
  const found = await settleUnknownPayout(request('payout_lost_1'));
  assert.equal(found.transfer_id, 'payout_lost_1');

  // The request never arrived: the settle finds nothing and sends it, with the same id.
  mode = 'dropped';
  assert.ok(
    isPayoutOutcomeUnknownError(await sendPayout(request('payout_dropped_1')).catch((e: unknown) => e)),
  );
  await assert.rejects(check.transfers.get({ transfer_id: 'payout_dropped_1' }), {
    code: 'transfer_id_not_found',
  });
  mode = 'ok';
  const sentAgain = await settleUnknownPayout(request('payout_dropped_1'));
  assert.equal(sentAgain.transfer_id, 'payout_dropped_1');

  assert.deepEqual(saved, [
    ['payout_lost_1', 'SENDING'],
    ['payout_lost_1', 'UNKNOWN'],
    ['payout_lost_1', found.status],
    ['payout_dropped_1', 'SENDING'],
    ['payout_dropped_1', 'UNKNOWN'],
    ['payout_dropped_1', 'SENDING'],
    ['payout_dropped_1', sentAgain.status],
  ]);
  // One transfer each on the sandbox, whatever was retried.
  const state = (await (await fetch(`${sandbox.url}/_sandbox/payouts/state?limit=500`)).json()) as {
    transfers: { transfer_id: string }[];
  };
  for (const id of ['payout_lost_1', 'payout_dropped_1']) {
    assert.equal(state.transfers.filter((transfer) => transfer.transfer_id === id).length, 1, id);
  }
});
