import type { SandboxContext } from '../../context.js';
import { badRequest, notFound } from '../../http/errors.js';
import type { SubscriptionPaymentRow } from '../../store/subscriptions/payments.js';
import { errorForCode } from '../../test-instruments/errors.js';
import {
  finishAuthorisation,
  finishCharge,
  SUBSCRIPTION_AUTH_RESOLVE,
  SUBSCRIPTION_CHARGE_DEBIT,
  SUBSCRIPTION_CHARGE_RESOLVE,
} from './payments.js';

/**
 * `POST /simulate` with `entity: SUBS_PAYMENTS` (Cashfree's documented way to decide a subscription
 * payment in its sandbox): `entity_id` is the merchant's `payment_id`. SUCCESS or FAILED (with
 * `payment_error_code`) decides a pending AUTH, or a CHARGE not yet finished (one still waiting
 * for its debit is debited now); PENDING stops the automatic resolution so the payment stays
 * pending. Call inside `ctx.transact`.
 */
export function simulateSubscriptionPayment(
  ctx: SandboxContext,
  paymentId: string,
  status: 'SUCCESS' | 'FAILED' | 'PENDING',
  errorCode: string | undefined,
): SubscriptionPaymentRow {
  const payment = ctx.store.subscriptions.payments.latestByPaymentId(paymentId);
  const sub = payment && ctx.store.subscriptions.subscriptions.byId(payment.cf_subscription_id);
  if (!payment || !sub) {
    throw notFound(
      'entity_id_invalid',
      `entity_id : no subscription payment with this payment_id. Value received: ${paymentId}`,
    );
  }
  if (payment.status !== 'INITIALIZED' && payment.status !== 'PENDING') {
    throw badRequest(
      'entity_id_invalid',
      `entity_id : subscription payment is already ${payment.status}; only an INITIALIZED or PENDING one can be simulated. Value received: ${paymentId}`,
    );
  }
  if (status === 'PENDING') {
    ctx.scheduler.cancel(SUBSCRIPTION_AUTH_RESOLVE, payment.cf_payment_id);
    ctx.scheduler.cancel(SUBSCRIPTION_CHARGE_RESOLVE, payment.cf_payment_id);
    return payment;
  }
  const outcome = { outcome: status, error: status === 'FAILED' ? errorForCode(errorCode) : undefined };
  if (payment.payment_type === 'AUTH') {
    finishAuthorisation(ctx, sub, payment, outcome);
  } else {
    ctx.scheduler.cancel(SUBSCRIPTION_CHARGE_DEBIT, payment.cf_payment_id);
    finishCharge(ctx, sub, payment, outcome, false);
  }
  return ctx.store.subscriptions.payments.byId(payment.cf_payment_id) ?? payment;
}
