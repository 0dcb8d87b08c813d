import { PAYMENT_METHODS_ELIGIBILITY_CHECKS } from '../validation/eligibility.js';
import type { Operation } from './operation.js';

/**
 * The payment method types `POST /eligibility/payment_methods` answers for and filters by
 * (`filters.payment_methods`, the `entity_value` of each answer), as the contract lists them.
 *
 * @example
 * const cards = ELIGIBILITY_METHOD_TYPES.filter((type) => type.endsWith('_card')); // debit, credit, prepaid, corporate
 */
export const ELIGIBILITY_METHOD_TYPES = [
  'debit_card',
  'credit_card',
  'prepaid_card',
  'corporate_credit_card',
  'upi',
  'wallet',
  'netbanking',
  'banktransfer',
  'paylater',
  'paypal',
  'debit_card_emi',
  'credit_card_emi',
  'upi_credit_card',
  'upi_ppi',
  'cardless_emi',
  'account_based_payment',
] as const;

/**
 * The eligibility endpoints, one per `cashfree.eligibility` method.
 *
 * @example
 * const { method, path } = ELIGIBILITY_OPERATIONS.paymentMethods; // 'POST', '/eligibility/payment_methods'
 */
export const ELIGIBILITY_OPERATIONS = {
  paymentMethods: {
    operationId: 'PGEligibilityFetchPaymentMethods',
    product: 'pg',
    method: 'POST',
    path: '/eligibility/payment_methods',
    summary: 'Lists the payment methods an amount or an order can be paid with.',
    request: { entity: 'EligibilityFetchPaymentMethodsRequest', checks: PAYMENT_METHODS_ELIGIBILITY_CHECKS },
    query: undefined,
    response: 'EligibilityPaymentMethodsEntity[]',
    statuses: undefined,
    errors: [
      'order_not_found',
      'queries_missing',
      'queries_invalid',
      'filters.payment_methods_invalid',
      'request_body_invalid',
    ],
    effect: 'read',
    auth: 'api-keys',
    rateLimit: { bucket: 'other', perMinute: 60, per: 'app_id' },
    docs: 'https://www.cashfree.com/docs/api-reference/payments/latest/eligibility/get-eligible-payment-methods',
  },
} as const satisfies Record<string, Operation>;
