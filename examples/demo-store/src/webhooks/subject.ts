import type { WebhookEvent } from 'cashfree-kit/webhooks';

/** The shop record an event is about: one of its orders, or one of its payment links. */
export type Subject = { kind: 'order' | 'link'; id: string };

/**
 * Which order or link an event concerns. A payment on an order a link opened (`CFPay_…`, tagged
 * with `link_id`) belongs to the link.
 */
export function subjectOf(event: WebhookEvent): Subject | undefined {
  switch (event.type) {
    case 'PAYMENT_SUCCESS_WEBHOOK':
    case 'PAYMENT_FAILED_WEBHOOK':
    case 'PAYMENT_USER_DROPPED_WEBHOOK': {
      const linkId = event.data.order.order_tags?.['link_id'];
      return linkId ? { kind: 'link', id: linkId } : { kind: 'order', id: event.data.order.order_id };
    }
    case 'REFUND_STATUS_WEBHOOK':
      return event.data.refund.order_id ? { kind: 'order', id: event.data.refund.order_id } : undefined;
    case 'PAYMENT_LINK_EVENT':
      return { kind: 'link', id: event.data.link_id };
    default:
      return undefined;
  }
}
