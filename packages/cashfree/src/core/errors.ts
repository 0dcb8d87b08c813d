/**
 * Every error cashfree-kit throws carries this brand. `Symbol.for` uses the global symbol registry,
 * so the brand survives a second installed copy of the package and other realms, where
 * `instanceof` fails.
 */
const brand = Symbol.for('cashfree-kit.error');

/**
 * The root of every error this SDK throws. Catch `CashfreeError` to handle them all; use
 * `isCashfreeError()` when the error may come from another copy of the package.
 */
export class CashfreeError extends Error {
  override name = 'CashfreeError';
  declare readonly [brand]: true;
}
Object.defineProperty(CashfreeError.prototype, brand, { value: true });

/** True for any error thrown by cashfree-kit, even from a second installed copy. */
export function isCashfreeError(error: unknown): error is CashfreeError {
  return error instanceof CashfreeError || (typeof error === 'object' && error !== null && brand in error);
}
