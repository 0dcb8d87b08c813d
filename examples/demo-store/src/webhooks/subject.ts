import type { WebhookEvent } from 'cashfree-kit/webhooks';

/** The shop record an event is about: one of its orders, payment links or subscriptions. */
export type Subject = { kind: 'order' | 'link' | 'subscription'; id: string };

interface LooseData {
  order?: { order_id?: unknown; order_tags?: Record<string, unknown> | null };
  payment?: { payment_status?: unknown };
  refund?: { order_id?: unknown; refund_id?: unknown; refund_status?: unknown };
  link_id?: unknown;
  link_status?: unknown;
  // Subscription events: the status change's details, or the payment's and refund's own fields.
  subscription_details?: { subscription_id?: unknown; subscription_status?: unknown };
  subscription_id?: unknown;
  payment_status?: unknown;
  refund_status?: unknown;
}

const id = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

/**
 * Which order or link an event concerns. A payment on an order a link opened (`CFPay_…`, tagged
 * with `link_id`) belongs to the link. Read defensively: a signed event is genuine, but its body
 * is whatever the sender put in it, and a page listing events must not fail on one.
 */
export function subjectOf(event: WebhookEvent): Subject | undefined {
  if (event.type === 'unknown') return undefined;
  const data = (event.data ?? {}) as LooseData;
  switch (event.type) {
    case 'PAYMENT_SUCCESS_WEBHOOK':
    case 'PAYMENT_FAILED_WEBHOOK':
    case 'PAYMENT_USER_DROPPED_WEBHOOK': {
      const linkId = id(data.order?.order_tags?.['link_id']);
      if (linkId) return { kind: 'link', id: linkId };
      const orderId = id(data.order?.order_id);
      return orderId ? { kind: 'order', id: orderId } : undefined;
    }
    case 'REFUND_STATUS_WEBHOOK': {
      const orderId = id(data.refund?.order_id);
      return orderId ? { kind: 'order', id: orderId } : undefined;
    }
    case 'PAYMENT_LINK_EVENT': {
      const linkId = id(data.link_id);
      return linkId ? { kind: 'link', id: linkId } : undefined;
    }
    default: {
      if (!event.type.startsWith('SUBSCRIPTION_')) return undefined;
      const subscriptionId = id(data.subscription_details?.subscription_id) ?? id(data.subscription_id);
      return subscriptionId ? { kind: 'subscription', id: subscriptionId } : undefined;
    }
  }
}

/** What the event reports, in a few words: `SUCCESS`, `refund refund_… SUCCESS`, `PAID`. */
export function statusReported(event: WebhookEvent): string | undefined {
  if (event.type === 'unknown') return undefined;
  const data = (event.data ?? {}) as LooseData;
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  if (event.type === 'REFUND_STATUS_WEBHOOK') {
    const status = text(data.refund?.refund_status);
    return status && `${text(data.refund?.refund_id) ?? 'refund'} ${status}`;
  }
  if (event.type === 'PAYMENT_LINK_EVENT') return text(data.link_status);
  if (event.type.startsWith('SUBSCRIPTION_')) {
    return (
      text(data.subscription_details?.subscription_status) ??
      text(data.payment_status) ??
      text(data.refund_status)
    );
  }
  return text(data.payment?.payment_status);
}
