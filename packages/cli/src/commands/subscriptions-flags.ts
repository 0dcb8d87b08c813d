/** Flag values of the subscription commands, turned into what the API takes. */
import { SUBSCRIPTION_PAYMENT_METHODS, type SubscriptionPaymentMethodName } from 'cashfree-kit';
import { CliError } from '../output/exit-codes.js';

const IST_OFFSET_MS = (5 * 60 + 30) * 60_000;
const DAY_MS = 24 * 60 * 60_000;

/**
 * 10:00 India time on the day after `now` (India time), as ISO 8601 with its offset: the earliest
 * day a UPI or card charge may be scheduled for (`SUBSCRIPTION_CHARGE_LEAD_DAYS`).
 */
export function tomorrowInIndia(now: number): string {
  const tomorrow = Math.floor((now + IST_OFFSET_MS) / DAY_MS) + 1;
  return `${new Date(tomorrow * DAY_MS).toISOString().slice(0, 10)}T10:00:00+05:30`;
}

/** `upi, card` → `['upi', 'card']`, each a mandate method; undefined when the flag is not given. */
export function methodsFlag(value: string | undefined): SubscriptionPaymentMethodName[] | undefined {
  if (value === undefined) return undefined;
  const methods = value
    .split(',')
    .map((item) => item.trim().toLowerCase())
    .filter((item) => item !== '');
  const known: readonly string[] = SUBSCRIPTION_PAYMENT_METHODS;
  const unknown = methods.filter((method) => !known.includes(method));
  if (methods.length === 0 || unknown.length > 0) {
    throw new CliError(
      `--methods takes a comma-separated list of ${SUBSCRIPTION_PAYMENT_METHODS.join(', ')}; received '${value}'.`,
    );
  }
  return methods as SubscriptionPaymentMethodName[];
}

/** `change-plan` → `CHANGE_PLAN`: an action as the API spells it (the row's check names a wrong one). */
export function actionArgument(value: string): string {
  return value.trim().toUpperCase().replace(/-/g, '_');
}
