/**
 * "Tea of the month": the one subscription the shop sells, a tin of the month's tea every month for
 * ₹499. The plan is the shop's own, under its own id, created with Cashfree once (see
 * shop-subscriptions.ts); a different price or interval would be a new plan under a new id, since a
 * customer's mandate was given for this one.
 */
import { type CreatePlanRequest, rupeesToPaise, type SubscriptionPaymentMethodName } from 'cashfree-kit';

export const TEA_PLAN = {
  plan_id: 'pahadi_tea_of_the_month_499',
  name: 'Tea of the month',
  subtitle: 'A 100 g tin of the season’s tea, every month',
  amountPaise: 49_900,
  /** A charge every month: the same day of the month as the first. */
  intervalType: 'MONTH',
  intervals: 1,
  note: 'Pahadi Tea Co. · Tea of the month, 100 g',
  /** The mandates the customer may choose on the mandate page: each one charges at once on the day. */
  paymentMethods: ['upi', 'card'] satisfies SubscriptionPaymentMethodName[],
} as const;

/** `POST /plans` for the tea plan: a fixed ₹499 every month, at most ₹499 a charge. */
export function teaPlanRequest(): CreatePlanRequest {
  const rupees = TEA_PLAN.amountPaise / 100;
  return {
    plan_id: TEA_PLAN.plan_id,
    plan_name: TEA_PLAN.name,
    plan_type: 'PERIODIC',
    plan_currency: 'INR',
    plan_recurring_amount: rupees,
    plan_max_amount: rupees,
    plan_intervals: TEA_PLAN.intervals,
    plan_interval_type: TEA_PLAN.intervalType,
    plan_note: TEA_PLAN.note,
  };
}

/** The most one charge on the tea plan may be, in paise: its `plan_max_amount` ("Charge now"'s bound). */
export function planMaxPaise(): number {
  return rupeesToPaise(teaPlanRequest().plan_max_amount);
}

const IST_OFFSET_MS = 330 * 60_000;

/** `at` one calendar month later in India, the day clamped to the month's last (31 Jan → 28 Feb). */
export function oneMonthAfter(at: number): number {
  const ist = new Date(at + IST_OFFSET_MS);
  const day = ist.getUTCDate();
  const target = new Date(ist.getTime());
  target.setUTCDate(1);
  target.setUTCMonth(target.getUTCMonth() + 1);
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.getTime() - IST_OFFSET_MS;
}

/** `2026-12-07T18:30:00+05:30`: India time with its offset, as Cashfree's time fields take it. */
export function istTime(at: number): string {
  const ist = new Date(Math.floor(at / 1000) * 1000 + IST_OFFSET_MS);
  return `${ist.toISOString().slice(0, 19)}+05:30`;
}

/** A time field of Cashfree's answer as epoch ms; `undefined` for "" or anything unreadable. */
export function readTime(text: string | null | undefined): number | undefined {
  if (!text) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : at;
}
