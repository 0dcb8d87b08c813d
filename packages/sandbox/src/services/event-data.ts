import type { SandboxContext } from '../context.js';
import {
  linkWebhookData,
  paymentWebhookData,
  refundWebhookData,
  settlementWebhookData,
} from '../entities/webhook-data.js';
import type { LinkRow } from '../store/links.js';
import type { OrderRow } from '../store/orders.js';
import type { PaymentRow } from '../store/payments.js';
import type { RefundRow } from '../store/refunds.js';
import type { SettlementRow } from '../store/settlements.js';

/**
 * Outbox events and their `data` snapshots (built in `entities/webhook-data.ts`), so that
 * delivery only wraps them in `{data, event_time, type}`, signs and sends.
 */

const PAYMENT_EVENT_TYPE = {
  SUCCESS: 'PAYMENT_SUCCESS_WEBHOOK',
  FAILED: 'PAYMENT_FAILED_WEBHOOK',
  USER_DROPPED: 'PAYMENT_USER_DROPPED_WEBHOOK',
} as const;

/** Appends PAYMENT_SUCCESS/FAILED/USER_DROPPED_WEBHOOK for a payment that reached that outcome. */
export function appendPaymentEvent(ctx: SandboxContext, order: OrderRow, payment: PaymentRow): void {
  const type = PAYMENT_EVENT_TYPE[payment.status as keyof typeof PAYMENT_EVENT_TYPE];
  if (!type) return;
  ctx.appendEvent({
    type,
    order_id: order.order_id,
    cf_payment_id: String(payment.cf_payment_id),
    cf_refund_id: null,
    link_id: null,
    cf_settlement_id: null,
    data: paymentWebhookData(order, payment),
  });
}

/** Appends REFUND_STATUS_WEBHOOK for a refund whose status changed. */
export function appendRefundEvent(ctx: SandboxContext, order: OrderRow, refund: RefundRow): void {
  ctx.appendEvent({
    type: 'REFUND_STATUS_WEBHOOK',
    order_id: order.order_id,
    cf_payment_id: String(refund.cf_payment_id),
    cf_refund_id: String(refund.cf_refund_id),
    link_id: null,
    cf_settlement_id: null,
    data: refundWebhookData(order, refund),
  });
}

/** Appends PAYMENT_LINK_EVENT for a link that was paid (fully or partly), cancelled or expired. */
export function appendLinkEvent(
  ctx: SandboxContext,
  link: LinkRow,
  paid?: { order: OrderRow; payment: PaymentRow },
): void {
  ctx.appendEvent({
    type: 'PAYMENT_LINK_EVENT',
    order_id: paid?.order.order_id ?? null,
    cf_payment_id: paid ? String(paid.payment.cf_payment_id) : null,
    cf_refund_id: null,
    link_id: link.link_id,
    cf_settlement_id: null,
    data: linkWebhookData(link, ctx.config.publicUrl, paid),
  });
}

/** Appends SETTLEMENT_INITIATED or SETTLEMENT_SUCCESS. */
export function appendSettlementEvent(
  ctx: SandboxContext,
  type: 'SETTLEMENT_INITIATED' | 'SETTLEMENT_SUCCESS',
  s: SettlementRow,
): void {
  ctx.appendEvent({
    type,
    ...NO_REFERENCES,
    cf_settlement_id: String(s.cf_settlement_id),
    data: settlementWebhookData(s),
  });
}

/**
 * The outbox's PG reference columns, all empty: a settlement refers to no order or payment, and a
 * Payouts event to none of them.
 */
const NO_REFERENCES = {
  order_id: null,
  cf_payment_id: null,
  cf_refund_id: null,
  link_id: null,
  cf_settlement_id: null,
} as const;

/**
 * Appends a Payouts event (TRANSFER_*, BULK_TRANSFER_REJECTED): its `data` is the whole payload, and
 * it refers to no PG order, payment, refund, link or settlement.
 *
 * @example
 * appendPayoutsEvent(ctx, 'TRANSFER_SUCCESS', transferEntity(row));
 */
export function appendPayoutsEvent(ctx: SandboxContext, type: string, data: unknown): void {
  ctx.appendEvent({ type, ...NO_REFERENCES, data });
}
