import type { PaymentStatus } from '../store/payments.js';
import { move, refuse, stay, type Transition } from './result.js';

/** The statuses a pending payment can be moved to (by test data, OTP, /simulate or a timeout). */
export type PaymentTarget = Extract<
  PaymentStatus,
  'SUCCESS' | 'FAILED' | 'USER_DROPPED' | 'PENDING' | 'CANCELLED'
>;

/**
 * The OTP every sandbox test card accepts (Cashfree's documented test OTP).
 *
 * @example
 * const result = await cashfree.orders.authenticate('5114910796410', { otp: TEST_CARD_OTP, action: 'SUBMIT_OTP' });
 */
export const TEST_CARD_OTP = '111000';
/** Wrong OTPs allowed before the payment fails. */
export const MAX_OTP_ATTEMPTS = 3;

/** Terminal statuses: once there, a payment never changes again. */
export function isTerminalPayment(status: PaymentStatus): boolean {
  return status !== 'PENDING' && status !== 'NOT_ATTEMPTED';
}

/**
 * A payment starts PENDING and ends in exactly one terminal status. Moving a pending payment to
 * PENDING is allowed and changes nothing (`/simulate` with `PENDING`).
 */
export function nextPaymentStatus(current: PaymentStatus, target: PaymentTarget): Transition<PaymentStatus> {
  if (isTerminalPayment(current)) {
    return current === target
      ? stay(current)
      : refuse(
          'payment_already_processed',
          `payment is already ${current}; only a PENDING payment can change`,
        );
  }
  return target === 'PENDING' ? stay(current) : move(current, target);
}

/** What an OTP submission does to a card payment waiting for authentication. */
export type OtpResult =
  | { authenticated: true }
  | { authenticated: false; paymentFails: boolean; message: string };

/** Checks a submitted OTP; the third wrong one fails the payment. */
export function submitOtp(otp: string, wrongAttemptsSoFar: number): OtpResult {
  if (otp === TEST_CARD_OTP) return { authenticated: true };
  const exhausted = wrongAttemptsSoFar + 1 >= MAX_OTP_ATTEMPTS;
  return {
    authenticated: false,
    paymentFails: exhausted,
    message: exhausted ? 'otp is invalid; maximum attempts exceeded' : 'otp is invalid',
  };
}
