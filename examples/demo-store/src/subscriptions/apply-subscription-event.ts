/**
 * What the shop does with each verified subscription webhook, run by the inbox once per event
 * (apply-event.ts hands these types over). A status change moves the subscription (never out of a
 * final status, see db/subscriptions.ts) and says when the next charge is due; each charge event
 * records the charge, moved forward only, and the next charge after it (a charge the owner asked
 * for with "Charge now" is not one of the plan's cycles and moves no date); each refund event
 * records the refund, moved forward only. An event about a subscription the shop did not create
 * changes nothing.
 */
import { SUBSCRIPTION_WEBHOOK_EVENT_TYPES, type WebhookEvent } from 'cashfree-kit/webhooks';
import type { SubscriptionsTable } from '../db/subscriptions.js';
import { chargeOf, refundOf } from './shop-subscriptions.js';
import { oneMonthAfter, readTime } from './tea-plan.js';

const TYPES: ReadonlySet<string> = new Set(Object.values(SUBSCRIPTION_WEBHOOK_EVENT_TYPES).flat());

/** Whether `event` is one of Cashfree's subscription webhooks (either version's spelling). */
export function isSubscriptionEvent(event: WebhookEvent): boolean {
  return TYPES.has(event.type);
}

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

/** Applies one subscription event to the shop's records. */
export function applySubscriptionEvent(
  table: SubscriptionsTable,
  event: WebhookEvent,
  now: () => number,
): void {
  switch (event.type) {
    case 'SUBSCRIPTION_STATUS_CHANGED':
    case 'SUBSCRIPTION_STATUS_CHANGE': {
      const details = event.data.subscription_details;
      const id = text(details?.subscription_id);
      const status = text(details?.subscription_status);
      if (!id || !status) return;
      table.report(id, {
        status,
        via: 'webhook',
        at: now(),
        cfSubscriptionId: text(details.cf_subscription_id),
        mandateMethod: text(event.data.authorization_details?.payment_method),
        nextChargeAt: readTime(details.next_schedule_date),
      });
      return;
    }
    case 'SUBSCRIPTION_PAYMENT_NOTIFICATION_INITIATED':
    case 'SUBSCRIPTION_PAYMENT_SUCCESS':
    case 'SUBSCRIPTION_PAYMENT_FAILED':
    case 'SUBSCRIPTION_PAYMENT_CANCELLED': {
      const payment = event.data;
      const id = text(payment.subscription_id);
      if (!id || !text(payment.payment_id) || (payment.payment_type ?? 'CHARGE') !== 'CHARGE') return;
      const at = now();
      const charge = chargeOf(id, payment, event.type, at);
      const onDemand = table.charge(id, payment.payment_id)?.on_demand === 1;
      if (!table.recordCharge(charge) || charge.scheduled_at === null || onDemand) return;
      const planned = table.get(id)?.next_charge_at ?? null;
      if (event.type === 'SUBSCRIPTION_PAYMENT_NOTIFICATION_INITIATED') {
        // The customer was told of this debit: it is the next charge.
        table.setNextCharge(id, charge.scheduled_at, at);
      } else if (event.type !== 'SUBSCRIPTION_PAYMENT_CANCELLED' && (planned ?? 0) <= charge.scheduled_at) {
        // Debited (or not): the plan's next cycle is a month after this one.
        table.setNextCharge(id, oneMonthAfter(charge.scheduled_at), at);
      }
      return;
    }
    case 'SUBSCRIPTION_REFUND_STATUS': {
      const refund = event.data;
      const id = text(refund.subscription_id);
      if (!id || !text(refund.refund_id) || !text(refund.payment_id)) return;
      table.recordRefund(refundOf(id, refund, event.type, now()));
      return;
    }
    default:
      // The mandate's own events (the status change follows): recorded in the inbox.
      return;
  }
}
