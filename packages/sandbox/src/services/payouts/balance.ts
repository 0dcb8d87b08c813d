import type { SandboxContext } from '../../context.js';
import { toPaise } from '../../util/money.js';

/**
 * What a successful transfer costs besides its amount: a service charge of ₹1.00 plus 18 % GST on
 * it (₹0.18), the figures of Cashfree's SUCCESS example. Real charges depend on the plan and mode.
 */
export const TRANSFER_FEE = { serviceCharge: 100, serviceTax: 18 } as const;

/** Paise a transfer reserves when it goes to the bank: its amount and the fee. */
export function transferCost(amount: number): number {
  return amount + TRANSFER_FEE.serviceCharge + TRANSFER_FEE.serviceTax;
}

/** The Payouts balance in paise. */
export function payoutBalance(ctx: SandboxContext): number {
  return ctx.store.payouts.balance(toPaise(ctx.config.payouts.startingBalance) ?? 0);
}

/** Adds `paise` (negative to take) to the balance. Call inside a transaction. */
export function adjustPayoutBalance(ctx: SandboxContext, paise: number): number {
  const next = payoutBalance(ctx) + paise;
  ctx.store.payouts.setBalance(next);
  return next;
}
