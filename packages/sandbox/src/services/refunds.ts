import { createHash } from 'node:crypto';
import { MINUTE_MS, SECOND_MS } from '../clock/time.js';
import type { SandboxContext } from '../context.js';
import { badRequest, notFound } from '../http/errors.js';
import { checkRefund, nextRefundStatus, refundStatusDescription } from '../state/refund-machine.js';
import type { OrderRow } from '../store/orders.js';
import type { PaymentRow } from '../store/payments.js';
import type { RefundRow, RefundStatus } from '../store/refunds.js';
import { randomDigits } from '../util/ids.js';
import { appendRefundEvent } from './event-data.js';
import { recordProcessedRefund } from './settlements.js';

/** Job kind: a PENDING refund is processed. */
export const REFUND_PROCESS = 'refund.process';

/**
 * How long the sandbox takes to process a refund (on the sandbox clock). Cashfree accepts refunds
 * at once and reports the outcome later; INSTANT refunds are processed in seconds.
 */
export const REFUND_PROCESSING_MS = { STANDARD: 10 * MINUTE_MS, INSTANT: 30 * SECOND_MS } as const;

/** A validated create-refund request. */
export interface NewRefund {
  refundId: string;
  amount: number;
  note: string | null;
  speed: 'STANDARD' | 'INSTANT';
  splits: unknown[];
}

function fingerprintOf(r: NewRefund): string {
  return createHash('sha256')
    .update(JSON.stringify([r.amount, r.note, r.speed, r.splits]))
    .digest('base64url');
}

function capturedPayment(ctx: SandboxContext, order: OrderRow): PaymentRow | undefined {
  return ctx.store.payments.byOrder(order.cf_order_id).find((p) => p.status === 'SUCCESS');
}

/**
 * `POST /orders/{id}/refunds`. A repeated `refund_id` with the same request returns the existing
 * refund; with a different one it is refused (`refund_id_already_exists`). Call inside `ctx.transact`.
 */
export function createRefund(ctx: SandboxContext, order: OrderRow, input: NewRefund): RefundRow {
  const fingerprint = fingerprintOf(input);
  const existing = ctx.store.refunds.byRefundId(order.cf_order_id, input.refundId);
  if (existing) {
    if (existing.fingerprint === fingerprint) return existing;
    throw badRequest(
      'refund_id_already_exists',
      `refund_id : a refund with this id already exists for order ${order.order_id} with a different refund_amount, refund_note or refund_speed. Value received: ${input.refundId}`,
    );
  }
  const payment = capturedPayment(ctx, order);
  const alreadyRefunded = ctx.store.refunds
    .byOrder(order.cf_order_id)
    .filter((r) => r.refund_type === 'MERCHANT_INITIATED' && r.status !== 'CANCELLED')
    .reduce((sum, r) => sum + r.amount, 0);
  const now = ctx.clock.now();
  const check = checkRefund({
    orderStatus: order.status,
    captured:
      payment && payment.completed_at !== null
        ? { amount: payment.amount, completedAt: payment.completed_at }
        : undefined,
    alreadyRefunded,
    requested: input.amount,
    now,
  });
  if (!check.ok) throw badRequest(check.code, check.message);
  const refund: RefundRow = {
    cf_refund_id: ctx.store.ids.refund.next(),
    cf_order_id: order.cf_order_id,
    cf_payment_id: payment!.cf_payment_id,
    refund_id: input.refundId,
    status: 'PENDING',
    amount: input.amount,
    refund_type: 'MERCHANT_INITIATED',
    speed: input.speed,
    note: input.note,
    fingerprint,
    details: JSON.stringify({ refund_splits: input.splits }),
    arn: null,
    status_description: refundStatusDescription('PENDING'),
    created_at: now,
    processed_at: null,
  };
  ctx.store.refunds.insert(refund);
  ctx.scheduler.schedule(REFUND_PROCESS, refund.cf_refund_id, now + REFUND_PROCESSING_MS[input.speed]);
  return refund;
}

/** Refunds a payment that succeeded on an order that could no longer take it (PAYMENT_AUTO_REFUND). */
export function createAutoRefund(ctx: SandboxContext, order: OrderRow, payment: PaymentRow): void {
  const now = ctx.clock.now();
  const refund: RefundRow = {
    cf_refund_id: ctx.store.ids.refund.next(),
    cf_order_id: order.cf_order_id,
    cf_payment_id: payment.cf_payment_id,
    refund_id: `auto_refund_${payment.cf_payment_id}`,
    status: 'PENDING',
    amount: payment.amount,
    refund_type: 'PAYMENT_AUTO_REFUND',
    speed: 'STANDARD',
    note: 'Automatic refund: the order could not take this payment',
    fingerprint: '',
    details: JSON.stringify({ refund_splits: [] }),
    arn: null,
    status_description: refundStatusDescription('PENDING'),
    created_at: now,
    processed_at: null,
  };
  ctx.store.refunds.insert(refund);
  ctx.scheduler.schedule(REFUND_PROCESS, refund.cf_refund_id, now + REFUND_PROCESSING_MS.STANDARD);
}

/** The refund with this merchant `refund_id` on the order, or Cashfree's 404. */
export function findRefund(ctx: SandboxContext, order: OrderRow, refundId: string): RefundRow {
  const refund = ctx.store.refunds.byRefundId(order.cf_order_id, refundId);
  if (!refund)
    throw notFound(
      'refund_get_not_found',
      `refund with refund_id ${refundId} does not exist for order ${order.order_id}`,
    );
  return refund;
}

/**
 * Moves a refund to `target` with its consequences: an ARN and a settlement debit on SUCCESS, a
 * REFUND_STATUS_WEBHOOK event on every change. Call inside `ctx.transact`.
 */
export function setRefundStatus(ctx: SandboxContext, refund: RefundRow, target: RefundStatus): RefundRow {
  const t = nextRefundStatus(refund.status, target);
  if (!t.ok) throw badRequest(t.code, t.message);
  if (!t.changed) return refund;
  const now = ctx.clock.now();
  const next: RefundRow = {
    ...refund,
    status: t.status,
    status_description: refundStatusDescription(t.status),
    arn: t.status === 'SUCCESS' ? randomDigits(12) : refund.arn,
    processed_at: t.status === 'SUCCESS' ? now : refund.processed_at,
  };
  ctx.store.refunds.update(next);
  if (t.status === 'PENDING') {
    ctx.scheduler.schedule(REFUND_PROCESS, refund.cf_refund_id, now + REFUND_PROCESSING_MS.STANDARD);
  } else {
    ctx.scheduler.cancel(REFUND_PROCESS, refund.cf_refund_id);
  }
  const order = ctx.store.orders.byCfId(refund.cf_order_id);
  if (!order) throw new Error(`refund ${refund.cf_refund_id} has no order`);
  if (t.status === 'SUCCESS' && next.refund_type === 'MERCHANT_INITIATED') recordProcessedRefund(ctx, next);
  appendRefundEvent(ctx, order, next);
  return next;
}

/** Job: a PENDING refund's processing time has come. */
export function processRefund(ctx: SandboxContext, cfRefundId: number): void {
  const refund = ctx.store.refunds.byId(cfRefundId);
  if (refund?.status === 'PENDING') setRefundStatus(ctx, refund, 'SUCCESS');
}
