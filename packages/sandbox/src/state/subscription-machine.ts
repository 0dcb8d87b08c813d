import { FINAL_SUBSCRIPTION_STATUSES, type SubscriptionAction, type SubscriptionStatus } from 'cashfree-kit';
import { move, refuse, stay, type Transition } from './result.js';

export type { SubscriptionAction, SubscriptionStatus };

const FINAL: ReadonlySet<SubscriptionStatus> = new Set(FINAL_SUBSCRIPTION_STATUSES);

/** Whether nothing more can happen to a subscription in `status`. */
export function isFinalSubscriptionStatus(status: SubscriptionStatus): boolean {
  return FINAL.has(status);
}

/** Whether the customer has not authorised the mandate yet. */
export function isAwaitingAuthorisation(status: SubscriptionStatus): boolean {
  return status === 'INITIALIZED' || status === 'BANK_APPROVAL_PENDING';
}

const invalidAction = (action: SubscriptionAction, status: SubscriptionStatus, why: string) =>
  refuse<SubscriptionStatus>(
    'subscription_action_invalid',
    `action : ${action} is not allowed: ${why}. Value received: ${status}`,
  );

/**
 * A merchant's manage action (Cashfree's docs): CANCEL ends any subscription that is not final;
 * PAUSE stops the charges of an ACTIVE periodic subscription; ACTIVATE resumes a PAUSED or ON_HOLD
 * one (never CUSTOMER_PAUSED: only the customer resumes that, in the UPI app); CHANGE_PLAN keeps
 * the status of a subscription that was authorised and is not final.
 */
export function manageSubscription(
  status: SubscriptionStatus,
  action: SubscriptionAction,
  planType: 'PERIODIC' | 'ON_DEMAND',
): Transition<SubscriptionStatus> {
  if (FINAL.has(status)) return invalidAction(action, status, `the subscription is already ${status}`);
  switch (action) {
    case 'CANCEL':
      return move(status, 'CANCELLED');
    case 'PAUSE':
      if (planType !== 'PERIODIC')
        return invalidAction(action, status, 'only a PERIODIC subscription can be paused');
      if (status === 'PAUSED') return stay(status);
      if (status !== 'ACTIVE')
        return invalidAction(action, status, 'only an ACTIVE subscription can be paused');
      return move(status, 'PAUSED');
    case 'ACTIVATE':
      if (status === 'ACTIVE') return stay(status);
      if (status === 'CUSTOMER_PAUSED') {
        return invalidAction(action, status, 'the customer paused it and only the customer can resume it');
      }
      if (status !== 'PAUSED' && status !== 'ON_HOLD') {
        return invalidAction(action, status, 'only a PAUSED or ON_HOLD subscription can be activated');
      }
      return move(status, 'ACTIVE');
    case 'CHANGE_PLAN':
      if (isAwaitingAuthorisation(status)) {
        return invalidAction(action, status, 'the subscription is not authorised yet');
      }
      return stay(status);
  }
}

/**
 * The customer authorised the mandate: cards go straight to ACTIVE, UPI and NACH mandates wait for
 * the bank in BANK_APPROVAL_PENDING.
 */
export function authorise(status: SubscriptionStatus, method: string): Transition<SubscriptionStatus> {
  if (status !== 'INITIALIZED') {
    return refuse(
      'subscription_invalid',
      `subscription is ${status}; only an INITIALIZED subscription can be authorised`,
    );
  }
  return move(status, method === 'card' ? 'ACTIVE' : 'BANK_APPROVAL_PENDING');
}

/** The bank approved a mandate that was BANK_APPROVAL_PENDING. */
export function approveMandate(status: SubscriptionStatus): Transition<SubscriptionStatus> {
  if (status !== 'BANK_APPROVAL_PENDING') return stay(status);
  return move(status, 'ACTIVE');
}

/** A charge failed for good (retries spent): an ACTIVE subscription goes ON_HOLD. */
export function chargeFailed(status: SubscriptionStatus): Transition<SubscriptionStatus> {
  return status === 'ACTIVE' ? move(status, 'ON_HOLD') : stay(status);
}

/**
 * A charge succeeded: an ON_HOLD subscription is ACTIVE again, and the last cycle of a plan with
 * `plan_max_cycles` completes it.
 */
export function chargeSucceeded(
  status: SubscriptionStatus,
  lastCycle: boolean,
): Transition<SubscriptionStatus> {
  if (status !== 'ACTIVE' && status !== 'ON_HOLD') return stay(status);
  return move(status, lastCycle ? 'COMPLETED' : 'ACTIVE');
}

/**
 * The subscription's expiry time passed: never authorised → EXPIRED; running → COMPLETED (its
 * term is over); final ones stay.
 */
export function expireSubscription(status: SubscriptionStatus): Transition<SubscriptionStatus> {
  if (FINAL.has(status)) return stay(status);
  return move(status, isAwaitingAuthorisation(status) ? 'EXPIRED' : 'COMPLETED');
}
