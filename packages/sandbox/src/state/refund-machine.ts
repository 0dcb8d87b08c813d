import { DAY_MS } from '../clock/time.js';
import type { OrderStatus } from '../store/orders.js';
import type { RefundStatus } from '../store/refunds.js';
import { formatPaise } from '../util/money.js';
import { move, refuse, stay, type Transition } from './result.js';

/** Cashfree accepts refunds only within six months (180 days) of the payment. */
export const REFUND_WINDOW_MS = 180 * DAY_MS;

/**
 * PENDING → SUCCESS, CANCELLED or ONHOLD; ONHOLD (e.g. insufficient balance) → PENDING, SUCCESS or
 * CANCELLED. SUCCESS, CANCELLED and FAILED are final.
 */
export function nextRefundStatus(current: RefundStatus, target: RefundStatus): Transition<RefundStatus> {
  if (current === target) return stay(current);
  if (current === 'SUCCESS' || current === 'CANCELLED' || current === 'FAILED') {
    return refuse('refund_invalid', `refund is already ${current}`);
  }
  if (current === 'PENDING' && target === 'PENDING') return stay(current);
  return move(current, target);
}

/** The status description Cashfree shows beside each refund status. */
export function refundStatusDescription(status: RefundStatus): string {
  switch (status) {
    case 'PENDING':
      return 'In Progress';
    case 'SUCCESS':
      return 'Refund processed successfully';
    case 'CANCELLED':
      return 'Refund cancelled';
    case 'ONHOLD':
      return 'Refund on hold: insufficient balance';
    case 'FAILED':
      return 'Refund failed';
  }
}

/** Everything the refund rules need to know about the order. */
export interface RefundCheck {
  orderStatus: OrderStatus;
  /** The captured amount (paise) and when the payment completed; undefined when nothing was captured. */
  captured: { amount: number; completedAt: number } | undefined;
  /** Paise already refunded or being refunded (cancelled refunds excluded). */
  alreadyRefunded: number;
  requested: number;
  now: number;
}

/**
 * Whether a merchant refund may be created: only on a PAID order, never above what remains of the
 * captured amount, and within 180 days of the payment. Returns Cashfree's code and message when not.
 */
export function checkRefund(check: RefundCheck): { ok: true } | { ok: false; code: string; message: string } {
  if (check.orderStatus !== 'PAID' || check.captured === undefined) {
    return {
      ok: false,
      code: 'refund_invalid',
      message: `refund can be created only for a PAID order; order_status is ${check.orderStatus}`,
    };
  }
  if (check.now - check.captured.completedAt > REFUND_WINDOW_MS) {
    return {
      ok: false,
      code: 'refund_invalid',
      message: 'refund can be created only within 180 days of the payment',
    };
  }
  const refundable = check.captured.amount - check.alreadyRefunded;
  if (check.requested > refundable) {
    return {
      ok: false,
      code: 'refund_amount_invalid',
      message: `refund_amount : should not exceed the refundable amount of ${formatPaise(refundable)}. Value received: ${formatPaise(check.requested)}`,
    };
  }
  return { ok: true };
}
