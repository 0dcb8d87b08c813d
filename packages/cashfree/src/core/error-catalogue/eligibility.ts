import type { CatalogueRow } from './entry.js';

/** The error codes of the eligibility API. */
export const ELIGIBILITY_CODES: readonly CatalogueRow[] = [
  {
    code: 'queries_missing',
    status: [400],
    type: 'invalid_request_error',
    sdkError: 'BadRequestError',
    meaning: 'The eligibility request has no queries.',
    cause: 'POST /eligibility/payment_methods without the queries object, or with it null.',
    fix: 'Send `queries: { amount: 499 }` (rupees) or `queries: { order_id }`.',
  },
  {
    code: 'queries_invalid',
    status: [400],
    type: 'invalid_request_error',
    sdkError: 'BadRequestError',
    meaning: 'The eligibility queries name neither an amount nor an order.',
    cause: 'queries is not an object, or has neither amount nor order_id.',
    fix: 'Send `queries: { amount: 499 }` (rupees, at least 1) or `queries: { order_id: <your order id> }`.',
  },
  {
    code: 'queries.amount_invalid',
    status: [400],
    type: 'invalid_request_error',
    sdkError: 'BadRequestError',
    meaning: 'The amount to check eligibility for is invalid.',
    cause: 'Less than ₹1, more than 2 decimals, a string, or an amount in paise.',
    fix: 'Send rupees as a number with at most 2 decimals, at least 1 (₹499 is 499, not 49900).',
  },
  {
    code: 'filters.payment_methods_invalid',
    status: [400],
    type: 'invalid_request_error',
    sdkError: 'BadRequestError',
    meaning: 'The eligibility filter names a payment method type Cashfree does not know.',
    cause:
      'A checkout code such as `cc` or `nb`, or another spelling, in place of a type such as `credit_card` or `netbanking`.',
    fix: 'List types from ELIGIBILITY_METHOD_TYPES (`credit_card`, `debit_card`, `upi`, `netbanking`, `wallet`, …), or leave filters out for all of them.',
  },
];
