#!/usr/bin/env node
// Benchmark 7 (not a test): Cashfree Payouts on the local sandbox. A 1,000-transfer batch (the
// most one batch may hold) is created, processed to final statuses by advancing the sandbox clock,
// and its webhooks delivered to a local receiver that verifies every one; the same 1,000 transfers
// as single create-transfer calls are the second contender. The limit is the sandbox's own
// create-order, 1,000 single calls measured in the same rounds with the same client: a batch must
// not be slower per item than single calls. Sandbox and receiver each run in a process of their own.
//
//   npm run bench -- payouts [--quick] [--rounds 5] [--transfers 1000]   (--quick: 200 transfers)
import { parseArgs } from 'node:util';
import { PRODUCTS } from 'cashfree-kit';
import { apiHeaders, ORDER_REQUEST } from './lib/fixtures.js';
import { type Helper, helperPath, startHelper } from './lib/processes.js';
import { figuresOf, findFigure } from './lib/results.js';
import { interleave } from './lib/rounds.js';
import { runBenchmark } from './lib/run.js';
import { formatRatio } from './lib/table.js';

/** Single calls in flight at once, as a merchant's worker pool would send them. */
const IN_FLIGHT = 8;
const LIMIT = 'sandbox create-order, single calls (the limit)';
const SINGLE = 'transfers, single create-transfer calls';
const BATCH = 'transfers, one batch';
const CREATED = 'items created/s';
const END_TO_END = 'transfers/s to final status + webhooks';
const BENEFICIARY = 'bench_tea_estate';
/** Cashfree's documented success account: every transfer to it ends SUCCESS (COMPLETED). */
const SUCCESS_ACCOUNT = { bank_account_number: '026291800001191', bank_ifsc: 'YESB0000262' };

interface SandboxReady {
  url: string;
  appId: string;
  secretKey: string;
}

interface Done {
  at: number;
  completed: number;
  byType: Record<string, number>;
  rejected: number;
  firstRejection?: string;
}

await runBenchmark('payouts', 'Payouts: a batch and single transfers on the sandbox', async (settings) => {
  const { values } = parseArgs({ options: { transfers: { type: 'string' } }, strict: false });
  // --quick: a quick look at 200; the figure to publish is the full batch.
  const count = Number(values.transfers ?? (settings.quick ? 200 : 1000));
  if (!Number.isInteger(count) || count < 1 || count > 1000)
    throw new Error('[bench] --transfers must be 1 to 1000, the most one batch may hold');
  const helpers: Helper[] = [];
  const start = async <T>(name: string, args: string[] = []) => {
    const h = await startHelper<T>(helperPath(name), args);
    helpers.push(h);
    return h;
  };
  try {
    const sandbox = await start<SandboxReady>('sandbox-server.ts');
    const { url, appId, secretKey } = sandbox.ready;
    // The sandbox signs Payouts webhooks with its Payouts secret, its secret key unless told otherwise.
    const receiver = await start<{ url: string }>('payouts-webhook-receiver.ts', [secretKey]);
    const pgHeaders = apiHeaders(appId, secretKey);
    const payoutHeaders = { ...pgHeaders, 'x-api-version': PRODUCTS.payouts.apiVersion };
    const problems: string[] = [];

    const post = async (path: string, headers: Record<string, string>, body: unknown) => {
      const res = await fetch(`${url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
      const text = await res.text();
      if (!res.ok) throw new Error(`[bench] POST ${path}: ${res.status} ${text.slice(0, 300)}`);
      return JSON.parse(text) as Record<string, unknown>;
    };
    /** Runs `send(i)` for i in 0..n-1, IN_FLIGHT at a time; resolves with the elapsed ms. */
    const inFlight = async (n: number, send: (i: number) => Promise<unknown>) => {
      const started = performance.now();
      let next = 0;
      const worker = async () => {
        while (next < n) await send(next++);
      };
      await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
      return performance.now() - started;
    };

    await post('/payout/beneficiary', payoutHeaders, {
      beneficiary_id: BENEFICIARY,
      beneficiary_name: 'Kanchan Valley Tea Estate',
      beneficiary_instrument_details: SUCCESS_ACCOUNT,
    });
    const register = await fetch(`${url}/_sandbox/webhooks/endpoints`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ url: receiver.ready.url, products: ['payouts'] }),
    });
    if (register.status !== 201) throw new Error(`[bench] endpoint not registered: ${register.status}`);

    let run = 0;
    const transfer = (id: string) => ({
      transfer_id: id,
      transfer_amount: 1,
      transfer_mode: 'banktransfer',
      beneficiary_details: { beneficiary_id: BENEFICIARY },
      transfer_remarks: 'Tea leaves',
    });

    /** Creates `count` transfers one way, moves the clock until they are final, waits for their webhooks. */
    const payOut = async (contender: typeof SINGLE | typeof BATCH) => {
      const prefix = `b${++run}x`;
      const ids = Array.from({ length: count }, (_, i) => `${prefix}${i}`);
      await receiver.call('expect', { prefix, count });
      const started = performance.timeOrigin + performance.now();
      const createMs =
        contender === SINGLE
          ? await inFlight(count, (i) => post('/payout/transfers', payoutHeaders, transfer(ids[i]!)))
          : await inFlight(1, () =>
              post('/payout/transfers/batch', payoutHeaders, {
                batch_transfer_id: `${prefix}batch`,
                transfers: ids.map(transfer),
              }),
            );
      // RECEIVED → PENDING after 5 s, SUCCESS 30 s later, COMPLETED 2 minutes after that.
      await post('/_sandbox/clock/advance', { 'content-type': 'application/json' }, { minutes: 3 });
      const done = await receiver.call<Done>('done');
      await sandbox.call('idle');
      if (done.rejected > 0)
        problems.push(`${contender}: ${done.rejected} webhooks rejected (${done.firstRejection})`);
      for (const type of ['TRANSFER_SUCCESS', 'TRANSFER_ACKNOWLEDGED']) {
        if (done.byType[type] !== count)
          problems.push(`${contender}: ${done.byType[type] ?? 0} ${type} webhooks for ${count} transfers`);
      }
      if (contender === BATCH) {
        const res = await fetch(`${url}/payout/transfers/batch?batch_transfer_id=${prefix}batch`, {
          headers: payoutHeaders,
        });
        const batch = (await res.json()) as { status: string; transfers?: { status: string }[] };
        const succeeded = batch.transfers?.filter((t) => t.status === 'SUCCESS').length ?? 0;
        if (batch.status !== 'PROCESSED' || succeeded !== count)
          problems.push(
            `${contender}: batch ${batch.status} with ${succeeded} of ${count} transfers SUCCESS`,
          );
      }
      return {
        [CREATED]: (count / createMs) * 1000,
        [END_TO_END]: (count / (done.at - started)) * 1000,
      };
    };
    const createOrders = async () => {
      const ms = await inFlight(count, () => post('/pg/orders', pgHeaders, ORDER_REQUEST));
      return { [CREATED]: (count / ms) * 1000 };
    };

    // Warm-up of every path (JIT, statements, connections).
    await createOrders();
    await payOut(SINGLE);
    await payOut(BATCH);
    const samples = await interleave(
      [LIMIT, SINGLE, BATCH],
      settings.rounds,
      (contender) => (contender === LIMIT ? createOrders() : payOut(contender)),
      (round) => settings.log(`payouts: round ${round + 1}/${settings.rounds}`),
    );
    const caseName = `${count.toLocaleString('en-US')} items`;
    const figures = figuresOf(caseName, samples, [
      { metric: CREATED, better: 'higher', baseline: LIMIT },
      { metric: END_TO_END, better: 'higher', baseline: SINGLE },
    ]);
    const batchPerItem = findFigure(figures, caseName, BATCH, CREATED).ratio!;
    const singlePerItem = findFigure(figures, caseName, SINGLE, CREATED).ratio!;
    const batchEndToEnd = findFigure(figures, caseName, BATCH, END_TO_END);
    return {
      setup:
        `Per round and contender, ${count.toLocaleString('en-US')} items on one sandbox (as \`npm start\` runs it, its own process). ` +
        `The limit: ${count.toLocaleString('en-US')} create-order calls (POST /pg/orders). The transfers, ₹1 each to a saved beneficiary on ` +
        `Cashfree's success test account, go as ${count.toLocaleString('en-US')} POST /payout/transfers calls or one POST /payout/transfers/batch; ` +
        `single calls are ${IN_FLIGHT} in flight from the benchmark process with fetch (keep-alive), for orders and transfers alike. ` +
        `"${CREATED}" is the creation alone. "${END_TO_END}" runs from the first request to the receiver verifying the last ` +
        'TRANSFER_ACKNOWLEDGED: the sandbox clock is advanced 3 minutes (RECEIVED → PENDING → SUCCESS → COMPLETED) and every transfer ' +
        'sends TRANSFER_SUCCESS and TRANSFER_ACKNOWLEDGED, signed, through the delivery worker to a receiver (its own process) that ' +
        'verifies each with `constructPayoutsWebhookEvent`.',
      figures,
      targets: [
        {
          goal: 'a batch is not slower per item than single calls: batch transfers created/s ≥ the sandbox’s create-order',
          measured: `${formatRatio(batchPerItem)} of create-order (single create-transfer calls: ${formatRatio(singlePerItem)})`,
          met: batchPerItem.median >= 1,
        },
      ],
      notes: [
        ...problems,
        `A ${count.toLocaleString('en-US')}-transfer batch reaches final status with every webhook verified at ${Math.round(batchEndToEnd.median).toLocaleString('en-US')} transfers/s (median).`,
      ],
    };
  } finally {
    for (const h of helpers.reverse()) await h.stop();
  }
});
