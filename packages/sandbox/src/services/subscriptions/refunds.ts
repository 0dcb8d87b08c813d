import type { SandboxContext } from '../../context.js';
import { badRequest, notFound } from '../../http/errors.js';
import type { SubscriptionPaymentRow } from '../../store/subscriptions/payments.js';
import type { SubscriptionRefundRow } from '../../store/subscriptions/refunds.js';
import type { SubscriptionRow } from '../../store/subscriptions/subscriptions.js';
import { formatPaise } from '../../util/money.js';
import type { NewSubscriptionRefund } from '../../validation/subscriptions.js';
import { REFUND_PROCESSING_MS } from '../refunds.js';
import { duplicate } from './duplicate.js';
import { appendRefundEvent } from './events.js';
import { findSubscriptionPayment } from './payments.js';

/** Job kind: an INITIATED subscription refund is processed (→ SUCCESS). */
export const SUBSCRIPTION_REFUND_PROCESS = 'subscription.refund_process';

/**
 * `POST /subscriptions/{id}/refunds`: refunds a SUCCESS charge (named by `payment_id` or
 * `cf_payment_id`), never more than what is left of it. INITIATED at once, processed on the sandbox
 * clock as order refunds are. Call inside `ctx.transact`.
 */
export function createSubscriptionRefund(
  ctx: SandboxContext,
  sub: SubscriptionRow,
  input: NewSubscriptionRefund,
): { refund: SubscriptionRefundRow; payment: SubscriptionPaymentRow } {
  if (ctx.store.subscriptions.refunds.byRefundId(sub.cf_subscription_id, input.refundId)) {
    throw duplicate(
      'subscription_refund_already_exists',
      `refund_id : a refund with this id already exists in subscription ${sub.subscription_id}. Value received: ${input.refundId}`,
    );
  }
  const payment =
    input.paymentId !== undefined
      ? findSubscriptionPayment(ctx, sub, input.paymentId)
      : ctx.store.subscriptions.payments.byId(input.cfPaymentId ?? 0);
  if (!payment || payment.cf_subscription_id !== sub.cf_subscription_id) {
    throw notFound(
      'subscription_payment_not_found',
      `cf_payment_id : no payment with this id in subscription ${sub.subscription_id}. Value received: ${input.cfPaymentId}`,
    );
  }
  if (payment.payment_type !== 'CHARGE' || payment.status !== 'SUCCESS') {
    throw badRequest(
      'refund_not_allowed',
      `payment_id : only a SUCCESS charge can be refunded; this ${payment.payment_type} is ${payment.status}. Value received: ${payment.payment_id}`,
    );
  }
  const refundable = payment.amount - ctx.store.subscriptions.refunds.refundedOf(payment.cf_payment_id);
  if (input.amount > refundable) {
    throw badRequest(
      'refund_amount_invalid',
      `refund_amount : should not exceed the refundable amount of ${formatPaise(refundable)}. Value received: ${formatPaise(input.amount)}`,
    );
  }
  const now = ctx.clock.now();
  const refund: SubscriptionRefundRow = {
    cf_refund_id: ctx.store.subscriptions.ids.refund.next(),
    cf_subscription_id: sub.cf_subscription_id,
    cf_payment_id: payment.cf_payment_id,
    refund_id: input.refundId,
    status: 'INITIATED',
    amount: input.amount,
    note: input.note,
    speed: input.speed,
    created_at: now,
    processed_at: null,
  };
  ctx.store.subscriptions.refunds.insert(refund);
  ctx.scheduler.schedule(
    SUBSCRIPTION_REFUND_PROCESS,
    refund.cf_refund_id,
    now + REFUND_PROCESSING_MS[input.speed],
  );
  return { refund, payment };
}

/** `GET /subscriptions/{id}/refunds/{refund_id}`. */
export function findSubscriptionRefund(
  ctx: SandboxContext,
  sub: SubscriptionRow,
  refundId: string,
): { refund: SubscriptionRefundRow; payment: SubscriptionPaymentRow } {
  const refund = ctx.store.subscriptions.refunds.byRefundId(sub.cf_subscription_id, refundId);
  const payment = refund && ctx.store.subscriptions.payments.byId(refund.cf_payment_id);
  if (!refund || !payment) {
    throw notFound(
      'subscription_refund_not_found',
      `refund_id : no refund with this id in subscription ${sub.subscription_id}. Value received: ${refundId}`,
    );
  }
  return { refund, payment };
}

/** Job: the refund is processed (SUCCESS) and reported. */
export function processSubscriptionRefund(ctx: SandboxContext, cfRefundId: number): void {
  const refund = ctx.store.subscriptions.refunds.byId(cfRefundId);
  if (refund?.status !== 'INITIATED') return;
  const sub = ctx.store.subscriptions.subscriptions.byId(refund.cf_subscription_id);
  const payment = ctx.store.subscriptions.payments.byId(refund.cf_payment_id);
  if (!sub || !payment) return;
  const now = ctx.clock.now();
  ctx.store.subscriptions.refunds.setStatus(cfRefundId, 'SUCCESS', now);
  appendRefundEvent(ctx, sub, { ...refund, status: 'SUCCESS', processed_at: now }, payment);
}
