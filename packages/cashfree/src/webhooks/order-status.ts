import type { ORDER_STATUSES } from '../operations/statuses.js';
import type { WebhookEvent } from './events.js';

/**
 * Cashfree's documented `order_status` values (API 2023-08-01 and later), the ones a webhook can move an order between.
 *
 * @example
 * let stored: OrderStatus = 'ACTIVE';
 * stored = orderStatusAfter(stored, await constructWebhookEvent(rawBody, headers, secret));
 */
export type OrderStatus = (typeof ORDER_STATUSES)[number];

// How far along an order is. Webhooks arrive late and out of order, so an event may only move an
// order to a higher rank: a PAYMENT_FAILED for one attempt, delivered after another attempt paid,
// must not undo PAID. PAID ranks above EXPIRED because money was captured; confirm with
// orders.get, which is the source of truth, before fulfilling either way.
const rank: Record<OrderStatus, number> = {
  ACTIVE: 0,
  TERMINATION_REQUESTED: 1,
  EXPIRED: 2,
  TERMINATED: 2,
  PAID: 3,
};

/**
 * The order status an event implies for `event.data.order.order_id`, or `undefined` when the event
 * says nothing about the order's status (refunds, settlements, disputes, a `PENDING` success).
 * A failed or dropped payment implies `ACTIVE`: the customer may try again.
 *
 * @example
 * const event = await constructWebhookEvent(rawBody, headers, secret);
 * const implied = orderStatusImpliedBy(event); // 'PAID' for a successful payment
 */
export function orderStatusImpliedBy(event: WebhookEvent): OrderStatus | undefined {
  switch (event.type) {
    case 'PAYMENT_SUCCESS_WEBHOOK':
      return event.data.payment.payment_status === 'SUCCESS' ? 'PAID' : undefined;
    case 'PAYMENT_FAILED_WEBHOOK':
    case 'PAYMENT_USER_DROPPED_WEBHOOK':
      return 'ACTIVE';
    default:
      return undefined;
  }
}

/**
 * The order's status after applying a webhook to the status you have stored, never moving it
 * backwards: pure, so you can call it inside your own transaction. Webhooks are hints; before
 * fulfilling, confirm with `cashfree.orders.get(orderId)` that `order_status` is `PAID`.
 *
 * @example
 * ```ts
 * const event = await constructWebhookEvent(rawBody, headers, secret);
 * const stored: OrderStatus = 'PAID';
 * const next = orderStatusAfter(stored, event); // 'PAID' stays 'PAID' after a late PAYMENT_FAILED
 * if (next !== stored) console.log('save', next);
 * ```
 */
export function orderStatusAfter(current: OrderStatus, event: WebhookEvent): OrderStatus {
  const implied = orderStatusImpliedBy(event);
  const currentRank = rank[current];
  if (implied === undefined || currentRank === undefined) return current;
  return rank[implied] > currentRank ? implied : current;
}

/**
 * True when the event moves the order forward from `current`; false for stale or unrelated events.
 *
 * @example
 * const event = await constructWebhookEvent(rawBody, headers, secret);
 * if (!movesOrderForward('PAID', event)) console.log('stale or unrelated: acknowledge and ignore');
 */
export function movesOrderForward(current: OrderStatus, event: WebhookEvent): boolean {
  return orderStatusAfter(current, event) !== current;
}
