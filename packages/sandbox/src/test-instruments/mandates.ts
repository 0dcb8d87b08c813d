import { TEST_CARDS } from './cards.js';
import { type ErrorTemplate, PAYMENT_ERRORS } from './errors.js';
import { lookUpVpa } from './upi.js';

/**
 * Test data for mandates (subscription authorisations) and the charges made on them. Cashfree's
 * docs warn that sandbox authorisations "differ from those in production" and document no
 * mandate-specific data, so the sandbox reuses its payment test data (the facts file's advice):
 *
 * - UPI Autopay: a test VPA that fails a collect fails the authorisation with the same error;
 *   `testinsufficientfunds@gocash` is the exception: the customer approves the mandate and every
 *   debit on it fails for insufficient funds, the failure a mandate meets in practice. Any other
 *   VPA approves and is debited.
 * - Card standing instruction: a test card that is declined fails the authorisation; every
 *   other card is approved and charged.
 * - e-NACH and physical NACH: the account number decides. One ending in `0000` fails the
 *   authorisation (bank rejected the mandate), one ending in `1111` registers but every debit
 *   fails for insufficient funds; any other account succeeds.
 *
 * Charge outcomes can also be forced one at a time with `POST /simulate` (`SUBS_PAYMENTS`),
 * Cashfree's documented way.
 */

/** The four mandate methods of `payment_method` in `POST /subscriptions/pay`. */
export type MandateMethod = 'upi' | 'enach' | 'pnach' | 'card';

/** What a mandate's instrument does: to the authorisation, then to each charge. */
export interface MandateOutcome {
  auth: { outcome: 'SUCCESS' | 'FAILED'; error?: ErrorTemplate };
  charge: { outcome: 'SUCCESS' | 'FAILED'; error?: ErrorTemplate };
}

const SUCCEEDS: MandateOutcome = { auth: { outcome: 'SUCCESS' }, charge: { outcome: 'SUCCESS' } };
const DEBITS_FAIL: MandateOutcome = {
  auth: { outcome: 'SUCCESS' },
  charge: { outcome: 'FAILED', error: PAYMENT_ERRORS.insufficientFunds },
};
const authFails = (error: ErrorTemplate | undefined): MandateOutcome => ({
  auth: { outcome: 'FAILED', error: error ?? PAYMENT_ERRORS.bankDeclined },
  charge: { outcome: 'FAILED', error: error ?? PAYMENT_ERRORS.bankDeclined },
});

/** The UPI test VPA whose mandate is approved and whose every debit fails. */
export const DEBIT_FAILING_VPA = 'testinsufficientfunds@gocash';
/** Last digits of an e-NACH / physical NACH account whose mandate the bank rejects. */
export const REJECTED_ACCOUNT_SUFFIX = '0000';
/** Last digits of an e-NACH / physical NACH account whose mandate registers and whose debits fail. */
export const DEBIT_FAILING_ACCOUNT_SUFFIX = '1111';

/**
 * The outcome of a mandate on `method` with `reference`: the VPA (upi), the card number (card) or
 * the bank account number (enach, pnach).
 *
 * @example
 * mandateOutcome('upi', 'testinsufficientfunds@gocash').charge.outcome; // 'FAILED'
 */
export function mandateOutcome(method: MandateMethod, reference: string): MandateOutcome {
  switch (method) {
    case 'upi': {
      if (reference.trim().toLowerCase() === DEBIT_FAILING_VPA) return DEBITS_FAIL;
      const vpa = lookUpVpa(reference);
      return vpa === undefined || vpa.outcome === 'SUCCESS' ? SUCCEEDS : authFails(vpa.error);
    }
    case 'card': {
      const card = TEST_CARDS[reference.replace(/\s/g, '')];
      return card === undefined || card.outcome === 'SUCCESS' ? SUCCEEDS : authFails(card.error);
    }
    case 'enach':
    case 'pnach':
      if (reference.endsWith(REJECTED_ACCOUNT_SUFFIX)) return authFails(PAYMENT_ERRORS.bankDeclined);
      if (reference.endsWith(DEBIT_FAILING_ACCOUNT_SUFFIX)) return DEBITS_FAIL;
      return SUCCEEDS;
  }
}
