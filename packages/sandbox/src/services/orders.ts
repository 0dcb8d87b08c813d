import type { SandboxContext } from '../context.js';
import { badRequest, conflict, notFound } from '../http/errors.js';
import { checkPaymentAllowed, nextOrderStatus } from '../state/order-machine.js';
import type { OrderDetails, OrderRow, OrderStatus } from '../store/orders.js';
import { sqliteErrorCode } from '../store/sqlite/index.js';
import { newPaymentSessionId, randomAlphanumeric } from '../util/ids.js';

/** Due-source kind: an ACTIVE order reaches its `order_expiry_time`. */
export const ORDER_EXPIRE = 'order.expire';

/** A validated create-order request. */
export interface NewOrder {
  orderId: string | undefined;
  amount: number;
  currency: string;
  expiresAt: number;
  details: OrderDetails;
  cfLinkId?: number;
}

function isUniqueViolation(error: unknown): boolean {
  return sqliteErrorCode(error) === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** Creates an ACTIVE order (its expiry is due by the orders index). Call inside `ctx.transact`. */
export function createOrder(ctx: SandboxContext, input: NewOrder): OrderRow {
  const cfOrderId = ctx.store.ids.order.next();
  const row: OrderRow = {
    cf_order_id: cfOrderId,
    // Cashfree generates an id when none is sent. The sandbox's start with the increasing
    // cf_order_id, so generated ids append to the order_id index instead of landing on random
    // pages (fewer dirty pages per commit under load); the random tail keeps them unguessable.
    order_id: input.orderId ?? `order_${cfOrderId}${randomAlphanumeric(20)}`,
    payment_session_id: newPaymentSessionId(cfOrderId),
    status: 'ACTIVE',
    amount: input.amount,
    currency: input.currency,
    created_at: ctx.clock.now(),
    expires_at: input.expiresAt,
    cf_link_id: input.cfLinkId ?? null,
    details: JSON.stringify(input.details),
  };
  try {
    ctx.store.orders.insert(row);
  } catch (error) {
    if (isUniqueViolation(error))
      throw conflict('order_already_exists', 'order with same id is already present');
    throw error;
  }
  ctx.scheduler.expect(input.expiresAt);
  return row;
}

/** The order with this merchant `order_id`, or Cashfree's 404. */
export function findOrder(ctx: SandboxContext, orderId: string): OrderRow {
  const row = ctx.store.orders.byOrderId(orderId);
  if (!row) throw notFound('order_not_found', 'Order Reference Id does not exist');
  return row;
}

/** Moves an order to `status` (no-op when unchanged). */
export function setOrderStatus(ctx: SandboxContext, order: OrderRow, status: OrderStatus): OrderRow {
  if (order.status === status) return order;
  // Leaving ACTIVE also takes the order out of the expiry index the scheduler reads.
  ctx.store.orders.setStatus(order.cf_order_id, status);
  return { ...order, status };
}

/** `PATCH /orders/{id}` with `order_status: TERMINATED`. Call inside `ctx.transact`. */
export function terminateOrder(ctx: SandboxContext, order: OrderRow): OrderRow {
  const pending = ctx.store.payments.byOrder(order.cf_order_id).filter((p) => p.status === 'PENDING').length;
  const t = nextOrderStatus(order.status, { type: 'TERMINATE', pendingPayments: pending });
  if (!t.ok) throw badRequest(t.code, t.message);
  return setOrderStatus(ctx, order, t.status);
}

/** Due source: the order's expiry time has come. */
export function expireOrder(ctx: SandboxContext, cfOrderId: number): void {
  const order = ctx.store.orders.byCfId(cfOrderId);
  if (!order) return;
  const t = nextOrderStatus(order.status, { type: 'EXPIRY_REACHED' });
  if (t.ok && t.changed) setOrderStatus(ctx, order, t.status);
}

/** Throws Cashfree's error when the order takes no new payment attempts. */
export function assertPayable(order: OrderRow): void {
  const check = checkPaymentAllowed(order.status);
  if (!check.ok) throw badRequest(check.code, check.message);
}
