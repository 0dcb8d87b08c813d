import type { FieldRule } from './checks.js';

/**
 * What `eligibility.paymentMethods` checks before anything is sent: `queries` is an object, and
 * when given `queries.amount` is rupees of at least 1 and `queries.order_id` an order id of 3–50
 * characters (the contract's limits). That one of the two is present is left to the API, as a
 * rule names one field.
 *
 * @example
 * const checked = PAYMENT_METHODS_ELIGIBILITY_CHECKS.map((rule) => rule.field); // ['queries', 'queries.amount', 'queries.order_id']
 */
export const PAYMENT_METHODS_ELIGIBILITY_CHECKS: readonly FieldRule[] = [
  { field: 'queries', required: true, check: { kind: 'object' } },
  { field: 'queries.amount', required: false, check: { kind: 'rupees', min: 1, exclusive: false } },
  { field: 'queries.order_id', required: false, check: { kind: 'id', min: 3, max: 50 } },
];
