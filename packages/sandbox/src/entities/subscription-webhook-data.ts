import type {
  SubscriptionPaymentWebhookData,
  SubscriptionRefundWebhookData,
  SubscriptionStatusWebhookData,
} from 'cashfree-kit/webhooks';
import { formatIst } from '../clock/time.js';
import type { SubscriptionStatus } from '../state/subscription-machine.js';
import type { SubscriptionPaymentRow } from '../store/subscriptions/payments.js';
import type { SubscriptionRefundRow } from '../store/subscriptions/refunds.js';
import type { SubscriptionRow } from '../store/subscriptions/subscriptions.js';
import {
  authorizationDetails,
  planEntity,
  subscriptionDetails,
  subscriptionPaymentEntity,
  subscriptionPlan,
  subscriptionRefundEntity,
} from './subscription.js';
import type { Wire } from './wire.js';

/**
 * The `data` of the subscription webhooks (Cashfree's subscription webhooks page, 2025-01-01):
 * `subscription_details`, `customer_details`, `plan_details` and `authorization_details` for a
 * status change; the payment (its `SubscriptionPaymentEntity` fields) for the auth and payment
 * events; the refund for `SUBSCRIPTION_REFUND_STATUS`. Built from the same rows as the API's
 * answers, so a webhook and a fetch agree.
 */

/** `SUBSCRIPTION_STATUS_CHANGED`'s data. */
export function subscriptionStatusData(
  sub: SubscriptionRow,
  auth: SubscriptionPaymentRow | undefined,
): Wire<SubscriptionStatusWebhookData> {
  return {
    subscription_details: {
      cf_subscription_id: String(sub.cf_subscription_id),
      subscription_id: sub.subscription_id,
      subscription_status: sub.status as SubscriptionStatus,
      subscription_expiry_time: formatIst(sub.expires_at),
      subscription_first_charge_time: sub.first_charge_at === null ? null : formatIst(sub.first_charge_at),
      next_schedule_date: sub.next_debit_at === null ? null : formatIst(sub.next_debit_at),
    },
    customer_details: subscriptionDetails(sub).customer_details as NonNullable<
      Wire<SubscriptionStatusWebhookData>['customer_details']
    >,
    plan_details: planEntity(subscriptionPlan(sub)),
    authorization_details: authorizationDetails(sub, auth),
  };
}

/** The data of `SUBSCRIPTION_AUTH_STATUS` and the `SUBSCRIPTION_PAYMENT_*` events. */
export function subscriptionPaymentData(
  sub: SubscriptionRow,
  payment: SubscriptionPaymentRow,
  auth: SubscriptionPaymentRow | undefined,
): Wire<SubscriptionPaymentWebhookData> {
  return {
    ...subscriptionPaymentEntity(sub, payment, auth),
    payment_currency: subscriptionPlan(sub).plan_currency,
  };
}

/** `SUBSCRIPTION_REFUND_STATUS`'s data. */
export function subscriptionRefundData(
  sub: SubscriptionRow,
  refund: SubscriptionRefundRow,
  payment: SubscriptionPaymentRow,
): Wire<SubscriptionRefundWebhookData> & { refund_currency: string; refund_processed_at: string | null } {
  return {
    ...subscriptionRefundEntity(refund, payment),
    payment_id: payment.payment_id,
    cf_payment_id: String(payment.cf_payment_id),
    cf_refund_id: String(refund.cf_refund_id),
    subscription_id: sub.subscription_id,
    cf_subscription_id: String(sub.cf_subscription_id),
    refund_currency: subscriptionPlan(sub).plan_currency,
    refund_processed_at: refund.processed_at === null ? null : formatIst(refund.processed_at),
  };
}
