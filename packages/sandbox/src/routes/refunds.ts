import { Hono } from 'hono';
import type { SandboxContext } from '../context.js';
import { refundEntity } from '../entities/refund.js';
import { jsonBody } from '../http/body.js';
import type { AppEnv } from '../http/env.js';
import { commitJson } from '../http/idempotency.js';
import { json } from '../http/respond.js';
import { findOrder } from '../services/orders.js';
import { createRefund, findRefund } from '../services/refunds.js';
import { parseCreateRefund } from '../validation/refunds.js';

/** Refunds of an order. */
export function refundRoutes(ctx: SandboxContext): Hono<AppEnv> {
  const r = new Hono<AppEnv>();

  r.post('/orders/:order_id/refunds', async (c) => {
    const input = parseCreateRefund(await jsonBody(c));
    return commitJson(c, ctx, () => {
      const order = findOrder(ctx, c.req.param('order_id'));
      return { body: refundEntity(createRefund(ctx, order, input), order) };
    });
  });

  r.get('/orders/:order_id/refunds', (c) => {
    const order = findOrder(ctx, c.req.param('order_id'));
    return json(
      c,
      ctx.store.refunds.byOrder(order.cf_order_id).map((refund) => refundEntity(refund, order)),
    );
  });

  r.get('/orders/:order_id/refunds/:refund_id', (c) => {
    const order = findOrder(ctx, c.req.param('order_id'));
    return json(c, refundEntity(findRefund(ctx, order, c.req.param('refund_id')), order));
  });

  return r;
}
