import type { RequestOptions } from '../core/options.js';
import {
  type ELIGIBILITY_METHOD_TYPES,
  ELIGIBILITY_OPERATIONS as endpoints,
} from '../operations/eligibility.js';
import { ApiResource } from './resource.js';

/**
 * Eligibility: which payment methods an amount or an order can be paid with, before you show a
 * checkout of your own.
 *
 * @example
 * const methods = await cashfree.eligibility.paymentMethods({ queries: { amount: 499 } });
 * const offered = methods.filter((m) => m.eligibility).map((m) => m.entity_value);
 * @see https://www.cashfree.com/docs/api-reference/payments/latest/eligibility/get-eligible-payment-methods
 */
export class Eligibility extends ApiResource {
  /**
   * `POST /eligibility/payment_methods`: one entry per payment method type, each saying whether
   * it can be used and, for some, which banks or providers. Send `queries.amount` (rupees) or
   * `queries.order_id`; narrow the answer with `filters.payment_methods`.
   *
   * @example
   * const [netbanking] = await cashfree.eligibility.paymentMethods({
   *   queries: { amount: 499 },
   *   filters: { payment_methods: ['netbanking'] },
   * });
   * console.log(netbanking?.entity_details?.payment_method_details?.map((bank) => bank.code));
   */
  paymentMethods(
    body: EligibilityFetchPaymentMethodsRequest,
    options?: RequestOptions,
  ): Promise<EligibilityPaymentMethodsEntity[]> {
    return this.send(endpoints.paymentMethods, {}, { body }, options);
  }
}

/**
 * A payment method type of the eligibility API, one of {@link ELIGIBILITY_METHOD_TYPES}.
 *
 * @example
 * const type: EligibilityMethodType = 'netbanking';
 */
export type EligibilityMethodType = (typeof ELIGIBILITY_METHOD_TYPES)[number];

/**
 * Body of `POST /eligibility/payment_methods` (`EligibilityFetchPaymentMethodsRequest`).
 *
 * @example
 * const request: EligibilityFetchPaymentMethodsRequest = {
 *   queries: { order_id: 'order_001' },
 *   filters: { payment_methods: ['upi', 'credit_card'] },
 * };
 */
export interface EligibilityFetchPaymentMethodsRequest {
  /** `amount` (rupees, at least 1) or `order_id` (3–50 characters): one of them is required. */
  queries: { amount?: number; order_id?: string };
  /** The method types to answer for; all of them when left out. */
  filters?: { payment_methods?: EligibilityMethodType[] };
}

/**
 * One bank, network or provider within a payment method type (`PaymentModeDetails`).
 *
 * @example
 * const bank: PaymentModeDetails = { nick: 'test_bank', display: 'TEST Bank', eligibility: true, code: 3333 };
 */
export interface PaymentModeDetails {
  nick?: string;
  display?: string;
  eligibility?: boolean;
  /** The bank code to pay with, for netbanking (`netbanking_bank_code`). */
  code?: number;
}

/**
 * Whether one payment method type can be used (`EligibilityPaymentMethodsEntity`).
 *
 * @example
 * const [first]: EligibilityPaymentMethodsEntity[] = await cashfree.eligibility.paymentMethods({ queries: { amount: 100 } });
 * if (first?.eligibility) console.log(first.entity_value, 'can be offered');
 */
export interface EligibilityPaymentMethodsEntity {
  eligibility?: boolean;
  /** `payment_methods`. */
  entity_type?: string;
  /** The method type: `netbanking`, `upi`, `credit_card`, … */
  entity_value?: EligibilityMethodType | (string & {});
  entity_details?: { payment_method_details?: PaymentModeDetails[] };
}
