import { OPERATIONS } from 'cashfree-kit';
import type { SandboxContext } from '../context.js';
import { orderDetails } from '../entities/order.js';
import { jsonBody } from '../http/body.js';
import { badRequest } from '../http/errors.js';
import { commitJson } from '../http/idempotency.js';
import { type OperationRoute, route } from '../http/mount.js';
import { authenticatePayment, findPayment, type PayMethod, startPayment } from '../services/payments.js';
import type { OrderRow } from '../store/orders.js';
import { cfOrderIdFromSessionId } from '../util/ids.js';
import { parseAuthenticate, parsePayOrder } from '../validation/order-pay.js';

/** The order a payment session belongs to, or Cashfree's `payment_session_id_invalid` (also used by the hosted checkout). */
export function orderForSession(ctx: SandboxContext, sessionId: string): OrderRow {
  const cfOrderId = cfOrderIdFromSessionId(sessionId);
  const order = cfOrderId === undefined ? undefined : ctx.store.orders.byCfId(cfOrderId);
  if (!order || order.payment_session_id !== sessionId) {
    throw badRequest(
      'payment_session_id_invalid',
      `payment_session_id : is not valid. Value received: ${sessionId}`,
      '[cashfree-sandbox] use the payment_session_id returned by POST /pg/orders on this sandbox.',
    );
  }
  return order;
}

/** The `order_meta.payment_methods` code a payment needs (`cc,dc,upi,nb,app,…`). */
function methodCode(pay: PayMethod): string {
  if (pay.method === 'card')
    return pay.card.type === 'debit_card' ? 'dc' : pay.card.subType === 'C' ? 'ccc' : 'cc';
  return pay.method === 'netbanking' ? 'nb' : pay.method;
}

/** Refuses a method that `order_meta.payment_methods` leaves out (also used by the hosted checkout). */
export function assertMethodAllowed(order: OrderRow, pay: PayMethod): void {
  const allowed = orderDetails(order).order_meta?.['payment_methods'];
  if (typeof allowed !== 'string' || allowed.trim() === '') return;
  const codes = allowed.split(',').map((m) => m.trim());
  const code = methodCode(pay);
  // A credit card is allowed by `cc` whatever its segment.
  if (codes.includes(code) || (code === 'ccc' && codes.includes('cc'))) return;
  throw badRequest(
    'payment_method_unsupported',
    `payment_method : ${pay.method} (${code}) is not allowed for this order; order_meta.payment_methods is ${allowed}`,
  );
}

/** Order Pay (`POST /orders/sessions`) and the card OTP step, authorised by the payment session. */
export const ORDER_PAY_ROUTES: readonly OperationRoute[] = [
  route(OPERATIONS.orders.pay, (ctx) => async (c) => {
    const req = parsePayOrder(await jsonBody(c), ctx.clock.now());
    return commitJson(c, ctx, () => {
      const order = orderForSession(ctx, req.paymentSessionId);
      assertMethodAllowed(order, req.pay);
      return { body: startPayment(ctx, order, req.pay) };
    });
  }),
  route(OPERATIONS.orders.authenticate, (ctx) => async (c) => {
    const req = parseAuthenticate(await jsonBody(c));
    return commitJson(c, ctx, () => ({
      body: authenticatePayment(ctx, findPayment(ctx, c.req.param('cf_payment_id')), req.action, req.otp),
    }));
  }),
];
