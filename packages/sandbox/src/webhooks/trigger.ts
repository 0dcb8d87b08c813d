import type { SandboxContext } from '../context.js';
import { badRequest } from '../http/errors.js';
import {
  appendLinkEvent,
  appendPaymentEvent,
  appendRefundEvent,
  appendSettlementEvent,
} from '../services/event-data.js';
import { resolvePayment, scenarioResolution, startPayment } from '../services/payments.js';
import { createRefund, setRefundStatus } from '../services/refunds.js';
import type { OrderRow } from '../store/orders.js';
import type { PaymentRow } from '../store/payments.js';
import { lookUpCard } from '../test-instruments/cards.js';
import { randomAlphanumeric } from '../util/ids.js';

/**
 * The webhook types `POST /_sandbox/webhooks/trigger` can produce for an order, like
 * `stripe trigger`: each makes a real event through the same services the API uses.
 *
 * | type | on an ACTIVE order | otherwise |
 * |---|---|---|
 * | `PAYMENT_SUCCESS_WEBHOOK` | pays it by test card (OTP step skipped) | repeats the event of its successful payment |
 * | `PAYMENT_FAILED_WEBHOOK` | a declined card attempt (4111 1111 1111 1112) | repeats the event of its latest failed payment |
 * | `PAYMENT_USER_DROPPED_WEBHOOK` | a card attempt the customer abandons | repeats the event of its latest dropped payment |
 * | `REFUND_STATUS_WEBHOOK` | — (needs a PAID order) | processes its PENDING refund, else repeats its latest refund's event, else refunds ₹1 and processes it |
 * | `PAYMENT_LINK_EVENT` | (link orders `CFPay_…`) pays it, which pays the link | repeats the link event with the order's payment |
 * | `SETTLEMENT_INITIATED`, `SETTLEMENT_SUCCESS` | — | repeats the event of the settlement that carried the order's payment |
 *
 * @example
 * // cashfree webhooks trigger <type> --order <order_id> accepts exactly these
 * console.log(TRIGGER_TYPES.join(', '));
 */
export const TRIGGER_TYPES = [
  'PAYMENT_SUCCESS_WEBHOOK',
  'PAYMENT_FAILED_WEBHOOK',
  'PAYMENT_USER_DROPPED_WEBHOOK',
  'REFUND_STATUS_WEBHOOK',
  'PAYMENT_LINK_EVENT',
  'SETTLEMENT_INITIATED',
  'SETTLEMENT_SUCCESS',
] as const;

/**
 * A webhook type the trigger supports.
 *
 * @example
 * const type: TriggerType = 'PAYMENT_SUCCESS_WEBHOOK';
 * const supported = (TRIGGER_TYPES as readonly string[]).includes(type);
 */
export type TriggerType = (typeof TRIGGER_TYPES)[number];

const SUCCESS_CARD = '4111111111111111';
const DECLINED_CARD = '4111111111111112';

const PAYMENT_TARGET = {
  PAYMENT_SUCCESS_WEBHOOK: 'SUCCESS',
  PAYMENT_FAILED_WEBHOOK: 'FAILED',
  PAYMENT_USER_DROPPED_WEBHOOK: 'USER_DROPPED',
} as const;

/** The id of the newest outbox event (0 when there is none). */
export function lastEventId(ctx: SandboxContext): number {
  const row = ctx.store.db.prepare('SELECT MAX(id) AS id FROM events').get() as { id: number | null };
  return row.id ?? 0;
}

function notPossible(message: string): never {
  throw badRequest('trigger_not_possible', `[cashfree-sandbox] ${message}`);
}

/** A new card payment on an ACTIVE order, resolved to `target` (the OTP step is skipped). */
function payByCard(
  ctx: SandboxContext,
  order: OrderRow,
  target: 'SUCCESS' | 'FAILED' | 'USER_DROPPED',
): void {
  const cardNumber = target === 'FAILED' ? DECLINED_CARD : SUCCESS_CARD;
  const started = startPayment(ctx, order, {
    method: 'card',
    channel: 'link',
    cardNumber,
    card: lookUpCard(cardNumber)!,
  });
  const payment = ctx.store.payments.byId(Number(started['cf_payment_id']))!;
  resolvePayment(ctx, payment, target === 'USER_DROPPED' ? { target } : scenarioResolution(payment));
}

function latestPayment(ctx: SandboxContext, order: OrderRow, status: string): PaymentRow | undefined {
  return ctx.store.payments
    .byOrder(order.cf_order_id)
    .filter((p) => p.status === status)
    .at(-1);
}

/** Makes an event of `type` for `order`. Call inside `ctx.transact`. */
export function triggerEvent(ctx: SandboxContext, type: TriggerType, order: OrderRow): void {
  switch (type) {
    case 'PAYMENT_SUCCESS_WEBHOOK':
    case 'PAYMENT_FAILED_WEBHOOK':
    case 'PAYMENT_USER_DROPPED_WEBHOOK': {
      const target = PAYMENT_TARGET[type];
      if (order.status === 'ACTIVE') {
        payByCard(ctx, order, target);
        return;
      }
      const payment = latestPayment(ctx, order, target);
      if (!payment) {
        notPossible(
          `order ${order.order_id} is ${order.status} and has no ${target} payment; ${type} can be triggered for an ACTIVE order or repeated for an existing payment`,
        );
      }
      appendPaymentEvent(ctx, order, payment);
      return;
    }
    case 'REFUND_STATUS_WEBHOOK': {
      const latest = ctx.store.refunds.byOrder(order.cf_order_id).at(-1);
      if (latest?.status === 'PENDING') {
        setRefundStatus(ctx, latest, 'SUCCESS');
        return;
      }
      if (latest) {
        appendRefundEvent(ctx, order, latest);
        return;
      }
      if (order.status !== 'PAID') {
        notPossible(`order ${order.order_id} is ${order.status}; only a PAID order can be refunded`);
      }
      const refund = createRefund(ctx, order, {
        refundId: `refund_trigger_${randomAlphanumeric(10)}`,
        amount: Math.min(100, order.amount),
        note: 'Triggered by POST /_sandbox/webhooks/trigger',
        speed: 'STANDARD',
        splits: [],
      });
      setRefundStatus(ctx, refund, 'SUCCESS');
      return;
    }
    case 'PAYMENT_LINK_EVENT': {
      const link = order.cf_link_id === null ? undefined : ctx.store.links.byId(order.cf_link_id);
      if (!link) {
        notPossible(
          `order ${order.order_id} was not opened from a payment link; use the order_id of a link order (CFPay_<link code>_<n>, see GET /pg/links/{link_id}/orders)`,
        );
      }
      if (order.status === 'ACTIVE') {
        payByCard(ctx, order, 'SUCCESS');
        return;
      }
      const payment = latestPayment(ctx, order, 'SUCCESS');
      appendLinkEvent(ctx, link, payment ? { order, payment } : undefined);
      return;
    }
    case 'SETTLEMENT_INITIATED':
    case 'SETTLEMENT_SUCCESS': {
      const item = ctx.store.settlements.paymentItemOfOrder(order.cf_order_id);
      const settlement =
        item?.cf_settlement_id == null ? undefined : ctx.store.settlements.byId(item.cf_settlement_id);
      if (!settlement || (type === 'SETTLEMENT_SUCCESS' && settlement.status !== 'SUCCESS')) {
        notPossible(
          `order ${order.order_id} has no ${type === 'SETTLEMENT_SUCCESS' ? 'completed ' : ''}settlement yet; a paid order settles in the next cycle: advance the clock (POST /_sandbox/clock/advance {"days":2})`,
        );
      }
      appendSettlementEvent(ctx, type, settlement);
      return;
    }
  }
}
