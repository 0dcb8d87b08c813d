import type { RequestOptions } from '../core/options.js';
import { SUBSCRIPTION_REFUND_OPERATIONS as operations } from '../operations/subscriptions.js';
import { ApiResource } from './resource.js';
import { withIds } from './subscriptions-payments.js';
import type { CreateSubscriptionRefundRequest, SubscriptionRefundEntity } from './subscriptions-types.js';

/**
 * Refunds of a subscription's charges. Also reachable as `cashfree.subscriptions.refunds`.
 *
 * @example
 * await cashfree.subscriptions.refunds.create('sub_tea_0001', { refund_id: 'refund_0001', refund_amount: 499, payment_id: 'charge_2026_12' });
 * const { refund_status } = await cashfree.subscriptions.refunds.get('sub_tea_0001', 'refund_0001');
 * @see https://www.cashfree.com/docs/api-reference/payments/latest/subscription/refund/create
 */
export class SubscriptionRefunds extends ApiResource {
  /**
   * `POST /subscriptions/{subscription_id}/refunds`. Validated first: `refund_id` and
   * `refund_amount` (rupees > 0). The idempotency key is kept across retries, so a retry never
   * refunds twice.
   *
   * @example
   * await cashfree.subscriptions.refunds.create('sub_tea_0001', { refund_id: 'refund_0001', refund_amount: 100, payment_id: 'charge_2026_12' });
   */
  create(
    subscriptionId: string,
    body: CreateSubscriptionRefundRequest,
    options?: RequestOptions,
  ): Promise<SubscriptionRefundEntity> {
    const ids = { subscription_id: subscriptionId };
    return this.send(operations.create, ids, { body: withIds(ids, body) }, options);
  }

  /**
   * `GET /subscriptions/{subscription_id}/refunds/{refund_id}`.
   *
   * @example
   * const { refund_status } = await cashfree.subscriptions.refunds.get('sub_tea_0001', 'refund_0001');
   */
  get(subscriptionId: string, refundId: string, options?: RequestOptions): Promise<SubscriptionRefundEntity> {
    return this.send(operations.get, { subscription_id: subscriptionId, refund_id: refundId }, {}, options);
  }
}
