import { OPERATIONS } from 'cashfree-kit';
import { refundEntity } from '../entities/refund.js';
import { jsonBody } from '../http/body.js';
import { commitJson } from '../http/idempotency.js';
import { type OperationRoute, route } from '../http/mount.js';
import { json } from '../http/respond.js';
import { findOrder } from '../services/orders.js';
import { createRefund, findRefund } from '../services/refunds.js';
import { parseCreateRefund } from '../validation/refunds.js';

/** Refunds of an order. */
export const REFUND_ROUTES: readonly OperationRoute[] = [
  route(OPERATIONS.refunds.create, (ctx) => async (c) => {
    const input = parseCreateRefund(await jsonBody(c));
    return commitJson(c, ctx, () => {
      const order = findOrder(ctx, c.req.param('order_id'));
      return { body: refundEntity(createRefund(ctx, order, input), order) };
    });
  }),
  route(OPERATIONS.refunds.list, (ctx) => (c) => {
    const order = findOrder(ctx, c.req.param('order_id'));
    return json(
      c,
      ctx.store.refunds.byOrder(order.cf_order_id).map((refund) => refundEntity(refund, order)),
    );
  }),
  route(OPERATIONS.refunds.get, (ctx) => (c) => {
    const order = findOrder(ctx, c.req.param('order_id'));
    return json(c, refundEntity(findRefund(ctx, order, c.req.param('refund_id')), order));
  }),
];
