import type { SandboxContext } from '../context.js';
import { expireLinkNow, LINK_EXPIRE } from '../services/links.js';
import { expireOrder, ORDER_EXPIRE } from '../services/orders.js';
import { PAYMENT_RESOLVE, PAYMENT_TIMEOUT, resolveByScenario, timeOutPayment } from '../services/payments.js';
import { stepTransfer, TRANSFER_STEP } from '../services/payouts/transfers.js';
import { processRefund, REFUND_PROCESS } from '../services/refunds.js';
import {
  initiateSettlement,
  SETTLEMENT_INITIATE,
  SETTLEMENT_TRANSFER,
  transferSettlement,
} from '../services/settlements.js';
import {
  debitCharge,
  resolveAuthorisation,
  resolveCharge,
  SUBSCRIPTION_AUTH_RESOLVE,
  SUBSCRIPTION_CHARGE_DEBIT,
  SUBSCRIPTION_CHARGE_RESOLVE,
  startCycle,
} from '../services/subscriptions/payments.js';
import { processSubscriptionRefund, SUBSCRIPTION_REFUND_PROCESS } from '../services/subscriptions/refunds.js';
import {
  approveBankMandate,
  expireUnauthorised,
  SUBSCRIPTION_BANK_APPROVAL,
  SUBSCRIPTION_CYCLE,
  SUBSCRIPTION_EXPIRE,
} from '../services/subscriptions/subscriptions.js';

/** Connects every job kind (and the order-expiry due source) to the service function that performs it. */
export function registerJobs(ctx: SandboxContext): void {
  const s = ctx.scheduler;
  s.addSource({
    kind: ORDER_EXPIRE,
    nextDueAt: () => ctx.store.orders.nextActiveExpiry(),
    due: (now, limit) =>
      ctx.store.orders
        .dueExpiries(now, limit)
        .map((o) => ({ ref: String(o.cf_order_id), due_at: o.expires_at })),
    run: (ref) => expireOrder(ctx, Number(ref)),
  });
  s.register(PAYMENT_RESOLVE, (job) => resolveByScenario(ctx, Number(job.ref)));
  s.register(PAYMENT_TIMEOUT, (job) => timeOutPayment(ctx, Number(job.ref)));
  s.register(REFUND_PROCESS, (job) => processRefund(ctx, Number(job.ref)));
  s.register(LINK_EXPIRE, (job) => expireLinkNow(ctx, Number(job.ref)));
  s.register(SETTLEMENT_INITIATE, (job) => initiateSettlement(ctx, job.ref));
  s.register(SETTLEMENT_TRANSFER, (job) => transferSettlement(ctx, Number(job.ref)));
  s.register(TRANSFER_STEP, (job) => stepTransfer(ctx, Number(job.ref)));
  registerSubscriptionJobs(ctx);
}

/**
 * Subscriptions: the periodic cycles and the expiry of subscriptions never authorised are due
 * sources (read through partial indexes on the subscriptions table, so an advance costs in
 * proportion to what is due), the steps of each payment and refund are jobs.
 */
function registerSubscriptionJobs(ctx: SandboxContext): void {
  const s = ctx.scheduler;
  const table = ctx.store.subscriptions.subscriptions;
  s.addSource({
    kind: SUBSCRIPTION_CYCLE,
    nextDueAt: () => table.nextCycleAt(),
    due: (now, limit) =>
      table
        .cyclesDue(now, limit)
        .map((sub) => ({ ref: String(sub.cf_subscription_id), due_at: sub.cycle_due_at ?? now })),
    run: (ref) => startCycle(ctx, Number(ref)),
  });
  s.addSource({
    kind: SUBSCRIPTION_EXPIRE,
    nextDueAt: () => table.nextExpiryAt(),
    due: (now, limit) =>
      table
        .expiriesDue(now, limit)
        .map((sub) => ({ ref: String(sub.cf_subscription_id), due_at: sub.expires_at })),
    run: (ref) => expireUnauthorised(ctx, Number(ref)),
  });
  s.register(SUBSCRIPTION_AUTH_RESOLVE, (job) => resolveAuthorisation(ctx, Number(job.ref)));
  s.register(SUBSCRIPTION_BANK_APPROVAL, (job) => approveBankMandate(ctx, Number(job.ref)));
  s.register(SUBSCRIPTION_CHARGE_DEBIT, (job) => debitCharge(ctx, Number(job.ref)));
  s.register(SUBSCRIPTION_CHARGE_RESOLVE, (job) => resolveCharge(ctx, Number(job.ref)));
  s.register(SUBSCRIPTION_REFUND_PROCESS, (job) => processSubscriptionRefund(ctx, Number(job.ref)));
}
