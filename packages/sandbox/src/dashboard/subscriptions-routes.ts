import { type Context, Hono } from 'hono';
import type { Html } from '../checkout/html.js';
import type { SandboxContext } from '../context.js';
import { subscriptionDetails, subscriptionEntity, subscriptionPlan } from '../entities/subscription.js';
import type { AppEnv } from '../http/env.js';
import { authPaymentOf, followingDebit, instrumentOf } from '../services/subscriptions/subscriptions.js';
import type { StoredPlan } from '../store/subscriptions/plans.js';
import type { SubscriptionRefundRow } from '../store/subscriptions/refunds.js';
import type { SubscriptionRow } from '../store/subscriptions/subscriptions.js';
import { type DashboardHeader, notFoundPage } from './pages.js';
import {
  type PlanListItem,
  type ScheduledCycle,
  type SubscriptionListItem,
  subscriptionPage,
  subscriptionsPage,
  subscriptionsSummaryCard,
} from './subscriptions-pages.js';

const RECENT = 50;
/** How many cycles ahead a subscription's page lists. */
const CYCLES_AHEAD = 3;

/** The statuses in which planned cycles will still run (now or once resumed). */
const CYCLING = new Set(['ACTIVE', 'ON_HOLD', 'PAUSED', 'CUSTOMER_PAUSED']);

function customerOf(sub: SubscriptionRow): string {
  const c = subscriptionDetails(sub).customer_details;
  const name = c['customer_name'];
  const contact = c['customer_email'] ?? c['customer_phone'];
  return [name, contact].filter((v) => typeof v === 'string' && v !== '').join(' · ');
}

/**
 * The periodic cycles still to come, from the next planned debit: each a plan interval after the
 * one before, until `plan_max_cycles` or the subscription's expiry.
 */
export function upcomingCycles(sub: SubscriptionRow, limit = CYCLES_AHEAD): ScheduledCycle[] {
  const plan = subscriptionPlan(sub);
  const cycles: ScheduledCycle[] = [];
  if (plan.plan_type !== 'PERIODIC' || !CYCLING.has(sub.status)) return cycles;
  let debitAt = sub.next_debit_at;
  let cycle = sub.cycles_started + 1;
  while (debitAt !== null && cycles.length < limit) {
    if ((plan.max_cycles !== null && cycle > plan.max_cycles) || debitAt > sub.expires_at) break;
    cycles.push({ cycle, debitAt });
    debitAt = followingDebit(sub, debitAt);
    cycle += 1;
  }
  return cycles;
}

/** Stored plans, newest first, with how many subscriptions run on each. */
function recentPlans(ctx: SandboxContext): PlanListItem[] {
  const rows = ctx.store.db
    .prepare<[number], { plan: string; n: number }>(
      `SELECT p.plan AS plan,
         (SELECT COUNT(*) FROM subscriptions s WHERE json_extract(s.plan, '$.plan_id') = p.plan_id) AS n
       FROM subscription_plans p ORDER BY p.created_at DESC, p.plan_id LIMIT ?`,
    )
    .all(RECENT);
  return rows.map((r) => ({ plan: JSON.parse(r.plan) as StoredPlan, subscriptions: r.n }));
}

function refundsOf(ctx: SandboxContext, sub: SubscriptionRow): SubscriptionRefundRow[] {
  return ctx.store.db
    .prepare<[number], SubscriptionRefundRow>(
      'SELECT * FROM subscription_refunds WHERE cf_subscription_id = ? ORDER BY cf_refund_id',
    )
    .all(sub.cf_subscription_id);
}

/** The home page's Subscriptions card. */
export function subscriptionsSummary(ctx: SandboxContext): Html {
  const count = (sql: string) => ctx.store.db.prepare<[], { n: number }>(sql).get()?.n ?? 0;
  return subscriptionsSummaryCard({
    plans: count('SELECT COUNT(*) AS n FROM subscription_plans'),
    subscriptions: count('SELECT COUNT(*) AS n FROM subscriptions'),
    active: count(`SELECT COUNT(*) AS n FROM subscriptions WHERE status = 'ACTIVE'`),
  });
}

/**
 * The dashboard's Subscriptions pages (HTML), beside the JSON admin route
 * `POST /_sandbox/subscriptions/{id}/authorize` whose path they leave alone:
 *
 * | route | page |
 * |---|---|
 * | `GET /_sandbox/subscriptions` | subscriptions (status, plan, mandate, next charge) and plans |
 * | `GET /_sandbox/subscriptions/{subscription_id}` | a subscription, its scheduled cycles, payments (AUTH and CHARGEs) and refunds |
 */
export function subscriptionsDashboardRoutes(
  ctx: SandboxContext,
  header: () => DashboardHeader,
  send: (c: Context<AppEnv>, page: Html, status?: 200 | 404) => Response,
): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  const table = ctx.store.subscriptions;

  const overview = (c: Context<AppEnv>) =>
    send(
      c,
      subscriptionsPage(header(), {
        plans: recentPlans(ctx),
        subscriptions: table.subscriptions.recent(RECENT).map(
          (row): SubscriptionListItem => ({
            row,
            plan: subscriptionPlan(row),
            customer: customerOf(row),
            instrument: instrumentOf(row),
          }),
        ),
      }),
    );
  r.get('/_sandbox/subscriptions', overview);
  r.get('/_sandbox/subscriptions/', overview);

  r.get('/_sandbox/subscriptions/:subscription_id', (c) => {
    const id = c.req.param('subscription_id');
    const sub = table.subscriptions.bySubscriptionId(id);
    if (!sub) return send(c, notFoundPage(header(), `No subscription ${id}.`), 404);
    return send(
      c,
      subscriptionPage(header(), {
        sub,
        plan: subscriptionPlan(sub),
        customer: customerOf(sub),
        instrument: instrumentOf(sub),
        returnUrl: subscriptionDetails(sub).subscription_meta.return_url,
        entity: subscriptionEntity(sub, authPaymentOf(ctx, sub)) as unknown as Record<string, unknown>,
        payments: table.payments.bySubscription(sub.cf_subscription_id),
        refunds: refundsOf(ctx, sub),
        cycles: upcomingCycles(sub),
      }),
    );
  });

  return r;
}

/** The subscription page of whatever has the id `q` (subscription_id, cf_subscription_id, session). */
export function findSubscriptionPage(ctx: SandboxContext, q: string): string | undefined {
  const { subscriptions } = ctx.store.subscriptions;
  const sub =
    subscriptions.bySubscriptionId(q) ??
    (/^\d{1,16}$/.test(q) ? subscriptions.byId(Number(q)) : undefined) ??
    subscriptions.bySession(q);
  return sub ? `/_sandbox/subscriptions/${encodeURIComponent(sub.subscription_id)}` : undefined;
}
