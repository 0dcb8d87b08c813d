import { Hono } from 'hono';
import { z } from 'zod';
import type { ClockOptions } from '../clock/sandbox-clock.js';
import { DAY_MS, formatIst, HOUR_MS, MINUTE_MS, SECOND_MS } from '../clock/time.js';
import { type SandboxContext, toSandboxEvent } from '../context.js';
import { linkEntity } from '../entities/link.js';
import { linkOrderEntity, orderEntity } from '../entities/order.js';
import { paymentEntity } from '../entities/payment.js';
import { refundEntity } from '../entities/refund.js';
import { settlementSummary } from '../entities/settlement.js';
import { jsonBody } from '../http/body.js';
import type { AppEnv } from '../http/env.js';
import { badRequest, notFound } from '../http/errors.js';
import type { RateLimiter } from '../http/rate-limits.js';
import { advanceClock } from '../scheduler/advance.js';
import { createLinkOrder, findLink } from '../services/links.js';
import { setRefundStatus } from '../services/refunds.js';
import { toPaise } from '../util/money.js';
import { payoutAdminRoutes } from './payouts-admin.js';
import { subscriptionAdminRoutes } from './subscriptions-admin.js';

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success)
    throw badRequest('sandbox_request_invalid', `[cashfree-sandbox] ${z.prettifyError(result.error)}`);
  return result.data;
}

const advanceBody = z
  .object({
    ms: z.number().nonnegative().optional(),
    seconds: z.number().nonnegative().optional(),
    minutes: z.number().nonnegative().optional(),
    hours: z.number().nonnegative().optional(),
    days: z.number().nonnegative().optional(),
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, 'send at least one of ms, seconds, minutes, hours, days');

/** A numeric query parameter, or its default when absent. */
function queryNumber(value: string | undefined, fallback: number, min: number, max: number): number {
  return value === undefined ? fallback : parse(z.coerce.number().int().min(min).max(max), value);
}

/**
 * The test-only admin API under `/_sandbox` (never under `/pg`, needs no API keys):
 *
 * | route | does |
 * |---|---|
 * | `GET /_sandbox/health` | `{ status, now, app_id, api_base }` |
 * | `GET /_sandbox/clock` | the sandbox time and its offset from real time |
 * | `POST /_sandbox/clock/advance` | `{ms?, seconds?, minutes?, hours?, days?}`: moves time forward, runs what became due and answers what ran (jobs by kind, events by type) |
 * | `POST /_sandbox/reset` | deletes all data and resets the clock |
 * | `GET /_sandbox/state?limit=` | row counts and the latest orders, payments, refunds, links, settlements |
 * | `GET /_sandbox/jobs?limit=` | scheduled transitions with their due times |
 * | `GET /_sandbox/events?after=&limit=` | the events outbox, oldest first |
 * | `POST /_sandbox/links/{link_id}/orders` | `{amount?}`: opens an order to pay the link (what the link page does) |
 * | `POST /_sandbox/orders/{order_id}/refunds/{refund_id}/status` | `{refund_status}`: forces SUCCESS, CANCELLED, ONHOLD or PENDING |
 * | `/_sandbox/payouts/…` | Payouts: balance, top-up, approve or reject a transfer (routes/payouts-admin.ts) |
 * | `POST /_sandbox/subscriptions/{subscription_id}/authorize` | the customer authorises the mandate now, without a browser (routes/subscriptions-admin.ts) |
 */
export function adminRoutes(
  ctx: SandboxContext,
  limiter: RateLimiter,
  clockOptions: ClockOptions,
): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  const clockView = () => ({
    now: formatIst(ctx.clock.now()),
    epoch_ms: ctx.clock.now(),
    offset_ms: ctx.clock.offsetMs,
    frozen: ctx.clock.frozen,
  });

  r.get('/health', (c) =>
    c.json({
      status: 'ok',
      now: formatIst(ctx.clock.now()),
      app_id: ctx.config.appId,
      api_base: `${ctx.config.publicUrl}/pg`,
    }),
  );

  r.get('/clock', (c) => c.json(clockView()));

  r.post('/clock/advance', async (c) => {
    const b = parse(advanceBody, (await jsonBody(c)) ?? {});
    const ms =
      (b.ms ?? 0) +
      (b.seconds ?? 0) * SECOND_MS +
      (b.minutes ?? 0) * MINUTE_MS +
      (b.hours ?? 0) * HOUR_MS +
      (b.days ?? 0) * DAY_MS;
    const summary = advanceClock(ctx, ms);
    return c.json({
      ...clockView(),
      advanced_ms: ms,
      jobs_run: summary.total,
      advance_id: summary.id,
      ran: summary.ran,
      failed: summary.failed,
      events: summary.events,
    });
  });

  r.post('/reset', (c) => {
    ctx.store.wipe();
    ctx.clock.initialise(clockOptions);
    limiter.reset();
    ctx.scheduler.refresh();
    return c.json({ status: 'reset', ...clockView() });
  });

  r.get('/state', (c) => {
    const limit = queryNumber(c.req.query('limit'), 50, 1, 1000);
    const orders = ctx.store.orders.recent(limit);
    return c.json({
      now: formatIst(ctx.clock.now()),
      counts: ctx.store.counts(),
      orders: orders.map((o) => orderEntity(o)),
      payments: ctx.store.payments.recent(limit).map((p) => {
        const order = ctx.store.orders.byCfId(p.cf_order_id);
        return order ? paymentEntity(p, order) : null;
      }),
      refunds: ctx.store.refunds.recent(limit).map((rf) => {
        const order = ctx.store.orders.byCfId(rf.cf_order_id);
        return order ? refundEntity(rf, order) : null;
      }),
      links: ctx.store.links.recent(limit).map((l) => linkEntity(l, ctx.config.publicUrl)),
      settlements: ctx.store.settlements.recent(limit).map(settlementSummary),
    });
  });

  r.get('/jobs', (c) => {
    const limit = queryNumber(c.req.query('limit'), 50, 1, 1000);
    return c.json(
      ctx.scheduler
        .pending(limit)
        .map((j) => ({ kind: j.kind, ref: j.ref, due_at: formatIst(j.due_at), due_at_ms: j.due_at })),
    );
  });

  r.get('/events', (c) => {
    const after = queryNumber(c.req.query('after'), 0, 0, Number.MAX_SAFE_INTEGER);
    const limit = queryNumber(c.req.query('limit'), 50, 1, 1000);
    return c.json(ctx.store.events.after(after, limit).map(toSandboxEvent));
  });

  r.post('/links/:link_id/orders', async (c) => {
    const b = parse(
      z.object({ amount: z.number().positive().optional() }).strict(),
      (await jsonBody(c)) ?? {},
    );
    const amount = b.amount === undefined ? undefined : toPaise(b.amount);
    if (b.amount !== undefined && amount === undefined) {
      throw badRequest('amount_invalid', `amount : Invalid amount entered `);
    }
    const order = ctx.transact(() => createLinkOrder(ctx, findLink(ctx, c.req.param('link_id')), amount));
    return c.json(linkOrderEntity(order, c.req.param('link_id')));
  });

  r.post('/orders/:order_id/refunds/:refund_id/status', async (c) => {
    const b = parse(
      z.object({ refund_status: z.enum(['SUCCESS', 'CANCELLED', 'ONHOLD', 'PENDING']) }).strict(),
      await jsonBody(c),
    );
    const refund = ctx.transact(() => {
      const order = ctx.store.orders.byOrderId(c.req.param('order_id'));
      const row = order && ctx.store.refunds.byRefundId(order.cf_order_id, c.req.param('refund_id'));
      if (!order || !row)
        throw notFound('refund_get_not_found', '[cashfree-sandbox] no such order and refund');
      return { order, row: setRefundStatus(ctx, row, b.refund_status) };
    });
    return c.json(refundEntity(refund.row, refund.order));
  });

  r.route('/payouts', payoutAdminRoutes(ctx));
  r.route('/subscriptions', subscriptionAdminRoutes(ctx));

  return r;
}
