import { formatRupees } from 'cashfree-kit';

/**
 * Amounts are stored as integer paise so that sums of refunds and settlements never drift the
 * way `0.1 + 0.2` does; they go back to rupees (a JSON number with up to two decimals) on the wire.
 */

/**
 * Rupees → paise, or `undefined` when the value is not a finite amount with at most two decimals,
 * or so large that its paise are no longer an exact integer (1e21 rupees would be stored, and
 * echoed, as 999999999999999900000).
 */
export function toPaise(rupees: number): number | undefined {
  if (typeof rupees !== 'number' || !Number.isFinite(rupees)) return undefined;
  const paise = Math.round(rupees * 100);
  if (!Number.isSafeInteger(paise)) return undefined;
  if (Math.abs(rupees * 100 - paise) > 1e-6) return undefined;
  return paise;
}

/** Paise → rupees as a JSON number (`1034` → `10.34`). */
export function toRupees(paise: number): number {
  return paise / 100;
}

/** Paise → `"10.34"`, for messages, UPI deep links and link webhooks: the SDK's `formatRupees`. */
export function formatPaise(paise: number): string {
  return formatRupees(toRupees(paise));
}
