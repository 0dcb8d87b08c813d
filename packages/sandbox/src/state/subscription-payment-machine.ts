import type { SubscriptionPaymentAction, SubscriptionPaymentStatus } from 'cashfree-kit';
import { move, refuse, stay, type Transition } from './result.js';

export type { SubscriptionPaymentAction, SubscriptionPaymentStatus };

/** How many times a failed UPI Autopay debit is tried again (1 + 3 in all, hourly). */
export const UPI_AUTO_RETRIES = 3;

/**
 * AUTH and CHARGE payments: INITIALIZED → PENDING → SUCCESS | FAILED. A debit that was presented
 * (PENDING) finishes; SUCCESS, FAILED and CANCELLED are final unless the merchant retries a
 * FAILED charge.
 */
export function nextSubscriptionPaymentStatus(
  current: SubscriptionPaymentStatus,
  target: 'PENDING' | 'SUCCESS' | 'FAILED',
): Transition<SubscriptionPaymentStatus> {
  if (current === target) return stay(current);
  if (current === 'INITIALIZED') return move(current, target);
  if (current === 'PENDING' && target !== 'PENDING') return move(current, target);
  return refuse('payment_invalid', `payment is already ${current}`);
}

/**
 * A merchant's manage action on a CHARGE: CANCEL a charge that was not presented to the bank yet
 * (INITIALIZED); RETRY a FAILED one (it is scheduled again, INITIALIZED). AUTH payments cannot be
 * managed.
 */
export function manageSubscriptionPayment(
  current: SubscriptionPaymentStatus,
  action: SubscriptionPaymentAction,
  paymentType: 'AUTH' | 'CHARGE',
): Transition<SubscriptionPaymentStatus> {
  if (paymentType !== 'CHARGE') {
    return refuse(
      'subscription_payment_action_invalid',
      `action : ${action} applies to CHARGE payments only. Value received: AUTH`,
    );
  }
  if (action === 'CANCEL') {
    if (current === 'CANCELLED') return stay(current);
    if (current !== 'INITIALIZED') {
      return refuse(
        'subscription_payment_action_invalid',
        `action : CANCEL needs a charge not yet presented to the bank (INITIALIZED). Value received: ${current}`,
      );
    }
    return move(current, 'CANCELLED');
  }
  if (current !== 'FAILED') {
    return refuse(
      'subscription_payment_action_invalid',
      `action : RETRY needs a FAILED charge. Value received: ${current}`,
    );
  }
  return move(current, 'INITIALIZED');
}

/** Whether a failed automatic debit is tried again: UPI Autopay only, up to {@link UPI_AUTO_RETRIES} times. */
export function retriesAutomatically(method: string | null, retryAttempts: number): boolean {
  return method === 'upi' && retryAttempts < UPI_AUTO_RETRIES;
}
