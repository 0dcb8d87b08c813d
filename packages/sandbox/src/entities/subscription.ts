import type {
  CreateSubscriptionPaymentResponse,
  PlanEntity,
  SubscriptionAuthorization,
  SubscriptionAuthorizationStatus,
  SubscriptionCustomerDetails,
  SubscriptionEntity,
  SubscriptionPaymentEntity,
  SubscriptionRefundEntity,
} from 'cashfree-kit';
import { formatIst } from '../clock/time.js';
import { isAwaitingAuthorisation, type SubscriptionStatus } from '../state/subscription-machine.js';
import type { SubscriptionPaymentStatus } from '../state/subscription-payment-machine.js';
import type { SubscriptionPaymentRow } from '../store/subscriptions/payments.js';
import type { StoredPlan } from '../store/subscriptions/plans.js';
import type { SubscriptionRefundRow } from '../store/subscriptions/refunds.js';
import type { SubscriptionRow } from '../store/subscriptions/subscriptions.js';
import { parseColumn } from '../util/json.js';
import { toRupees } from '../util/money.js';
import type { SubscriptionDetails } from '../validation/subscriptions.js';
import type { Complete } from './wire.js';

/** An AUTH payment's status as an `authorization_status` (an AUTH is never CANCELLED). */
function authorizationStatusOf(auth: SubscriptionPaymentRow | undefined): SubscriptionAuthorizationStatus {
  const status = (auth?.status ?? 'INITIALIZED') as SubscriptionPaymentStatus;
  return status === 'CANCELLED' ? 'FAILED' : status;
}

/** The authorisation facts kept on an AUTH payment once it resolved. */
export interface StoredAuthorization {
  /** UMN (UPI), UMRN (NACH) or enrolment id (card). */
  reference: string;
  time: number;
}

/*
 * Cashfree's subscription answers carry every field, an empty string or 0 where there is no value
 * (the contract's examples: `plan_interval_type: ""`, `plan_max_cycles: 0`,
 * `authorization_reference: ""`), and the contract types them so; only order-era entities use null.
 */
const text = (value: string | null | undefined) => value ?? '';
const time = (ms: number | null) => (ms === null ? '' : formatIst(ms));

/** `PlanEntity`: amounts in rupees. */
export function planEntity(plan: StoredPlan): Complete<PlanEntity> {
  return {
    plan_id: plan.plan_id,
    plan_name: plan.plan_name,
    plan_type: plan.plan_type,
    plan_currency: plan.plan_currency,
    plan_recurring_amount: toRupees(plan.recurring_amount ?? 0),
    plan_max_amount: toRupees(plan.max_amount),
    plan_max_cycles: plan.max_cycles ?? 0,
    plan_intervals: plan.intervals ?? 0,
    // An ON_DEMAND plan has no interval: "" on the wire, which the SDK's union does not name.
    plan_interval_type: (plan.interval_type ?? '') as PlanEntity['plan_interval_type'] & string,
    plan_note: text(plan.plan_note),
    plan_status: 'ACTIVE',
  };
}

/** The subscription's `details` column. */
export function subscriptionDetails(row: SubscriptionRow): SubscriptionDetails {
  return JSON.parse(row.details) as SubscriptionDetails;
}

/** The plan the subscription runs on. */
export function subscriptionPlan(row: SubscriptionRow): StoredPlan {
  return JSON.parse(row.plan) as StoredPlan;
}

/**
 * The mandate as Cashfree reports it: the AUTH payment's status, and `ACTIVE` once the bank
 * approved it and the subscription runs.
 */
export function authorizationDetails(
  row: SubscriptionRow,
  auth: SubscriptionPaymentRow | undefined,
): Complete<SubscriptionAuthorization> {
  const details = subscriptionDetails(row);
  const stored = auth ? parseColumn<StoredAuthorization>(auth.authorization) : null;
  const status = row.status as SubscriptionStatus;
  const live = auth?.status === 'SUCCESS' && !isAwaitingAuthorisation(status);
  return {
    authorization_amount: toRupees(auth?.amount ?? details.authorization_amount),
    authorization_amount_refund: details.authorization_amount_refund,
    authorization_reference: text(stored?.reference),
    authorization_time: stored ? formatIst(stored.time) : '',
    authorization_status: live ? 'ACTIVE' : authorizationStatusOf(auth),
    payment_id: text(auth?.payment_id),
    payment_method: text(auth?.method),
  };
}

/** The customer as given, each bank field "" when not given. */
function customerDetails(details: SubscriptionDetails): SubscriptionCustomerDetails {
  const c = details.customer_details as Record<string, string | null>;
  return {
    customer_name: text(c['customer_name']),
    customer_email: text(c['customer_email']),
    customer_phone: text(c['customer_phone']),
    customer_bank_account_holder_name: text(c['customer_bank_account_holder_name']),
    customer_bank_account_number: text(c['customer_bank_account_number']),
    customer_bank_ifsc: text(c['customer_bank_ifsc']),
    customer_bank_code: text(c['customer_bank_code']),
    customer_bank_account_type: text(c['customer_bank_account_type']),
  };
}

/** `SubscriptionEntity`: the mandate under both the contract's spelling and the payloads'. */
export function subscriptionEntity(
  row: SubscriptionRow,
  auth: SubscriptionPaymentRow | undefined,
): Complete<SubscriptionEntity> {
  const details = subscriptionDetails(row);
  const authorization = authorizationDetails(row, auth);
  return {
    cf_subscription_id: String(row.cf_subscription_id),
    subscription_id: row.subscription_id,
    subscription_status: row.status as SubscriptionStatus,
    subscription_session_id: row.session_id,
    subscription_expiry_time: formatIst(row.expires_at),
    subscription_first_charge_time: time(row.first_charge_at),
    subscription_note: text(details.subscription_note),
    subscription_tags: details.subscription_tags ?? {},
    subscription_meta: { return_url: text(details.subscription_meta.return_url) },
    subscription_payment_splits: (details.subscription_payment_splits ??
      []) as Complete<SubscriptionEntity>['subscription_payment_splits'],
    customer_details: customerDetails(details),
    plan_details: planEntity(subscriptionPlan(row)),
    authorization_details: authorization,
    authorisation_details: authorization,
  };
}

/** `SubscriptionPaymentEntity`: an AUTH or a CHARGE. */
export function subscriptionPaymentEntity(
  sub: SubscriptionRow,
  payment: SubscriptionPaymentRow,
  auth: SubscriptionPaymentRow | undefined,
): Complete<SubscriptionPaymentEntity> {
  return {
    cf_payment_id: String(payment.cf_payment_id),
    cf_subscription_id: String(sub.cf_subscription_id),
    // Each charge is carried by an order and a transaction at Cashfree; the sandbox has one id for all three.
    cf_order_id: String(payment.cf_payment_id),
    cf_txn_id: String(payment.cf_payment_id),
    subscription_id: sub.subscription_id,
    payment_id: payment.payment_id,
    payment_type: payment.payment_type,
    payment_amount: toRupees(payment.amount),
    payment_status: payment.status as SubscriptionPaymentStatus,
    payment_schedule_date: time(payment.schedule_at),
    payment_initiated_date: formatIst(payment.created_at),
    payment_remarks: text(payment.remarks),
    retry_attempts: payment.retry_attempts,
    failure_details: { failure_reason: text(payment.failure_reason) },
    authorization_details: authorizationDetails(sub, payment.payment_type === 'AUTH' ? payment : auth),
  };
}

/** `CreateSubscriptionPaymentResponse`: what `POST /subscriptions/pay` answers. */
export function createSubscriptionPaymentResponse(
  sub: SubscriptionRow,
  payment: SubscriptionPaymentRow,
  data: Record<string, unknown> | null,
): Complete<CreateSubscriptionPaymentResponse> {
  return {
    cf_payment_id: String(payment.cf_payment_id),
    subscription_id: sub.subscription_id,
    payment_id: payment.payment_id,
    payment_type: payment.payment_type,
    payment_amount: toRupees(payment.amount),
    payment_status: payment.status as SubscriptionPaymentStatus,
    payment_initiated_date: formatIst(payment.created_at),
    payment_method: text(payment.method),
    failure_details: { failure_reason: text(payment.failure_reason) },
    data: data ?? {},
  };
}

/** `SubscriptionRefundEntity`. */
export function subscriptionRefundEntity(
  refund: SubscriptionRefundRow,
  payment: SubscriptionPaymentRow,
): Complete<SubscriptionRefundEntity> {
  return {
    payment_id: payment.payment_id,
    cf_payment_id: String(payment.cf_payment_id),
    refund_id: refund.refund_id,
    cf_refund_id: String(refund.cf_refund_id),
    refund_amount: toRupees(refund.amount),
    refund_note: text(refund.note),
    refund_speed: refund.speed,
    refund_status: refund.status as SubscriptionRefundEntity['refund_status'],
  };
}
