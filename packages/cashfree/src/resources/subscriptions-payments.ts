import type { RequestOptions } from '../core/options.js';
import { SUBSCRIPTION_PAYMENT_OPERATIONS as operations } from '../operations/subscriptions.js';
import { ApiResource } from './resource.js';
import { checkChargeLeadTime } from './subscriptions-lead-time.js';
import type {
  CreateSubscriptionPaymentRequest,
  CreateSubscriptionPaymentResponse,
  ManageSubscriptionPaymentRequest,
  SubscriptionPaymentEntity,
} from './subscriptions-types.js';

/**
 * The payments of a subscription: its mandate's authorisation (`AUTH`) and each charge
 * (`CHARGE`). Also reachable as `cashfree.subscriptions.payments`.
 *
 * @example
 * await cashfree.subscriptions.payments.create({
 *   subscription_id: 'sub_tea_0001', payment_id: 'charge_2026_12', payment_type: 'CHARGE',
 *   payment_amount: 499, payment_schedule_date: '2026-12-10T10:00:00+05:30',
 * });
 * const charges = await cashfree.subscriptions.payments.list('sub_tea_0001');
 * @see https://www.cashfree.com/docs/api-reference/payments/latest/subscription/payment/raise
 */
export class SubscriptionPayments extends ApiResource {
  /**
   * `POST /subscriptions/pay`. Validated first: `AUTH` needs the `subscription_session_id`,
   * `CHARGE` a `payment_amount` in rupees; a UPI or card charge (`payment_method.upi` / `.card`)
   * must be scheduled tomorrow (India time) or later. The idempotency key is kept across retries,
   * so a retry never charges twice.
   *
   * @example
   * const auth = await cashfree.subscriptions.payments.create({
   *   subscription_id: 'sub_tea_0001', subscription_session_id: 'sub_session_abc',
   *   payment_id: 'auth_0001', payment_type: 'AUTH', payment_method: { upi: { channel: 'link' } },
   * });
   */
  async create(
    body: CreateSubscriptionPaymentRequest,
    options?: RequestOptions,
  ): Promise<CreateSubscriptionPaymentResponse> {
    checkChargeLeadTime(body);
    return this.send(operations.create, {}, { body }, options);
  }

  /**
   * `GET /subscriptions/{subscription_id}/payments`: the authorisation and every charge.
   *
   * @example
   * const failed = (await cashfree.subscriptions.payments.list('sub_tea_0001')).filter((p) => p.payment_status === 'FAILED');
   */
  list(subscriptionId: string, options?: RequestOptions): Promise<SubscriptionPaymentEntity[]> {
    return this.send(operations.list, { subscription_id: subscriptionId }, {}, options);
  }

  /**
   * `GET /subscriptions/{subscription_id}/payments/{payment_id}`.
   *
   * @example
   * const { payment_status } = await cashfree.subscriptions.payments.get('sub_tea_0001', 'charge_2026_12');
   */
  get(
    subscriptionId: string,
    paymentId: string,
    options?: RequestOptions,
  ): Promise<SubscriptionPaymentEntity> {
    return this.send(operations.get, { subscription_id: subscriptionId, payment_id: paymentId }, {}, options);
  }

  /**
   * `POST /subscriptions/{subscription_id}/payments/{payment_id}/manage`: `CANCEL` a charge not
   * yet debited, or `RETRY` a `FAILED` one at `action_details.next_scheduled_time`. The ids in the
   * body are filled in from the arguments.
   *
   * @example
   * await cashfree.subscriptions.payments.manage('sub_tea_0001', 'charge_2026_12', {
   *   action: 'RETRY', action_details: { next_scheduled_time: '2026-12-11T10:00:00+05:30' },
   * });
   */
  manage(
    subscriptionId: string,
    paymentId: string,
    body: ManageSubscriptionPaymentRequest,
    options?: RequestOptions,
  ): Promise<SubscriptionPaymentEntity> {
    const ids = { subscription_id: subscriptionId, payment_id: paymentId };
    return this.send(operations.manage, ids, { body: withIds(ids, body) }, options);
  }
}

/**
 * `body` with the path's ids where it has none: the contract wants them in the body too. A body
 * that is not an object is passed on as it is, for the row's check to name.
 */
export function withIds(ids: Record<string, string>, body: unknown): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  return { ...ids, ...body };
}
