import type { Operation } from './operation.js';
import {
  PLAN_STATUSES,
  SUBSCRIPTION_PAYMENT_STATUSES,
  SUBSCRIPTION_REFUND_STATUSES,
  SUBSCRIPTION_STATUSES,
} from './statuses.js';
import {
  CREATE_PLAN_CHECKS,
  CREATE_SUBSCRIPTION_CHECKS,
  CREATE_SUBSCRIPTION_PAYMENT_CHECKS,
  CREATE_SUBSCRIPTION_REFUND_CHECKS,
  MANAGE_SUBSCRIPTION_CHECKS,
  MANAGE_SUBSCRIPTION_PAYMENT_CHECKS,
  SUBSCRIPTION_ELIGIBILITY_CHECKS,
} from './subscriptions-checks.js';

/*
 * Subscriptions (recurring payments: UPI Autopay, e-NACH, physical NACH, card standing
 * instructions) of the 2025-01-01 contract. The contract gives the operations no enums and
 * Cashfree publishes no error codes or rate limits for them: the statuses come from its docs and
 * webhook payloads (statuses.ts), the codes are those of cashfree-kit's catalogue
 * (error-catalogue/subscriptions.ts), and each call counts in the `other` bucket (60 a minute per
 * app id) as PG's other calls without a published limit do. The physical NACH form upload
 * (`POST /subscriptions/pay/documents/{payment_id}`, multipart) is not covered yet.
 */

const planStatuses = { field: 'plan_status', values: PLAN_STATUSES };
const subscriptionStatuses = { field: 'subscription_status', values: SUBSCRIPTION_STATUSES };
const paymentStatuses = { field: 'payment_status', values: SUBSCRIPTION_PAYMENT_STATUSES };
const refundStatuses = { field: 'refund_status', values: SUBSCRIPTION_REFUND_STATUSES };

const limit = { bucket: 'other', perMinute: 60, per: 'app_id' } as const;

const DOCS = 'https://www.cashfree.com/docs/api-reference/payments/latest/subscription';
const ENDPOINTS = `${DOCS}/endpoints`;

/**
 * The `cashfree.plans` operations: a plan is what a subscription charges, `PERIODIC` (a fixed
 * amount every interval) or `ON_DEMAND` (the merchant raises each charge up to a maximum).
 *
 * @example
 * const { method, path } = PLAN_OPERATIONS.create; // 'POST', '/plans'
 */
export const PLAN_OPERATIONS = {
  create: {
    operationId: 'SubsCreatePlan',
    product: 'pg',
    method: 'POST',
    path: '/plans',
    summary: 'Creates a plan: PERIODIC (amount, interval, max cycles) or ON_DEMAND (a maximum per charge).',
    request: { entity: 'CreatePlanRequest', root: 'plan', checks: CREATE_PLAN_CHECKS },
    query: undefined,
    response: 'PlanEntity',
    statuses: planStatuses,
    errors: ['plan_already_exists', 'request_body_invalid'],
    effect: 'write',
    auth: 'api-keys',
    rateLimit: limit,
    docs: ENDPOINTS,
  },
  get: {
    operationId: 'SubsFetchPlan',
    product: 'pg',
    method: 'GET',
    path: '/plans/{plan_id}',
    summary: 'Fetches a plan by your plan_id.',
    request: undefined,
    query: undefined,
    response: 'PlanEntity',
    statuses: planStatuses,
    errors: ['plan_not_found'],
    effect: 'read',
    auth: 'api-keys',
    rateLimit: limit,
    docs: ENDPOINTS,
  },
} as const satisfies Record<string, Operation>;

/**
 * The `cashfree.subscriptions` operations on the subscription itself.
 *
 * @example
 * const { method, path, effect } = SUBSCRIPTION_OPERATIONS.manage; // 'POST', '/subscriptions/{subscription_id}/manage', 'destructive'
 */
export const SUBSCRIPTION_OPERATIONS = {
  create: {
    operationId: 'SubsCreateSubscription',
    product: 'pg',
    method: 'POST',
    path: '/subscriptions',
    summary:
      'Creates a subscription on a plan (by plan_id or inline) and returns the subscription_session_id the mandate checkout needs.',
    request: {
      entity: 'CreateSubscriptionRequest',
      root: 'subscription',
      checks: CREATE_SUBSCRIPTION_CHECKS,
    },
    query: undefined,
    response: 'SubscriptionEntity',
    statuses: subscriptionStatuses,
    errors: [
      'subscription_already_exists',
      'plan_not_found',
      'authorization_details.authorization_amount_invalid',
      'subscription_expiry_time_invalid',
      'request_body_invalid',
    ],
    effect: 'write',
    auth: 'api-keys',
    rateLimit: limit,
    docs: ENDPOINTS,
  },
  get: {
    operationId: 'SubsFetchSubscription',
    product: 'pg',
    method: 'GET',
    path: '/subscriptions/{subscription_id}',
    summary: 'Fetches a subscription: its status, plan, customer and mandate (authorisation) details.',
    request: undefined,
    query: undefined,
    response: 'SubscriptionEntity',
    statuses: subscriptionStatuses,
    errors: ['subscription_not_found'],
    effect: 'read',
    auth: 'api-keys',
    rateLimit: limit,
    docs: ENDPOINTS,
  },
  manage: {
    operationId: 'SubsManageSubscription',
    product: 'pg',
    method: 'POST',
    path: '/subscriptions/{subscription_id}/manage',
    summary:
      'Cancels, pauses, activates (with the next scheduled time) or changes the plan of a subscription; CANCEL is final.',
    request: { entity: 'ManageSubscriptionRequest', root: 'manage', checks: MANAGE_SUBSCRIPTION_CHECKS },
    query: undefined,
    response: 'SubscriptionEntity',
    statuses: subscriptionStatuses,
    errors: [
      'subscription_not_found',
      'plan_not_found',
      'subscription_action_invalid',
      'subscription_id_invalid',
      'action_details.next_scheduled_time_invalid',
      'request_body_invalid',
    ],
    effect: 'destructive',
    auth: 'api-keys',
    rateLimit: limit,
    docs: ENDPOINTS,
  },
  eligibility: {
    operationId: 'SubscriptionEligibility',
    product: 'pg',
    method: 'POST',
    path: '/subscriptions/eligibility/payment_methods',
    summary: 'Lists the mandate methods (upi, enach, pnach, card) a subscription can be authorised with.',
    request: {
      entity: 'SubscriptionEligibilityRequest',
      root: 'eligibility',
      checks: SUBSCRIPTION_ELIGIBILITY_CHECKS,
    },
    query: undefined,
    response: 'SubscriptionEligibilityResponse',
    statuses: undefined,
    errors: ['subscription_not_found', 'request_body_invalid'],
    effect: 'read',
    auth: 'api-keys',
    rateLimit: limit,
    docs: ENDPOINTS,
  },
} as const satisfies Record<string, Operation>;

/**
 * The `cashfree.subscriptions.payments` operations: the authorisation (`AUTH`) and each charge
 * (`CHARGE`) of a subscription.
 *
 * @example
 * const { path } = SUBSCRIPTION_PAYMENT_OPERATIONS.create; // '/subscriptions/pay'
 */
export const SUBSCRIPTION_PAYMENT_OPERATIONS = {
  create: {
    operationId: 'SubsCreatePayment',
    product: 'pg',
    method: 'POST',
    path: '/subscriptions/pay',
    summary:
      "Creates the mandate's authorisation (AUTH, with the subscription_session_id and a method) or raises a charge (CHARGE, with an amount and schedule date).",
    request: {
      entity: 'CreateSubscriptionPaymentRequest',
      root: 'payment',
      checks: CREATE_SUBSCRIPTION_PAYMENT_CHECKS,
    },
    query: undefined,
    response: 'CreateSubscriptionPaymentResponse',
    statuses: paymentStatuses,
    errors: [
      'subscription_not_found',
      'subscription_inactive',
      'subscription_payment_already_exists',
      'payment_amount_invalid',
      'payment_amount_exceeds_plan',
      'payment_method_invalid',
      'payment_method_unsupported',
      'payment_method_missing',
      'subscription_session_id_invalid',
      'payment_schedule_date_missing',
      'payment_schedule_date_invalid',
      'request_body_invalid',
    ],
    effect: 'destructive',
    auth: 'api-keys',
    rateLimit: limit,
    docs: `${DOCS}/payment/raise`,
  },
  list: {
    operationId: 'SubsFetchSubscriptionPayments',
    product: 'pg',
    method: 'GET',
    path: '/subscriptions/{subscription_id}/payments',
    summary: 'Lists the payments of a subscription: its authorisation and every charge.',
    request: undefined,
    query: undefined,
    response: 'SubscriptionPaymentEntity[]',
    statuses: paymentStatuses,
    errors: ['subscription_not_found'],
    effect: 'read',
    auth: 'api-keys',
    rateLimit: limit,
    docs: ENDPOINTS,
  },
  get: {
    operationId: 'SubsFetchSubscriptionPayment',
    product: 'pg',
    method: 'GET',
    path: '/subscriptions/{subscription_id}/payments/{payment_id}',
    summary: 'Fetches one payment of a subscription by your payment_id.',
    request: undefined,
    query: undefined,
    response: 'SubscriptionPaymentEntity',
    statuses: paymentStatuses,
    errors: ['subscription_not_found', 'subscription_payment_not_found'],
    effect: 'read',
    auth: 'api-keys',
    rateLimit: limit,
    docs: ENDPOINTS,
  },
  manage: {
    operationId: 'SubsManageSubscriptionPayment',
    product: 'pg',
    method: 'POST',
    path: '/subscriptions/{subscription_id}/payments/{payment_id}/manage',
    summary: 'Cancels a charge not yet debited, or retries a FAILED one at a next scheduled time.',
    request: {
      entity: 'ManageSubscriptionPaymentRequest',
      root: 'manage',
      checks: MANAGE_SUBSCRIPTION_PAYMENT_CHECKS,
    },
    query: undefined,
    response: 'SubscriptionPaymentEntity',
    statuses: paymentStatuses,
    errors: [
      'subscription_not_found',
      'subscription_payment_not_found',
      'subscription_payment_action_invalid',
      'request_body_invalid',
    ],
    effect: 'destructive',
    auth: 'api-keys',
    rateLimit: limit,
    docs: ENDPOINTS,
  },
} as const satisfies Record<string, Operation>;

/**
 * The `cashfree.subscriptions.refunds` operations: a refund of one charge of a subscription.
 *
 * @example
 * const { method, path } = SUBSCRIPTION_REFUND_OPERATIONS.get; // 'GET', '/subscriptions/{subscription_id}/refunds/{refund_id}'
 */
export const SUBSCRIPTION_REFUND_OPERATIONS = {
  create: {
    operationId: 'SubsCreateRefund',
    product: 'pg',
    method: 'POST',
    path: '/subscriptions/{subscription_id}/refunds',
    summary: 'Refunds a successful charge of a subscription, fully or in part.',
    request: {
      entity: 'CreateSubscriptionRefundRequest',
      root: 'refund',
      checks: CREATE_SUBSCRIPTION_REFUND_CHECKS,
    },
    query: undefined,
    response: 'SubscriptionRefundEntity',
    statuses: refundStatuses,
    errors: [
      'subscription_not_found',
      'subscription_payment_not_found',
      'subscription_refund_already_exists',
      'refund_amount_invalid',
      'refund_not_allowed',
      'payment_id_missing',
      'request_body_invalid',
    ],
    effect: 'destructive',
    auth: 'api-keys',
    rateLimit: limit,
    docs: `${DOCS}/refund/create`,
  },
  get: {
    operationId: 'SubsFetchSubscriptionRefund',
    product: 'pg',
    method: 'GET',
    path: '/subscriptions/{subscription_id}/refunds/{refund_id}',
    summary: 'Fetches a refund of a subscription by your refund_id.',
    request: undefined,
    query: undefined,
    response: 'SubscriptionRefundEntity',
    statuses: refundStatuses,
    errors: ['subscription_not_found', 'subscription_refund_not_found'],
    effect: 'read',
    auth: 'api-keys',
    rateLimit: limit,
    docs: `${DOCS}/refund/fetch`,
  },
} as const satisfies Record<string, Operation>;
