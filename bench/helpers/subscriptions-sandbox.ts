// Helper process (the renewal benchmark): the sandbox as `npm start` runs it (startSandbox, a
// database file in a fresh temporary directory: WAL, synchronous=NORMAL) holding subscriptions.
// Commands: `prefill { active, ended }` stores `ended` subscriptions that are over (half
// CANCELLED, half COMPLETED after their one charge) and then `active` ACTIVE monthly UPI Autopay
// subscriptions, through the sandbox's own services, with no webhook endpoint yet so none of that
// is delivered; `addEndpoint { url }`; `renew { months }` moves the sandbox clock to each of the
// next `months` debits in turn and waits until every webhook of the cycle was delivered, timing
// each cycle; `stats` reports peak RSS and the database size; `templates` hands over the schema
// and the stored rows of one renewal, for the plain SQLite insert loop to copy. Each cycle's time
// is also reported up to the end of the clock move alone: the charge path (the scheduler's
// transitions and the events they store), without the deliveries.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox } from '@cashfree-kit/sandbox';
import type { SandboxAppInternals } from '../../packages/sandbox/src/sandbox-app.ts';
import { authoriseNow } from '../../packages/sandbox/src/services/subscriptions/authorise.ts';
import {
  createPlan,
  createSubscription,
  findSubscription,
  manageSubscriptionNow,
} from '../../packages/sandbox/src/services/subscriptions/subscriptions.ts';
import { addIntervals } from '../../packages/sandbox/src/state/subscription-cycles.ts';
import {
  parseCreatePlan,
  parseCreateSubscription,
  parseManageSubscription,
} from '../../packages/sandbox/src/validation/subscriptions.ts';
import { serveCommands } from '../lib/processes.js';

const dir = mkdtempSync(join(tmpdir(), 'cashfree-bench-subscriptions-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
const dbFile = join(dir, 'sandbox.db');
const sandbox = await startSandbox({ port: 0, db: dbFile });
const app = sandbox.sandbox as SandboxAppInternals;
const ctx = app.context;
const HOUR_MS = 3600_000;

/** The tables a renewal writes rows into, for the insert loop's schema. */
const RENEWAL_TABLES = ['subscription_payments', 'events', 'webhook_deliveries'] as const;

/** When the ACTIVE subscriptions were authorised: their cycles count from here. */
let activeSince = 0;
let cyclesRun = 0;

const customer = {
  customer_name: 'Bench Customer',
  customer_email: 'bench@example.com',
  customer_phone: '9876543210',
};

function subscribe(id: string, planId: string): void {
  createSubscription(
    ctx,
    parseCreateSubscription({
      subscription_id: id,
      customer_details: customer,
      plan_details: { plan_id: planId },
      authorization_details: { payment_methods: ['upi'] },
      subscription_meta: { return_url: 'https://shop.example/subscribed' },
    }),
  );
  authoriseNow(ctx, id, { method: 'upi' });
}

const plan = (planId: string, maxCycles: number) =>
  parseCreatePlan({
    plan_id: planId,
    plan_name: `Bench ${planId}`,
    plan_type: 'PERIODIC',
    plan_recurring_amount: 499,
    plan_max_amount: 999,
    plan_intervals: 1,
    plan_interval_type: 'MONTH',
    plan_max_cycles: maxCycles,
  });

/**
 * `ended` subscriptions that are over (half cancelled at once, half completed by their plan's
 * one charge, a month on the clock), then `active` monthly ones. Batches of 1,000 per transaction.
 */
async function prefill({ active, ended }: { active: number; ended: number }) {
  const started = performance.now();
  const inBatches = (count: number, each: (i: number) => void) => {
    for (let from = 0; from < count; from += 1000) {
      ctx.transact(() => {
        for (let i = from; i < Math.min(count, from + 1000); i++) each(i);
      });
    }
  };
  ctx.transact(() => {
    createPlan(ctx, plan('bench_monthly', 120));
    createPlan(ctx, plan('bench_once', 1));
  });
  const completed = Math.floor(ended / 2);
  inBatches(completed, (i) => subscribe(`bench_done_${i}`, 'bench_once'));
  inBatches(ended - completed, (i) => {
    const id = `bench_cancelled_${i}`;
    subscribe(id, 'bench_monthly');
    manageSubscriptionNow(ctx, findSubscription(ctx, id), parseManageSubscription({ action: 'CANCEL' }, id));
  });
  if (completed > 0) {
    sandbox.sandbox.advanceClock(
      addIntervals(sandbox.sandbox.now(), 'MONTH', 1) - sandbox.sandbox.now() + HOUR_MS,
    );
  }
  activeSince = sandbox.sandbox.now();
  inBatches(active, (i) => subscribe(`bench_active_${i}`, 'bench_monthly'));
  // Nothing is registered yet: the fan-out passes over these events and delivers none.
  await app.webhooks.whenIdle();
  return { ms: performance.now() - started, stored: count('subscriptions'), dbBytes: dbSize() };
}

function count(table: string, where = ''): number {
  return (ctx.store.db.prepare(`SELECT COUNT(*) AS n FROM ${table} ${where}`).get() as { n: number }).n;
}

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
 * The next `months` cycles: the clock moves to a few minutes past each debit (UPI's pre-debit
 * notice a day earlier, the debit, its answer a minute later), and each cycle is timed until its
 * last webhook was answered by the receiver.
 */
async function renew({ months }: { months: number }) {
  const cycleMs: number[] = [];
  const advanceMs: number[] = [];
  const advanceCpuMs: number[] = [];
  const chargesBefore = count('subscription_payments', "WHERE payment_type = 'CHARGE' AND cycle IS NOT NULL");
  const deliveriesBefore = count('webhook_deliveries');
  for (let m = 0; m < months; m++) {
    cyclesRun++;
    const target = addIntervals(activeSince, 'MONTH', cyclesRun) + 10 * 60_000;
    const started = performance.now();
    const cpu = process.cpuUsage();
    sandbox.sandbox.advanceClock(target - sandbox.sandbox.now());
    advanceMs.push(performance.now() - started);
    const used = process.cpuUsage(cpu);
    advanceCpuMs.push((used.user + used.system) / 1000);
    await app.webhooks.whenIdle();
    cycleMs.push(performance.now() - started);
  }
  return {
    cycleMs,
    advanceMs,
    advanceCpuMs,
    charges:
      count('subscription_payments', "WHERE payment_type = 'CHARGE' AND cycle IS NOT NULL") - chargesBefore,
    succeeded: count(
      'subscription_payments',
      "WHERE payment_type = 'CHARGE' AND status = 'SUCCESS' AND cf_subscription_id IN (SELECT cf_subscription_id FROM subscriptions WHERE subscription_id LIKE 'bench_active_%')",
    ),
    deliveries: count('webhook_deliveries') - deliveriesBefore,
    undelivered: count('webhook_deliveries', "WHERE status != 'delivered'"),
  };
}

function dbSize(): number {
  ctx.store.db.pragma('wal_checkpoint(TRUNCATE)');
  const size = (file: string) => {
    try {
      return statSync(file).size;
    } catch {
      return 0;
    }
  };
  return size(dbFile) + size(`${dbFile}-wal`);
}

function stats() {
  // maxRSS is in kilobytes: the peak of this process's life (prefill included).
  return { peakRssBytes: process.resourceUsage().maxRSS * 1024, dbBytes: dbSize() };
}

/** The schema of the renewal tables and the rows one renewal stored (its charge, events, deliveries). */
function templates() {
  const schema = ctx.store.db
    .prepare(
      `SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND tbl_name IN (${RENEWAL_TABLES.map(() => '?').join(', ')}) ORDER BY type DESC`,
    )
    .all(...RENEWAL_TABLES)
    .map((r) => (r as { sql: string }).sql);
  const charge = ctx.store.db
    .prepare(
      "SELECT * FROM subscription_payments WHERE payment_type = 'CHARGE' AND cycle IS NOT NULL LIMIT 1",
    )
    .get() as Record<string, unknown> | undefined;
  if (!charge) throw new Error('[bench] no renewal stored yet: run renew first');
  const events = ctx.store.db
    .prepare("SELECT * FROM events WHERE type LIKE 'SUBSCRIPTION_PAYMENT_%' AND data LIKE ? ORDER BY id")
    .all(`%"${charge['payment_id']}"%`) as Record<string, unknown>[];
  const deliveries = ctx.store.db
    .prepare(`SELECT * FROM webhook_deliveries WHERE event_id IN (${events.map(() => '?').join(', ')})`)
    .all(...events.map((e) => e['id'])) as Record<string, unknown>[];
  return { schema, charge, events, deliveries };
}

serveCommands({ secretKey: sandbox.secretKey }, { prefill, addEndpoint, renew, stats, templates });
