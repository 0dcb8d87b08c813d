import type { ShopOrder } from '../db/orders.js';
import type { Shop } from '../shop.js';
import type { Step } from '../views/what-happened.js';
import { subjectOf } from '../webhooks/subject.js';

/**
 * The steps of one order or link for the "what happened" panel: the Cashfree calls made about
 * it, the browser's checkout call (orders only) and the webhooks the inbox holds for it.
 */
export async function stepsFor(shop: Shop, subject: string, order?: ShopOrder): Promise<Step[]> {
  const steps: Step[] = shop.calls.forSubject(subject).map((call) => ({ kind: 'api', at: call.at, call }));
  if (order) {
    steps.push({
      kind: 'checkout',
      at: order.created_at,
      orderId: order.order_id,
      sessionId: order.payment_session_id,
      target: order.checkout_target,
    });
  }
  for (const entry of await shop.inbox.list({ limit: 10_000 })) {
    if (subjectOf(entry.event)?.id === subject) steps.push({ kind: 'webhook', at: entry.receivedAt, entry });
  }
  return steps;
}
