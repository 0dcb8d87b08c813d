/**
 * When a charge the owner asks for ("Charge now") can be debited at the earliest. Cashfree takes a
 * UPI Autopay or card charge only from the next day in India on (`SUBSCRIPTION_CHARGE_LEAD_DAYS`,
 * which cashfree-kit checks before the wire); the start of that day is the earliest. A mandate with
 * no stated lead time is charged from now, and the API decides.
 */
import { SUBSCRIPTION_CHARGE_LEAD_DAYS } from 'cashfree-kit';

const IST_OFFSET_MS = 330 * 60_000;
const DAY_MS = 24 * 60 * 60_000;

/** The lead time in days of a mandate's method (`upi`, `card`, …), 0 when Cashfree states none. */
export function chargeLeadDays(method: string | null | undefined): number {
  const leads: Readonly<Record<string, number>> = SUBSCRIPTION_CHARGE_LEAD_DAYS;
  return method && Object.hasOwn(leads, method) ? (leads[method] ?? 0) : 0;
}

/**
 * The earliest time a charge on a `method` mandate can be scheduled for, `now` being Cashfree's
 * time (on the local sandbox its clock, which may run ahead of this machine's): midnight in India
 * at the start of the day `lead` days after today there, or `now` itself without a lead time.
 */
export function earliestChargeTime(now: number, method: string | null | undefined): number {
  const lead = chargeLeadDays(method);
  if (lead === 0) return now;
  const today = Math.floor((now + IST_OFFSET_MS) / DAY_MS);
  return (today + lead) * DAY_MS - IST_OFFSET_MS;
}
