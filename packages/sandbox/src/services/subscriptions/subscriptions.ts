import { randomBytes } from 'node:crypto';
import { formatIst } from '../../clock/time.js';
import type { SandboxContext } from '../../context.js';
import { subscriptionPlan } from '../../entities/subscription.js';
import { badRequest, notFound } from '../../http/errors.js';
import { addIntervals, cycleStartFor } from '../../state/subscription-cycles.js';
import {
  approveMandate,
  expireSubscription,
  manageSubscription,
  type SubscriptionStatus,
} from '../../state/subscription-machine.js';
import type { SubscriptionPaymentRow } from '../../store/subscriptions/payments.js';
import type { StoredPlan } from '../../store/subscriptions/plans.js';
import type { SubscriptionRow } from '../../store/subscriptions/subscriptions.js';
import { parseColumn } from '../../util/json.js';
import type {
  ManageSubscription,
  MandateInstrument,
  NewSubscription,
} from '../../validation/subscriptions.js';
import { duplicate } from './duplicate.js';
import { appendStatusChanged } from './events.js';

/** Job kind: the bank approves a mandate that waits in BANK_APPROVAL_PENDING. */
export const SUBSCRIPTION_BANK_APPROVAL = 'subscription.bank_approval';
/** Due-source kind: an ACTIVE subscription's next periodic cycle starts. */
export const SUBSCRIPTION_CYCLE = 'subscription.cycle';
/** Due-source kind: a subscription never authorised reaches its expiry time. */
export const SUBSCRIPTION_EXPIRE = 'subscription.expire';

/**
 * When a subscription without `subscription_expiry_time` expires: Cashfree's examples show
 * 2100-01-01T05:29:59+05:30 for such subscriptions.
 */
const NO_EXPIRY = Date.parse('2100-01-01T05:29:59+05:30');

/** `POST /plans`. Call inside `ctx.transact`. */
export function createPlan(ctx: SandboxContext, plan: StoredPlan): StoredPlan {
  if (ctx.store.subscriptions.plans.byId(plan.plan_id)) {
    throw duplicate(
      'plan_already_exists',
      `plan_id : a plan with this id already exists. Value received: ${plan.plan_id}`,
    );
  }
  ctx.store.subscriptions.plans.insert(plan, ctx.clock.now());
  return plan;
}

/** `GET /plans/{plan_id}`. */
export function findPlan(ctx: SandboxContext, planId: string): StoredPlan {
  const plan = ctx.store.subscriptions.plans.byId(planId);
  if (!plan) throw notFound('plan_not_found', `plan_id : no plan with this id. Value received: ${planId}`);
  return plan;
}

/** `GET /subscriptions/{subscription_id}`. */
export function findSubscription(ctx: SandboxContext, subscriptionId: string): SubscriptionRow {
  const sub = ctx.store.subscriptions.subscriptions.bySubscriptionId(subscriptionId);
  if (!sub) {
    throw notFound(
      'subscription_not_found',
      `subscription_id : no subscription with this id. Value received: ${subscriptionId}`,
    );
  }
  return sub;
}

/** The subscription's AUTH payment, once one was made. */
export function authPaymentOf(ctx: SandboxContext, sub: SubscriptionRow): SubscriptionPaymentRow | undefined {
  return sub.auth_payment_id === null
    ? undefined
    : ctx.store.subscriptions.payments.byId(sub.auth_payment_id);
}

/** The authorised mandate, or null before authorisation. */
export function instrumentOf(sub: SubscriptionRow): MandateInstrument | null {
  return parseColumn<MandateInstrument>(sub.instrument);
}

/** `POST /subscriptions`: INITIALIZED, with a session id for the mandate checkout. Call inside `ctx.transact`. */
export function createSubscription(ctx: SandboxContext, input: NewSubscription): SubscriptionRow {
  if (ctx.store.subscriptions.subscriptions.bySubscriptionId(input.subscriptionId)) {
    throw duplicate(
      'subscription_already_exists',
      `subscription_id : a subscription with this id already exists. Value received: ${input.subscriptionId}`,
    );
  }
  const plan = input.inlinePlan ?? findPlan(ctx, input.planId ?? '');
  const now = ctx.clock.now();
  if (input.expiresAt !== undefined && input.expiresAt <= now) {
    throw badRequest(
      'subscription_expiry_time_invalid',
      `subscription_expiry_time : should be in the future. Value received: ${new Date(input.expiresAt).toISOString()}`,
    );
  }
  const row: SubscriptionRow = {
    cf_subscription_id: ctx.store.subscriptions.ids.subscription.next(),
    subscription_id: input.subscriptionId,
    session_id: `subs_session_${randomBytes(18).toString('base64url')}`,
    status: 'INITIALIZED',
    plan: JSON.stringify(plan),
    details: JSON.stringify(input.details),
    instrument: null,
    auth_payment_id: null,
    cycles_started: 0,
    cycle_due_at: null,
    next_debit_at: null,
    first_charge_at: plan.plan_type === 'PERIODIC' ? (input.firstChargeAt ?? null) : null,
    expires_at: input.expiresAt ?? NO_EXPIRY,
    created_at: now,
    updated_at: now,
  };
  ctx.store.subscriptions.subscriptions.insert(row);
  ctx.scheduler.expect(row.expires_at);
  return row;
}

/** Writes a subscription's new state and tells the scheduler about its next due times. */
export function saveSubscription(ctx: SandboxContext, sub: SubscriptionRow): void {
  sub.updated_at = ctx.clock.now();
  ctx.store.subscriptions.subscriptions.update(sub);
  if (sub.status === 'ACTIVE' && sub.cycle_due_at !== null) ctx.scheduler.expect(sub.cycle_due_at);
}

/**
 * Sets the next periodic cycle to debit at `debitAt` (or none): the cycle's work starts a day
 * earlier for UPI Autopay, with its pre-debit notification, but never before now. A plan whose
 * `plan_max_cycles` are all started, or a debit after the subscription's expiry, has no next cycle.
 */
export function planNextCycle(ctx: SandboxContext, sub: SubscriptionRow, debitAt: number | null): void {
  const plan = subscriptionPlan(sub);
  const done = plan.max_cycles !== null && sub.cycles_started >= plan.max_cycles;
  if (plan.plan_type !== 'PERIODIC' || debitAt === null || done) {
    sub.next_debit_at = null;
    sub.cycle_due_at = null;
    return;
  }
  sub.next_debit_at = debitAt;
  sub.cycle_due_at = Math.max(cycleStartFor(debitAt, instrumentOf(sub)?.method ?? null), ctx.clock.now());
}

/** The debit after `debitAt` on the subscription's plan. */
export function followingDebit(sub: SubscriptionRow, debitAt: number): number {
  const plan = subscriptionPlan(sub);
  return addIntervals(debitAt, plan.interval_type ?? 'MONTH', plan.intervals ?? 1);
}

/**
 * The subscription became ACTIVE for the first time: its first periodic debit is
 * `subscription_first_charge_time` when that is still ahead, else one interval from now.
 */
export function startCycles(ctx: SandboxContext, sub: SubscriptionRow): void {
  const now = ctx.clock.now();
  const first =
    sub.first_charge_at !== null && sub.first_charge_at > now
      ? sub.first_charge_at
      : followingDebit(sub, now);
  if (sub.first_charge_at === null || sub.first_charge_at <= now) sub.first_charge_at = first;
  planNextCycle(ctx, sub, first);
}

/** Moves a subscription to `status` and reports it; call inside `ctx.transact`. */
export function setSubscriptionStatus(
  ctx: SandboxContext,
  sub: SubscriptionRow,
  status: SubscriptionStatus,
): void {
  sub.status = status;
  saveSubscription(ctx, sub);
  appendStatusChanged(ctx, sub, authPaymentOf(ctx, sub));
}

/** Job: the bank approved the mandate (BANK_APPROVAL_PENDING → ACTIVE), and the cycles start. */
export function approveBankMandate(ctx: SandboxContext, cfSubscriptionId: number): void {
  const sub = ctx.store.subscriptions.subscriptions.byId(cfSubscriptionId);
  if (!sub) return;
  const t = approveMandate(sub.status as SubscriptionStatus);
  if (!t.ok || !t.changed) return;
  startCycles(ctx, sub);
  setSubscriptionStatus(ctx, sub, t.status);
}

/** Due source: a subscription never authorised passed its expiry time (→ EXPIRED). */
export function expireUnauthorised(ctx: SandboxContext, cfSubscriptionId: number): void {
  const sub = ctx.store.subscriptions.subscriptions.byId(cfSubscriptionId);
  if (!sub) return;
  const t = expireSubscription(sub.status as SubscriptionStatus);
  if (t.ok && t.changed) setSubscriptionStatus(ctx, sub, t.status);
}

/**
 * `POST /subscriptions/{id}/manage`. ACTIVATE resumes the cycles at `next_scheduled_time` (cycles
 * that fell due while paused or on hold are skipped, not charged late). CHANGE_PLAN puts the subscription on another stored plan from its next
 * cycle. Call inside `ctx.transact`.
 */
export function manageSubscriptionNow(
  ctx: SandboxContext,
  sub: SubscriptionRow,
  request: ManageSubscription,
): SubscriptionRow {
  const plan = subscriptionPlan(sub);
  const t = manageSubscription(sub.status as SubscriptionStatus, request.action, plan.plan_type);
  if (!t.ok) throw badRequest(t.code, t.message);
  const now = ctx.clock.now();
  switch (request.action) {
    case 'CANCEL':
      planNextCycle(ctx, sub, null);
      break;
    case 'PAUSE':
      // The next cycle stays planned; the scheduler only runs ACTIVE subscriptions' cycles.
      break;
    case 'ACTIVATE':
      if (request.nextScheduledAt === undefined || request.nextScheduledAt <= now) {
        throw badRequest(
          'action_details.next_scheduled_time_invalid',
          `action_details.next_scheduled_time : should be in the future. Value received: ${request.nextScheduledAt === undefined ? '' : formatIst(request.nextScheduledAt)}`,
        );
      }
      if (t.changed) planNextCycle(ctx, sub, request.nextScheduledAt);
      break;
    case 'CHANGE_PLAN':
      sub.plan = JSON.stringify(findPlan(ctx, request.planId ?? ''));
      planNextCycle(ctx, sub, sub.next_debit_at);
      break;
  }
  if (t.changed) setSubscriptionStatus(ctx, sub, t.status);
  else saveSubscription(ctx, sub);
  return sub;
}
