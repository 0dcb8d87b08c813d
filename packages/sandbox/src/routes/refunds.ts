import { ENDPOINTS } from 'cashfree-kit';
import { Hono } from 'hono';
import type { SandboxContext } from '../context.js';
import { refundEntity } from '../entities/refund.js';
import { jsonBody } from '../http/body.js';
import { honoPath } from '../http/endpoint-path.js';
import type { AppEnv } from '../http/env.js';
import { commitJson } from '../http/idempotency.js';
import { json } from '../http/respond.js';
import { findOrder } from '../services/orders.js';
import { createRefund, findRefund } from '../services/refunds.js';
import { parseCreateRefund } from '../validation/refunds.js';

/** Refunds of an order. */
export function refundRoutes(ctx: SandboxContext): Hono<AppEnv> {
  const r = new Hono<AppEnv>();

  const { create, list, get } = ENDPOINTS.refunds;

  r.on(create.method, honoPath(create), async (c) => {
    const input = parseCreateRefund(await jsonBody(c));
    return commitJson(c, ctx, () => {
      const order = findOrder(ctx, c.req.param('order_id'));
      return { body: refundEntity(createRefund(ctx, order, input), order) };
    });
  });

  r.on(list.method, honoPath(list), (c) => {
    const order = findOrder(ctx, c.req.param('order_id'));
    return json(
      c,
      ctx.store.refunds.byOrder(order.cf_order_id).map((refund) => refundEntity(refund, order)),
    );
  });

  r.on(get.method, honoPath(get), (c) => {
    const order = findOrder(ctx, c.req.param('order_id'));
    return json(c, refundEntity(findRefund(ctx, order, c.req.param('refund_id')), order));
  });

  return r;
}
