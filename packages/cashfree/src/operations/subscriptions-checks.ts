import type { FieldCheck, FieldRule } from '../validation/checks.js';

/**
 * What the subscription calls check before anything is sent: the rules of Cashfree's 2025-01-01
 * contract (`CreatePlanRequest`, `CreateSubscriptionRequest`, `ManageSubscriptionRequest`,
 * `CreateSubscriptionPaymentRequest`, `ManageSubscriptionPaymentRequest`,
 * `CreateSubscriptionRefundRequest`, `SubscriptionEligibilityRequest`) and its descriptions, one
 * rule per field. Lengths the contract does not state are left to the API.
 *
 * @module
 */

/**
 * The `plan_type` values: `PERIODIC` charges a fixed amount every interval by itself;
 * `ON_DEMAND` lets the merchant raise each charge, up to the plan's maximum.
 *
 * @example
 * const periodic = PLAN_TYPES[0]; // 'PERIODIC'
 */
export const PLAN_TYPES = ['PERIODIC', 'ON_DEMAND'] as const;

/**
 * The `plan_interval_type` values of a `PERIODIC` plan.
 *
 * @example
 * const monthly = { plan_intervals: 1, plan_interval_type: PLAN_INTERVAL_TYPES[2] }; // 'MONTH'
 */
export const PLAN_INTERVAL_TYPES = ['DAY', 'WEEK', 'MONTH', 'YEAR'] as const;

/**
 * The `action`s of `POST /subscriptions/{subscription_id}/manage`: `ACTIVATE` needs
 * `action_details.next_scheduled_time`, `CHANGE_PLAN` needs `action_details.plan_id`.
 *
 * @example
 * await cashfree.subscriptions.manage('sub_001', { action: SUBSCRIPTION_ACTIONS[1] }); // 'PAUSE'
 */
export const SUBSCRIPTION_ACTIONS = ['CANCEL', 'PAUSE', 'ACTIVATE', 'CHANGE_PLAN'] as const;

/**
 * The `action`s on one subscription payment: `CANCEL` a scheduled charge, `RETRY` a `FAILED` one
 * (with `action_details.next_scheduled_time`).
 *
 * @example
 * await cashfree.subscriptions.payments.manage('sub_001', 'charge_001', { action: SUBSCRIPTION_PAYMENT_ACTIONS[0] }); // 'CANCEL'
 */
export const SUBSCRIPTION_PAYMENT_ACTIONS = ['CANCEL', 'RETRY'] as const;

/**
 * The `payment_type` of `POST /subscriptions/pay`: `AUTH` asks the customer for the mandate (with
 * the `subscription_session_id`), `CHARGE` debits an authorised subscription.
 *
 * @example
 * const charge = SUBSCRIPTION_PAYMENT_TYPES[1]; // 'CHARGE'
 */
export const SUBSCRIPTION_PAYMENT_TYPES = ['AUTH', 'CHARGE'] as const;

/**
 * The mandate instruments of a subscription: UPI Autopay, e-NACH, physical NACH, and a card's
 * standing instruction; `payment_method` names one of them as its only key.
 *
 * @example
 * const upi = SUBSCRIPTION_PAYMENT_METHODS[0]; // 'upi'
 */
export const SUBSCRIPTION_PAYMENT_METHODS = ['upi', 'enach', 'pnach', 'card'] as const;

/**
 * How many days after today (in India, UTC+05:30) a charge can be scheduled at the earliest, by
 * instrument: Cashfree's charge cut-offs make UPI and card charges T+1 or later (its subscription
 * FAQ). The mandates with no stated lead time are not listed; the API decides for them.
 *
 * @example
 * const days = SUBSCRIPTION_CHARGE_LEAD_DAYS.upi; // 1
 */
export const SUBSCRIPTION_CHARGE_LEAD_DAYS = { upi: 1, card: 1 } as const satisfies Partial<
  Record<(typeof SUBSCRIPTION_PAYMENT_METHODS)[number], number>
>;

const planId: FieldCheck = {
  kind: 'pattern',
  pattern: '^[A-Za-z0-9._-]+$',
  means: 'letters, digits, `.`, `-` and `_`',
  example: 'tea_of_the_month',
};

const subscriptionId: FieldCheck = {
  kind: 'pattern',
  pattern: '^[A-Za-z0-9._ -]{1,250}$',
  means: 'up to 250 letters, digits, `_`, `.`, `-` and spaces',
  example: 'sub_tea_0001',
};

/** A date and time as the contract's examples write them: `2024-04-18 16:40:00` or ISO 8601. */
const scheduleTime: FieldCheck = {
  kind: 'pattern',
  pattern: '^\\d{4}-\\d{2}-\\d{2}([ T]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})?)?$',
  means: 'a date, or a date and time: `YYYY-MM-DD HH:mm:ss` (India time) or ISO 8601 with an offset',
  example: '2026-12-08 10:00:00',
};

const text: FieldCheck = { kind: 'text' };
const amount: FieldCheck = { kind: 'rupees', min: 1, exclusive: false };
const periodic = (field: string) => ({ field, values: ['PERIODIC'] }) as const;

/**
 * What `plans.create` checks before anything is sent: a `PERIODIC` plan needs its recurring
 * amount (at most `plan_max_amount`), interval count and type; every plan needs a maximum.
 *
 * @example
 * const required = CREATE_PLAN_CHECKS.filter((rule) => rule.required).map((rule) => rule.field); // ['plan_id', 'plan_name', 'plan_type', 'plan_max_amount']
 */
export const CREATE_PLAN_CHECKS: readonly FieldRule[] = [
  { field: 'plan_id', required: true, check: planId },
  { field: 'plan_name', required: true, check: text },
  { field: 'plan_type', required: true, check: { kind: 'one-of', values: PLAN_TYPES } },
  { field: 'plan_currency', required: false, check: { kind: 'currency' } },
  { field: 'plan_max_amount', required: true, check: amount },
  {
    field: 'plan_recurring_amount',
    required: false,
    requiredWhen: periodic('plan_type'),
    check: { ...amount, atMostField: 'plan_max_amount' },
  },
  {
    field: 'plan_interval_type',
    required: false,
    requiredWhen: periodic('plan_type'),
    check: { kind: 'one-of', values: PLAN_INTERVAL_TYPES },
  },
  { field: 'plan_note', required: false, check: text },
];

/**
 * What `subscriptions.create` checks before anything is sent: the id, the customer's email and
 * phone, and the plan: an existing `plan_id`, or one given inline (its type, maximum, and for a
 * `PERIODIC` one the amount, at most the maximum, and interval type).
 *
 * @example
 * const fields = CREATE_SUBSCRIPTION_CHECKS.map((rule) => rule.field); // ['subscription_id', 'customer_details', …]
 */
export const CREATE_SUBSCRIPTION_CHECKS: readonly FieldRule[] = [
  { field: 'subscription_id', required: true, check: subscriptionId },
  { field: 'customer_details', required: true, check: { kind: 'object' } },
  { field: 'customer_details.customer_email', required: true, check: { kind: 'email' } },
  { field: 'customer_details.customer_phone', required: true, check: { kind: 'phone' } },
  { field: 'plan_details', required: true, check: { kind: 'object' } },
  { field: 'plan_details.plan_id', required: false, check: planId },
  { field: 'plan_details.plan_type', required: false, check: { kind: 'one-of', values: PLAN_TYPES } },
  { field: 'plan_details.plan_currency', required: false, check: { kind: 'currency' } },
  {
    field: 'plan_details.plan_max_amount',
    required: false,
    requiredWhen: { field: 'plan_details.plan_type' },
    check: amount,
  },
  {
    field: 'plan_details.plan_amount',
    required: false,
    requiredWhen: periodic('plan_details.plan_type'),
    check: { ...amount, atMostField: 'plan_details.plan_max_amount' },
  },
  {
    field: 'plan_details.plan_interval_type',
    required: false,
    requiredWhen: periodic('plan_details.plan_type'),
    check: { kind: 'one-of', values: PLAN_INTERVAL_TYPES },
  },
  {
    // e-NACH authorises with ₹0, so zero is allowed here.
    field: 'authorization_details.authorization_amount',
    required: false,
    check: { kind: 'rupees', min: 0, exclusive: false },
  },
  { field: 'subscription_expiry_time', required: false, check: { kind: 'iso-time' } },
  { field: 'subscription_first_charge_time', required: false, check: { kind: 'iso-time' } },
  { field: 'subscription_note', required: false, check: text },
];

/**
 * What `subscriptions.manage` checks before anything is sent: the action, and what `ACTIVATE`
 * and `CHANGE_PLAN` need with it.
 *
 * @example
 * const [, action] = MANAGE_SUBSCRIPTION_CHECKS; // { field: 'action', … one-of CANCEL, PAUSE, ACTIVATE, CHANGE_PLAN }
 */
export const MANAGE_SUBSCRIPTION_CHECKS: readonly FieldRule[] = [
  { field: 'subscription_id', required: true, check: subscriptionId },
  { field: 'action', required: true, check: { kind: 'one-of', values: SUBSCRIPTION_ACTIONS } },
  {
    field: 'action_details.next_scheduled_time',
    required: false,
    requiredWhen: { field: 'action', values: ['ACTIVATE'] },
    check: { kind: 'iso-time' },
  },
  {
    field: 'action_details.plan_id',
    required: false,
    requiredWhen: { field: 'action', values: ['CHANGE_PLAN'] },
    check: planId,
  },
];

/**
 * What `subscriptions.payments.create` (`POST /subscriptions/pay`) checks before anything is sent:
 * an `AUTH` needs the `subscription_session_id`, a `CHARGE` its `payment_amount`; a schedule date,
 * when given, is a date. That a UPI or card charge is scheduled far enough ahead is checked by
 * the resource, from {@link SUBSCRIPTION_CHARGE_LEAD_DAYS}.
 *
 * @example
 * const required = CREATE_SUBSCRIPTION_PAYMENT_CHECKS.filter((rule) => rule.required).map((rule) => rule.field); // ['subscription_id', 'payment_id', 'payment_type']
 */
export const CREATE_SUBSCRIPTION_PAYMENT_CHECKS: readonly FieldRule[] = [
  { field: 'subscription_id', required: true, check: subscriptionId },
  { field: 'payment_id', required: true, check: text },
  { field: 'payment_type', required: true, check: { kind: 'one-of', values: SUBSCRIPTION_PAYMENT_TYPES } },
  {
    field: 'subscription_session_id',
    required: false,
    requiredWhen: { field: 'payment_type', values: ['AUTH'] },
    check: text,
  },
  {
    field: 'payment_amount',
    required: false,
    requiredWhen: { field: 'payment_type', values: ['CHARGE'] },
    check: { kind: 'rupees', min: 0, exclusive: true },
  },
  { field: 'payment_schedule_date', required: false, check: scheduleTime },
  { field: 'payment_method', required: false, check: { kind: 'object' } },
  { field: 'payment_remarks', required: false, check: text },
];

/**
 * What `subscriptions.payments.manage` checks before anything is sent: the action, and the time
 * of a `RETRY`.
 *
 * @example
 * const actions = MANAGE_SUBSCRIPTION_PAYMENT_CHECKS.find((rule) => rule.field === 'action'); // one-of CANCEL, RETRY
 */
export const MANAGE_SUBSCRIPTION_PAYMENT_CHECKS: readonly FieldRule[] = [
  { field: 'subscription_id', required: true, check: subscriptionId },
  { field: 'payment_id', required: true, check: text },
  { field: 'action', required: true, check: { kind: 'one-of', values: SUBSCRIPTION_PAYMENT_ACTIONS } },
  {
    field: 'action_details.next_scheduled_time',
    required: false,
    requiredWhen: { field: 'action', values: ['RETRY'] },
    check: { kind: 'iso-time' },
  },
];

/**
 * What `subscriptions.refunds.create` checks before anything is sent: the refund's id and amount
 * in rupees, and the speed (UPI refunds only `STANDARD`, e-NACH and physical NACH only `INSTANT`:
 * the API decides that pairing, as it knows the instrument).
 *
 * @example
 * const required = CREATE_SUBSCRIPTION_REFUND_CHECKS.filter((rule) => rule.required).map((rule) => rule.field); // ['subscription_id', 'refund_id', 'refund_amount']
 */
export const CREATE_SUBSCRIPTION_REFUND_CHECKS: readonly FieldRule[] = [
  { field: 'subscription_id', required: true, check: subscriptionId },
  { field: 'refund_id', required: true, check: text },
  { field: 'refund_amount', required: true, check: { kind: 'rupees', min: 0, exclusive: true } },
  { field: 'payment_id', required: false, check: text },
  { field: 'refund_speed', required: false, check: { kind: 'one-of', values: ['STANDARD', 'INSTANT'] } },
  { field: 'refund_note', required: false, check: text },
];

/**
 * What `subscriptions.eligibility` checks before anything is sent.
 *
 * @example
 * const [first] = SUBSCRIPTION_ELIGIBILITY_CHECKS; // { field: 'queries', required: true, … }
 */
export const SUBSCRIPTION_ELIGIBILITY_CHECKS: readonly FieldRule[] = [
  { field: 'queries', required: true, check: { kind: 'object' } },
  { field: 'queries.subscription_id', required: true, check: subscriptionId },
];
