import type { SubscriptionPaymentMethodName } from 'cashfree-kit';
import type { SandboxContext } from '../../context.js';
import { subscriptionDetails } from '../../entities/subscription.js';
import type { SubscriptionRow } from '../../store/subscriptions/subscriptions.js';
import { mandateOutcome } from '../../test-instruments/mandates.js';
import { randomAlphanumeric } from '../../util/ids.js';
import type { MandateInstrument } from '../../validation/subscriptions.js';
import { finishAuthorisation, requestAuthorisation } from './payments.js';
import {
  approveBankMandate,
  authPaymentOf,
  findSubscription,
  instrumentOf,
  SUBSCRIPTION_BANK_APPROVAL,
} from './subscriptions.js';

/**
 * The instrument the admin call authorises with when none is named: one whose mandate and debits
 * succeed, for each method.
 */
const SUCCEEDING: Readonly<Record<SubscriptionPaymentMethodName, string>> = {
  upi: 'success@cashfree',
  card: '4111111111111111',
  enach: '59108290701802',
  pnach: '59108290701802',
};

/** What the admin call asks for. */
export interface AdminAuthorisation {
  /** The method; default: the pending AUTH's, else the first the subscription allows. */
  method?: SubscriptionPaymentMethodName | undefined;
  /** VPA, card or account number; default: one that succeeds. */
  reference?: string | undefined;
  /** Forces the customer's answer; default: the instrument's test data. */
  outcome?: 'SUCCESS' | 'FAILED' | undefined;
  /** Leave a UPI or NACH mandate in BANK_APPROVAL_PENDING (its approval job still runs later). */
  waitForBank?: boolean | undefined;
}

/**
 * Authorises a subscription's mandate without a browser (what the customer does in the UPI app,
 * on the bank's e-NACH page or with the card OTP): the pending AUTH resolves now, or one is made
 * and resolved; then, unless asked to wait, the bank approves at once. Call inside `ctx.transact`.
 */
export function authoriseNow(
  ctx: SandboxContext,
  subscriptionId: string,
  request: AdminAuthorisation,
): SubscriptionRow {
  const sub = findSubscription(ctx, subscriptionId);
  let payment = authPaymentOf(ctx, sub);
  let instrument = instrumentOf(sub);
  const switching = request.method !== undefined && request.method !== instrument?.method;
  if (payment?.status !== 'PENDING' || switching || request.reference !== undefined) {
    const method =
      request.method ?? instrument?.method ?? subscriptionDetails(sub).payment_methods[0] ?? 'upi';
    const next: MandateInstrument = {
      method,
      reference: request.reference ?? SUCCEEDING[method],
      channel: null,
    };
    payment = requestAuthorisation(ctx, sub, `auth_${randomAlphanumeric(12)}`, next, null);
    instrument = next;
  }
  const outcome = request.outcome
    ? { outcome: request.outcome }
    : mandateOutcome(instrument?.method ?? 'upi', instrument?.reference ?? '').auth;
  finishAuthorisation(ctx, sub, payment, outcome);
  if (sub.status === 'BANK_APPROVAL_PENDING' && !request.waitForBank) {
    ctx.scheduler.cancel(SUBSCRIPTION_BANK_APPROVAL, sub.cf_subscription_id);
    approveBankMandate(ctx, sub.cf_subscription_id);
  }
  return findSubscription(ctx, subscriptionId);
}
