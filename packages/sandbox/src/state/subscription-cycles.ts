import { DAY_MS, HOUR_MS, IST_OFFSET_MS, MINUTE_MS } from '../clock/time.js';

/** A plan's `plan_interval_type`. */
export type IntervalType = 'DAY' | 'WEEK' | 'MONTH' | 'YEAR';

/**
 * UPI Autopay's pre-debit notification goes out at least 24 hours before the debit (NPCI's rule,
 * which Cashfree follows); other mandates are debited without one.
 */
export const UPI_PRE_DEBIT_NOTICE_MS = 24 * HOUR_MS;
/** An e-NACH / physical NACH debit sits PENDING about one bank day (the facts file). */
export const NACH_DEBIT_SETTLE_MS = DAY_MS;
/** UPI and card debits resolve within a minute in the sandbox. */
export const INSTANT_DEBIT_SETTLE_MS = MINUTE_MS;
/** A failed UPI Autopay debit is retried hourly. */
export const UPI_RETRY_INTERVAL_MS = HOUR_MS;

/**
 * How long the bank takes to approve a mandate that was authorised (BANK_APPROVAL_PENDING →
 * ACTIVE): a minute for UPI, a bank day for NACH; cards need no approval. The sandbox's choice:
 * Cashfree documents the status, not the delay.
 */
export function bankApprovalDelay(method: string): number {
  return method === 'enach' || method === 'pnach' ? DAY_MS : MINUTE_MS;
}

/**
 * `at` moved `count` intervals forward on the IST calendar: months and years keep the day of the
 * month, clamped to the month's last day (31 January → 28 or 29 February). Each cycle's debit is
 * the previous one moved by the plan's interval, so a month-end plan stays on the 28th after
 * February, as a merchant who resumes a plan on a new date expects it to follow that date.
 */
export function addIntervals(at: number, type: IntervalType, count: number): number {
  switch (type) {
    case 'DAY':
      return at + count * DAY_MS;
    case 'WEEK':
      return at + count * 7 * DAY_MS;
    case 'MONTH':
    case 'YEAR': {
      const months = type === 'MONTH' ? count : 12 * count;
      const ist = new Date(at + IST_OFFSET_MS);
      const day = ist.getUTCDate();
      const target = new Date(ist.getTime());
      target.setUTCDate(1);
      target.setUTCMonth(target.getUTCMonth() + months);
      const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
      target.setUTCDate(Math.min(day, lastDay));
      return target.getTime() - IST_OFFSET_MS;
    }
  }
}

/** When the work of a cycle debited at `debitAt` starts: its pre-debit notice for UPI, else the debit. */
export function cycleStartFor(debitAt: number, method: string | null): number {
  return method === 'upi' ? debitAt - UPI_PRE_DEBIT_NOTICE_MS : debitAt;
}

/** How long a presented debit stays PENDING before it resolves. */
export function debitSettleDelay(method: string | null): number {
  return method === 'enach' || method === 'pnach' ? NACH_DEBIT_SETTLE_MS : INSTANT_DEBIT_SETTLE_MS;
}
