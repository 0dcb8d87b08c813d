import type { SandboxContext } from '../context.js';
import {
  serviceCharges,
  settlementCycle,
  settlementTotals,
  transferTime,
} from '../state/settlement-rules.js';
import type { OrderRow } from '../store/orders.js';
import type { PaymentRow } from '../store/payments.js';
import type { RefundRow } from '../store/refunds.js';
import type { SettlementRow } from '../store/settlements.js';
import { randomDigits } from '../util/ids.js';
import { appendSettlementEvent } from './event-data.js';

/** Job kind: the settlement cycle of one IST day starts (ref = the day). */
export const SETTLEMENT_INITIATE = 'settlement.initiate';
/** Job kind: an initiated settlement is transferred (ref = cf_settlement_id). */
export const SETTLEMENT_TRANSFER = 'settlement.transfer';

function scheduleCycle(ctx: SandboxContext, eventTime: number): void {
  const cycle = settlementCycle(eventTime);
  ctx.scheduler.schedule(SETTLEMENT_INITIATE, cycle.day, cycle.initiateAt);
}

/** A captured payment joins the next settlement cycle, net of service charge and tax. */
export function recordCapturedPayment(ctx: SandboxContext, order: OrderRow, payment: PaymentRow): void {
  const eventTime = payment.completed_at ?? ctx.clock.now();
  const { serviceCharge, serviceTax } = serviceCharges(payment.amount);
  ctx.store.settlements.addItem({
    kind: 'PAYMENT',
    cf_order_id: order.cf_order_id,
    cf_payment_id: payment.cf_payment_id,
    cf_refund_id: null,
    amount: payment.amount,
    service_charge: serviceCharge,
    service_tax: serviceTax,
    event_time: eventTime,
  });
  scheduleCycle(ctx, eventTime);
}

/** A processed merchant refund is debited from the next settlement cycle. */
export function recordProcessedRefund(ctx: SandboxContext, refund: RefundRow): void {
  const eventTime = refund.processed_at ?? ctx.clock.now();
  ctx.store.settlements.addItem({
    kind: 'REFUND',
    cf_order_id: refund.cf_order_id,
    cf_payment_id: refund.cf_payment_id,
    cf_refund_id: refund.cf_refund_id,
    amount: refund.amount,
    service_charge: 0,
    service_tax: 0,
    event_time: eventTime,
  });
  scheduleCycle(ctx, eventTime);
}

/** Job: the cycle of `day` starts: every unsettled item up to the end of that day is settled together. */
export function initiateSettlement(ctx: SandboxContext, day: string): void {
  const { cutoff } = settlementCycle(Date.parse(`${day}T12:00:00+05:30`));
  const items = ctx.store.settlements.unsettledBefore(cutoff);
  if (items.length === 0) return;
  const totals = settlementTotals(items);
  const now = ctx.clock.now();
  const settlement: SettlementRow = {
    cf_settlement_id: ctx.store.ids.settlement.next(),
    status: 'PENDING',
    utr: `CFSBX${randomDigits(12)}`,
    cycle_day: day,
    payment_from: totals.paymentFrom,
    payment_till: totals.paymentTill,
    initiated_at: now,
    processed_at: null,
    payment_amount: totals.paymentAmount,
    refund_amount: totals.refundAmount,
    service_charge: totals.serviceCharge,
    service_tax: totals.serviceTax,
    amount_settled: totals.amountSettled,
  };
  ctx.store.settlements.insert(settlement);
  for (const item of items) ctx.store.settlements.assignItem(item.id, settlement.cf_settlement_id);
  ctx.scheduler.schedule(SETTLEMENT_TRANSFER, settlement.cf_settlement_id, transferTime(now));
  appendSettlementEvent(ctx, 'SETTLEMENT_INITIATED', settlement);
}

/** Job: an initiated settlement reaches the merchant's bank. */
export function transferSettlement(ctx: SandboxContext, cfSettlementId: number): void {
  const settlement = ctx.store.settlements.byId(cfSettlementId);
  if (settlement?.status !== 'PENDING') return;
  const processedAt = ctx.clock.now();
  ctx.store.settlements.markSuccess(cfSettlementId, processedAt);
  appendSettlementEvent(ctx, 'SETTLEMENT_SUCCESS', {
    ...settlement,
    status: 'SUCCESS',
    processed_at: processedAt,
  });
}
