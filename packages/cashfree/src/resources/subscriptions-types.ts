/**
 * The types of plans, subscriptions, their payments and refunds, written from Cashfree's
 * 2025-01-01 contract (`PlanEntity`, `SubscriptionEntity`, `SubscriptionPaymentEntity`,
 * `SubscriptionPaymentRefundEntity` and their requests). Wire names stay snake_case; response
 * fields the contract leaves optional may be missing or `null`. Amounts are rupees.
 */
import type {
  PLAN_STATUSES,
  SUBSCRIPTION_AUTHORIZATION_STATUSES,
  SUBSCRIPTION_PAYMENT_STATUSES,
  SUBSCRIPTION_REFUND_STATUSES,
  SUBSCRIPTION_STATUSES,
} from '../operations/statuses.js';
import type {
  PLAN_INTERVAL_TYPES,
  PLAN_TYPES,
  SUBSCRIPTION_ACTIONS,
  SUBSCRIPTION_PAYMENT_ACTIONS,
  SUBSCRIPTION_PAYMENT_METHODS,
  SUBSCRIPTION_PAYMENT_TYPES,
} from '../operations/subscriptions-checks.js';

/**
 * `PERIODIC` (charged by itself every interval) or `ON_DEMAND` (you raise each charge).
 *
 * @example
 * const type: PlanType = 'ON_DEMAND';
 */
export type PlanType = (typeof PLAN_TYPES)[number];

/**
 * The unit of a `PERIODIC` plan's interval.
 *
 * @example
 * const every: PlanIntervalType = 'MONTH';
 */
export type PlanIntervalType = (typeof PLAN_INTERVAL_TYPES)[number];

/**
 * A plan's `plan_status`.
 *
 * @example
 * const active: PlanStatus = 'ACTIVE';
 */
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/**
 * A subscription's `subscription_status`.
 *
 * @example
 * const { subscription_status } = await cashfree.subscriptions.get('sub_001');
 * const onHold: boolean = subscription_status === ('ON_HOLD' satisfies SubscriptionStatus);
 */
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

/**
 * The `payment_status` of a subscription's authorisation or charge.
 *
 * @example
 * const failed: SubscriptionPaymentStatus = 'FAILED';
 */
export type SubscriptionPaymentStatus = (typeof SUBSCRIPTION_PAYMENT_STATUSES)[number];

/**
 * The `authorization_status` of a subscription's mandate.
 *
 * @example
 * const live: SubscriptionAuthorizationStatus = 'ACTIVE';
 */
export type SubscriptionAuthorizationStatus = (typeof SUBSCRIPTION_AUTHORIZATION_STATUSES)[number];

/**
 * The `refund_status` of a refund on a subscription charge.
 *
 * @example
 * const done: SubscriptionRefundStatus = 'SUCCESS';
 */
export type SubscriptionRefundStatus = (typeof SUBSCRIPTION_REFUND_STATUSES)[number];

/**
 * An action of `subscriptions.manage`.
 *
 * @example
 * const action: SubscriptionAction = 'PAUSE';
 */
export type SubscriptionAction = (typeof SUBSCRIPTION_ACTIONS)[number];

/**
 * An action of `subscriptions.payments.manage`.
 *
 * @example
 * const action: SubscriptionPaymentAction = 'RETRY';
 */
export type SubscriptionPaymentAction = (typeof SUBSCRIPTION_PAYMENT_ACTIONS)[number];

/**
 * `AUTH` (the mandate) or `CHARGE` (a debit on it).
 *
 * @example
 * const type: SubscriptionPaymentType = 'CHARGE';
 */
export type SubscriptionPaymentType = (typeof SUBSCRIPTION_PAYMENT_TYPES)[number];

/**
 * A mandate instrument: `upi` (UPI Autopay), `enach`, `pnach` (physical NACH) or `card`.
 *
 * @example
 * const methods: SubscriptionPaymentMethodName[] = ['upi', 'enach'];
 */
export type SubscriptionPaymentMethodName = (typeof SUBSCRIPTION_PAYMENT_METHODS)[number];

/**
 * Body of `POST /plans` (`CreatePlanRequest`).
 *
 * @example
 * const monthly: CreatePlanRequest = {
 *   plan_id: 'tea_monthly',
 *   plan_name: 'Tea of the month',
 *   plan_type: 'PERIODIC',
 *   plan_recurring_amount: 499,
 *   plan_max_amount: 499,
 *   plan_intervals: 1,
 *   plan_interval_type: 'MONTH',
 * };
 */
export interface CreatePlanRequest {
  /** Your id for the plan: letters, digits, `.`, `-` and `_`. */
  plan_id: string;
  plan_name: string;
  plan_type: PlanType;
  /** `INR` by default. */
  plan_currency?: string;
  /** Rupees charged every interval; required for `PERIODIC`, at most `plan_max_amount`. */
  plan_recurring_amount?: number;
  /** The most one charge may be, in rupees (the mandate's limit). */
  plan_max_amount: number;
  /** After this many charges the subscription is `COMPLETED`. */
  plan_max_cycles?: number;
  /** Intervals between charges: 2 with `WEEK` charges every two weeks. */
  plan_intervals?: number;
  /** Required for `PERIODIC`. */
  plan_interval_type?: PlanIntervalType;
  plan_note?: string;
}

/**
 * A plan (`PlanEntity`).
 *
 * @example
 * const plan: PlanEntity = await cashfree.plans.get('tea_monthly');
 * console.log(plan.plan_type, plan.plan_max_amount);
 */
export interface PlanEntity {
  plan_id: string;
  plan_name?: string;
  plan_type?: PlanType;
  plan_currency?: string;
  plan_recurring_amount?: number | null;
  plan_max_amount?: number;
  plan_max_cycles?: number | null;
  plan_intervals?: number | null;
  plan_interval_type?: PlanIntervalType | null;
  plan_note?: string | null;
  plan_status?: PlanStatus | null;
}

/**
 * The customer of a subscription (`SubscriptionCustomerDetails`); the bank fields are for e-NACH
 * and physical NACH mandates.
 *
 * @example
 * const customer: SubscriptionCustomerDetails = { customer_email: 'priya@example.com', customer_phone: '9876543210' };
 */
export interface SubscriptionCustomerDetails {
  customer_name?: string;
  customer_email: string;
  /** 10 digits, no country code. */
  customer_phone: string;
  customer_bank_account_holder_name?: string;
  customer_bank_account_number?: string;
  customer_bank_ifsc?: string;
  customer_bank_code?: string;
  customer_bank_account_type?: string;
}

/**
 * The plan of a new subscription: an existing `plan_id`, or a plan defined inline.
 *
 * @example
 * const existing: SubscriptionPlanDetails = { plan_id: 'tea_monthly' };
 * const inline: SubscriptionPlanDetails = { plan_name: 'Top-ups', plan_type: 'ON_DEMAND', plan_max_amount: 2000 };
 */
export interface SubscriptionPlanDetails {
  /** A plan made with `plans.create`; leave the other fields out then. */
  plan_id?: string;
  plan_name?: string;
  plan_type?: PlanType;
  plan_currency?: string;
  /** Rupees charged every interval of a `PERIODIC` plan, at most `plan_max_amount`. */
  plan_amount?: number;
  /** The most one charge may be, in rupees; required for a plan given inline. */
  plan_max_amount?: number;
  plan_max_cycles?: number;
  plan_intervals?: number;
  plan_interval_type?: PlanIntervalType;
  plan_note?: string;
}

/**
 * How the customer authorises the mandate.
 *
 * @example
 * const authorization: SubscriptionAuthorizationRequest = { authorization_amount: 1, authorization_amount_refund: true, payment_methods: ['upi'] };
 */
export interface SubscriptionAuthorizationRequest {
  /** Rupees taken to authorise (₹1 is usual; e-NACH authorises with 0). */
  authorization_amount?: number;
  /** Refund the authorisation amount once the mandate is authorised. */
  authorization_amount_refund?: boolean;
  /** The instruments offered on the mandate page. */
  payment_methods?: SubscriptionPaymentMethodName[];
}

/**
 * A share of each charge for an Easy Split vendor.
 *
 * @example
 * const split: SubscriptionPaymentSplit = { vendor_id: 'tea_estate', percentage: 20 };
 */
export interface SubscriptionPaymentSplit {
  vendor_id?: string;
  percentage?: number;
}

/**
 * Body of `POST /subscriptions` (`CreateSubscriptionRequest`).
 *
 * @example
 * const subscription: CreateSubscriptionRequest = {
 *   subscription_id: 'sub_tea_0001',
 *   customer_details: { customer_email: 'priya@example.com', customer_phone: '9876543210' },
 *   plan_details: { plan_id: 'tea_monthly' },
 *   subscription_meta: { return_url: 'https://shop.example.com/subscribed' },
 * };
 */
export interface CreateSubscriptionRequest {
  /** Up to 250 letters, digits, `_`, `.`, `-` and spaces. */
  subscription_id: string;
  customer_details: SubscriptionCustomerDetails;
  plan_details: SubscriptionPlanDetails;
  authorization_details?: SubscriptionAuthorizationRequest;
  subscription_meta?: {
    /** Where the mandate page sends the customer back. */
    return_url?: string;
    /** `SMS`, `EMAIL`. */
    notification_channel?: string[];
  };
  /** ISO 8601 with an offset; a subscription not authorised by then expires. */
  subscription_expiry_time?: string;
  /** ISO 8601 with an offset: the first charge of a `PERIODIC` plan after authorisation. */
  subscription_first_charge_time?: string;
  subscription_note?: string;
  subscription_tags?: Record<string, string>;
  subscription_payment_splits?: SubscriptionPaymentSplit[];
}

/**
 * A subscription's mandate (`AuthorizationDetails`).
 *
 * @example
 * const { authorization_details } = await cashfree.subscriptions.get('sub_tea_0001');
 * console.log(authorization_details?.authorization_reference); // the UMN, UMRN or card enrolment id
 */
export interface SubscriptionAuthorization {
  authorization_amount?: number;
  authorization_amount_refund?: boolean;
  /** UMN for UPI, UMRN for e-NACH and physical NACH, the enrolment id for cards. */
  authorization_reference?: string | null;
  authorization_time?: string | null;
  authorization_status?: SubscriptionAuthorizationStatus | null;
  /** The `payment_id` of the `AUTH` payment. */
  payment_id?: string | null;
  payment_method?: string | null;
}

/**
 * A subscription (`SubscriptionEntity`).
 *
 * @example
 * const subscription: SubscriptionEntity = await cashfree.subscriptions.get('sub_tea_0001');
 * if (subscription.subscription_status === 'INITIALIZED') console.log(subscription.subscription_session_id);
 */
export interface SubscriptionEntity {
  cf_subscription_id?: string;
  subscription_id: string;
  subscription_status: SubscriptionStatus;
  /** For the mandate checkout (`cashfree.subscriptionsCheckout({ subsSessionId })`) or an `AUTH`. */
  subscription_session_id?: string | null;
  subscription_expiry_time?: string | null;
  subscription_first_charge_time?: string | null;
  subscription_note?: string | null;
  subscription_tags?: Record<string, string> | null;
  subscription_meta?: { return_url?: string | null } | null;
  subscription_payment_splits?: SubscriptionPaymentSplit[] | null;
  customer_details?: SubscriptionCustomerDetails;
  plan_details?: PlanEntity;
  /** The mandate, as the webhooks and the payments spell it. */
  authorization_details?: SubscriptionAuthorization | null;
  /** The mandate, as the contract's `SubscriptionEntity` spells it. */
  authorisation_details?: SubscriptionAuthorization | null;
}

/**
 * Body of `POST /subscriptions/{subscription_id}/manage` (`ManageSubscriptionRequest`).
 *
 * @example
 * const resume: ManageSubscriptionRequest = { action: 'ACTIVATE', action_details: { next_scheduled_time: '2026-12-10T10:00:00+05:30' } };
 */
export interface ManageSubscriptionRequest {
  /** Filled in from the path when left out. */
  subscription_id?: string;
  action: SubscriptionAction;
  action_details?: {
    /** ISO 8601 with an offset; required for `ACTIVATE`. */
    next_scheduled_time?: string;
    /** The new plan; required for `CHANGE_PLAN`. */
    plan_id?: string;
  };
}

/**
 * The instrument of an `AUTH` (and, optionally, a `CHARGE`): one key naming it.
 *
 * @example
 * const upi: SubscriptionPaymentMethod = { upi: { channel: 'collect', upi_id: 'success@upi' } };
 */
export type SubscriptionPaymentMethod =
  | { upi: { channel?: 'link' | 'qrcode' | 'collect' | (string & {}); upi_id?: string } }
  | {
      enach: {
        channel?: 'link' | (string & {});
        auth_mode?: 'debit_card' | 'aadhaar' | 'net_banking' | (string & {});
        account_holder_name?: string;
        account_number?: string;
        account_ifsc?: string;
        account_bank_code?: string;
        account_type?: string;
      };
    }
  | {
      pnach: {
        channel?: 'post' | (string & {});
        account_holder_name?: string;
        account_number?: string;
        account_ifsc?: string;
        account_bank_code?: string;
        account_type?: string;
        mandate_creation_date?: string;
        mandate_start_date?: string;
      };
    }
  | {
      card: {
        channel?: 'link' | (string & {});
        card_number?: string;
        card_holder_name?: string;
        card_expiry_mm?: string;
        card_expiry_yy?: string;
        card_cvv?: string;
        card_network?: string;
        card_type?: string;
      };
    };

/**
 * Body of `POST /subscriptions/pay` (`CreateSubscriptionPaymentRequest`): the mandate's `AUTH`
 * or a `CHARGE`.
 *
 * @example
 * const charge: CreateSubscriptionPaymentRequest = {
 *   subscription_id: 'sub_tea_0001',
 *   payment_id: 'charge_2026_12',
 *   payment_type: 'CHARGE',
 *   payment_amount: 499,
 *   payment_schedule_date: '2026-12-10T10:00:00+05:30',
 * };
 */
export interface CreateSubscriptionPaymentRequest {
  subscription_id: string;
  /** Your id for the payment. */
  payment_id: string;
  payment_type: SubscriptionPaymentType;
  /** Required for `AUTH`. */
  subscription_session_id?: string;
  /** Rupees; required for `CHARGE`, at most the plan's `plan_max_amount`. */
  payment_amount?: number;
  /** When to debit: a UPI or card charge needs tomorrow (India time) or later. */
  payment_schedule_date?: string;
  payment_remarks?: string;
  payment_method?: SubscriptionPaymentMethod;
}

/**
 * What `POST /subscriptions/pay` answers (`CreateSubscriptionPaymentResponse`); for an `AUTH`,
 * `data` holds the app links or URL to send the customer to.
 *
 * @example
 * const auth: CreateSubscriptionPaymentResponse = await cashfree.subscriptions.payments.create({
 *   subscription_id: 'sub_tea_0001',
 *   subscription_session_id: 'sub_session_abc',
 *   payment_id: 'auth_0001',
 *   payment_type: 'AUTH',
 *   payment_method: { upi: { channel: 'link' } },
 * });
 * console.log(auth.payment_status, auth.data);
 */
export interface CreateSubscriptionPaymentResponse {
  cf_payment_id?: string;
  subscription_id?: string;
  payment_id: string;
  payment_type?: SubscriptionPaymentType;
  payment_amount?: number;
  payment_status: SubscriptionPaymentStatus;
  payment_initiated_date?: string | null;
  payment_method?: string | null;
  failure_details?: { failure_reason?: string | null } | null;
  data?: Record<string, unknown> | null;
}

/**
 * One payment of a subscription (`SubscriptionPaymentEntity`): its authorisation or a charge.
 *
 * @example
 * const charges = (await cashfree.subscriptions.payments.list('sub_tea_0001')).filter(
 *   (payment: SubscriptionPaymentEntity) => payment.payment_type === 'CHARGE',
 * );
 */
export interface SubscriptionPaymentEntity {
  cf_payment_id?: string;
  cf_subscription_id?: string;
  cf_order_id?: string | null;
  cf_txn_id?: string | null;
  subscription_id?: string;
  payment_id: string;
  payment_type?: SubscriptionPaymentType;
  payment_amount?: number;
  payment_status: SubscriptionPaymentStatus;
  payment_schedule_date?: string | null;
  payment_initiated_date?: string | null;
  payment_remarks?: string | null;
  retry_attempts?: number | null;
  failure_details?: { failure_reason?: string | null } | null;
  authorization_details?: SubscriptionAuthorization | null;
}

/**
 * Body of `POST /subscriptions/{subscription_id}/payments/{payment_id}/manage`.
 *
 * @example
 * const retry: ManageSubscriptionPaymentRequest = { action: 'RETRY', action_details: { next_scheduled_time: '2026-12-11T10:00:00+05:30' } };
 */
export interface ManageSubscriptionPaymentRequest {
  /** Filled in from the path when left out. */
  subscription_id?: string;
  /** Filled in from the path when left out. */
  payment_id?: string;
  action: SubscriptionPaymentAction;
  action_details?: {
    /** ISO 8601 with an offset; required for `RETRY`. */
    next_scheduled_time?: string;
  };
}

/**
 * Body of `POST /subscriptions/{subscription_id}/refunds` (`CreateSubscriptionRefundRequest`):
 * name the charge by `payment_id` (or `cf_payment_id`).
 *
 * @example
 * const refund: CreateSubscriptionRefundRequest = { refund_id: 'refund_0001', refund_amount: 499, payment_id: 'charge_2026_12' };
 */
export interface CreateSubscriptionRefundRequest {
  /** Filled in from the path when left out. */
  subscription_id?: string;
  refund_id: string;
  /** Rupees, > 0, at most the charge. */
  refund_amount: number;
  payment_id?: string;
  cf_payment_id?: number;
  refund_note?: string;
  /** UPI refunds only `STANDARD`; e-NACH and physical NACH only `INSTANT`. */
  refund_speed?: 'STANDARD' | 'INSTANT';
}

/**
 * A refund of a subscription charge (`SubscriptionPaymentRefundEntity`).
 *
 * @example
 * const refund: SubscriptionRefundEntity = await cashfree.subscriptions.refunds.get('sub_tea_0001', 'refund_0001');
 * console.log(refund.refund_status);
 */
export interface SubscriptionRefundEntity {
  payment_id?: string;
  cf_payment_id?: string;
  refund_id: string;
  cf_refund_id?: string;
  refund_amount: number;
  refund_note?: string | null;
  refund_speed?: string | null;
  refund_status: SubscriptionRefundStatus;
}

/**
 * Body of `POST /subscriptions/eligibility/payment_methods`.
 *
 * @example
 * const request: SubscriptionEligibilityRequest = { queries: { subscription_id: 'sub_tea_0001' }, filters: { payment_methods: ['upi', 'enach'] } };
 */
export interface SubscriptionEligibilityRequest {
  queries: { subscription_id: string };
  filters?: { payment_methods?: SubscriptionPaymentMethodName[] };
}

/**
 * What `POST /subscriptions/eligibility/payment_methods` answers: each mandate method and whether
 * the subscription can use it.
 *
 * @example
 * const { type } = await cashfree.subscriptions.eligibility({ queries: { subscription_id: 'sub_tea_0001' } });
 * const usable = type.filter((method) => method.eligibility).map((method) => method.entity_value);
 */
export interface SubscriptionEligibilityResponse {
  type: SubscriptionEligibilityMethod[];
}

/**
 * One mandate method of `subscriptions.eligibility`, with the banks, handles and card types it
 * takes (`EligibilityMethodItem`).
 *
 * @example
 * const upi: SubscriptionEligibilityMethod = { eligibility: true, entity_type: 'payment_methods', entity_value: 'upi' };
 */
export interface SubscriptionEligibilityMethod {
  eligibility?: boolean;
  /** `payment_methods`. */
  entity_type?: string;
  /** `upi`, `enach`, `pnach` or `card`. */
  entity_value?: SubscriptionPaymentMethodName | (string & {});
  entity_details?: {
    account_types?: string[];
    allowed_card_types?: string[];
    available_handles?: { handle?: string; application?: string }[];
    frequent_bank_details?: SubscriptionBankDetails[];
    all_bank_details?: SubscriptionBankDetails[];
  } | null;
}

/**
 * A bank that takes e-NACH or physical NACH mandates, and how its customers authorise them.
 *
 * @example
 * const bank: SubscriptionBankDetails = { bank_id: 'ICIC', bank_name: 'ICICI Bank', account_auth_modes: ['NET_BANKING'] };
 */
export interface SubscriptionBankDetails {
  bank_id?: string;
  bank_name?: string;
  /** `DEBIT_CARD`, `NET_BANKING`, `AADHAAR`. */
  account_auth_modes?: string[];
}
