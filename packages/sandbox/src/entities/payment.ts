import type { PaymentEntity } from 'cashfree-kit';
import { formatIst } from '../clock/time.js';
import type { OrderRow } from '../store/orders.js';
import type { PaymentRow } from '../store/payments.js';
import { toRupees } from '../util/money.js';
import type { Complete, Wire } from './wire.js';

/** `payment_gateway_details` for a sandbox payment. */
export function gatewayDetails(
  payment: PaymentRow,
): Complete<NonNullable<PaymentEntity['payment_gateway_details']>> {
  return {
    gateway_name: 'CASHFREE',
    gateway_order_id: String(payment.cf_order_id),
    gateway_payment_id: String(payment.cf_payment_id),
    gateway_order_reference_id: null,
    gateway_status_code: null,
    gateway_settlement: 'CASHFREE',
    gateway_reference_name: null,
  };
}

/**
 * `PaymentEntity` (Get Payments for an Order, Get Payment by ID).
 * @see https://www.cashfree.com/docs/api-reference/payments/latest/payments/get-payments-for-order
 */
export function paymentEntity(payment: PaymentRow, order: OrderRow): Wire<PaymentEntity> {
  return {
    cf_payment_id: String(payment.cf_payment_id),
    order_id: order.order_id,
    entity: 'payment',
    error_details: payment.error === null ? null : JSON.parse(payment.error),
    is_captured: payment.status === 'SUCCESS',
    order_amount: toRupees(order.amount),
    order_currency: order.currency,
    payment_group: payment.payment_group,
    payment_currency: order.currency,
    payment_amount: toRupees(payment.amount),
    payment_time: formatIst(payment.created_at),
    payment_completion_time: payment.completed_at === null ? null : formatIst(payment.completed_at),
    payment_status: payment.status,
    payment_message: payment.message,
    bank_reference: payment.bank_reference,
    auth_id: payment.auth_id,
    authorization: null,
    payment_method: JSON.parse(payment.instrument),
    international_payment: { international: false },
    payment_gateway_details: gatewayDetails(payment),
    payment_surcharge: null,
  };
}
