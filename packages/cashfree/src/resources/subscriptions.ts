import type { RequestOptions } from '../core/options.js';
import type { Transport } from '../internal/transport.js';
import { SUBSCRIPTION_OPERATIONS as operations } from '../operations/subscriptions.js';
import { ApiResource } from './resource.js';
import { type SubscriptionPayments, withIds } from './subscriptions-payments.js';
import type { SubscriptionRefunds } from './subscriptions-refunds.js';
import type {
  CreateSubscriptionRequest,
  ManageSubscriptionRequest,
  SubscriptionEligibilityRequest,
  SubscriptionEligibilityResponse,
  SubscriptionEntity,
} from './subscriptions-types.js';

/**
 * Subscriptions (recurring payments by UPI Autopay, e-NACH, physical NACH or a card's standing
 * instruction): create one on a plan, have the customer authorise the mandate with its
 * `subscription_session_id`, then charge it (`payments`), pause, resume or cancel it (`manage`),
 * and refund a charge (`refunds`).
 *
 * @example
 * const { subscription_session_id } = await cashfree.subscriptions.create({
 *   subscription_id: 'sub_tea_0001',
 *   customer_details: { customer_email: 'priya@example.com', customer_phone: '9876543210' },
 *   plan_details: { plan_id: 'tea_monthly' },
 * });
 * await cashfree.subscriptions.manage('sub_tea_0001', { action: 'PAUSE' });
 * @see https://www.cashfree.com/docs/api-reference/payments/latest/subscription/endpoints
 */
export class Subscriptions extends ApiResource {
  /** The authorisation and charges of a subscription: the same object as `cashfree.subscriptionPayments`. */
  readonly payments: SubscriptionPayments;
  /** Refunds of a subscription's charges: the same object as `cashfree.subscriptionRefunds`. */
  readonly refunds: SubscriptionRefunds;

  constructor(transport: Transport, payments: SubscriptionPayments, refunds: SubscriptionRefunds) {
    super(transport);
    this.payments = payments;
    this.refunds = refunds;
  }

  /**
   * `POST /subscriptions`. Validated first: the id, the customer's email and phone, and the plan
   * (a `plan_id`, or one inline whose amount is at most its maximum). The idempotency key is kept
   * across retries.
   *
   * @example
   * const created = await cashfree.subscriptions.create({
   *   subscription_id: 'sub_tea_0002',
   *   customer_details: { customer_email: 'priya@example.com', customer_phone: '9876543210' },
   *   plan_details: { plan_name: 'Top-ups', plan_type: 'ON_DEMAND', plan_max_amount: 2000 },
   *   subscription_meta: { return_url: 'https://shop.example.com/subscribed' },
   * });
   */
  create(body: CreateSubscriptionRequest, options?: RequestOptions): Promise<SubscriptionEntity> {
    return this.send(operations.create, {}, { body }, options);
  }

  /**
   * `GET /subscriptions/{subscription_id}`: its status, plan, customer and mandate.
   *
   * @example
   * const { subscription_status } = await cashfree.subscriptions.get('sub_tea_0001');
   */
  get(subscriptionId: string, options?: RequestOptions): Promise<SubscriptionEntity> {
    return this.send(operations.get, { subscription_id: subscriptionId }, {}, options);
  }

  /**
   * `POST /subscriptions/{subscription_id}/manage`: `CANCEL` (final), `PAUSE`, `ACTIVATE` (with
   * `action_details.next_scheduled_time`) or `CHANGE_PLAN` (with `action_details.plan_id`).
   * `subscription_id` in the body is filled in from the argument.
   *
   * @example
   * await cashfree.subscriptions.manage('sub_tea_0001', {
   *   action: 'ACTIVATE', action_details: { next_scheduled_time: '2027-01-10T10:00:00+05:30' },
   * });
   */
  manage(
    subscriptionId: string,
    body: ManageSubscriptionRequest,
    options?: RequestOptions,
  ): Promise<SubscriptionEntity> {
    const ids = { subscription_id: subscriptionId };
    return this.send(operations.manage, ids, { body: withIds(ids, body) }, options);
  }

  /**
   * `POST /subscriptions/eligibility/payment_methods`: the mandate methods a subscription can be
   * authorised with.
   *
   * @example
   * const { type } = await cashfree.subscriptions.eligibility({ queries: { subscription_id: 'sub_tea_0001' } });
   */
  eligibility(
    body: SubscriptionEligibilityRequest,
    options?: RequestOptions,
  ): Promise<SubscriptionEligibilityResponse> {
    return this.send(operations.eligibility, {}, { body }, options);
  }
}
