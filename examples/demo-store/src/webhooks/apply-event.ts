/**
 * What the shop does with each verified webhook, run by the inbox once per event (a Cashfree
 * retry or a second delivery is recorded, never applied again). Webhooks arrive late and out of
 * order, so every update only moves a record forward. An event whose body lacks the ids the shop
 * needs changes nothing.
 */
import { rupeesToPaise } from 'cashfree-kit';
import type { WebhookEvent } from 'cashfree-kit/webhooks';
import { type OrderStatus, orderStatusAfter } from 'cashfree-kit/webhooks/inbox';
import type { ShopCashfree } from '../cashfree/shop-cashfree.js';
import type { LinksTable } from '../db/links.js';
import type { OrdersTable } from '../db/orders.js';
import type { RefundsTable } from '../db/refunds.js';
import type { SubscriptionsTable } from '../db/subscriptions.js';
import { applySubscriptionEvent, isSubscriptionEvent } from '../subscriptions/apply-subscription-event.js';
import { subjectOf } from './subject.js';

export interface ShopRecords {
  orders: OrdersTable;
  refunds: RefundsTable;
  links: LinksTable;
  /** "Tea of the month": its events are applied by subscriptions/apply-subscription-event.ts. */
  subscriptions: SubscriptionsTable;
  /** Only `getOrder`: the handler confirms a payment with Cashfree before fulfilling. */
  cashfree: Pick<ShopCashfree, 'getOrder'>;
  now: () => number;
}

// Final statuses rank highest, so a late PENDING never undoes a SUCCESS.
const refundRank: Record<string, number> = { PENDING: 0, ONHOLD: 1, SUCCESS: 2, CANCELLED: 2, FAILED: 2 };
const linkRank: Record<string, number> = { ACTIVE: 0, PARTIALLY_PAID: 1, PAID: 2, EXPIRED: 2, CANCELLED: 2 };

/** Applies one event to the shop's records. Throwing makes the inbox retry it later. */
export async function applyEvent(records: ShopRecords, event: WebhookEvent): Promise<void> {
  if (isSubscriptionEvent(event)) {
    applySubscriptionEvent(records.subscriptions, event, records.now);
    return;
  }
  switch (event.type) {
    case 'PAYMENT_SUCCESS_WEBHOOK':
    case 'PAYMENT_FAILED_WEBHOOK':
    case 'PAYMENT_USER_DROPPED_WEBHOOK': {
      const subject = subjectOf(event);
      // Orders a payment link opened (CFPay_…) are not the shop's: PAYMENT_LINK_EVENT covers them.
      const order = subject?.kind === 'order' ? records.orders.get(subject.id) : undefined;
      if (!order) return;
      const next = orderStatusAfter(order.status as OrderStatus, event);
      if (next === order.status) return;
      if (next === 'PAID') {
        // A webhook is a hint: confirm with Cashfree before fulfilling.
        const confirmed = await records.cashfree.getOrder(
          { subject: order.order_id, subjectKind: 'order', source: 'webhook' },
          order.order_id,
        );
        if (confirmed.order_status !== 'PAID') {
          throw new Error(
            `Cashfree says ${order.order_id} is ${confirmed.order_status}, not PAID yet; the inbox retries later.`,
          );
        }
      }
      // The return page may have recorded it since it was read; advance() moves it once either way.
      records.orders.advance(order.order_id, next, records.now(), 'webhook');
      return;
    }
    case 'REFUND_STATUS_WEBHOOK': {
      const { refund_id, refund_status } = event.data.refund ?? {};
      const refund = typeof refund_id === 'string' ? records.refunds.get(refund_id) : undefined;
      if (!refund || refund_status === undefined) return;
      if ((refundRank[refund_status] ?? 0) > (refundRank[refund.status] ?? 0)) {
        records.refunds.setStatus(refund_id, refund_status, records.now());
      }
      return;
    }
    case 'PAYMENT_LINK_EVENT': {
      const { link_id, link_status, link_amount_paid } = event.data;
      const link = typeof link_id === 'string' ? records.links.get(link_id) : undefined;
      if (!link || typeof link_amount_paid !== 'string') return;
      const paid = rupeesToPaise(link_amount_paid);
      if (paid >= link.amount_paid_paise && (linkRank[link_status] ?? 0) >= (linkRank[link.status] ?? 0)) {
        records.links.update(link_id, link_status, paid, records.now());
      }
      return;
    }
    default:
      // Settlements, disputes and types this SDK does not know: recorded in the inbox, nothing to do.
      return;
  }
}
