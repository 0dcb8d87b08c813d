import type {
  PaymentWebhookData,
  SettlementWebhookData,
  WebhookPaymentError,
  WebhookPaymentMethod,
} from 'cashfree-kit/webhooks';
import { formatIst, IST_OFFSET_MS } from '../clock/time.js';
import type { SandboxContext } from '../context.js';
import { linkEntity } from '../entities/link.js';
import { customerDetails, orderDetails } from '../entities/order.js';
import { gatewayDetails } from '../entities/payment.js';
import { refundEntity } from '../entities/refund.js';
import type { Wire } from '../entities/wire.js';
import type { LinkRow } from '../store/links.js';
import type { OrderRow } from '../store/orders.js';
import type { PaymentRow } from '../store/payments.js';
import type { RefundRow } from '../store/refunds.js';
import type { SettlementRow } from '../store/settlements.js';
import { formatPaise, toRupees } from '../util/money.js';

/**
 * Outbox events and their `data` snapshots, in the shapes of Cashfree's 2025-01-01 webhooks
 * (payments, refunds, payment links, settlements), so that delivery only wraps them in
 * `{data, event_time, type}`, signs and sends.
 */

const PAYMENT_EVENT_TYPE = {
  SUCCESS: 'PAYMENT_SUCCESS_WEBHOOK',
  FAILED: 'PAYMENT_FAILED_WEBHOOK',
  USER_DROPPED: 'PAYMENT_USER_DROPPED_WEBHOOK',
} as const;

/**
 * `payment.payment_method` of a payment webhook. The 2025-01-01 webhook adds `upi_instrument` and
 * `upi_instrument_number` to UPI payments (the API's PaymentEntity has neither); they name the
 * customer's funding instrument, which a test VPA does not have, so they are null here.
 */
function webhookPaymentMethod(payment: PaymentRow): Wire<WebhookPaymentMethod> {
  const method = JSON.parse(payment.instrument) as Wire<WebhookPaymentMethod>;
  const upi = method.upi;
  if (typeof upi !== 'object' || upi === null) return method;
  return { ...method, upi: { ...upi, upi_instrument: null, upi_instrument_number: null } };
}

/** Appends PAYMENT_SUCCESS/FAILED/USER_DROPPED_WEBHOOK for a payment that reached that outcome. */
export function appendPaymentEvent(ctx: SandboxContext, order: OrderRow, payment: PaymentRow): void {
  const type = PAYMENT_EVENT_TYPE[payment.status as keyof typeof PAYMENT_EVENT_TYPE];
  if (!type) return;
  const details = orderDetails(order);
  const customer = customerDetails(details);
  const data: Wire<PaymentWebhookData> = {
    order: {
      order_id: order.order_id,
      order_amount: toRupees(order.amount),
      order_currency: order.currency,
      order_tags: details.order_tags,
    },
    payment: {
      cf_payment_id: String(payment.cf_payment_id),
      payment_status: payment.status,
      payment_amount: toRupees(payment.amount),
      payment_currency: order.currency,
      payment_message: payment.message,
      payment_time: formatIst(payment.created_at),
      bank_reference: payment.bank_reference,
      auth_id: payment.auth_id,
      payment_method: webhookPaymentMethod(payment),
      payment_group: payment.payment_group,
      international_payment: { international: false },
      payment_surcharge: null,
    },
    customer_details: {
      customer_name: customer.customer_name ?? null,
      customer_id: customer.customer_id ?? null,
      customer_email: customer.customer_email ?? null,
      customer_phone: customer.customer_phone ?? null,
    },
    payment_gateway_details: gatewayDetails(payment),
    payment_offers: null,
    terminal_details: null,
  };
  if (payment.error !== null) data.error_details = JSON.parse(payment.error) as Wire<WebhookPaymentError>;
  ctx.appendEvent({
    type,
    order_id: order.order_id,
    cf_payment_id: String(payment.cf_payment_id),
    cf_refund_id: null,
    link_id: null,
    cf_settlement_id: null,
    data,
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
    // The API's RefundEntity (typed there), named `Refund` as the webhook does.
    data: { refund: { ...refundEntity(refund, order), entity: 'Refund' } },
  });
}

/** Cashfree's link webhooks print times without an offset (`2021-08-18T07:13:41`, IST). */
function istWithoutOffset(ms: number): string {
  return new Date(ms + IST_OFFSET_MS).toISOString().slice(0, 19);
}

/** Appends PAYMENT_LINK_EVENT for a link that was paid (fully or partly), cancelled or expired. */
export function appendLinkEvent(
  ctx: SandboxContext,
  link: LinkRow,
  paid?: { order: OrderRow; payment: PaymentRow },
): void {
  // The API's link without its QR code, which the webhook does not carry.
  const { link_qrcode: _qrcode, ...entity } = linkEntity(link, ctx.config.publicUrl);
  // The API's LinkEntity (typed there) with the webhook's string amounts and offset-less times.
  const data = {
    ...entity,
    link_amount: formatPaise(link.amount),
    link_amount_paid: formatPaise(link.amount_paid),
    link_minimum_partial_amount:
      link.minimum_partial_amount === null ? null : formatPaise(link.minimum_partial_amount),
    link_created_at: istWithoutOffset(link.created_at),
    link_expiry_time: istWithoutOffset(link.expires_at),
    order: paid
      ? {
          order_amount: formatPaise(paid.order.amount),
          order_id: paid.order.order_id,
          order_expiry_time: istWithoutOffset(paid.order.expires_at),
          order_hash: paid.order.payment_session_id.slice(8, 28),
          transaction_id: paid.payment.cf_payment_id,
          transaction_status: paid.payment.status,
        }
      : null,
  };
  ctx.appendEvent({
    type: 'PAYMENT_LINK_EVENT',
    order_id: paid?.order.order_id ?? null,
    cf_payment_id: paid ? String(paid.payment.cf_payment_id) : null,
    cf_refund_id: null,
    link_id: link.link_id,
    cf_settlement_id: null,
    data,
  });
}

/** Settlement webhooks print times as `2022-02-14 12:00:00` (IST). */
function settlementTime(ms: number): string;
function settlementTime(ms: number | null): string | null;
function settlementTime(ms: number | null): string | null {
  return ms === null ? null : new Date(ms + IST_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

/** Appends SETTLEMENT_INITIATED or SETTLEMENT_SUCCESS. */
export function appendSettlementEvent(
  ctx: SandboxContext,
  type: 'SETTLEMENT_INITIATED' | 'SETTLEMENT_SUCCESS',
  s: SettlementRow,
): void {
  ctx.appendEvent({
    type,
    order_id: null,
    cf_payment_id: null,
    cf_refund_id: null,
    link_id: null,
    cf_settlement_id: String(s.cf_settlement_id),
    data: {
      settlement: {
        adjustment: toRupees(-s.refund_amount),
        amount_settled: toRupees(s.amount_settled),
        payment_amount: toRupees(s.payment_amount),
        payment_from: settlementTime(s.payment_from),
        payment_till: settlementTime(s.payment_till),
        reason: null,
        service_charge: toRupees(s.service_charge),
        service_tax: toRupees(s.service_tax),
        settled_on: settlementTime(s.processed_at),
        settlement_amount: toRupees(s.amount_settled),
        settlement_charge: 0,
        settlement_id: s.cf_settlement_id,
        settlement_initiated_on: settlementTime(s.initiated_at),
        settlement_tax: 0,
        settlement_type: 'STANDARD',
        status: s.status,
        utr: s.utr,
      },
    } satisfies Wire<SettlementWebhookData>,
  });
}
