import type {
  PaymentWebhookData,
  SettlementWebhookData,
  WebhookPaymentError,
  WebhookPaymentMethod,
} from 'cashfree-kit/webhooks';
import { formatIst, IST_OFFSET_MS } from '../clock/time.js';
import type { LinkRow } from '../store/links.js';
import type { OrderRow } from '../store/orders.js';
import type { PaymentRow } from '../store/payments.js';
import type { RefundRow } from '../store/refunds.js';
import type { SettlementRow } from '../store/settlements.js';
import { formatPaise, toRupees } from '../util/money.js';
import { linkEntity } from './link.js';
import { customerDetails, orderDetails } from './order.js';
import { gatewayDetails } from './payment.js';
import { refundEntity } from './refund.js';
import type { Wire } from './wire.js';

/**
 * The `data` of each webhook, in the shapes of Cashfree's 2025-01-01 webhooks (payments, refunds,
 * payment links, settlements), built from the sandbox's rows. The outbox stores them; the CLI's
 * `webhooks trigger` samples are built by the same functions from sample rows.
 */

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

/** `data` of PAYMENT_SUCCESS/FAILED/USER_DROPPED_WEBHOOK for a payment of `order`. */
export function paymentWebhookData(order: OrderRow, payment: PaymentRow): Wire<PaymentWebhookData> {
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
  return data;
}

/** `data` of REFUND_STATUS_WEBHOOK: the API's RefundEntity (typed there), named `Refund` as the webhook does. */
export function refundWebhookData(order: OrderRow, refund: RefundRow) {
  return { refund: { ...refundEntity(refund, order), entity: 'Refund' } };
}

/** Cashfree's link webhooks print times without an offset (`2021-08-18T07:13:41`, IST). */
function istWithoutOffset(ms: number): string {
  return new Date(ms + IST_OFFSET_MS).toISOString().slice(0, 19);
}

/**
 * `data` of PAYMENT_LINK_EVENT: the API's LinkEntity (typed there) without its QR code, with the
 * webhook's string amounts and offset-less times, and the order a payment ran on.
 */
export function linkWebhookData(
  link: LinkRow,
  publicUrl: string,
  paid?: { order: OrderRow; payment: PaymentRow },
) {
  const { link_qrcode: _qrcode, ...entity } = linkEntity(link, publicUrl);
  return {
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
}

/** Settlement webhooks print times as `2022-02-14 12:00:00` (IST). */
function settlementTime(ms: number): string;
function settlementTime(ms: number | null): string | null;
function settlementTime(ms: number | null): string | null {
  return ms === null ? null : new Date(ms + IST_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * `data` of the SETTLEMENT_* webhooks. `status` and `reason` default to the row's (the sandbox's
 * cycle only initiates and settles); a sample of a failed or reversed settlement passes its own.
 */
export function settlementWebhookData(
  s: SettlementRow,
  status: string = s.status,
  reason: string | null = null,
): Wire<SettlementWebhookData> {
  return {
    settlement: {
      adjustment: toRupees(-s.refund_amount),
      amount_settled: toRupees(s.amount_settled),
      payment_amount: toRupees(s.payment_amount),
      payment_from: settlementTime(s.payment_from),
      payment_till: settlementTime(s.payment_till),
      reason,
      service_charge: toRupees(s.service_charge),
      service_tax: toRupees(s.service_tax),
      settled_on: settlementTime(s.processed_at),
      settlement_amount: toRupees(s.amount_settled),
      settlement_charge: 0,
      settlement_id: s.cf_settlement_id,
      settlement_initiated_on: settlementTime(s.initiated_at),
      settlement_tax: 0,
      settlement_type: 'STANDARD',
      status,
      utr: s.utr,
    },
  };
}
