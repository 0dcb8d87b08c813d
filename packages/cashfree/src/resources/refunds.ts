import type { RequestOptions } from '../core/options.js';
import { REFUND_OPERATIONS as endpoints } from '../operations/refunds.js';
import type { REFUND_STATUSES } from '../operations/statuses.js';
import { ApiResource } from './resource.js';
import type { VendorSplit } from './shared-types.js';

/**
 * Refunds of a paid order: full, partial or several partial ones, up to the captured amount and
 * within 180 days of the payment.
 *
 * @example
 * await cashfree.refunds.create('order_001', { refund_id: 'refund_001', refund_amount: 100 });
 * const refunds = await cashfree.refunds.list('order_001');
 * @see https://www.cashfree.com/docs/api-reference/payments/latest/refunds/create
 */
export class Refunds extends ApiResource {
  /**
   * `POST /orders/{order_id}/refunds`. Validated first: `refund_amount` (rupees > 0) and
   * `refund_id`. The idempotency key is kept across retries, so a retry never refunds twice.
   *
   * @example await cashfree.refunds.create('order_001', { refund_id: 'refund_001', refund_amount: 499.0 });
   */
  create(orderId: string, body: CreateRefundRequest, options?: RequestOptions): Promise<RefundEntity> {
    return this.send(endpoints.create, { order_id: orderId }, { body }, options);
  }

  /**
   * `GET /orders/{order_id}/refunds/{refund_id}`: one refund, by your `refund_id`.
   *
   * @example
   * const { refund_status } = await cashfree.refunds.get('order_001', 'refund_001');
   */
  get(orderId: string, refundId: string, options?: RequestOptions): Promise<RefundEntity> {
    return this.send(endpoints.get, { order_id: orderId, refund_id: refundId }, {}, options);
  }

  /**
   * `GET /orders/{order_id}/refunds`: every refund of an order.
   *
   * @example
   * const refunded = (await cashfree.refunds.list('order_001'))
   *   .filter((r) => r.refund_status !== 'CANCELLED')
   *   .reduce((sum, r) => sum + r.refund_amount, 0);
   */
  list(orderId: string, options?: RequestOptions): Promise<RefundEntity[]> {
    return this.send(endpoints.list, { order_id: orderId }, {}, options);
  }
}

/**
 * Body of `POST /orders/{order_id}/refunds` (`OrderCreateRefundRequest`).
 *
 * @example
 * const refund: CreateRefundRequest = { refund_id: 'refund_001', refund_amount: 100.5, refund_note: 'size exchange' };
 */
export interface CreateRefundRequest {
  /** In rupees with up to 2 decimals, > 0, at most the captured amount. */
  refund_amount: number;
  /** Your id for the refund: 3–40 letters, digits, `_`, `-`. */
  refund_id: string;
  /** 3–100 characters. */
  refund_note?: string;
  /** Default `STANDARD`. */
  refund_speed?: 'STANDARD' | 'INSTANT';
  refund_splits?: VendorSplit[];
}

/**
 * A refund's `refund_status`.
 *
 * @example
 * const refund = await cashfree.refunds.get('order_001', 'refund_001');
 * const done: boolean = refund.refund_status === ('SUCCESS' satisfies RefundStatus);
 */
export type RefundStatus = (typeof REFUND_STATUSES)[number];

/**
 * A refund (`RefundEntity`).
 *
 * @example
 * const refund: RefundEntity = await cashfree.refunds.get('order_001', 'refund_001');
 * console.log(refund.refund_status, refund.refund_arn);
 */
export interface RefundEntity {
  cf_payment_id?: string;
  cf_refund_id: string;
  order_id: string;
  refund_id: string;
  /** `"refund"`. */
  entity?: 'refund';
  refund_amount: number;
  refund_currency?: string;
  refund_note?: string | null;
  refund_status: RefundStatus;
  /** The bank's reference number for the refund. */
  refund_arn?: string | null;
  refund_charge?: number | null;
  status_description?: string | null;
  metadata?: Record<string, unknown> | null;
  refund_splits?: VendorSplit[] | null;
  refund_type?: 'PAYMENT_AUTO_REFUND' | 'MERCHANT_INITIATED' | 'UNRECONCILED_AUTO_REFUND';
  refund_mode?: string | null;
  created_at?: string | null;
  processed_at?: string | null;
  refund_speed?: { requested?: string; accepted?: string; processed?: string; message?: string } | null;
  forex_conversion_handling_charge?: number | null;
  forex_conversion_handling_tax?: number | null;
  forex_conversion_rate?: number | null;
  charges_currency?: string | null;
}
