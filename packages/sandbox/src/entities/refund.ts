import type { RefundEntity, VendorSplit } from 'cashfree-kit';
import { formatIst } from '../clock/time.js';
import type { OrderRow } from '../store/orders.js';
import type { RefundRow } from '../store/refunds.js';
import { toRupees } from '../util/money.js';
import type { Complete } from './wire.js';

/**
 * `RefundEntity` (create, list and get refund responses).
 * @see https://www.cashfree.com/docs/api-reference/payments/latest/refunds/create
 */
export function refundEntity(refund: RefundRow, order: OrderRow): Complete<RefundEntity> {
  const details = JSON.parse(refund.details) as { refund_splits?: VendorSplit[] };
  return {
    cf_payment_id: String(refund.cf_payment_id),
    cf_refund_id: String(refund.cf_refund_id),
    order_id: order.order_id,
    refund_id: refund.refund_id,
    entity: 'refund',
    refund_amount: toRupees(refund.amount),
    refund_currency: order.currency,
    refund_note: refund.note,
    refund_status: refund.status,
    refund_arn: refund.arn,
    refund_charge: 0,
    status_description: refund.status_description,
    metadata: null,
    refund_splits: details.refund_splits ?? [],
    refund_type: refund.refund_type,
    refund_mode: refund.speed,
    created_at: formatIst(refund.created_at),
    processed_at: refund.processed_at === null ? null : formatIst(refund.processed_at),
    refund_speed: {
      requested: refund.speed,
      accepted: refund.speed,
      processed: refund.status === 'SUCCESS' ? refund.speed : null,
      message: null,
    },
    forex_conversion_handling_charge: null,
    forex_conversion_handling_tax: null,
    forex_conversion_rate: null,
    charges_currency: null,
  };
}
