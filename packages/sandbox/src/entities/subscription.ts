import type {
  CreateSubscriptionPaymentResponse,
  PlanEntity,
  SubscriptionAuthorization,
  SubscriptionAuthorizationStatus,
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

const time = (ms: number | null) => (ms === null ? null : formatIst(ms));

/** `PlanEntity`: amounts in rupees. */
export function planEntity(plan: StoredPlan): Complete<PlanEntity> {
  return {
    plan_id: plan.plan_id,
    plan_name: plan.plan_name,
    plan_type: plan.plan_type,
    plan_currency: plan.plan_currency,
    plan_recurring_amount: plan.recurring_amount === null ? null : toRupees(plan.recurring_amount),
    plan_max_amount: toRupees(plan.max_amount),
    plan_max_cycles: plan.max_cycles,
    plan_intervals: plan.intervals,
    plan_interval_type: plan.interval_type,
    plan_note: plan.plan_note,
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
    authorization_reference: stored?.reference ?? null,
    authorization_time: stored ? formatIst(stored.time) : null,
    authorization_status: live ? 'ACTIVE' : authorizationStatusOf(auth),
    payment_id: auth?.payment_id ?? null,
    payment_method: auth?.method ?? null,
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
    subscription_note: details.subscription_note,
    subscription_tags: details.subscription_tags,
    subscription_meta: { return_url: details.subscription_meta.return_url },
    subscription_payment_splits: (details.subscription_payment_splits ??
      null) as Complete<SubscriptionEntity>['subscription_payment_splits'],
    customer_details: details.customer_details as unknown as SubscriptionEntity['customer_details'] & object,
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
    payment_remarks: payment.remarks,
    retry_attempts: payment.retry_attempts,
    failure_details: { failure_reason: payment.failure_reason },
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
    payment_method: payment.method,
    failure_details: { failure_reason: payment.failure_reason },
    data,
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
    refund_note: refund.note,
    refund_speed: refund.speed,
    refund_status: refund.status as SubscriptionRefundEntity['refund_status'],
  };
}
