// Helper process (benchmark 3): one HTTP client, as a user's process would hold it, sending
// create-order and get-order to the canned server. Commands: `run { op, inFlight, ms }` →
// requests, seconds, CPU µs, latency percentiles. One process per contender, so cashfree-pg's
// Sentry (analytics default) instruments only its own process.
import { API_HEADERS, Cashfree as CashfreeKit, VERSION } from 'cashfree-kit';
import { Cashfree as CashfreePg, CFEnvironment } from 'cashfree-pg';
import { API_VERSION, ORDER_REQUEST } from '../lib/fixtures.js';
import { serveCommands } from '../lib/processes.js';
import { percentile } from '../lib/stats.js';
import { guardLoopback } from './loopback-guard.js';

const [kind, origin, orderId] = process.argv.slice(2) as [string, string, string];
const guard = guardLoopback();
const APP_ID = 'bench_app';
const SECRET = 'bench_secret';
const base = `${origin}/pg`;

type Op = 'get' | 'create';
type Send = (op: Op) => Promise<unknown>;

/**
 * The headers cashfree-kit puts on the wire for one call, built by hand: the same names and the
 * same per-call values (a fresh request id, on a write a fresh idempotency key and a content type),
 * so the limit sends the bytes the SDK sends and a ratio measures the SDK's own work, not the
 * request ids and idempotency keys it adds for safety. The benchmark checks the names match.
 */
function sdkWireHeaders(op: Op): Record<string, string> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    [API_HEADERS.clientId]: APP_ID,
    [API_HEADERS.clientSecret]: SECRET,
    [API_HEADERS.apiVersion]: API_VERSION,
    [API_HEADERS.requestId]: crypto.randomUUID(),
    'x-sdk-platform': `cashfree-kit/${VERSION}`,
  };
  if (op === 'create') {
    headers[API_HEADERS.idempotencyKey] = crypto.randomUUID();
    headers['content-type'] = 'application/json';
  }
  return headers;
}

/** Raw fetch sending what the SDK sends, optionally bounded by a 30 s AbortSignal per request. */
function rawFetch(withTimeout: boolean): Send {
  const getUrl = `${base}/orders/${orderId}`;
  const createUrl = `${base}/orders`;
  return async (op) => {
    const controller = withTimeout ? new AbortController() : undefined;
    const timer = controller && setTimeout(() => controller.abort(), 30_000);
    try {
      const signal = controller?.signal ?? null;
      const headers = sdkWireHeaders(op);
      const res =
        op === 'get'
          ? await fetch(getUrl, { headers, signal })
          : await fetch(createUrl, { method: 'POST', headers, body: JSON.stringify(ORDER_REQUEST), signal });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      return await res.json();
    } finally {
      clearTimeout(timer);
    }
  };
}

function client(): Send {
  switch (kind) {
    case 'fetch':
      // The limit for a fetch-based client: the same request, JSON in and out, nothing else.
      return rawFetch(false);
    case 'fetch-timeout':
      // Raw fetch plus what any client needs to stop waiting on a hung server: an AbortController
      // and a timer per request (cashfree-kit's default timeoutMs). Node's fetch makes the request
      // follow the signal, and that costs more than the rest of a client's own work.
      return rawFetch(true);
    case 'cashfree-kit': {
      const cashfree = new CashfreeKit({
        appId: APP_ID,
        secretKey: SECRET,
        environment: 'sandbox',
        baseUrl: base,
      });
      return (op) => (op === 'get' ? cashfree.orders.get(orderId) : cashfree.orders.create(ORDER_REQUEST));
    }
    case 'cashfree-pg-off':
    case 'cashfree-pg-default': {
      const analytics = kind === 'cashfree-pg-off' ? false : undefined;
      const cashfree = new CashfreePg(
        CFEnvironment.SANDBOX,
        APP_ID,
        SECRET,
        undefined,
        undefined,
        undefined,
        analytics,
      );
      cashfree.basePath = base;
      return async (op) =>
        (op === 'get'
          ? await cashfree.PGFetchOrder(orderId)
          : await cashfree.PGCreateOrder({ ...ORDER_REQUEST })
        ).data;
    }
    default:
      throw new Error(`[bench] unknown client ${kind}`);
  }
}

const send = client();

async function run({ op, inFlight, ms }: { op: Op; inFlight: number; ms: number }) {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const deadline = started + ms;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (performance.now() < deadline) {
        const t = performance.now();
        try {
          await send(op);
          latencies.push(performance.now() - t);
        } catch (error) {
          errors++;
          firstError ??= String(error);
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const done = latencies.length;
  const sorted = Float64Array.from(latencies).sort();
  return {
    requests: done,
    errors,
    firstError,
    seconds,
    cpuMicrosPerRequest: (used.user + used.system) / Math.max(1, done),
    p50: done ? percentile(sorted, 50) : Number.NaN,
    p99: done ? percentile(sorted, 99) : Number.NaN,
  };
}

serveCommands(
  { kind },
  {
    run,
    blocked: () => Object.fromEntries(guard.attempts()),
  },
);
