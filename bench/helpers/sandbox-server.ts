// Helper process (benchmarks 5 and 6): the sandbox as `npm start` runs it (startSandbox, a
// database file in a fresh temporary directory: WAL, synchronous=NORMAL), answering commands:
// `prefill { count }` stores orders shaped as create-order stores them, in one transaction
// (realistic rows and indexes, no HTTP); `orderIds { count }` picks existing order ids
// spread over the whole table; `addEndpoint` and `emit` drive webhook delivery (benchmark 6).
// An optional first argument names the SQLite driver (default: the runtime's, as `npm start`).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox } from '@cashfree-kit/sandbox';
import type { SandboxAppInternals } from '../../packages/sandbox/src/sandbox-app.ts';
import { createOrder } from '../../packages/sandbox/src/services/orders.ts';
import { defaultSqliteDriver, type SqliteDriver } from '../../packages/sandbox/src/store/sqlite/index.ts';
import { newPaymentSessionId, randomAlphanumeric } from '../../packages/sandbox/src/util/ids.ts';
import { DEFAULT_ORDER_TTL_MS, parseCreateOrder } from '../../packages/sandbox/src/validation/orders.ts';
import { lastEventId, triggerEvent } from '../../packages/sandbox/src/webhooks/trigger.ts';
import { ORDER_REQUEST } from '../lib/fixtures.js';
import { serveCommands } from '../lib/processes.js';

const dir = mkdtempSync(join(tmpdir(), 'cashfree-bench-sandbox-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
const sqliteDriver = (process.argv[2] as SqliteDriver | undefined) ?? defaultSqliteDriver();
const sandbox = await startSandbox({ port: 0, db: join(dir, 'sandbox.db'), sqliteDriver });
const ctx = (sandbox.sandbox as SandboxAppInternals).context;

/**
 * Orders as shops make them: rows shaped exactly as create-order stores them (the validated
 * request's details, a generated session id), half with the shop's own order_id (random, so they
 * land all over the order_id index) and half with the generated kind; most paid or expired long ago.
 * Rows go straight into the orders table (one transaction): a million HTTP requests would take
 * longer than the whole benchmark.
 */
function prefill({ count }: { count: number }): { count: number; ms: number } {
  const started = performance.now();
  const now = ctx.clock.now();
  const template = parseCreateOrder(ORDER_REQUEST, now);
  const statuses = ['PAID', 'PAID', 'PAID', 'EXPIRED', 'ACTIVE'] as const;
  ctx.transact(() => {
    for (let i = 0; i < count; i++) {
      const cfOrderId = ctx.store.ids.order.next();
      const createdAt = now - (count - i) * 1000;
      const details = {
        ...template.details,
        customer_details: {
          ...template.details.customer_details,
          customer_id: `cust_${i % 50_000}`,
          customer_phone: `9${String(100_000_000 + (i % 800_000_000)).padStart(9, '0')}`,
        },
      };
      const status = statuses[i % statuses.length]!;
      ctx.store.orders.insert({
        cf_order_id: cfOrderId,
        order_id:
          i % 2 === 0 ? `shop_${randomAlphanumeric(16)}` : `order_${cfOrderId}${randomAlphanumeric(20)}`,
        payment_session_id: newPaymentSessionId(cfOrderId),
        status,
        amount: 10_000 + (i % 500_000),
        currency: 'INR',
        created_at: createdAt,
        // Orders still ACTIVE are recent ones: none is due to expire during the benchmark.
        expires_at: status === 'ACTIVE' ? now + DEFAULT_ORDER_TTL_MS : createdAt + DEFAULT_ORDER_TTL_MS,
        cf_link_id: null,
        details: JSON.stringify(details),
      });
    }
  });
  // Let the scheduler know of the earliest new expiry, as createOrder does.
  ctx.scheduler.expect(now + DEFAULT_ORDER_TTL_MS);
  return { count, ms: performance.now() - started };
}

function orderIds({ count }: { count: number }): string[] {
  const { lo, hi } = ctx.store.db
    .prepare('SELECT MIN(cf_order_id) AS lo, MAX(cf_order_id) AS hi FROM orders')
    .get() as { lo: number; hi: number };
  const byCfId = ctx.store.db.prepare<[number], { order_id: string }>(
    'SELECT order_id FROM orders WHERE cf_order_id >= ? ORDER BY cf_order_id LIMIT 1',
  );
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const row = byCfId.get(lo + Math.floor(Math.random() * (hi - lo + 1)));
    if (row) ids.push(row.order_id);
  }
  return ids;
}

function orderCount(): number {
  return (ctx.store.db.prepare('SELECT COUNT(*) AS n FROM orders').get() as { n: number }).n;
}

/** Registers a webhook endpoint through the admin API. */
async function addEndpoint({ url }: { url: string }): Promise<unknown> {
  const res = await sandbox.sandbox.request('/_sandbox/webhooks/endpoints', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ url }),
  });
  if (res.status !== 201) throw new Error(`endpoint not registered: ${res.status} ${await res.text()}`);
  return res.json();
}

/**
 * Pays `count` new orders in one transaction (the trigger's PAYMENT_SUCCESS_WEBHOOK: real
 * payments, real outbox events), so their deliveries start together once it commits. Resolves
 * with the commit time (epoch ms) and how many events were appended.
 */
function emit({ count }: { count: number }): { at: number; events: number } {
  const input = parseCreateOrder(ORDER_REQUEST, ctx.clock.now());
  const orders = ctx.transact(() => Array.from({ length: count }, () => createOrder(ctx, input)));
  const before = lastEventId(ctx);
  ctx.transact(() => {
    for (const order of orders) triggerEvent(ctx, 'PAYMENT_SUCCESS_WEBHOOK', order);
  });
  return { at: performance.timeOrigin + performance.now(), events: lastEventId(ctx) - before };
}

/** Resolves once no delivery is due or in flight. */
async function idle(): Promise<boolean> {
  await (sandbox.sandbox as SandboxAppInternals).webhooks.whenIdle();
  return true;
}

serveCommands(
  { url: sandbox.url, appId: sandbox.appId, secretKey: sandbox.secretKey, sqliteDriver },
  { prefill, orderIds, orderCount, addEndpoint, emit, idle },
);
