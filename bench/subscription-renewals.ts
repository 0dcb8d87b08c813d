#!/usr/bin/env node
// Benchmark 7 (not a test): a year of subscription renewals on the sandbox clock. N ACTIVE
// monthly UPI Autopay subscriptions (10,000; 200 with --quick), the clock moved to each of the
// next 12 debits: 12·N charges, each with its pre-debit notification and its success, every one a
// signed webhook to a local receiver that verifies it. Measured: charges per second (until the
// last webhook of the year was answered), peak RSS and database size, against the limit: a plain
// insert loop of the same rows on the sandbox's SQLite driver (the sandbox's schema, copies of the rows one
// renewal stored), in the same rounds, interleaved. And the cost of one cycle with N active
// subscriptions beside one with N active + 10·N over (cancelled or completed): it must follow the
// charges due, not everything stored. Each contender runs in a fresh process of its own.
//
// The full run (10,000 subscriptions, two rounds) takes minutes: the webhooks, two per charge, set
// its pace.
//
//   npm run bench -- subscription-renewals [--quick] [--rounds 2] [--subscriptions 10000]
import { parseArgs } from 'node:util';
import { defaultSqliteDriver } from '../packages/sandbox/src/store/sqlite/index.ts';
import { type Helper, helperPath, startHelper } from './lib/processes.js';
import { type Figure, figuresOf, findFigure } from './lib/results.js';
import { rotate, type Samples } from './lib/rounds.js';
import { runBenchmark } from './lib/run.js';
import { formatNumber, formatRatio } from './lib/table.js';

const MONTHS = 12;
const MB = 1024 * 1024;
const LIMIT = 'plain SQLite insert loop (the limit)';
const SANDBOX = 'sandbox';
const ENDED = 'sandbox, with 10·N subscriptions over';
const YEAR = 'a year of renewals (12·N charges)';
const CYCLE = 'one monthly cycle (N charges due)';
/** The cycle compared: the second, so both sandboxes have run the charge path once (JIT, caches). */
const COMPARED = 1;

interface Renewed {
  cycleMs: number[];
  advanceMs: number[];
  advanceCpuMs: number[];
  charges: number;
  succeeded: number;
  deliveries: number;
  undelivered: number;
}
interface Stats {
  peakRssBytes: number;
  dbBytes: number;
}
interface Templates {
  schema: string[];
}

await runBenchmark(
  'subscription-renewals',
  'Subscription renewals: a year on the sandbox clock',
  async (settings) => {
    const { values } = parseArgs({ options: { subscriptions: { type: 'string' } }, strict: false });
    const n = Number(values.subscriptions ?? (settings.quick ? 200 : 10_000));
    const ended = 10 * n;
    const problems: string[] = [];
    const helpers = new Set<Helper>();
    const start = async <T>(name: string, args: string[] = []) => {
      const h = await startHelper<T>(helperPath(name), args);
      helpers.add(h);
      return h;
    };
    const stop = async (h: Helper) => {
      helpers.delete(h);
      await h.stop();
    };

    /** A fresh sandbox with `active` subscriptions (and `over` ended ones), renewing `months` times. */
    const sandboxRun = async (active: number, over: number, months: number) => {
      const sandbox = await start<{ secretKey: string }>('subscriptions-sandbox.ts');
      try {
        await sandbox.call('prefill', { active, ended: over });
        await sandbox.call('addEndpoint', { url: receiver.ready.url });
        const cpuBefore = await sandbox.call<number>('cpu');
        const renewed = await sandbox.call<Renewed>('renew', { months });
        const cpuUs = (await sandbox.call<number>('cpu')) - cpuBefore;
        const stats = await sandbox.call<Stats>('stats');
        if (renewed.charges !== active * months || renewed.succeeded !== active * months)
          problems.push(
            `${active} subscriptions × ${months} months: ${renewed.charges} charges, ${renewed.succeeded} SUCCESS`,
          );
        if (renewed.undelivered > 0) problems.push(`${renewed.undelivered} webhooks not delivered`);
        const templates = months > 0 ? await sandbox.call<Templates>('templates') : undefined;
        return { renewed, stats, templates, cpuUs };
      } finally {
        await stop(sandbox);
      }
    };

    let receiver: Helper<{ url: string }>;
    try {
      // The receiver verifies every delivery with the sandbox's secret (the built-in test key).
      const probe = await start<{ secretKey: string }>('subscriptions-sandbox.ts');
      const secret = probe.ready.secretKey;
      await stop(probe);
      receiver = await start<{ url: string }>('webhook-receiver.ts', [secret]);

      // Warm-up, and the rows one renewal stores, for the insert loop to copy.
      settings.log('subscription-renewals: warm-up');
      const warm = await sandboxRun(20, 0, 1);
      const templates = warm.templates!;

      const year: Samples = { [LIMIT]: {}, [SANDBOX]: {} };
      const cycle: Samples = { [SANDBOX]: {}, [ENDED]: {} };
      const put = (samples: Samples, contender: string, round: number, metrics: Record<string, number>) => {
        for (const [metric, value] of Object.entries(metrics)) {
          samples[contender]![metric] ??= [];
          samples[contender]![metric]![round] = value;
        }
      };
      const charges = MONTHS * n;
      const cycleMetrics = (renewed: Renewed) => ({
        'cycle ms': renewed.cycleMs[COMPARED]!,
        'charge path ms': renewed.advanceMs[COMPARED]!,
        'charge path CPU ms': renewed.advanceCpuMs[COMPARED]!,
        'charge path CPU µs per charge': (renewed.advanceCpuMs[COMPARED]! * 1000) / n,
      });
      for (let round = 0; round < settings.rounds; round++) {
        for (const contender of rotate([LIMIT, SANDBOX, ENDED], round)) {
          if (contender === LIMIT) {
            const loop = await start('sqlite-insert-loop.ts');
            try {
              const cpuBefore = await loop.call<number>('cpu');
              const r = await loop.call<{ ms: number } & Stats>('run', {
                templates,
                subscriptions: n,
                months: MONTHS,
              });
              const cpuUs = (await loop.call<number>('cpu')) - cpuBefore;
              put(year, LIMIT, round, {
                'charges/s': (charges / r.ms) * 1000,
                'CPU µs per charge': cpuUs / charges,
                'peak RSS MB': r.peakRssBytes / MB,
                'database MB': r.dbBytes / MB,
              });
            } finally {
              await stop(loop);
            }
          } else if (contender === SANDBOX) {
            const { renewed, stats, cpuUs } = await sandboxRun(n, 0, MONTHS);
            const ms = renewed.cycleMs.reduce((a, b) => a + b, 0);
            put(year, SANDBOX, round, {
              'charges/s': (charges / ms) * 1000,
              'CPU µs per charge': cpuUs / charges,
              'peak RSS MB': stats.peakRssBytes / MB,
              'database MB': stats.dbBytes / MB,
            });
            put(cycle, SANDBOX, round, cycleMetrics(renewed));
          } else {
            const { renewed } = await sandboxRun(n, ended, COMPARED + 1);
            put(cycle, ENDED, round, cycleMetrics(renewed));
          }
          settings.log(`subscription-renewals: round ${round + 1}, ${contender} done`);
        }
      }

      const figures: Figure[] = [
        ...figuresOf(YEAR, year, [
          { metric: 'charges/s', better: 'higher', baseline: LIMIT },
          { metric: 'CPU µs per charge', better: 'lower', baseline: LIMIT },
          { metric: 'peak RSS MB', better: 'lower', baseline: LIMIT },
          { metric: 'database MB', better: 'lower', baseline: LIMIT },
        ]),
        ...figuresOf(CYCLE, cycle, [
          { metric: 'cycle ms', better: 'lower', baseline: SANDBOX },
          { metric: 'charge path ms', better: 'lower', baseline: SANDBOX },
          { metric: 'charge path CPU ms', better: 'lower', baseline: SANDBOX },
          { metric: 'charge path CPU µs per charge', better: 'lower' },
        ]),
      ];
      const speed = findFigure(figures, YEAR, SANDBOX, 'charges/s');
      const growth = findFigure(figures, CYCLE, ENDED, 'charge path CPU ms').ratio!;
      const wholeGrowth = findFigure(figures, CYCLE, ENDED, 'cycle ms').ratio!;
      const count = (x: number) => x.toLocaleString('en-US');
      return {
        setup:
          `${count(n)} ACTIVE monthly UPI Autopay subscriptions (₹499, stored through the sandbox's own services before timing), ` +
          `the sandbox clock moved to each of the next ${MONTHS} debits: ${count(charges)} charges, each with its pre-debit ` +
          'notification and its SUCCESS, each a signed webhook to a receiver in a process of its own that verifies it; ' +
          "a cycle is timed from the clock's move until its last webhook was answered. The sandbox runs as `npm start` does " +
          '(database file, WAL, synchronous=NORMAL), a fresh one per contender and round. The limit: an insert loop ' +
          `on the sandbox's SQLite driver (${defaultSqliteDriver()} on this Node, through the sandbox's seam) ` +
          'in a process of its own, with the same settings and the sandbox’s schema of the renewal tables ' +
          '(subscription_payments, events, webhook_deliveries, with their indexes), inserting per cycle in one transaction ' +
          'copies of the rows the sandbox stored for one renewal (the charge, its two events, their deliveries). ' +
          `Peak RSS is each process's maximum resident set (the sandbox's includes storing the subscriptions). ` +
          `The cycle case times the second cycle of a sandbox holding only the N active subscriptions and of one also holding ` +
          `${count(ended)} that are over (half CANCELLED, half COMPLETED after their one charge): whole (to the last webhook) ` +
          "and its charge path alone (the clock move: the scheduler's transitions and the events they store, without the deliveries), " +
          "in wall time and in the sandbox process's CPU time (user + system), which a busy neighbour disturbs far less. " +
          "CPU µs per charge is each process's CPU time over the year (the sandbox's includes sending its webhooks; the receiver's is not counted).",
        figures,
        targets: [
          {
            goal: `the charge path of a cycle with ${count(ended)} more subscriptions stored (over) within 1.25× of the CPU time of one without`,
            measured: `${formatRatio(growth)} (wall time of the whole cycle, deliveries included: ${formatRatio(wholeGrowth)})`,
            met: growth.median <= 1.25,
          },
          {
            goal: 'every charge of the year SUCCESS and every webhook delivered and verified',
            measured:
              problems.length === 0
                ? `yes: ${count(charges)} charges a round, ${formatNumber(speed.median)} charges/s (${formatRatio(speed.ratio!)} of the limit)`
                : problems.join('; '),
            met: problems.length === 0,
          },
        ],
        notes: problems.length > 0 ? [`Problems: ${problems.join('; ')}`] : [],
      };
    } finally {
      for (const h of [...helpers].reverse()) await h.stop();
    }
  },
  { defaultRounds: 2 },
);
