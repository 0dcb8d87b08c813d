/**
 * The payment methods the sandbox emulates, each with the `order_meta.payment_methods` codes that
 * allow it: the hosted checkout offers these, and the eligibility API answers from them.
 *
 * @example
 * const keys = CHECKOUT_METHODS.map((m) => m.key); // ['card', 'upi', 'netbanking', 'app']
 */
export const CHECKOUT_METHODS = [
  { key: 'card', label: 'Card', codes: ['cc', 'dc', 'ccc'] },
  { key: 'upi', label: 'UPI', codes: ['upi'] },
  { key: 'netbanking', label: 'Net banking', codes: ['nb'] },
  { key: 'app', label: 'Wallet', codes: ['app'] },
] as const;

/** A checkout method key. */
export type CheckoutMethod = (typeof CHECKOUT_METHODS)[number]['key'];

/** An `order_meta.payment_methods` code of an emulated method (`cc`, `upi`, …). */
export type CheckoutCode = (typeof CHECKOUT_METHODS)[number]['codes'][number];

/**
 * The codes an order's `order_meta.payment_methods` lists (`'cc,upi'`), or undefined when it
 * lists none, which allows every method.
 */
export function allowedCodes(paymentMethods: unknown): string[] | undefined {
  if (typeof paymentMethods !== 'string' || paymentMethods.trim() === '') return undefined;
  return paymentMethods.split(',').map((code) => code.trim());
}

/**
 * Whether an order whose `order_meta.payment_methods` lists `codes` (undefined: all) may be paid
 * with the method of `code`. A corporate credit card (`ccc`) is also allowed by `cc`, as Order Pay
 * allows it.
 */
export function isCodeAllowed(codes: readonly string[] | undefined, code: CheckoutCode): boolean {
  return codes === undefined || codes.includes(code) || (code === 'ccc' && codes.includes('cc'));
}
