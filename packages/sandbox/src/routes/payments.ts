import { OPERATIONS } from 'cashfree-kit';
import { paymentEntity } from '../entities/payment.js';
import { notFound } from '../http/errors.js';
import { type OperationRoute, route } from '../http/mount.js';
import { json } from '../http/respond.js';
import { findOrder } from '../services/orders.js';
import { findPayment } from '../services/payments.js';

/** Payments of an order: every attempt, or one by `cf_payment_id`. */
export const PAYMENT_ROUTES: readonly OperationRoute[] = [
  route(OPERATIONS.payments.list, (ctx) => (c) => {
    const order = findOrder(ctx, c.req.param('order_id'));
    return json(
      c,
      ctx.store.payments.byOrder(order.cf_order_id).map((p) => paymentEntity(p, order)),
    );
  }),
  route(OPERATIONS.payments.get, (ctx) => (c) => {
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
  }),
];
