import { DAY_MS, HOUR_MS, istDay, istMidnight } from '../clock/time.js';
import type { SettlementItemRow, SettlementStatus } from '../store/settlements.js';
import { move, refuse, stay, type Transition } from './result.js';

/**
 * The sandbox's settlement model (Cashfree's real fees depend on the merchant's plan):
 * - every captured payment is charged a 2% service charge plus 18% GST on that charge;
 * - refunds are debited from the next settlement without charges;
 * - payments and refunds of one IST day settle the next day (T+1): the settlement is initiated
 *   at 09:00 IST (SETTLEMENT_INITIATED) and transferred at 11:00 IST (SETTLEMENT_SUCCESS).
 */
export const SERVICE_CHARGE_RATE = 0.02;
export const GST_RATE = 0.18;
const INITIATE_AFTER_MIDNIGHT_MS = 9 * HOUR_MS;
const TRANSFER_AFTER_INITIATE_MS = 2 * HOUR_MS;

/** Service charge and its tax for a captured amount (paise, rounded to the paisa). */
export function serviceCharges(amount: number): { serviceCharge: number; serviceTax: number } {
  const serviceCharge = Math.round(amount * SERVICE_CHARGE_RATE);
  return { serviceCharge, serviceTax: Math.round(serviceCharge * GST_RATE) };
}

/** The settlement cycle an item at `eventTime` belongs to. */
export function settlementCycle(eventTime: number): { day: string; cutoff: number; initiateAt: number } {
  const day = istDay(eventTime);
  const cutoff = istMidnight(day) + DAY_MS;
  return { day, cutoff, initiateAt: cutoff + INITIATE_AFTER_MIDNIGHT_MS };
}

/** When an initiated settlement reaches the merchant's bank. */
export function transferTime(initiatedAt: number): number {
  return initiatedAt + TRANSFER_AFTER_INITIATE_MS;
}

/** The totals of a settlement carrying `items` (paise). */
export function settlementTotals(items: readonly SettlementItemRow[]): {
  paymentAmount: number;
  refundAmount: number;
  serviceCharge: number;
  serviceTax: number;
  amountSettled: number;
  paymentFrom: number;
  paymentTill: number;
} {
  let paymentAmount = 0;
  let refundAmount = 0;
  let serviceCharge = 0;
  let serviceTax = 0;
  let paymentFrom = Number.POSITIVE_INFINITY;
  let paymentTill = 0;
  for (const item of items) {
    if (item.kind === 'PAYMENT') paymentAmount += item.amount;
    else refundAmount += item.amount;
    serviceCharge += item.service_charge;
    serviceTax += item.service_tax;
    paymentFrom = Math.min(paymentFrom, item.event_time);
    paymentTill = Math.max(paymentTill, item.event_time);
  }
  return {
    paymentAmount,
    refundAmount,
    serviceCharge,
    serviceTax,
    amountSettled: paymentAmount - refundAmount - serviceCharge - serviceTax,
    paymentFrom: items.length ? paymentFrom : 0,
    paymentTill,
  };
}

/** PENDING (initiated) → SUCCESS (transferred). */
export function nextSettlementStatus(
  current: SettlementStatus,
  target: SettlementStatus,
): Transition<SettlementStatus> {
  if (current === target) return stay(current);
  return current === 'PENDING'
    ? move(current, target)
    : refuse('settlement_invalid', `settlement is already ${current}`);
}
