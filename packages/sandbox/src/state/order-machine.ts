import type { OrderStatus } from '../store/orders.js';
import { move, refuse, stay, type Transition } from './result.js';

/**
 * What can happen to an order. Cashfree's lifecycle: ACTIVE until a payment succeeds (PAID), the
 * expiry passes (EXPIRED) or the merchant terminates it (TERMINATED, or TERMINATION_REQUESTED
 * while a payment is in flight). A payment started before expiry that succeeds afterwards still
 * makes the order PAID; an in-flight success also wins over a termination request.
 * @see https://www.cashfree.com/docs/payments/online/resources/payment-lifecycle
 */
export type OrderEvent =
  | { type: 'PAYMENT_SUCCEEDED' }
  | { type: 'EXPIRY_REACHED' }
  | { type: 'TERMINATE'; pendingPayments: number }
  | { type: 'PENDING_PAYMENTS_CLOSED' };

/** The next order status for `event`, or why the event is refused. */
export function nextOrderStatus(current: OrderStatus, event: OrderEvent): Transition<OrderStatus> {
  switch (event.type) {
    case 'PAYMENT_SUCCEEDED':
      if (current === 'ACTIVE' || current === 'EXPIRED' || current === 'TERMINATION_REQUESTED') {
        return move(current, 'PAID');
      }
      return current === 'PAID'
        ? refuse('order_already_paid', 'order is already paid')
        : refuse('order_inactive', `order is ${current}`);
    case 'EXPIRY_REACHED':
      return current === 'ACTIVE' ? move(current, 'EXPIRED') : stay(current);
    case 'TERMINATE':
      if (current === 'ACTIVE')
        return move(current, event.pendingPayments > 0 ? 'TERMINATION_REQUESTED' : 'TERMINATED');
      if (current === 'TERMINATED' || current === 'TERMINATION_REQUESTED') return stay(current);
      if (current === 'PAID')
        return refuse('order_already_paid', 'order is already paid and cannot be terminated');
      return refuse('order_inactive', `order is ${current}; only an ACTIVE order can be terminated`);
    case 'PENDING_PAYMENTS_CLOSED':
      return current === 'TERMINATION_REQUESTED' ? move(current, 'TERMINATED') : stay(current);
  }
}

/** Whether an order in `status` takes new payment attempts: only an ACTIVE one does. */
export function acceptsPayments(status: OrderStatus): boolean {
  return status === 'ACTIVE';
}

/** Whether a new payment attempt may start, and if not, Cashfree's error for it. */
export function checkPaymentAllowed(
  status: OrderStatus,
): { ok: true } | { ok: false; code: string; message: string } {
  if (acceptsPayments(status)) return { ok: true };
  if (status === 'PAID') return { ok: false, code: 'order_already_paid', message: 'order is already paid' };
  return {
    ok: false,
    code: 'order_inactive',
    message: `order is ${status}; payments can be made only on an ACTIVE order`,
  };
}
