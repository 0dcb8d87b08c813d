import { SandboxHttpError } from '../http/errors.js';
import { TEST_CARD_EXPIRY } from '../test-instruments/cards.js';
import type { CheckoutMethod } from '../test-instruments/payment-methods.js';
import { cardExpired } from '../validation/card-expiry.js';
import { type PayOrderRequest, parsePayOrder } from '../validation/order-pay.js';

/**
 * What the customer typed in one checkout tab, checked the way a checkout checks it: every field
 * that is wrong is named at once, in the customer's words, next to what they typed (which the
 * page shows again, the CVV excepted). Order Pay's own validation runs after these checks and
 * its refusals are put in the customer's words too.
 */

/** The form fields of each tab, as the page names its inputs. */
export const FORM_FIELDS: Record<CheckoutMethod, readonly string[]> = {
  card: ['card_number', 'card_expiry', 'card_cvv', 'card_holder_name'],
  upi: ['upi_id'],
  netbanking: ['netbanking_bank_code'],
  app: ['provider', 'phone'],
};

/** A field the customer has to correct, and what to tell them. */
export interface FieldProblem {
  field: string;
  message: string;
}

export type PayFormResult =
  | { ok: true; request: PayOrderRequest }
  | { ok: false; problems: FieldProblem[]; values: Record<string, string> };

const EXPIRY = /^(\d{1,2})\s*\/\s*(\d{2}|\d{4})$/;

/** The typed values worth showing again: never the CVV. */
function keptValues(method: CheckoutMethod, get: (name: string) => string | undefined) {
  const values: Record<string, string> = {};
  for (const field of FORM_FIELDS[method]) {
    const value = get(field);
    if (value !== undefined && field !== 'card_cvv') values[field] = value;
  }
  return values;
}

function cardProblems(get: (name: string) => string | undefined, now: number): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const number = (get('card_number') ?? '').replace(/[\s-]/g, '');
  if (number === '') problems.push({ field: 'card_number', message: 'Enter the card number.' });
  else if (!/^\d{12,19}$/.test(number)) {
    problems.push({ field: 'card_number', message: 'Enter the full card number: 12 to 19 digits.' });
  }
  const expiry = EXPIRY.exec(get('card_expiry') ?? '');
  const month = expiry ? Number(expiry[1]) : 0;
  if (!get('card_expiry'))
    problems.push({ field: 'card_expiry', message: 'Enter the expiry date as MM/YY.' });
  else if (!expiry || month < 1 || month > 12) {
    problems.push({
      field: 'card_expiry',
      message: `Enter the expiry date as MM/YY, for example ${TEST_CARD_EXPIRY.mmYy}.`,
    });
  } else if (cardExpired(String(month).padStart(2, '0'), expiry[2]!.slice(-2), now)) {
    problems.push({
      field: 'card_expiry',
      message: 'This card has expired. Check the date, or use a card that has not expired.',
    });
  }
  if (!/^\d{3,4}$/.test(get('card_cvv') ?? '')) {
    problems.push({ field: 'card_cvv', message: 'Enter the 3 or 4 digit CVV from the back of the card.' });
  }
  return problems;
}

function otherProblems(method: CheckoutMethod, get: (name: string) => string | undefined): FieldProblem[] {
  if (method === 'upi') {
    const vpa = get('upi_id') ?? '';
    if (vpa === '') return [{ field: 'upi_id', message: 'Enter your UPI ID.' }];
    if (!/^[^@\s]+@[^@\s]+$/.test(vpa)) {
      return [{ field: 'upi_id', message: 'Enter a UPI ID like name@bank.' }];
    }
  }
  if (method === 'app' && !/^\d{10}$/.test((get('phone') ?? '').replace(/[\s-]/g, ''))) {
    return [{ field: 'phone', message: 'Enter the 10-digit mobile number of the wallet.' }];
  }
  return [];
}

/** Order Pay's refusal of a field, in the customer's words (its `code` names the field). */
function customerWording(error: SandboxHttpError): FieldProblem {
  const code = error.code;
  if (code.startsWith('card_number')) {
    return {
      field: 'card_number',
      message: 'This card number is not one of the sandbox’s test cards: use 4111 1111 1111 1111.',
    };
  }
  if (code.startsWith('card_expiry')) {
    return {
      field: 'card_expiry',
      message: 'Check the expiry date: it should be MM/YY and not in the past.',
    };
  }
  if (code.startsWith('card_cvv')) {
    return { field: 'card_cvv', message: 'Enter the 3 or 4 digit CVV from the back of the card.' };
  }
  if (code.startsWith('upi_id') || code.startsWith('vpa')) {
    return {
      field: 'upi_id',
      message: 'This UPI ID is not one of the sandbox’s test UPI IDs: use success@cashfree.',
    };
  }
  if (code.startsWith('phone')) {
    return { field: 'phone', message: 'Enter the 10-digit mobile number of the wallet.' };
  }
  if (code.startsWith('provider')) return { field: 'provider', message: 'Choose a wallet from the list.' };
  if (code.startsWith('netbanking')) return { field: 'netbanking_bank_code', message: 'Choose your bank.' };
  return { field: '', message: 'This payment method cannot be used for this order. Choose another.' };
}

/**
 * Checks one tab's fields and builds Order Pay's request from them; `now` is the sandbox clock,
 * which decides whether a card has expired.
 */
export function readPayForm(
  sessionId: string,
  method: CheckoutMethod,
  get: (name: string) => string | undefined,
  paymentMethod: unknown,
  now: number,
): PayFormResult {
  const values = keptValues(method, get);
  const problems = method === 'card' ? cardProblems(get, now) : otherProblems(method, get);
  if (problems.length > 0) return { ok: false, problems, values };
  try {
    return {
      ok: true,
      request: parsePayOrder({ payment_session_id: sessionId, payment_method: paymentMethod }, now),
    };
  } catch (error) {
    if (error instanceof SandboxHttpError) return { ok: false, problems: [customerWording(error)], values };
    throw error;
  }
}
