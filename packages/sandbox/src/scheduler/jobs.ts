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
}
