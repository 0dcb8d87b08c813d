import { SUBSCRIPTION_CHARGE_LEAD_DAYS } from 'cashfree-kit';
import { DAY_MS, formatIst, istDay, istMidnight, MINUTE_MS } from '../../clock/time.js';
import type { SandboxContext } from '../../context.js';
import type { StoredAuthorization } from '../../entities/subscription.js';
import { subscriptionDetails, subscriptionPlan } from '../../entities/subscription.js';
import { badRequest, notFound } from '../../http/errors.js';
import {
  bankApprovalDelay,
  debitSettleDelay,
  UPI_RETRY_INTERVAL_MS,
} from '../../state/subscription-cycles.js';
import {
  authorise,
  chargeFailed,
  chargeSucceeded,
  expireSubscription,
  type SubscriptionStatus,
} from '../../state/subscription-machine.js';
import {
  manageSubscriptionPayment,
  nextSubscriptionPaymentStatus,
  retriesAutomatically,
  type SubscriptionPaymentStatus,
} from '../../state/subscription-payment-machine.js';
import type { SubscriptionPaymentRow } from '../../store/subscriptions/payments.js';
import type { SubscriptionRow } from '../../store/subscriptions/subscriptions.js';
import type { ErrorTemplate } from '../../test-instruments/errors.js';
import { mandateOutcome } from '../../test-instruments/mandates.js';
import { randomAlphanumeric, randomDigits } from '../../util/ids.js';
import { formatPaise } from '../../util/money.js';
import type {
  ManageSubscriptionPayment,
  MandateInstrument,
  NewSubscriptionPayment,
} from '../../validation/subscriptions.js';
import { duplicate } from './duplicate.js';
import { appendPaymentEvent } from './events.js';
import {
  authPaymentOf,
  followingDebit,
  instrumentOf,
  planNextCycle,
  SUBSCRIPTION_BANK_APPROVAL,
  saveSubscription,
  setSubscriptionStatus,
  startCycles,
} from './subscriptions.js';

/** Job kind: an AUTH resolves by its instrument's test data (the customer acted in the app or on the bank's page). */
export const SUBSCRIPTION_AUTH_RESOLVE = 'subscription.auth_resolve';
/** Job kind: a CHARGE is presented to the bank at its schedule time (INITIALIZED → PENDING). */
export const SUBSCRIPTION_CHARGE_DEBIT = 'subscription.charge_debit';
/** Job kind: a presented CHARGE resolves by its mandate's test data (or is retried, for UPI). */
export const SUBSCRIPTION_CHARGE_RESOLVE = 'subscription.charge_resolve';

/** How long the customer takes to approve a mandate when nobody drives it (sandbox clock). */
const AUTH_RESOLVE_MS = MINUTE_MS;

/** A payment outcome, with the error of a failure. */
export interface PaymentOutcome {
  outcome: 'SUCCESS' | 'FAILED';
  error?: ErrorTemplate | undefined;
}

function findOwnSubscription(ctx: SandboxContext, subscriptionId: string): SubscriptionRow {
  const sub = ctx.store.subscriptions.subscriptions.bySubscriptionId(subscriptionId);
  if (!sub) {
    throw notFound(
      'subscription_not_found',
      `subscription_id : no subscription with this id. Value received: ${subscriptionId}`,
    );
  }
  return sub;
}

/** `GET /subscriptions/{id}/payments/{payment_id}`. */
export function findSubscriptionPayment(
  ctx: SandboxContext,
  sub: SubscriptionRow,
  paymentId: string,
): SubscriptionPaymentRow {
  const payment = ctx.store.subscriptions.payments.byPaymentId(sub.cf_subscription_id, paymentId);
  if (!payment) {
    throw notFound(
      'subscription_payment_not_found',
      `payment_id : no payment with this id in subscription ${sub.subscription_id}. Value received: ${paymentId}`,
    );
  }
  return payment;
}

function newPayment(
  ctx: SandboxContext,
  sub: SubscriptionRow,
  fields: Pick<
    SubscriptionPaymentRow,
    'payment_id' | 'payment_type' | 'status' | 'amount' | 'method' | 'remarks' | 'cycle' | 'schedule_at'
  >,
): SubscriptionPaymentRow {
  if (ctx.store.subscriptions.payments.byPaymentId(sub.cf_subscription_id, fields.payment_id)) {
    throw duplicate(
      'subscription_payment_already_exists',
      `payment_id : a payment with this id already exists in subscription ${sub.subscription_id}. Value received: ${fields.payment_id}`,
    );
  }
  const now = ctx.clock.now();
  const row: SubscriptionPaymentRow = {
    cf_payment_id: ctx.store.subscriptions.ids.payment.next(),
    cf_subscription_id: sub.cf_subscription_id,
    retry_attempts: 0,
    failure_reason: null,
    authorization: null,
    created_at: now,
    updated_at: now,
    ...fields,
  };
  ctx.store.subscriptions.payments.insert(row);
  return row;
}

function savePayment(ctx: SandboxContext, payment: SubscriptionPaymentRow): void {
  payment.updated_at = ctx.clock.now();
  ctx.store.subscriptions.payments.update(payment);
}

/**
 * `POST /subscriptions/pay`. AUTH: the customer is asked for the mandate on the method given
 * (one the subscription allows); it resolves a minute later by the instrument's test data, or at
 * once through the admin call. CHARGE: an ACTIVE subscription is debited at the schedule date, at
 * most the plan's maximum; UPI and card charges need a date from tomorrow (India time), and UPI
 * sends its pre-debit notification now. Call inside `ctx.transact`.
 */
export function createSubscriptionPayment(
  ctx: SandboxContext,
  input: NewSubscriptionPayment,
): { sub: SubscriptionRow; payment: SubscriptionPaymentRow } {
  const sub = findOwnSubscription(ctx, input.subscriptionId);
  if (input.type === 'AUTH') {
    if (input.sessionId !== sub.session_id) {
      throw badRequest(
        'subscription_session_id_invalid',
        `subscription_session_id : is not the session of subscription ${sub.subscription_id}. Value received: ${input.sessionId}`,
      );
    }
    return { sub, payment: requestAuthorisation(ctx, sub, input.paymentId, input.instrument, input.remarks) };
  }
  if (sub.status !== 'ACTIVE') {
    throw badRequest(
      'subscription_inactive',
      `subscription_id : subscription is ${sub.status}; only an ACTIVE subscription can be charged. Value received: ${sub.subscription_id}`,
    );
  }
  const plan = subscriptionPlan(sub);
  if (input.amount > plan.max_amount) {
    throw badRequest(
      'payment_amount_exceeds_plan',
      `payment_amount : should not exceed the plan's plan_max_amount of ${formatPaise(plan.max_amount)}. Value received: ${formatPaise(input.amount)}`,
    );
  }
  const method = instrumentOf(sub)?.method ?? null;
  const now = ctx.clock.now();
  const lead = method === 'upi' || method === 'card' ? SUBSCRIPTION_CHARGE_LEAD_DAYS[method] : undefined;
  if (lead !== undefined) {
    const earliest = istMidnight(istDay(now)) + lead * DAY_MS;
    if (input.scheduleAt === undefined) {
      throw badRequest(
        'payment_schedule_date_missing',
        `payment_schedule_date : is missing in the request (required for ${method} charges). Value received: `,
      );
    }
    if (input.scheduleAt < earliest) {
      throw badRequest(
        'payment_schedule_date_invalid',
        `payment_schedule_date : a ${method} charge can be scheduled from ${formatIst(earliest)} (T+${lead}) on. Value received: ${formatIst(input.scheduleAt)}`,
      );
    }
  }
  const payment = newPayment(ctx, sub, {
    payment_id: input.paymentId,
    payment_type: 'CHARGE',
    status: 'INITIALIZED',
    amount: input.amount,
    method,
    remarks: input.remarks,
    cycle: null,
    schedule_at: Math.max(input.scheduleAt ?? now, now),
  });
  announceCharge(ctx, sub, payment);
  return { sub, payment };
}

/** Creates the AUTH payment of a subscription waiting for its mandate. Call inside `ctx.transact`. */
export function requestAuthorisation(
  ctx: SandboxContext,
  sub: SubscriptionRow,
  paymentId: string,
  instrument: MandateInstrument,
  remarks: string | null,
): SubscriptionPaymentRow {
  if (sub.status !== 'INITIALIZED') {
    throw badRequest(
      'subscription_inactive',
      `subscription_id : subscription is ${sub.status}; only an INITIALIZED subscription is authorised. Value received: ${sub.subscription_id}`,
    );
  }
  const details = subscriptionDetails(sub);
  if (!details.payment_methods.includes(instrument.method)) {
    throw badRequest(
      'payment_method_unsupported',
      `payment_method : ${instrument.method} is not among the subscription's authorization_details.payment_methods (${details.payment_methods.join(', ')}). Value received: ${instrument.method}`,
    );
  }
  const payment = newPayment(ctx, sub, {
    payment_id: paymentId,
    payment_type: 'AUTH',
    status: 'PENDING',
    // An e-NACH or physical NACH mandate is registered without a debit.
    amount: instrument.method === 'enach' || instrument.method === 'pnach' ? 0 : details.authorization_amount,
    method: instrument.method,
    remarks,
    cycle: null,
    schedule_at: null,
  });
  sub.instrument = JSON.stringify(instrument);
  sub.auth_payment_id = payment.cf_payment_id;
  saveSubscription(ctx, sub);
  ctx.scheduler.schedule(SUBSCRIPTION_AUTH_RESOLVE, payment.cf_payment_id, ctx.clock.now() + AUTH_RESOLVE_MS);
  return payment;
}

function authorisationReference(method: string): string {
  if (method === 'upi') return `${randomAlphanumeric(28)}@upi`;
  if (method === 'card') return randomDigits(16);
  return `CASH${randomDigits(16)}`;
}

/**
 * The customer approved or refused the mandate. Approved: the subscription moves on (cards to
 * ACTIVE and their cycles start; UPI and NACH wait for the bank). Refused: it stays INITIALIZED,
 * and the customer can try again. Call inside `ctx.transact`.
 */
export function finishAuthorisation(
  ctx: SandboxContext,
  sub: SubscriptionRow,
  payment: SubscriptionPaymentRow,
  result: PaymentOutcome,
): void {
  const t = nextSubscriptionPaymentStatus(payment.status as SubscriptionPaymentStatus, result.outcome);
  if (!t.ok || !t.changed) return;
  const now = ctx.clock.now();
  payment.status = t.status;
  ctx.scheduler.cancel(SUBSCRIPTION_AUTH_RESOLVE, payment.cf_payment_id);
  if (result.outcome === 'FAILED') {
    payment.failure_reason = result.error?.description ?? 'the customer did not approve the mandate';
    savePayment(ctx, payment);
    appendPaymentEvent(ctx, 'SUBSCRIPTION_AUTH_STATUS', sub, payment, payment);
    return;
  }
  const stored: StoredAuthorization = { reference: authorisationReference(payment.method ?? ''), time: now };
  payment.authorization = JSON.stringify(stored);
  savePayment(ctx, payment);
  const s = authorise(sub.status as SubscriptionStatus, payment.method ?? '');
  if (!s.ok) return;
  appendPaymentEvent(ctx, 'SUBSCRIPTION_AUTH_STATUS', sub, payment, payment);
  if (s.status === 'ACTIVE') startCycles(ctx, sub);
  else
    ctx.scheduler.schedule(
      SUBSCRIPTION_BANK_APPROVAL,
      sub.cf_subscription_id,
      now + bankApprovalDelay(payment.method ?? ''),
    );
  setSubscriptionStatus(ctx, sub, s.status);
}

/** Job: an AUTH nobody drove resolves by its instrument's test data. */
export function resolveAuthorisation(ctx: SandboxContext, cfPaymentId: number): void {
  const payment = ctx.store.subscriptions.payments.byId(cfPaymentId);
  const sub = payment && ctx.store.subscriptions.subscriptions.byId(payment.cf_subscription_id);
  const instrument = sub && instrumentOf(sub);
  if (!payment || !sub || !instrument) return;
  finishAuthorisation(ctx, sub, payment, mandateOutcome(instrument.method, instrument.reference).auth);
}

/** A new CHARGE: UPI's pre-debit notification now, and the debit at its schedule time. */
function announceCharge(ctx: SandboxContext, sub: SubscriptionRow, payment: SubscriptionPaymentRow): void {
  if (payment.method === 'upi') {
    appendPaymentEvent(
      ctx,
      'SUBSCRIPTION_PAYMENT_NOTIFICATION_INITIATED',
      sub,
      payment,
      authPaymentOf(ctx, sub),
    );
  }
  ctx.scheduler.schedule(
    SUBSCRIPTION_CHARGE_DEBIT,
    payment.cf_payment_id,
    payment.schedule_at ?? ctx.clock.now(),
  );
}

/**
 * Due source: an ACTIVE subscription's next periodic cycle starts. Its charge is created for the
 * plan's recurring amount with the cycle's debit time, and the cycle after it is planned; a debit
 * that would fall after the subscription's expiry completes the subscription instead.
 */
export function startCycle(ctx: SandboxContext, cfSubscriptionId: number): void {
  const sub = ctx.store.subscriptions.subscriptions.byId(cfSubscriptionId);
  const debitAt = sub?.next_debit_at;
  if (sub?.status !== 'ACTIVE' || debitAt === null || debitAt === undefined) return;
  if (debitAt > sub.expires_at) {
    planNextCycle(ctx, sub, null);
    const t = expireSubscription(sub.status as SubscriptionStatus);
    if (t.ok) setSubscriptionStatus(ctx, sub, t.status);
    return;
  }
  const plan = subscriptionPlan(sub);
  sub.cycles_started += 1;
  const payment = newPayment(ctx, sub, {
    payment_id: `cycle_${sub.cf_subscription_id}_${sub.cycles_started}`,
    payment_type: 'CHARGE',
    status: 'INITIALIZED',
    amount: plan.recurring_amount ?? plan.max_amount,
    method: instrumentOf(sub)?.method ?? null,
    remarks: `cycle ${sub.cycles_started}`,
    cycle: sub.cycles_started,
    schedule_at: debitAt,
  });
  planNextCycle(ctx, sub, followingDebit(sub, debitAt));
  saveSubscription(ctx, sub);
  announceCharge(ctx, sub, payment);
}

/**
 * Job: a CHARGE is presented to the bank (→ PENDING), and resolves after the method's settle time.
 * A subscription that was paused, cancelled or ended meanwhile has the charge cancelled instead.
 */
export function debitCharge(ctx: SandboxContext, cfPaymentId: number): void {
  const payment = ctx.store.subscriptions.payments.byId(cfPaymentId);
  const sub = payment && ctx.store.subscriptions.subscriptions.byId(payment.cf_subscription_id);
  if (!payment || !sub || payment.status !== 'INITIALIZED') return;
  if (sub.status !== 'ACTIVE' && sub.status !== 'ON_HOLD') {
    cancelCharge(ctx, sub, payment);
    return;
  }
  payment.status = 'PENDING';
  savePayment(ctx, payment);
  ctx.scheduler.schedule(
    SUBSCRIPTION_CHARGE_RESOLVE,
    payment.cf_payment_id,
    ctx.clock.now() + debitSettleDelay(payment.method),
  );
}

function cancelCharge(ctx: SandboxContext, sub: SubscriptionRow, payment: SubscriptionPaymentRow): void {
  payment.status = 'CANCELLED';
  savePayment(ctx, payment);
  ctx.scheduler.cancel(SUBSCRIPTION_CHARGE_DEBIT, payment.cf_payment_id);
  appendPaymentEvent(ctx, 'SUBSCRIPTION_PAYMENT_CANCELLED', sub, payment, authPaymentOf(ctx, sub));
}

/** Job: a presented CHARGE resolves by its mandate's test data. */
export function resolveCharge(ctx: SandboxContext, cfPaymentId: number): void {
  const payment = ctx.store.subscriptions.payments.byId(cfPaymentId);
  const sub = payment && ctx.store.subscriptions.subscriptions.byId(payment.cf_subscription_id);
  const instrument = sub && instrumentOf(sub);
  if (!payment || !sub || !instrument) return;
  finishCharge(ctx, sub, payment, mandateOutcome(instrument.method, instrument.reference).charge, true);
}

/**
 * A presented CHARGE succeeded or failed. A failed UPI Autopay debit is tried again hourly, three
 * times (`autoRetry`), before it is FAILED; a FAILED charge puts an ACTIVE subscription ON_HOLD, a
 * successful one brings an ON_HOLD subscription back, and the plan's last cycle completes it. Call
 * inside `ctx.transact`.
 */
export function finishCharge(
  ctx: SandboxContext,
  sub: SubscriptionRow,
  payment: SubscriptionPaymentRow,
  result: PaymentOutcome,
  autoRetry: boolean,
): void {
  const t = nextSubscriptionPaymentStatus(payment.status as SubscriptionPaymentStatus, result.outcome);
  if (!t.ok || !t.changed) return;
  ctx.scheduler.cancel(SUBSCRIPTION_CHARGE_DEBIT, payment.cf_payment_id);
  ctx.scheduler.cancel(SUBSCRIPTION_CHARGE_RESOLVE, payment.cf_payment_id);
  const auth = authPaymentOf(ctx, sub);
  if (
    result.outcome === 'FAILED' &&
    autoRetry &&
    retriesAutomatically(payment.method, payment.retry_attempts)
  ) {
    payment.status = 'PENDING';
    payment.retry_attempts += 1;
    savePayment(ctx, payment);
    ctx.scheduler.schedule(
      SUBSCRIPTION_CHARGE_RESOLVE,
      payment.cf_payment_id,
      ctx.clock.now() + UPI_RETRY_INTERVAL_MS,
    );
    return;
  }
  payment.status = t.status;
  payment.failure_reason =
    result.outcome === 'FAILED' ? (result.error?.description ?? 'the debit failed') : null;
  savePayment(ctx, payment);
  if (result.outcome === 'SUCCESS') {
    appendPaymentEvent(ctx, 'SUBSCRIPTION_PAYMENT_SUCCESS', sub, payment, auth);
    const plan = subscriptionPlan(sub);
    const last = payment.cycle !== null && plan.max_cycles !== null && payment.cycle >= plan.max_cycles;
    const s = chargeSucceeded(sub.status as SubscriptionStatus, last);
    if (s.ok && s.changed) {
      if (s.status === 'COMPLETED') planNextCycle(ctx, sub, null);
      else if (sub.next_debit_at !== null) {
        // Back from ON_HOLD: the cycles resume at the first debit time still ahead.
        let next = sub.next_debit_at;
        while (next <= ctx.clock.now()) next = followingDebit(sub, next);
        planNextCycle(ctx, sub, next);
      }
      setSubscriptionStatus(ctx, sub, s.status);
    }
    return;
  }
  appendPaymentEvent(ctx, 'SUBSCRIPTION_PAYMENT_FAILED', sub, payment, auth);
  const s = chargeFailed(sub.status as SubscriptionStatus);
  if (s.ok && s.changed) setSubscriptionStatus(ctx, sub, s.status);
}

/**
 * `POST /subscriptions/{id}/payments/{payment_id}/manage`: CANCEL a charge not yet presented,
 * RETRY a FAILED one at `next_scheduled_time`. Call inside `ctx.transact`.
 */
export function manageSubscriptionPaymentNow(
  ctx: SandboxContext,
  sub: SubscriptionRow,
  payment: SubscriptionPaymentRow,
  request: ManageSubscriptionPayment,
): SubscriptionPaymentRow {
  const t = manageSubscriptionPayment(
    payment.status as SubscriptionPaymentStatus,
    request.action,
    payment.payment_type,
  );
  if (!t.ok) throw badRequest(t.code, t.message);
  if (!t.changed) return payment;
  if (request.action === 'CANCEL') {
    cancelCharge(ctx, sub, payment);
    return payment;
  }
  payment.status = t.status;
  payment.retry_attempts += 1;
  payment.failure_reason = null;
  payment.schedule_at = Math.max(request.nextScheduledAt ?? ctx.clock.now(), ctx.clock.now());
  savePayment(ctx, payment);
  announceCharge(ctx, sub, payment);
  return payment;
}
