/**
 * Issue 22, "never pays twice": Payouts transfers between cashfree-kit and a sandbox (in a child
 * process, on a file database, its clock frozen) through the fault-injecting TCP proxy of the PG
 * run (faults.test.ts), at a 25% fault rate: resets, hangs past the client's timeout, truncated
 * answers and gateway statuses, before the request reaches the sandbox and after it answered.
 * Payouts has no idempotency header, so after an ambiguous failure the client must look the
 * transfer up by its transfer_id and send it again only when the sandbox says it does not exist.
 * Over 1,000 transfers and 60 batches of 5:
 *
 * - every call ends in a transfer (or batch) or a typed cashfree-kit error, and nothing rejects
 *   unhandled;
 * - 0 paid twice: the sandbox holds at most one transfer per transfer_id, no create reached the
 *   sandbox a second time once one had (the proxy's log of every attempt shows it), and the
 *   balance went down by exactly what the paid transfers took (amount, charge and tax), once each;
 * - 0 lost: a call that returned a transfer names the one the sandbox has; every transfer the
 *   sandbox has was returned, or its call ended in the typed error that says the outcome is
 *   unknown and the transfer can be looked up (and a lookup then finds it); a call that ended in
 *   any other error left nothing.
 *
 * A second test replays a smaller run with a client whose lookups are made to say "not found", so
 * it re-sends blindly, and checks that the same accounting catches the double sends.
 */
import assert from 'node:assert/strict';
import { AsyncLocalStorage } from 'node:async_hooks';
import { type TestContext, test } from 'node:test';
import { isCashfreeError } from 'cashfree-kit';
import { CashfreePayouts, isPayoutOutcomeUnknownError } from 'cashfree-kit/payouts';
import { runPool, watchUnhandledRejections } from './support/concurrency.ts';
import { startFaultProxy } from './support/fault-proxy.ts';
import { attemptsById, classifyAttempts } from './support/payout-attempts.ts';
import { type LedgerTransfer, readPayoutsLedger } from './support/payouts-ledger.ts';
import { startSandboxProcess } from './support/sandbox-process.ts';
import { runSeed, seededRandom } from './support/seeded-random.ts';
import { tempDir } from './support/temp-dir.ts';
import { describeError } from './support/typed-errors.ts';

const FAULT_RATE = 0.25;
const TRANSFERS = 1_000;
const BATCHES = 60;
const BATCH_SIZE = 5;
const CONCURRENCY = 24;
const TIMEOUT_MS = 600;
const MAX_RETRIES = 3;
const RATE_LIMIT_RETRY_SECONDS = 1;
/** Rupees the sandbox starts with: far above what the run pays, so no transfer is refused for balance. */
const STARTING_BALANCE = 1_000_000;
/** About 30 s on a shared 2-core machine; well above every wait the run makes. */
const TEST_TIMEOUT_MS = 240_000;

/** Cashfree's documented test accounts that succeed, and one that fails (the balance comes back). */
const SUCCESS_ACCOUNTS = [
  ['026291800001191', 'YESB0000262'],
  ['00011020001772', 'HDFC0000001'],
  ['1233943142', 'ICIC0000009'],
  ['000100289877623', 'SBIN0008752'],
] as const;
const FAILING_ACCOUNT = ['026291800001190', 'YESB0000262'] as const;
const SAVED_BENEFICIARY = 'tea_estate_darjeeling';

type Payouts = InstanceType<typeof CashfreePayouts>;
type Transfer = Awaited<ReturnType<Payouts['transfers']['create']>>;
type Batch = Awaited<ReturnType<Payouts['batchTransfers']['create']>>;

/** One attempt of a call as the client saw it: its method and the status or error it ended in. */
interface ClientAttempt {
  method: string;
  outcome: number | string;
}

interface Outcome<T> {
  value?: T;
  error?: unknown;
}

async function settle<T>(call: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { value: await call() };
  } catch (error) {
    return { error };
  }
}

/** The i-th transfer of a run: a saved beneficiary or one given inline; every tenth fails at the bank. */
function transferBody(transferId: string, index: number) {
  const amount = 1 + (index % 40) + (index % 7) / 4;
  if (index % 2 === 0) {
    return {
      transfer_id: transferId,
      transfer_amount: amount,
      beneficiary_details: { beneficiary_id: SAVED_BENEFICIARY },
    };
  }
  const [account, ifsc] =
    index % 10 === 1
      ? FAILING_ACCOUNT
      : (SUCCESS_ACCOUNTS[index % SUCCESS_ACCOUNTS.length] as readonly [string, string]);
  return {
    transfer_id: transferId,
    transfer_amount: amount,
    transfer_mode: 'banktransfer' as const,
    transfer_remarks: 'Tea leaves invoice',
    beneficiary_details: {
      beneficiary_name: 'Darjeeling Tea Estate',
      beneficiary_instrument_details: { bank_account_number: account, bank_ifsc: ifsc },
    },
  };
}

const paise = (rupees: number) => Math.round(rupees * 100);

interface RunOptions {
  transfers: number;
  batches: number;
  /** Wraps the client's fetch (the broken-on-purpose run lies about lookups). */
  wrapFetch?: (fetch: typeof globalThis.fetch) => typeof globalThis.fetch;
  label: string;
}

interface RunResult {
  summary: Record<string, unknown>;
  /** What the accounting found wrong, by kind; all empty for a client that never pays twice. */
  problems: {
    untyped: string[];
    paidTwice: string[];
    /** Ids whose create reached the sandbox more than once (each later one refused as a repeat). */
    sentTwice: string[];
    /** A create sent again without a lookup answering "not found" since the previous send. */
    blindResends: string[];
    lost: string[];
    wrongTransfer: string[];
    balance: string[];
  };
}

/** One fault run: transfers and batches through the proxy, then the sandbox's own records, read directly. */
async function faultRun(t: TestContext, options: RunOptions): Promise<RunResult> {
  const started = performance.now();
  const seed = runSeed(options.label);
  const random = seededRandom(seed);
  const db = tempDir(t, options.label)('sandbox.db');
  const sandbox = await startSandboxProcess(t, {
    db,
    clock: { frozen: true },
    payouts: { balance: STARTING_BALANCE },
  });
  const proxy = await startFaultProxy({
    targetPort: Number(new URL(sandbox.url).port),
    random,
    faultRate: FAULT_RATE,
    rateLimitRetrySeconds: RATE_LIMIT_RETRY_SECONDS,
  });
  t.after(() => proxy.close());

  const credentials = {
    clientId: sandbox.appId,
    clientSecret: sandbox.secretKey,
    environment: 'sandbox' as const,
  };
  const direct = new CashfreePayouts({ ...credentials, baseUrl: `${sandbox.url}/payout` });
  await direct.beneficiaries.create({
    beneficiary_id: SAVED_BENEFICIARY,
    beneficiary_name: 'Darjeeling Tea Estate',
    beneficiary_instrument_details: { bank_account_number: '026291800001191', bank_ifsc: 'YESB0000262' },
  });

  let attempts = 0;
  // Each call's attempts as the client saw them (the hooks run inside the call's async context).
  const callOf = new AsyncLocalStorage<string>();
  const clientAttempts = new Map<string, ClientAttempt[]>();
  const byRequestId = new Map<string, ClientAttempt>();
  const faulty = new CashfreePayouts({
    ...credentials,
    baseUrl: `${proxy.url}/payout`,
    timeoutMs: TIMEOUT_MS,
    maxRetries: MAX_RETRIES,
    ...(options.wrapFetch ? { fetch: options.wrapFetch(globalThis.fetch) } : {}),
    onRequest: (event) => {
      attempts++;
      const call = callOf.getStore();
      if (call === undefined) return;
      const attempt: ClientAttempt = { method: event.method, outcome: 'pending' };
      byRequestId.set(event.requestId, attempt);
      clientAttempts.set(call, [...(clientAttempts.get(call) ?? []), attempt]);
    },
    onResponse: (event) => {
      const attempt = byRequestId.get(event.requestId);
      if (attempt) attempt.outcome = event.status;
    },
    onError: (event) => {
      const attempt = byRequestId.get(event.requestId);
      if (attempt) attempt.outcome = event.errorName;
    },
  });

  // --- Single transfers, then batches.
  const transferId = (index: number) => `po_${seed}_${index}`;
  const transfers: Outcome<Transfer>[] = new Array(options.transfers);
  await runPool(options.transfers, CONCURRENCY, async (index) => {
    const id = transferId(index);
    transfers[index] = await settle(() =>
      callOf.run(id, () => faulty.transfers.create(transferBody(id, index))),
    );
  });
  const batchId = (index: number) => `pob_${seed}_${index}`;
  const batchItemId = (batch: number, item: number) => `pob_${seed}_${batch}_${item}`;
  const batches: Outcome<Batch>[] = new Array(options.batches);
  await runPool(options.batches, Math.min(CONCURRENCY, 8), async (index) => {
    batches[index] = await settle(() =>
      callOf.run(batchId(index), () =>
        faulty.batchTransfers.create({
          batch_transfer_id: batchId(index),
          transfers: Array.from({ length: BATCH_SIZE }, (_, item) =>
            transferBody(batchItemId(index, item), index * BATCH_SIZE + item),
          ),
        }),
      ),
    );
  });

  // --- Let a day pass on the sandbox clock (not through the proxy): every transfer reaches its end.
  proxy.setFaultRate(0);
  const advanced = await fetch(`${sandbox.url}/_sandbox/clock/advance`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ days: 1 }),
  });
  assert.equal(advanced.status, 200, 'the sandbox clock moved');

  // "Can be looked up": a call that ended in an unknown outcome names a transfer the caller can ask
  // about; a fault-free lookup answers found or not found, and the ledger must agree.
  const unknownTransfers = transfers
    .map((outcome, index) => ({ outcome, id: transferId(index) }))
    .filter(({ outcome }) => isPayoutOutcomeUnknownError(outcome.error));
  const foundByLookup = new Set<string>();
  for (const { id } of unknownTransfers) {
    const found = await settle(() => direct.transfers.get({ transfer_id: id }));
    if (found.value) foundByLookup.add(id);
  }

  await proxy.close();
  await sandbox.close();
  const ledger = readPayoutsLedger(db);
  const attemptsLog = classifyAttempts(proxy.exchanges);
  const problems: RunResult['problems'] = {
    untyped: [],
    paidTwice: [],
    sentTwice: [],
    blindResends: [],
    lost: [],
    wrongTransfer: [],
    balance: [],
  };

  // --- Every call ended in a transfer or a typed error.
  for (const outcome of [...transfers, ...batches]) {
    if (outcome.error !== undefined && !isCashfreeError(outcome.error))
      problems.untyped.push(describeError(outcome.error));
  }

  // --- At most one transfer per transfer_id, and every one belongs to a call.
  const rowsById = new Map<string, LedgerTransfer[]>();
  for (const row of ledger.transfers)
    rowsById.set(row.transfer_id, [...(rowsById.get(row.transfer_id) ?? []), row]);
  for (const [id, rows] of rowsById)
    if (rows.length > 1) problems.paidTwice.push(`${id}: ${rows.length} transfers`);
  const batchRowsById = new Map<string, number>();
  for (const row of ledger.batches)
    batchRowsById.set(row.batch_transfer_id, (batchRowsById.get(row.batch_transfer_id) ?? 0) + 1);
  for (const [id, count] of batchRowsById)
    if (count > 1) problems.paidTwice.push(`batch ${id}: ${count} batches`);

  // --- The client sent a create again only after a lookup answered "not found" (its own view, in
  // order, from the hooks), and the proxy's log shows which creates reached the sandbox twice: a
  // lookup can overtake its create still on the way in (on a starved machine the proxy reads both
  // in one turn), so the sandbox says "not found", the SDK re-sends, and the sandbox refuses the
  // reused transfer_id (409), which the SDK resolves to the one transfer.
  for (const [call, tried] of clientAttempts) {
    let sent = false;
    let cleared = false;
    for (const attempt of tried) {
      if (attempt.method === 'POST') {
        if (sent && !cleared)
          problems.blindResends.push(`${call}: ${tried.map((a) => `${a.method} ${a.outcome}`).join(', ')}`);
        sent = true;
        cleared = false;
      } else if (attempt.outcome === 404) cleared = true;
    }
  }
  const transferAttempts = attemptsById(attemptsLog, 'transfer');
  const batchAttempts = attemptsById(attemptsLog, 'batch');
  for (const [id, tried] of [...transferAttempts, ...batchAttempts]) {
    const reached = tried.filter((attempt) => attempt.forwarded).length;
    if (reached > 1) {
      const story = attemptsLog
        .filter((a) => a.id === id)
        .map((a) => `${a.kind}${a.forwarded ? '' : ' (not forwarded)'}${a.fault ? ` ${a.fault}` : ''}`);
      problems.sentTwice.push(`${id}: the create reached the sandbox ${reached} times: ${story.join(', ')}`);
    }
  }

  // --- Nothing lost: what each call says happened is what the sandbox has.
  let returned = 0;
  let unknownButPaid = 0;
  let definiteErrors = 0;
  const checkCall = (
    id: string,
    outcome: Outcome<{ cf_transfer_id?: string; cf_batch_transfer_id?: string }>,
    rows: number,
    cfId: number | undefined,
    cfField: 'cf_transfer_id' | 'cf_batch_transfer_id',
  ) => {
    if (outcome.value) {
      returned++;
      if (rows !== 1) problems.lost.push(`${id}: returned, but the sandbox has ${rows}`);
      else if (String(outcome.value[cfField]) !== String(cfId))
        problems.wrongTransfer.push(`${id}: returned ${outcome.value[cfField]}, the sandbox has ${cfId}`);
    } else if (isPayoutOutcomeUnknownError(outcome.error)) {
      if (rows === 1) unknownButPaid++;
    } else {
      definiteErrors++;
      if (rows > 0)
        problems.lost.push(`${id}: ended in ${describeError(outcome.error)}, but the sandbox has it`);
    }
  };
  for (const [index, outcome] of transfers.entries()) {
    const id = transferId(index);
    const rows = rowsById.get(id) ?? [];
    checkCall(id, outcome, rows.length, rows[0]?.cf_transfer_id, 'cf_transfer_id');
  }
  for (const { id } of unknownTransfers) {
    if (foundByLookup.has(id) !== rowsById.has(id))
      problems.lost.push(`${id}: a lookup and the sandbox disagree`);
  }
  const cfBatchOf = new Map(ledger.batches.map((b) => [b.batch_transfer_id, b.cf_batch_transfer_id]));
  for (const [index, outcome] of batches.entries()) {
    const id = batchId(index);
    const count = batchRowsById.get(id) ?? 0;
    checkCall(id, outcome, count, cfBatchOf.get(id), 'cf_batch_transfer_id');
    const items = ledger.transfers.filter((row) => row.cf_batch_transfer_id === cfBatchOf.get(id));
    if (count === 1 && items.length !== BATCH_SIZE)
      problems.lost.push(`batch ${id}: ${items.length} of ${BATCH_SIZE} transfers`);
  }
  const calledIds = new Set([
    ...transfers.map((_, index) => transferId(index)),
    ...Array.from({ length: options.batches }, (_, b) =>
      Array.from({ length: BATCH_SIZE }, (_, i) => batchItemId(b, i)),
    ).flat(),
  ]);
  for (const id of rowsById.keys())
    if (!calledIds.has(id)) problems.lost.push(`${id}: a transfer no call made`);

  // --- The balance: down by exactly what the paid transfers took, each once.
  let paid = 0;
  for (const row of ledger.transfers) {
    const taken =
      row.status === 'SUCCESS' ? row.amount + (row.service_charge ?? 0) + (row.service_tax ?? 0) : 0;
    if (row.status === 'SUCCESS') paid++;
    else if (!['FAILED', 'REJECTED'].includes(row.status))
      problems.balance.push(`${row.transfer_id}: still ${row.status}`);
    if (row.debited !== taken)
      problems.balance.push(`${row.transfer_id} (${row.status}): debited ${row.debited}, expected ${taken}`);
  }
  const debited = ledger.transfers.reduce((sum, row) => sum + row.debited, 0);
  const spent = paise(STARTING_BALANCE) - (ledger.balance ?? paise(STARTING_BALANCE));
  if (spent !== debited)
    problems.balance.push(`the balance went down by ${spent} paise, the transfers took ${debited}`);

  const stats = proxy.stats;
  const kinds = (kind: string) => attemptsLog.filter((a) => a.kind === kind).length;
  const summary = {
    seed,
    transfer_calls: options.transfers,
    batch_calls: options.batches,
    batch_transfers: options.batches * BATCH_SIZE,
    attempts,
    proxy_requests: stats.requests,
    faults: proxy.faultCount(),
    fault_rate: Number((proxy.faultCount() / stats.requests).toFixed(3)),
    faults_by_kind: stats.faults,
    synthetic_statuses: stats.statuses,
    transfer_posts: kinds('transfer'),
    transfer_lookups: kinds('transfer_lookup'),
    batch_posts: kinds('batch'),
    batch_lookups: kinds('batch_lookup'),
    returned,
    ended_unknown:
      unknownTransfers.length + batches.filter((b) => isPayoutOutcomeUnknownError(b.error)).length,
    ended_unknown_but_paid: unknownButPaid,
    ended_in_other_errors: definiteErrors,
    sandbox_transfers: ledger.transfers.length,
    paid_transfers: paid,
    paid_twice: problems.paidTwice.length,
    reached_sandbox_twice: problems.sentTwice.length,
    resends_refused_409: [...clientAttempts.values()]
      .flat()
      .filter((a) => a.method === 'POST' && a.outcome === 409).length,
    blind_resends: problems.blindResends.length,
    // The client's own view: creates sent again after a lookup said "not found", and lookups made.
    resends: [...clientAttempts.values()].reduce(
      (n, tried) => n + Math.max(0, tried.filter((a) => a.method === 'POST').length - 1),
      0,
    ),
    lookups_sent: [...clientAttempts.values()].flat().filter((a) => a.method === 'GET').length,
    lost: problems.lost.length + problems.wrongTransfer.length,
    running_time_s: Number(((performance.now() - started) / 1000).toFixed(1)),
  };
  console.log(`[reliability] ${options.label}: ${JSON.stringify(summary)}`);
  return { summary, problems };
}

test('1,000 transfers and 60 batches through a 25% fault proxy: typed, never paid twice, none lost', {
  timeout: TEST_TIMEOUT_MS,
}, async (t) => {
  const unhandled = watchUnhandledRejections(t);
  const { summary, problems } = await faultRun(t, {
    transfers: TRANSFERS,
    batches: BATCHES,
    label: 'payouts-faults',
  });

  // --- The run was what it claims to be.
  const rate = summary['fault_rate'] as number;
  assert.ok(rate >= 0.2 && rate <= 0.3, `fault rate ${rate} is within 20-30%`);
  for (const [kind, count] of Object.entries(summary['faults_by_kind'] as Record<string, number>))
    assert.ok(count > 0, `${kind} was injected`);
  assert.ok((summary['transfer_lookups'] as number) > 0, 'ambiguous failures were looked up');
  assert.ok((summary['ended_unknown_but_paid'] as number) + (summary['returned'] as number) > 0);

  assert.deepEqual(unhandled, [], 'no unhandled rejection');
  assert.deepEqual(
    problems.untyped.slice(0, 5),
    [],
    `${problems.untyped.length} calls ended in an untyped error`,
  );
  assert.deepEqual(problems.paidTwice.slice(0, 5), [], `${problems.paidTwice.length} ids were paid twice`);
  assert.deepEqual(
    problems.blindResends.slice(0, 5),
    [],
    `${problems.blindResends.length} creates were sent again without a lookup saying "not found"`,
  );
  assert.deepEqual(problems.lost.slice(0, 5), [], `${problems.lost.length} transfers were lost`);
  assert.deepEqual(
    problems.wrongTransfer.slice(0, 5),
    [],
    `${problems.wrongTransfer.length} calls returned the wrong transfer`,
  );
  assert.deepEqual(problems.balance.slice(0, 5), [], `${problems.balance.length} balance mismatches`);
});

test('the same accounting catches a client that re-sends blindly (its lookups told "not found")', {
  timeout: TEST_TIMEOUT_MS,
}, async (t) => {
  // Every lookup is answered "does not exist" without reaching the sandbox, as a client that
  // never looks would behave: after an ambiguous failure it sends the transfer again.
  const blind =
    (fetch: typeof globalThis.fetch): typeof globalThis.fetch =>
    async (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
      if (method === 'GET' && /\/payout\/transfers(\/batch)?$/.test(url.pathname)) {
        const batch = url.pathname.endsWith('/batch');
        const code = batch ? 'batch_transfer_id_not_found' : 'transfer_id_not_found';
        return new Response(
          JSON.stringify({
            type: 'invalid_request_error',
            code,
            message: `${batch ? 'batch_transfer_id' : 'transfer_id'} does not exist`,
          }),
          {
            status: 404,
            headers: { 'content-type': 'application/json' },
          },
        );
      }
      return fetch(input, init);
    };
  const { summary, problems } = await faultRun(t, {
    transfers: 300,
    batches: 0,
    label: 'payouts-faults-blind',
    wrapFetch: blind,
  });
  assert.ok(
    problems.sentTwice.length > 0,
    `the blind client's double sends are seen: ${JSON.stringify(summary)}`,
  );
  assert.ok(
    problems.lost.length > 0,
    'and the transfers whose call then ended in a conflict are counted as lost',
  );
});
