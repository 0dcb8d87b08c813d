/**
 * What the return page tells the customer, decided from Cashfree's answers only: the order from
 * `orders.get` and its attempts from `payments.list`. Cashfree does not promise an order for that
 * list, so attempts are put in time order here before "the latest" means anything.
 */
import type { OrderEntity, PaymentEntity } from 'cashfree-kit';

export type Outcome = 'paid' | 'failed' | 'pending' | 'unpaid' | 'expired';

/** `payment_time` as epoch ms; attempts without one sort first (they cannot be the latest known). */
function startedAt(payment: PaymentEntity): number {
  const ms = Date.parse(payment.payment_time ?? '');
  return Number.isNaN(ms) ? Number.NEGATIVE_INFINITY : ms;
}

/** Cashfree's payment ids grow with time; they break ties within the second `payment_time` shows. */
function compareIds(a: string, b: string): number {
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) {
    const [x, y] = [BigInt(a), BigInt(b)];
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The attempts oldest first, by `payment_time`, then by `cf_payment_id`. */
export function attemptsInOrder(payments: readonly PaymentEntity[]): PaymentEntity[] {
  return [...payments].sort(
    (a, b) => startedAt(a) - startedAt(b) || compareIds(String(a.cf_payment_id), String(b.cf_payment_id)),
  );
}

/** The attempt made last, whatever order the list came in. */
export function latestAttempt(payments: readonly PaymentEntity[]): PaymentEntity | undefined {
  return attemptsInOrder(payments).at(-1);
}

/** The order's state for the customer: Cashfree's order status first, then its latest attempt. */
export function outcomeOf(order: OrderEntity, payments: readonly PaymentEntity[]): Outcome {
  if (order.order_status === 'PAID') return 'paid';
  if (order.order_status !== 'ACTIVE') return 'expired';
  const last = latestAttempt(payments);
  if (!last) return 'unpaid';
  return last.payment_status === 'PENDING' || last.payment_status === 'NOT_ATTEMPTED' ? 'pending' : 'failed';
}
