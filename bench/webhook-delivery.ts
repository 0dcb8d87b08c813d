#!/usr/bin/env node
// Benchmark 6 (not a test): signed webhook deliveries per second, end to end, from the sandbox's
// delivery worker (outbox → fan-out → sign → POST → attempt record) to a local receiver that
// verifies every one with cashfree-kit's constructWebhookEvent. Baseline: a bare POST loop of
// already-signed bodies to the same receiver, with the same concurrency and a fresh connection
// per POST as the worker uses. Sandbox, receiver and poster each run in a process of their own.
import { signWebhook } from 'cashfree-kit/webhooks';
import { paymentSuccessBody } from '../test/support/webhook-payloads.ts';
import { type Helper, helperPath, startHelper } from './lib/processes.js';
import { figuresOf, findFigure } from './lib/results.js';
import { interleave } from './lib/rounds.js';
import { runBenchmark } from './lib/run.js';
import { formatRatio } from './lib/table.js';

/** The sandbox's delivery worker keeps this many attempts in flight (webhooks/delivery.ts). */
const IN_FLIGHT = 8;
const SANDBOX = 'sandbox delivery worker';
const BARE = `bare POST loop (${IN_FLIGHT} in flight, pre-signed)`;

interface Done {
  at: number;
  verified: number;
  rejected: number;
  firstRejection?: string;
}

await runBenchmark(
  'webhook-delivery',
  'Webhook delivery: sandbox to a verifying receiver',
  async (settings) => {
    const count = settings.quick ? 200 : 1000;
    const helpers: Helper[] = [];
    const start = async <T>(name: string, args: string[] = []) => {
      const h = await startHelper<T>(helperPath(name), args);
      helpers.push(h);
      return h;
    };
    try {
      const sandbox = await start<{ secretKey: string }>('sandbox-server.ts');
      const receiver = await start<{ url: string }>('webhook-receiver.ts', [sandbox.ready.secretKey]);
      const poster = await start('webhook-poster.ts');
      await sandbox.call('addEndpoint', { url: receiver.ready.url });
      const problems: string[] = [];

      const viaSandbox = async (n: number): Promise<number> => {
        await receiver.call('expect', { count: n });
        const emitted = await sandbox.call<{ at: number; events: number }>('emit', { count: n });
        if (emitted.events !== n) problems.push(`emit made ${emitted.events} events for ${n} orders`);
        const done = await receiver.call<Done>('done');
        await sandbox.call('idle');
        if (done.rejected > 0)
          problems.push(`${SANDBOX}: ${done.rejected} rejected (${done.firstRejection})`);
        return (n / (done.at - emitted.at)) * 1000;
      };
      const viaPoster = async (n: number): Promise<number> => {
        // Signed now, so every timestamp is inside the receiver's 300 s window.
        const deliveries = [];
        for (let i = 0; i < n; i++) {
          const signed = await signWebhook({
            body: paymentSuccessBody(`order_bench_${i}`, String(5_000_000_000 + i)),
            secret: sandbox.ready.secretKey,
          });
          deliveries.push({ headers: signed.headers, body: signed.rawBody });
        }
        await receiver.call('expect', { count: n });
        const posted = await poster.call<{ startedAt: number }>('post', {
          url: receiver.ready.url,
          deliveries,
          inFlight: IN_FLIGHT,
        });
        const done = await receiver.call<Done>('done');
        if (done.rejected > 0) problems.push(`${BARE}: ${done.rejected} rejected (${done.firstRejection})`);
        return (n / (done.at - posted.startedAt)) * 1000;
      };
      // Warm-up of both paths.
      await viaSandbox(Math.min(200, count));
      await viaPoster(Math.min(200, count));
      const samples = await interleave(
        [BARE, SANDBOX],
        settings.rounds,
        async (contender) => ({
          'deliveries/s': contender === SANDBOX ? await viaSandbox(count) : await viaPoster(count),
        }),
        (round) => settings.log(`webhook-delivery: round ${round + 1}/${settings.rounds}`),
      );
      const caseName = `${count} PAYMENT_SUCCESS_WEBHOOK deliveries`;
      const figures = figuresOf(caseName, samples, [
        { metric: 'deliveries/s', better: 'higher', baseline: BARE },
      ]);
      const ratio = findFigure(figures, caseName, SANDBOX, 'deliveries/s').ratio!;
      return {
        setup:
          `Per round ${count} orders are paid in one transaction (the admin trigger's PAYMENT_SUCCESS_WEBHOOK: real payments, real outbox events); ` +
          'deliveries/s runs from that commit to the receiver verifying the last one. The receiver (its own process) verifies each with ' +
          '`constructWebhookEvent` and answers 200. The baseline POSTs the same kind of signed bodies, ' +
          `${IN_FLIGHT} in flight with a fresh connection each, like the worker, with none of its outbox, signing or attempt records.`,
        figures,
        targets: [],
        notes: [
          ...problems,
          `The sandbox delivers at ${formatRatio(ratio)} the bare loop's rate; no target is set for this figure.`,
        ],
      };
    } finally {
      for (const h of helpers.reverse()) await h.stop();
    }
  },
);
