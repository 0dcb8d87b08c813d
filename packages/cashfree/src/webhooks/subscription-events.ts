/**
 * The `data` of Cashfree's subscription webhooks (the envelopes and the union are in events.ts,
 * which reads these types; this file imports nothing back from there). Shapes from Cashfree's
 * subscription webhook pages for versions 2025-01-01 and 2023-08-01 and the facts gathered for
 * cashfree-kit: a status change carries the subscription, customer, plan and mandate; payment
 * events the payment's `payment_*` fields, as `SubscriptionPaymentEntity`; a refund event the
 * refund's `refund_*` fields. Fields either version may leave out are optional.
 *
 * @see https://www.cashfree.com/docs/api-reference/payments/latest/subscription/webhooks
 */

import type {
  PlanEntity,
  SubscriptionAuthorization,
  SubscriptionPaymentEntity,
  SubscriptionRefundStatus,
  SubscriptionStatus,
} from '../resources/subscriptions-types.js';

/**
 * The subscription webhook types, grouped by what `data` holds. Version 2023-08-01 spells the
 * status change `SUBSCRIPTION_STATUS_CHANGE`; 2025-01-01 `SUBSCRIPTION_STATUS_CHANGED`. The other
 * names are the same in both.
 *
 * @example
 * const all = Object.values(SUBSCRIPTION_WEBHOOK_EVENT_TYPES).flat();
 */
export const SUBSCRIPTION_WEBHOOK_EVENT_TYPES = {
  subscriptionStatus: ['SUBSCRIPTION_STATUS_CHANGED', 'SUBSCRIPTION_STATUS_CHANGE'],
  subscriptionPayment: [
    'SUBSCRIPTION_AUTH_STATUS',
    'SUBSCRIPTION_PAYMENT_NOTIFICATION_INITIATED',
    'SUBSCRIPTION_PAYMENT_SUCCESS',
    'SUBSCRIPTION_PAYMENT_FAILED',
    'SUBSCRIPTION_PAYMENT_CANCELLED',
  ],
  subscriptionRefund: ['SUBSCRIPTION_REFUND_STATUS'],
} as const;

/**
 * The mandate as a webhook carries it: 2025-01-01 in snake_case (with `approve_by_time` and
 * `instrument_id`); 2023-08-01 in camelCase (`authorizationStatus`, `paymentId`, …), kept as sent.
 *
 * @example
 * const event = await constructWebhookEvent(rawBody, headers, secret);
 * if (event.type === 'SUBSCRIPTION_STATUS_CHANGED') {
 *   const mandate: SubscriptionWebhookAuthorization | null | undefined = event.data.authorization_details;
 *   console.log(mandate?.authorization_reference);
 * }
 */
export interface SubscriptionWebhookAuthorization extends SubscriptionAuthorization {
  approve_by_time?: string | null;
  instrument_id?: string | null;
  [field: string]: unknown;
}

/**
 * `data` of `SUBSCRIPTION_STATUS_CHANGED` (and `SUBSCRIPTION_STATUS_CHANGE`).
 *
 * @example
 * const event = await constructWebhookEvent(rawBody, headers, secret);
 * if (event.type === 'SUBSCRIPTION_STATUS_CHANGED') {
 *   const { subscription_details }: SubscriptionStatusWebhookData = event.data;
 *   console.log(subscription_details.subscription_id, subscription_details.subscription_status);
 * }
 */
export interface SubscriptionStatusWebhookData {
  subscription_details: {
    cf_subscription_id?: string;
    subscription_id: string;
    subscription_status: SubscriptionStatus;
    subscription_expiry_time?: string | null;
    subscription_first_charge_time?: string | null;
    subscription_tags?: Record<string, string> | null;
    /** Version 2025-01-01: when the next charge is due. */
    next_schedule_date?: string | null;
  };
  customer_details?: {
    customer_name?: string | null;
    customer_email?: string | null;
    customer_phone?: string | null;
  } | null;
  plan_details?: PlanEntity | null;
  authorization_details?: SubscriptionWebhookAuthorization | null;
  payment_gateway_details?: Record<string, unknown> | null;
}

/**
 * `data` of `SUBSCRIPTION_AUTH_STATUS` and of the `SUBSCRIPTION_PAYMENT_*` events: the payment
 * (the `AUTH` or a `CHARGE`), with the instrument it ran on.
 *
 * @example
 * const event = await constructWebhookEvent(rawBody, headers, secret);
 * if (event.type === 'SUBSCRIPTION_PAYMENT_FAILED') {
 *   const data: SubscriptionPaymentWebhookData = event.data;
 *   console.log(data.payment_id, data.failure_details?.failure_reason, data.retry_attempts);
 * }
 */
export interface SubscriptionPaymentWebhookData extends SubscriptionPaymentEntity {
  /** One key naming the instrument: `upi`, `enach`, `pnach` or `card`. */
  payment_method?: Record<string, unknown> | string | null;
  payment_group?: string | null;
  payment_currency?: string | null;
}

/**
 * `data` of `SUBSCRIPTION_REFUND_STATUS`: a refund of one charge.
 *
 * @example
 * const event = await constructWebhookEvent(rawBody, headers, secret);
 * if (event.type === 'SUBSCRIPTION_REFUND_STATUS') {
 *   const data: SubscriptionRefundWebhookData = event.data;
 *   console.log(data.refund_id, data.refund_status);
 * }
 */
export interface SubscriptionRefundWebhookData {
  subscription_id?: string;
  cf_subscription_id?: string;
  payment_id?: string;
  cf_payment_id?: string;
  refund_id: string;
  cf_refund_id?: string;
  refund_amount: number;
  refund_status: SubscriptionRefundStatus;
  refund_note?: string | null;
  refund_speed?: string | null;
  refund_arn?: string | null;
  failure_details?: { failure_reason?: string | null } | null;
}
