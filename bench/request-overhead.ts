#!/usr/bin/env node
// Benchmark 3 (not a test): what a client costs per request. Contenders: raw fetch (the limit
// for any fetch-based client), cashfree-kit, and cashfree-pg 6.0.6 with error analytics off and
// at its default (on), each in a process of its own, against one bare loopback server (its own
// process) that answers canned Cashfree bodies. GET order and POST order, one at a time and 32
// in flight. The server costs every contender the same, so differences are client overhead.
import { type Helper, helperPath, startHelper } from './lib/processes.js';
import { type Figure, figuresOf, findFigure, type Target } from './lib/results.js';
import { interleaveCases } from './lib/rounds.js';
import { runBenchmark } from './lib/run.js';
import { assertSdkBuilt } from './lib/sdk-build.js';
import { pairedRatios, spread } from './lib/stats.js';
import { formatNumber, formatRatio } from './lib/table.js';

const CONTENDERS = {
  'raw fetch': 'fetch',
  'raw fetch + timeout signal': 'fetch-timeout',
  'cashfree-kit': 'cashfree-kit',
  'cashfree-pg (analytics off)': 'cashfree-pg-off',
  'cashfree-pg (analytics default)': 'cashfree-pg-default',
} as const;
type Contender = keyof typeof CONTENDERS;
const LIMIT: Contender = 'raw fetch';
/** Raw fetch with the per-request AbortSignal a timeout needs: what the SDK's own code adds is measured against it. */
const TIMEOUT_LIMIT: Contender = 'raw fetch + timeout signal';

const CASES = {
  'GET order, sequential': { op: 'get', inFlight: 1 },
  'GET order, 32 in flight': { op: 'get', inFlight: 32 },
  'POST order, sequential': { op: 'create', inFlight: 1 },
  'POST order, 32 in flight': { op: 'create', inFlight: 32 },
} as const;
type Case = keyof typeof CASES;

interface RunResult {
  requests: number;
  errors: number;
  firstError?: string;
  seconds: number;
  cpuMicrosPerRequest: number;
  p50: number;
  p99: number;
}

await runBenchmark(
  'request-overhead',
  'Request overhead: the SDK against raw fetch and cashfree-pg',
  async (settings) => {
    assertSdkBuilt();
    const ms = settings.quick ? 200 : 400;
    const server = await startHelper<{ url: string; orderId: string }>(helperPath('canned-server.ts'));
    const clients = new Map<Contender, Helper>();
    const notes: string[] = [];
    try {
      for (const [name, kind] of Object.entries(CONTENDERS) as Array<[Contender, string]>) {
        // The SDK as users install it (dist), not the workspace source.
        const client = await startHelper(
          helperPath('sdk-client.ts'),
          [kind, server.ready.url, server.ready.orderId],
          {
            execArgv: ['--import', 'tsx'],
          },
        );
        clients.set(name, client);
      }
      const run = (name: Contender, caseName: Case, time: number) =>
        clients.get(name)!.call<RunResult>('run', { ...CASES[caseName], ms: time });
      // Warm-up: every client, every case, so the JIT and the connection pools are warm. On the
      // way, the server's view of each request shows whether the raw-fetch limits still send what
      // cashfree-kit sends: a limit with fewer headers would charge the SDK for its request ids.
      const seen = new Map<string, string>();
      for (const caseName of Object.keys(CASES) as Case[]) {
        for (const name of clients.keys()) {
          await run(name, caseName, ms / 2);
          const names = await server.call<Record<string, string[]>>('lastHeaderNames');
          const method = CASES[caseName].op === 'get' ? 'GET' : 'POST';
          seen.set(`${name} ${method}`, (names[method] ?? []).join(', '));
        }
      }
      for (const method of ['GET', 'POST']) {
        const sdk = seen.get(`cashfree-kit ${method}`);
        for (const limit of [LIMIT, TIMEOUT_LIMIT]) {
          const sent = seen.get(`${limit} ${method}`);
          if (sent !== sdk) {
            throw new Error(
              `[bench] ${limit} must send the headers cashfree-kit sends (${method}): it sent [${sent}], ` +
                `cashfree-kit sent [${sdk}]. Update sdkWireHeaders in bench/helpers/sdk-client.ts.`,
            );
          }
        }
      }
      const errors = new Map<string, string>();
      const byCase = await interleaveCases(
        Object.keys(CASES) as Case[],
        [...clients.keys()],
        settings.rounds,
        async (caseName, name) => {
          const r = await run(name, caseName, ms);
          if (r.errors > 0) errors.set(`${name}, ${caseName}`, `${r.errors} errors, first: ${r.firstError}`);
          return {
            'requests/s': r.requests / r.seconds,
            'p50 ms': r.p50,
            'p99 ms': r.p99,
            'client CPU µs/request': r.cpuMicrosPerRequest,
          };
        },
        (round) => settings.log(`request-overhead: round ${round + 1}/${settings.rounds}`),
      );
      for (const [where, what] of errors) notes.push(`Errors: ${where}: ${what}`);
      for (const [name, client] of clients) {
        const blocked = await client.call<Record<string, number>>('blocked');
        const hosts = Object.entries(blocked);
        if (hosts.length > 0) {
          notes.push(
            `${name} tried to connect outside loopback (the benchmark refused each attempt; this network is closed anyway): ` +
              hosts.map(([host, n]) => `${host} ×${n}`).join(', '),
          );
        } else if (name === 'cashfree-pg (analytics default)') {
          notes.push(`${name}: no connection outside loopback was attempted during the run.`);
        }
      }
      const figures: Figure[] = [];
      for (const caseName of Object.keys(byCase) as Case[]) {
        figures.push(
          ...figuresOf(caseName, byCase[caseName], [
            { metric: 'requests/s', better: 'higher', baseline: LIMIT },
            { metric: 'p50 ms', better: 'lower' },
            { metric: 'p99 ms', better: 'lower' },
            { metric: 'client CPU µs/request', better: 'lower' },
          ]),
        );
      }
      const targets: Target[] = [];
      for (const caseName of Object.keys(CASES) as Case[]) {
        const ours = findFigure(figures, caseName, 'cashfree-kit', 'requests/s');
        const pg = findFigure(figures, caseName, 'cashfree-pg (analytics off)', 'requests/s');
        const withTimeout = findFigure(figures, caseName, TIMEOUT_LIMIT, 'requests/s');
        const r = ours.ratio!;
        const againstTimeout = pairedRatios(ours.values, withTimeout.values);
        const withTimeoutRatio = spread(againstTimeout);
        targets.push(
          {
            goal: `${caseName}: cashfree-kit ≥ 0.9× raw fetch and above cashfree-pg`,
            measured:
              `${formatRatio(r)} raw fetch; ${formatRatio(withTimeoutRatio)} raw fetch + timeout signal; ` +
              `${formatNumber(ours.median)} vs cashfree-pg ${formatNumber(pg.median)} req/s`,
            met: r.median >= 0.9 && ours.median > pg.median,
          },
          {
            // Issue 25's form of the target: against the limit that, like the SDK, can give up on
            // a hung server.
            goal: `${caseName}: cashfree-kit ≥ 0.9× raw fetch + timeout signal`,
            measured: formatRatio(withTimeoutRatio),
            met: withTimeoutRatio.median >= 0.9,
          },
        );
      }
      return {
        setup:
          'Contenders: raw `fetch` sending the request cashfree-kit sends (the same header names, checked during warm-up, ' +
          'with a fresh request id per call and a fresh idempotency key per write: the limit for a fetch-based client), the same with an ' +
          '`AbortController` and a 30 s timer per request (what any client needs to give up on a hung server), cashfree-kit (built package), ' +
          'cashfree-pg 6.0.6 with error analytics off and at its default (on: Sentry with tracing). Each client runs in a ' +
          "process of its own; the server is a bare `node:http` process answering canned Cashfree bodies (the sandbox's " +
          `own create-order / get-order JSON). Each cell runs ${ms} ms; CPU is the client process's user+system time per request.`,
        figures,
        targets,
        notes,
      };
    } finally {
      for (const client of clients.values()) await client.stop();
      await server.stop();
    }
  },
  { defaultRounds: 15 },
);
