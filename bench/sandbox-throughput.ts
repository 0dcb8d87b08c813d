#!/usr/bin/env node
// Benchmark 5 (not a test): the sandbox's create-order and get-order throughput at 32
// connections, against a bare node:http server answering the same canned JSON (the limit of an
// HTTP server on this machine), each server in a process of its own and the load generator
// (wrk where installed, else autocannon) in another. Two sandboxes run side by side: one started empty, one holding
// 1,000,000 stored orders, so "cost does not grow with data" is measured in the same rounds.
//
// Where the runtime can load both SQLite drivers (Node 22.13+ with better-sqlite3 built for it), a
// third sandbox, empty, runs on the other driver, so the driver's cost is measured in the same rounds.
//
//   npm run bench -- sandbox-throughput [--quick] [--rounds 5] [--orders 1000000]
import { parseArgs } from 'node:util';
import { apiHeaders, ORDER_REQUEST } from './lib/fixtures.js';
import { type LoadGenerator, type LoadRequest, openLoadGenerator } from './lib/load.js';
import { type Helper, helperPath, startHelper } from './lib/processes.js';
import { type Figure, figuresOf, findFigure } from './lib/results.js';
import { interleaveCases } from './lib/rounds.js';
import { runBenchmark } from './lib/run.js';
import { benchSqliteDrivers } from './lib/sqlite-drivers.js';
import { pairedRatios, spread } from './lib/stats.js';
import { formatNumber, formatRatio } from './lib/table.js';

const CONNECTIONS = 32;
const BARE = 'bare node:http (canned JSON)';
const FRESH = 'sandbox, empty at start';
const CASES = ['create order: POST /pg/orders', 'get order: GET /pg/orders/{id}'] as const;
type Case = (typeof CASES)[number];

interface SandboxReady {
  url: string;
  appId: string;
  secretKey: string;
}

await runBenchmark(
  'sandbox-throughput',
  'Sandbox throughput: create-order and get-order',
  async (settings) => {
    const { values } = parseArgs({ options: { orders: { type: 'string' } }, strict: false });
    const stored = Number(values.orders ?? (settings.quick ? 100_000 : 1_000_000));
    const seconds = settings.quick ? 1 : 2;
    const FULL = `sandbox, ${stored.toLocaleString('en-US')} orders stored`;
    const helpers: Helper[] = [];
    const start = async <T>(name: string, args: string[] = []) => {
      const h = await startHelper<T>(helperPath(name), args);
      helpers.push(h);
      return h;
    };
    let load: LoadGenerator | undefined;
    try {
      load = await openLoadGenerator();
      const bare = await start<{ url: string }>('canned-server.ts');
      const fresh = await start<SandboxReady>('sandbox-server.ts');
      const full = await start<SandboxReady>('sandbox-server.ts');
      const { picked: defaultDriver, other: otherDriver } = benchSqliteDrivers();
      const OTHER = otherDriver && `sandbox, empty at start, on ${otherDriver}`;
      const other = otherDriver && (await start<SandboxReady>('sandbox-server.ts', [otherDriver]));
      settings.log(`sandbox-throughput: storing ${stored} orders`);
      const filled = await full.call<{ ms: number }>('prefill', { count: stored });
      settings.log(`sandbox-throughput: stored in ${Math.round(filled.ms)} ms`);

      const targets: Record<string, string> = {
        [BARE]: bare.ready.url,
        [FRESH]: fresh.ready.url,
        [FULL]: full.ready.url,
      };
      const servers: Record<string, Helper> = { [BARE]: bare, [FRESH]: fresh, [FULL]: full };
      if (OTHER && other) {
        targets[OTHER] = other.ready.url;
        servers[OTHER] = other;
      }
      const headers = apiHeaders(fresh.ready.appId, fresh.ready.secretKey);
      const body = JSON.stringify(ORDER_REQUEST);
      const paths: Record<string, string[]> = {};
      const loadFor = (
        contender: string,
        caseName: Case,
        time: number,
        connections = CONNECTIONS,
      ): LoadRequest =>
        caseName === CASES[0]
          ? {
              url: `${targets[contender]}/pg/orders`,
              method: 'POST',
              headers,
              body,
              connections,
              seconds: time,
            }
          : {
              url: `${targets[contender]}/pg/orders`,
              method: 'GET',
              headers,
              connections,
              seconds: time,
              paths: paths[contender]!,
            };
      // Warm-up (JIT, page cache), then ids to fetch, spread over each table.
      for (const contender of Object.keys(targets)) await load.run(loadFor(contender, CASES[0], 1, 8));
      for (const [contender, server] of [
        [FRESH, fresh],
        [FULL, full],
        ...(OTHER && other ? ([[OTHER, other]] as const) : []),
      ] as const) {
        const ids = await server.call<string[]>('orderIds', { count: 10_000 });
        paths[contender] = ids.map((id) => `/pg/orders/${encodeURIComponent(id)}`);
      }
      paths[BARE] = paths[FRESH]!;
      for (const contender of Object.keys(targets)) await load.run(loadFor(contender, CASES[1], 1, 8));

      const failures: string[] = [];
      const byCase = await interleaveCases(
        CASES,
        Object.keys(targets),
        settings.rounds,
        async (caseName, contender) => {
          const server = servers[contender]!;
          const cpuBefore = await server.call<number>('cpu');
          const r = await load!.run(loadFor(contender, caseName, seconds));
          const cpu = (await server.call<number>('cpu')) - cpuBefore;
          if (r.failed > 0) failures.push(`${contender}, ${caseName}: ${r.failed} of ${r.requests} not 2xx`);
          return {
            'requests/s': r.requestsPerSecond,
            'p50 ms': r.p50,
            'p99 ms': r.p99,
            'server CPU µs/request': cpu / r.requests,
          };
        },
        (round) => settings.log(`sandbox-throughput: round ${round + 1}/${settings.rounds}`),
      );
      const figures: Figure[] = [];
      for (const caseName of CASES) {
        figures.push(
          ...figuresOf(caseName, byCase[caseName], [
            { metric: 'requests/s', better: 'higher', baseline: BARE },
            { metric: 'p50 ms', better: 'lower' },
            { metric: 'p99 ms', better: 'lower' },
            { metric: 'server CPU µs/request', better: 'lower', baseline: BARE },
          ]),
        );
      }
      const create = CASES[0];
      const ratio = findFigure(figures, create, FRESH, 'requests/s').ratio!;
      const p99 = findFigure(figures, create, FRESH, 'p99 ms');
      const fullP99 = findFigure(figures, create, FULL, 'p99 ms');
      const growth = spread(
        pairedRatios(byCase[create][FULL]!['requests/s']!, byCase[create][FRESH]!['requests/s']!),
      );
      const getGrowth = spread(
        pairedRatios(byCase[CASES[1]][FULL]!['requests/s']!, byCase[CASES[1]][FRESH]!['requests/s']!),
      );
      return {
        setup:
          `${CONNECTIONS} connections, ${seconds} s per contender per round, load from ${load.name} in a process of its own; each server in its own process. ` +
          "Contenders: a bare `node:http` server answering the sandbox's own create-order / get-order JSON (the limit), " +
          `the sandbox as \`npm start\` runs it (database file on ${defaultDriver}, WAL, synchronous=NORMAL) started empty, and one holding ` +
          `${stored.toLocaleString('en-US')} orders (stored in one transaction before the rounds, shaped as create-order stores them: ` +
          'half with random shop order ids, most PAID or EXPIRED). Create-order sends a realistic body without order_id or ' +
          'idempotency key (as cashfree-pg does); get-order cycles through 10,000 existing ids spread over each table. ' +
          "Server CPU is the server process's user + system time per request served: on a busy machine it moves far less than requests/s.",
        figures,
        targets: [
          {
            goal: 'sandbox create-order ≥ 0.35× the bare node:http limit',
            measured: formatRatio(ratio),
            met: ratio.median >= 0.35,
          },
          {
            goal: 'sandbox create-order p99 under 25 ms',
            measured: `${formatNumber(p99.median)} ms (${formatNumber(p99.min)}–${formatNumber(p99.max)}); with ${stored.toLocaleString('en-US')} orders ${formatNumber(fullP99.median)} ms`,
            met: p99.median < 25 && fullP99.median < 25,
          },
          {
            goal: `create-order with ${stored.toLocaleString('en-US')} orders stored within 10% of the empty sandbox`,
            measured: `${formatRatio(growth)} of the empty sandbox's requests/s (get-order: ${formatRatio(getGrowth)})`,
            met: growth.median >= 0.9,
          },
        ],
        notes: [
          ...(failures.length > 0 ? [`Responses that were not 2xx: ${failures.join('; ')}`] : []),
          ...(OTHER
            ? CASES.map(
                (caseName) =>
                  `${caseName}: the sandbox on ${otherDriver} does ${formatRatio(
                    spread(
                      pairedRatios(
                        byCase[caseName][OTHER]!['requests/s']!,
                        byCase[caseName][FRESH]!['requests/s']!,
                      ),
                    ),
                  )} the requests/s of the sandbox on ${defaultDriver} (server CPU µs/request: ${formatRatio(
                    spread(
                      pairedRatios(
                        byCase[caseName][OTHER]!['server CPU µs/request']!,
                        byCase[caseName][FRESH]!['server CPU µs/request']!,
                      ),
                    ),
                  )}).`,
              )
            : [`Every sandbox runs on ${defaultDriver}, the driver \`npm start\` picks on this Node.`]),
        ],
      };
    } finally {
      await load?.close();
      for (const h of helpers.reverse()) await h.stop();
    }
  },
  { defaultRounds: 8 },
);
