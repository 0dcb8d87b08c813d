import { ELIGIBILITY_METHOD_TYPES, type EligibilityMethodType } from 'cashfree-kit';
import { bodyReader, invalid } from './fields.js';

/** A validated `POST /eligibility/payment_methods`. */
export interface EligibilityQuery {
  /** The order to answer for; its amount, status and `order_meta.payment_methods` decide. */
  orderId: string | undefined;
  /** The method types to answer for, in the contract's order; all of them when none are named. */
  types: readonly EligibilityMethodType[];
}

/**
 * Validates EligibilityFetchPaymentMethodsRequest in Cashfree's wording: `queries` with an
 * `amount` (rupees, at least 1, the contract's minimum) or an `order_id` (3–50 characters), and
 * `filters.payment_methods` naming only the contract's method types. An empty filter list is read
 * as no filter, as the contract's "by default all payment methods will be returned".
 */
export function parseEligibilityPaymentMethods(body: unknown): EligibilityQuery {
  const r = bodyReader(body);
  const queries = r.object('queries', { required: true })!;
  // The sandbox sets no amount limits per method, so a valid amount changes no answer.
  const amount = queries.amount('amount', { minRupees: 1 });
  const orderId = queries.string('order_id', { min: 3, max: 50 });
  if (amount === undefined && orderId === undefined) {
    throw invalid('queries', 'should have an order_id or an amount', queries.value);
  }
  const listed = r.object('filters')?.array('payment_methods') ?? [];
  const unknown = listed.find((m) => !(ELIGIBILITY_METHOD_TYPES as readonly unknown[]).includes(m));
  if (unknown !== undefined) {
    throw invalid(
      'filters.payment_methods',
      `should list only ${ELIGIBILITY_METHOD_TYPES.join(', ')}`,
      listed,
    );
  }
  const types =
    listed.length === 0
      ? ELIGIBILITY_METHOD_TYPES
      : ELIGIBILITY_METHOD_TYPES.filter((t) => listed.includes(t));
  return { orderId, types };
}
