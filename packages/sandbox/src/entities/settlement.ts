import type { SettlementEntity, SettlementReconItem, SettlementSummary } from 'cashfree-kit';
import { formatIst } from '../clock/time.js';
import type { OrderRow } from '../store/orders.js';
import type { PaymentRow } from '../store/payments.js';
import type { RefundRow } from '../store/refunds.js';
import type { SettlementItemRow, SettlementRow } from '../store/settlements.js';
import { toRupees } from '../util/money.js';
import { customerDetails, orderDetails } from './order.js';
import type { Wire } from './wire.js';

/**
 * `SettlementEntity` with `order_currency`, which the contract's example of the entity carries and
 * its schema leaves out.
 */
export type SettlementOfOrder = Wire<SettlementEntity> & { order_currency: string };

/**
 * `SettlementEntity` for `GET /orders/{order_id}/settlements`: the order's captured payment and
 * the settlement that carried it (settlement fields are null until its cycle has run).
 */
export function orderSettlementEntity(
  order: OrderRow,
  item: SettlementItemRow,
  settlement: SettlementRow | undefined,
): SettlementOfOrder {
  const settled = settlement?.status === 'SUCCESS';
  return {
    cf_payment_id: String(item.cf_payment_id),
    cf_settlement_id: settlement ? String(settlement.cf_settlement_id) : null,
    settlement_currency: order.currency,
    order_id: order.order_id,
    entity: 'settlement',
    order_amount: toRupees(order.amount),
    order_currency: order.currency,
    payment_time: formatIst(item.event_time),
    service_charge: toRupees(item.service_charge),
    service_tax: toRupees(item.service_tax),
    settlement_amount: toRupees(item.amount - item.service_charge - item.service_tax),
    settlement_id: settlement ? settlement.cf_settlement_id : null,
    transfer_id: settlement ? settlement.cf_settlement_id : null,
    transfer_time: settled && settlement.processed_at !== null ? formatIst(settlement.processed_at) : null,
    transfer_utr: settled ? settlement.utr : null,
    forex_conversion_handling_charge: null,
    forex_conversion_handling_tax: null,
    forex_conversion_rate: null,
    charges_currency: order.currency,
  };
}

/**
 * One settlement in `POST /settlements`. The 2025-01-01 file types this response as a single
 * SettlementEntity, but Cashfree's current docs and the cashfree-pg 6.x SDK describe a page of
 * settlements (`{cursor, limit, data[]}` with these fields), which is what the sandbox returns.
 */
export function settlementSummary(s: SettlementRow): Wire<SettlementSummary> {
  return {
    cf_settlement_id: String(s.cf_settlement_id),
    status: s.status,
    status_description:
      s.status === 'SUCCESS' ? 'Settlement transferred to the bank account' : 'Settlement initiated',
    settlement_utr: s.utr,
    payment_from: formatIst(s.payment_from),
    payment_till: formatIst(s.payment_till),
    settlement_initiated_on: formatIst(s.initiated_at),
    settlement_processed_on: s.processed_at === null ? null : formatIst(s.processed_at),
    payment_amount: toRupees(s.payment_amount),
    pg_service_charge: toRupees(s.service_charge),
    pg_service_tax: toRupees(s.service_tax),
    adjustment: toRupees(-s.refund_amount),
    settlement_charge: 0,
    settlement_tax: 0,
    split_service_charge: 0,
    split_service_tax: 0,
    vendor_commission: 0,
    amount_settled: toRupees(s.amount_settled),
    charge_type: 'POSTPAID',
    settlement_type: 'STANDARD',
  };
}

/** One entry of `POST /settlement/recon` (SettlementReconEntity `data[]`). */
export function reconEntry(
  item: SettlementItemRow,
  settlement: SettlementRow,
  order: OrderRow,
  payment: PaymentRow,
  refund: RefundRow | undefined,
): Wire<SettlementReconItem> {
  const isPayment = item.kind === 'PAYMENT';
  const details = orderDetails(order);
  const c = customerDetails(details);
  return {
    event_details: {
      event_id: String(isPayment ? item.cf_payment_id : item.cf_refund_id),
      event_type: item.kind,
      event_settlement_amount: toRupees(
        isPayment ? item.amount - item.service_charge - item.service_tax : -item.amount,
      ),
      event_amount: toRupees(item.amount),
      sale_type: isPayment ? 'CREDIT' : 'DEBIT',
      event_status: 'SUCCESS',
      entity: 'recon',
      event_time: formatIst(item.event_time),
      event_currency: order.currency,
      event_service_charge: toRupees(item.service_charge),
      event_service_tax: toRupees(item.service_tax),
      event_remarks: null,
    },
    order_details: {
      order_id: order.order_id,
      order_amount: toRupees(order.amount),
      order_currency: order.currency,
      order_tags: details.order_tags,
    },
    customer_details: {
      customer_phone: c.customer_phone ?? null,
      customer_email: c.customer_email ?? null,
      customer_name: c.customer_name ?? null,
      customer_id: c.customer_id ?? null,
      customer_bank_account_number: c.customer_bank_account_number ?? null,
      // The contract types it as a string here; the order's customer_details carry a number.
      customer_bank_code: c.customer_bank_code == null ? null : String(c.customer_bank_code),
      customer_bank_ifsc: c.customer_bank_ifsc ?? null,
    },
    payment_details: {
      payment_amount: toRupees(payment.amount),
      payment_currency: order.currency,
      bank_reference: payment.bank_reference,
      payment_time: formatIst(payment.created_at),
      payment_mode: payment.payment_group.toUpperCase(),
      payment_service_charge: isPayment ? toRupees(item.service_charge) : 0,
      payment_service_tax: isPayment ? toRupees(item.service_tax) : 0,
      cf_payment_id: String(payment.cf_payment_id),
      status: payment.status,
      forex_conversion_handling_charge: null,
      forex_conversion_handling_tax: null,
      charges_currency: order.currency,
    },
    settlement_details: {
      cf_settlement_id: String(settlement.cf_settlement_id),
      settlement_date: settlement.processed_at === null ? null : formatIst(settlement.processed_at),
      utr: settlement.utr,
      split_service_charge: 0,
      split_service_tax: 0,
      vendor_commission: 0,
      payment_from: formatIst(settlement.payment_from),
      payment_till: formatIst(settlement.payment_till),
      reason: null,
      remarks: null,
      service_charge: toRupees(settlement.service_charge),
      service_tax: toRupees(settlement.service_tax),
      settlement_charge: 0,
      settlement_initiated_on: formatIst(settlement.initiated_at),
      settlement_tax: 0,
      settlement_type: 'STANDARD',
    },
    dispute_details: null,
    refund_details: refund
      ? {
          refund_processed_at: refund.processed_at === null ? null : formatIst(refund.processed_at),
          refund_arn: refund.arn,
          refund_note: refund.note,
          refund_id: refund.refund_id,
        }
      : null,
  };
}
