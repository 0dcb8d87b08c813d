import type { RequestOptions } from '../core/options.js';
import { path } from '../internal/path.js';
import { validateCreateRefundRequest } from '../validation/refunds.js';
import { ApiResource } from './resource.js';
import type { VendorSplit } from './shared-types.js';

/**
 * Refunds of a paid order: full, partial or several partial ones, up to the captured amount and
 * within 180 days of the payment.
 *
 * @see https://www.cashfree.com/docs/api-reference/payments/latest/refunds/create
 */
export class Refunds extends ApiResource {
  /**
   * `POST /orders/{order_id}/refunds`. Validated first: `refund_amount` (rupees > 0) and
   * `refund_id`. The idempotency key is kept across retries, so a retry never refunds twice.
   *
   * @example await cashfree.refunds.create('order_001', { refund_id: 'refund_001', refund_amount: 499.0 });
   */
  async create(orderId: string, body: CreateRefundRequest, options?: RequestOptions): Promise<RefundEntity> {
    return this.transport.post(
      path`/orders/${orderId}/refunds`,
      { body, validate: validateCreateRefundRequest },
      options,
    );
  }

  /** `GET /orders/{order_id}/refunds/{refund_id}`: one refund, by your `refund_id`. */
  async get(orderId: string, refundId: string, options?: RequestOptions): Promise<RefundEntity> {
    return this.transport.get(path`/orders/${orderId}/refunds/${refundId}`, {}, options);
  }

  /** `GET /orders/{order_id}/refunds`: every refund of an order. */
  async list(orderId: string, options?: RequestOptions): Promise<RefundEntity[]> {
    return this.transport.get(path`/orders/${orderId}/refunds`, {}, options);
  }
}

/** Body of `POST /orders/{order_id}/refunds` (`OrderCreateRefundRequest`). */
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

/** Refund statuses; the contract's prose also lists `FAILED`. */
export type RefundStatus = 'SUCCESS' | 'PENDING' | 'CANCELLED' | 'ONHOLD' | 'FAILED';

/** A refund (`RefundEntity`). */
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
