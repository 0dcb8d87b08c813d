import { SUBSCRIPTION_CHARGE_LEAD_DAYS } from '../operations/subscriptions-checks.js';
import { reject } from '../validation/rules.js';

/** India Standard Time, in which Cashfree counts a charge's days: UTC+05:30, no daylight saving. */
const IST_OFFSET_MS = (5 * 60 + 30) * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Refuses a `CHARGE` whose `payment_schedule_date` is sooner than its instrument allows: a UPI or
 * card charge must be scheduled for tomorrow (India time) or later ({@link SUBSCRIPTION_CHARGE_LEAD_DAYS}).
 * Only when the request names the instrument (`payment_method.upi` / `.card`) and the date: the
 * SDK does not know a subscription's mandate otherwise, and leaves it to the API. `now` is this
 * machine's clock; a sandbox whose clock was moved ahead only accepts later dates still, so the
 * check never refuses what the sandbox would take.
 *
 * @throws ValidationError naming `payment_schedule_date`, the earliest date, and the fix
 */
export function checkChargeLeadTime(body: unknown, now: number = Date.now()): void {
  if (typeof body !== 'object' || body === null) return;
  const { payment_type, payment_schedule_date, payment_method } = body as Record<string, unknown>;
  if (payment_type !== 'CHARGE' || typeof payment_schedule_date !== 'string') return;
  if (typeof payment_method !== 'object' || payment_method === null) return;
  const scheduled = istDay(payment_schedule_date);
  if (scheduled === undefined) return; // the row's pattern check names a malformed date
  for (const [method, days] of Object.entries(SUBSCRIPTION_CHARGE_LEAD_DAYS)) {
    if (!(method in payment_method)) continue;
    const earliest = Math.floor((now + IST_OFFSET_MS) / DAY_MS) + days;
    if (scheduled < earliest) {
      const date = new Date(earliest * DAY_MS).toISOString().slice(0, 10);
      reject(
        'payment_schedule_date',
        payment_schedule_date,
        `is too soon for a ${method} charge, which Cashfree takes ${days} day${days === 1 ? '' : 's'} ahead or more`,
        `Schedule it on ${date} (India time) or later.`,
      );
    }
  }
}

/** The day (days since 1970-01-01) in India of a schedule date; one without an offset is India time. */
function istDay(text: string): number | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:\d{2})?)?$/.exec(
    text,
  );
  if (!match) return undefined;
  const [, date, time, offset] = match;
  if (offset === undefined) {
    const ms = Date.parse(`${date}T00:00:00Z`);
    return Number.isNaN(ms) ? undefined : Math.floor(ms / DAY_MS);
  }
  const ms = Date.parse(`${date}T${time}${offset}`);
  return Number.isNaN(ms) ? undefined : Math.floor((ms + IST_OFFSET_MS) / DAY_MS);
}
