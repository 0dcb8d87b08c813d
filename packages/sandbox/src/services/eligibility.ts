import type { EligibilityMethodType } from 'cashfree-kit';
import type { SandboxContext } from '../context.js';
import { orderDetails } from '../entities/order.js';
import { acceptsPayments } from '../state/order-machine.js';
import { allowedCodes, type CheckoutCode, isCodeAllowed } from '../test-instruments/payment-methods.js';
import type { EligibilityQuery } from '../validation/eligibility.js';
import { findOrder } from './orders.js';

/**
 * The eligibility method type each emulated `order_meta.payment_methods` code pays as. Keyed by
 * every code of the checkout's methods, so a method the sandbox starts emulating must be given a
 * type here before it compiles.
 */
const TYPE_OF_CODE: Readonly<Record<CheckoutCode, EligibilityMethodType>> = {
  cc: 'credit_card',
  dc: 'debit_card',
  ccc: 'corporate_credit_card',
  upi: 'upi',
  nb: 'netbanking',
  app: 'wallet',
};

/** One answer: a method type, whether it can pay, and the emulated method behind it (if any). */
export interface MethodEligibility {
  type: EligibilityMethodType;
  eligible: boolean;
  code: CheckoutCode | undefined;
}

/**
 * Which of the asked method types can pay. A type is eligible when the sandbox emulates it (its
 * checkout and Order Pay take it), the named order allows it in `order_meta.payment_methods`, and
 * the order can still be paid. The sandbox sets no amount limits per method (Order Pay takes any
 * amount of an order), so an amount alone makes every emulated type eligible.
 */
export function paymentMethodEligibility(ctx: SandboxContext, query: EligibilityQuery): MethodEligibility[] {
  const order = query.orderId === undefined ? undefined : findOrder(ctx, query.orderId);
  const payable = order === undefined || acceptsPayments(order.status);
  const codes = order && allowedCodes(orderDetails(order).order_meta?.['payment_methods']);
  const codeOf = new Map(
    (Object.entries(TYPE_OF_CODE) as [CheckoutCode, EligibilityMethodType][]).map(([c, t]) => [t, c]),
  );
  return query.types.map((type) => {
    const code = codeOf.get(type);
    return { type, code, eligible: payable && code !== undefined && isCodeAllowed(codes, code) };
  });
}
