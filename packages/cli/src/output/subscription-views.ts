/**
 * Human views of plans, subscriptions, their payments and refunds: the fields a person checks
 * first, money as `₹5,988.00`. `--json` prints everything. Each view takes the SDK's entity type,
 * so a field the SDK renames fails to compile here.
 */
import type {
  CreateSubscriptionPaymentResponse,
  PlanEntity,
  SubscriptionAuthorization,
  SubscriptionEligibilityMethod,
  SubscriptionEntity,
  SubscriptionPaymentEntity,
  SubscriptionRefundEntity,
} from 'cashfree-kit';
import { formatKeyValues, formatRupees, formatTable } from './format.js';

function joined(...parts: unknown[]): string | undefined {
  const present = parts.filter((part) => part !== undefined && part !== null && part !== '');
  return present.length > 0 ? present.map(String).join(' · ') : undefined;
}

/** `₹499.00 every 1 MONTH, up to 12 cycles` / `up to ₹2,000.00 a charge, on demand`. */
function planTerms(plan: PlanEntity): string | undefined {
  const currency = plan.plan_currency;
  if (plan.plan_type === 'ON_DEMAND') {
    return plan.plan_max_amount === undefined
      ? 'on demand'
      : `on demand, up to ${formatRupees(plan.plan_max_amount, currency)} a charge`;
  }
  if (plan.plan_type !== 'PERIODIC') return undefined;
  const every =
    plan.plan_interval_type === null || plan.plan_interval_type === undefined
      ? ''
      : ` every ${plan.plan_intervals || 1} ${plan.plan_interval_type}`;
  // Cashfree answers 0 where a plan has no limit.
  const cycles = plan.plan_max_cycles ? `, ${plan.plan_max_cycles} cycles` : '';
  return `${formatRupees(plan.plan_recurring_amount, currency) ?? '—'}${every}${cycles}`;
}

/** A plan (`PlanEntity`). */
export function planView(plan: PlanEntity): string {
  return formatKeyValues([
    ['plan_id', plan.plan_id],
    ['plan_name', plan.plan_name],
    ['plan_status', plan.plan_status],
    ['plan_type', plan.plan_type],
    ['terms', planTerms(plan)],
    ['plan_max_amount', formatRupees(plan.plan_max_amount, plan.plan_currency)],
    ['plan_note', plan.plan_note || undefined],
  ]);
}

/** The mandate, as either spelling carries it. */
function mandateOf(subscription: SubscriptionEntity): SubscriptionAuthorization | undefined {
  return subscription.authorization_details ?? subscription.authorisation_details ?? undefined;
}

/** A subscription (`SubscriptionEntity`). */
export function subscriptionView(subscription: SubscriptionEntity): string {
  const plan = subscription.plan_details;
  const customer = subscription.customer_details;
  const mandate = mandateOf(subscription);
  return formatKeyValues([
    ['subscription_id', subscription.subscription_id],
    ['cf_subscription_id', subscription.cf_subscription_id],
    ['subscription_status', subscription.subscription_status],
    ['plan', plan ? joined(plan.plan_id || undefined, plan.plan_name, planTerms(plan)) : undefined],
    ['customer', joined(customer?.customer_name, customer?.customer_phone, customer?.customer_email)],
    [
      'mandate',
      mandate
        ? joined(mandate.payment_method, mandate.authorization_status, mandate.authorization_reference)
        : undefined,
    ],
    ['subscription_session_id', subscription.subscription_session_id ?? undefined],
    ['first_charge_time', subscription.subscription_first_charge_time || undefined],
    ['expiry_time', subscription.subscription_expiry_time ?? undefined],
    ['return_url', subscription.subscription_meta?.return_url || undefined],
  ]);
}

/** One payment of a subscription: its AUTH or a CHARGE. */
export function subscriptionPaymentView(
  payment: SubscriptionPaymentEntity | CreateSubscriptionPaymentResponse,
): string {
  const scheduled = 'payment_schedule_date' in payment ? payment.payment_schedule_date : undefined;
  const retries = 'retry_attempts' in payment ? payment.retry_attempts : undefined;
  return formatKeyValues([
    ['payment_id', payment.payment_id],
    ['cf_payment_id', payment.cf_payment_id],
    ['subscription_id', payment.subscription_id],
    ['payment_type', payment.payment_type],
    ['payment_status', payment.payment_status],
    ['payment_amount', formatRupees(payment.payment_amount)],
    ['schedule_date', scheduled || undefined],
    ['initiated_date', payment.payment_initiated_date || undefined],
    ['retry_attempts', retries || undefined],
    ['failure_reason', payment.failure_details?.failure_reason || undefined],
  ]);
}

/** The payments of a subscription, oldest first as the API lists them. */
export function subscriptionPaymentsTable(payments: readonly SubscriptionPaymentEntity[]): string {
  if (payments.length === 0) return 'No payments for this subscription yet.';
  return formatTable(
    ['PAYMENT_ID', 'TYPE', 'STATUS', 'AMOUNT', 'SCHEDULED', 'RETRIES', 'FAILURE'],
    payments.map((payment) => [
      payment.payment_id,
      payment.payment_type,
      payment.payment_status,
      formatRupees(payment.payment_amount),
      payment.payment_schedule_date,
      payment.retry_attempts || undefined,
      payment.failure_details?.failure_reason,
    ]),
  );
}

/** A refund of a subscription's charge. */
export function subscriptionRefundView(refund: SubscriptionRefundEntity): string {
  return formatKeyValues([
    ['refund_id', refund.refund_id],
    ['cf_refund_id', refund.cf_refund_id],
    ['payment_id', refund.payment_id],
    ['refund_status', refund.refund_status],
    ['refund_amount', formatRupees(refund.refund_amount)],
    ['refund_speed', refund.refund_speed ?? undefined],
    ['refund_note', refund.refund_note || undefined],
  ]);
}

/** The mandate methods a subscription can be authorised with. */
export function subscriptionEligibilityTable(methods: readonly SubscriptionEligibilityMethod[]): string {
  if (methods.length === 0) return 'No mandate methods listed for this subscription.';
  return formatTable(
    ['method', 'eligible', 'details'],
    methods.map((method) => {
      const details = method.entity_details;
      const handles = (details?.available_handles ?? []).map((h) => h.handle).filter(Boolean);
      const banks = (details?.frequent_bank_details ?? details?.all_bank_details ?? []).map(
        (b) => b.bank_name ?? b.bank_id,
      );
      const cards = details?.allowed_card_types ?? [];
      return [
        method.entity_value,
        method.eligibility ? 'yes' : 'no',
        [...handles, ...cards, ...banks].filter(Boolean).join(', '),
      ];
    }),
  );
}
