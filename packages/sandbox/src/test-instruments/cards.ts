import { type ErrorTemplate, PAYMENT_ERRORS } from './errors.js';

/** What the sandbox knows about a test card. */
export interface TestCard {
  network: 'visa' | 'mastercard' | 'rupay' | 'amex';
  type: 'credit_card' | 'debit_card';
  /** Cashfree's `card_sub_type`: R retail, P premium, C corporate. */
  subType: 'R' | 'P' | 'C';
  bank: string;
  /** The outcome after the OTP step. */
  outcome: 'SUCCESS' | 'FAILED';
  error?: ErrorTemplate;
}

const success = (
  network: TestCard['network'],
  type: TestCard['type'],
  subType: TestCard['subType'],
  bank: string,
): TestCard => ({
  network,
  type,
  subType,
  bank,
  outcome: 'SUCCESS',
});

/**
 * The seed's two cards (4111 1111 1111 1111 succeeds, 4111 1111 1111 1112 is declined) and
 * Cashfree's documented sandbox cards, all authenticated with OTP 111000 (any future expiry, CVV
 * 123). Issuing banks are the sandbox's choice.
 *
 * @example
 * const declined = Object.entries(TEST_CARDS).filter(([, card]) => card.outcome !== 'SUCCESS').map(([number]) => number);
 * @see https://www.cashfree.com/docs/payments/online/resources/sandbox-environment
 */
export const TEST_CARDS: Readonly<Record<string, TestCard>> = {
  '4111111111111111': success('visa', 'credit_card', 'R', 'HDFC Bank'),
  '4111111111111112': {
    network: 'visa',
    type: 'credit_card',
    subType: 'R',
    bank: 'HDFC Bank',
    outcome: 'FAILED',
    error: PAYMENT_ERRORS.cardDeclined,
  },
  '4706131211212123': success('visa', 'debit_card', 'R', 'Axis Bank'),
  '4062288312345026': success('visa', 'debit_card', 'R', 'State Bank of India'),
  '4576238912771450': success('visa', 'credit_card', 'R', 'ICICI Bank'),
  '4444333322221111': success('visa', 'credit_card', 'R', 'Kotak Mahindra Bank'),
  '4466050254381183': success('visa', 'credit_card', 'P', 'HDFC Bank'),
  '4136880012657791': success('visa', 'credit_card', 'P', 'Axis Bank'),
  '4074970084343075': success('visa', 'credit_card', 'C', 'ICICI Bank'),
  '4770355457382883': success('visa', 'credit_card', 'C', 'Yes Bank'),
  '5409162669381034': success('mastercard', 'debit_card', 'R', 'Kotak Mahindra Bank'),
  '5445856839524391': success('mastercard', 'debit_card', 'R', 'HDFC Bank'),
  '5105105105105100': success('mastercard', 'credit_card', 'R', 'State Bank of India'),
  '5176539438527826': success('mastercard', 'credit_card', 'R', 'RBL Bank'),
  '5242535837492075': success('mastercard', 'credit_card', 'P', 'ICICI Bank'),
  '5203860658394375': success('mastercard', 'credit_card', 'P', 'IndusInd Bank'),
  '5552190758372734': success('mastercard', 'credit_card', 'C', 'Axis Bank'),
  '5506908329471983': success('mastercard', 'credit_card', 'C', 'HDFC Bank'),
  '6074825972083818': success('rupay', 'debit_card', 'R', 'State Bank of India'),
  '6074828163369590': success('rupay', 'debit_card', 'R', 'Punjab National Bank'),
  '6528591234543575': success('rupay', 'credit_card', 'R', 'Bank of Baroda'),
  // Published with 14 digits; kept as published so that copying it from the docs works.
  '65292523412356': success('rupay', 'credit_card', 'R', 'Union Bank of India'),
};

/**
 * The expiry to pay with in tests, examples and fixtures, as `card_expiry_mm`/`card_expiry_yy` and
 * as typed into the checkout's MM/YY field. Cashfree takes any future expiry for 4111 1111 1111
 * 1111 (its test-data page prints 03/2028 beside the domestic cards), and the local sandbox
 * refuses an expired card by its clock; a date that runs out would break every card payment in
 * the tests on that day, so this one is far off, and cards.test.ts fails once it is less than
 * five years away.
 *
 * @example
 * const card = { channel: 'post', card_number: '4111111111111111', card_expiry_mm: TEST_CARD_EXPIRY.mm, card_expiry_yy: TEST_CARD_EXPIRY.yy, card_cvv: '123' };
 */
export const TEST_CARD_EXPIRY = { mm: '12', yy: '45', mmYy: '12/45' } as const;

/** Luhn check: catches typos in card numbers. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

function networkOf(digits: string): TestCard['network'] {
  if (/^3[47]/.test(digits)) return 'amex';
  if (/^(5[1-5]|2[2-7])/.test(digits)) return 'mastercard';
  if (/^(6|8[12])/.test(digits)) return 'rupay';
  return 'visa';
}

/**
 * The test card for a number (spaces allowed), or `undefined` when the number is not a card at
 * all. Any other Luhn-valid number behaves like a successful retail credit card, as the real
 * sandbox accepts other well-formed cards.
 */
export function lookUpCard(cardNumber: string): TestCard | undefined {
  const digits = cardNumber.replace(/[\s-]/g, '');
  const known = TEST_CARDS[digits];
  if (known) return known;
  if (!/^\d{12,19}$/.test(digits) || !passesLuhn(digits)) return undefined;
  return success(networkOf(digits), 'credit_card', 'R', 'Sandbox Test Bank');
}

/** `XXXXXXXXXXXX1111`: how Cashfree shows a card number in payments and webhooks. */
export function maskCardNumber(cardNumber: string): string {
  const digits = cardNumber.replace(/[\s-]/g, '');
  return `${'X'.repeat(Math.max(digits.length - 4, 0))}${digits.slice(-4)}`;
}
