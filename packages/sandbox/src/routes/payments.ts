import { ENDPOINTS } from 'cashfree-kit';
import { Hono } from 'hono';
import type { SandboxContext } from '../context.js';
import { paymentEntity } from '../entities/payment.js';
import { honoPath } from '../http/endpoint-path.js';
import type { AppEnv } from '../http/env.js';
import { notFound } from '../http/errors.js';
import { json } from '../http/respond.js';
import { findOrder } from '../services/orders.js';
import { findPayment } from '../services/payments.js';

/** Payments of an order: every attempt, or one by `cf_payment_id`. */
export function paymentRoutes(ctx: SandboxContext): Hono<AppEnv> {
  const r = new Hono<AppEnv>();

  const { list, get } = ENDPOINTS.payments;

  r.on(list.method, honoPath(list), (c) => {
    const order = findOrder(ctx, c.req.param('order_id'));
    return json(
      c,
      ctx.store.payments.byOrder(order.cf_order_id).map((p) => paymentEntity(p, order)),
    );
  });

  r.on(get.method, honoPath(get), (c) => {
    const order = findOrder(ctx, c.req.param('order_id'));
    const id = c.req.param('cf_payment_id');
    const payment = findPayment(ctx, id);
    if (payment.cf_order_id !== order.cf_order_id) {
      throw notFound(
        'payment_not_found',
        `payment with cf_payment_id ${id} does not exist for order ${order.order_id}`,
      );
    }
    return json(c, paymentEntity(payment, order));
  });

  return r;
}
