import type { ShopOrder } from '../db/orders.js';
import { loadWebhooks } from '../db/webhook-log.js';
import type { Shop } from '../shop.js';
import type { Step } from '../views/what-happened.js';

/** How many Cashfree calls, and how many webhooks, one panel shows at most (the latest). */
export const PANEL_LIMIT = 100;

/** The steps a panel shows, and how many older ones it leaves out. */
export interface StepList {
  steps: Step[];
  omitted: number;
}

/**
 * The steps of one order or link for the "what happened" panel: the Cashfree calls made about
 * it, the browser's checkout call (orders only) and the webhooks the inbox holds for it, each
 * asked of SQL by the subject's id and capped to the latest {@link PANEL_LIMIT}.
 */
export async function stepsFor(shop: Shop, subject: string, order?: ShopOrder): Promise<StepList> {
  const calls = shop.calls.forSubject(subject, PANEL_LIMIT);
  const steps: Step[] = calls.calls.map((call) => ({ kind: 'api', at: call.at, call }));
  if (order) {
    steps.push({
      kind: 'checkout',
      at: order.created_at,
      orderId: order.order_id,
      sessionId: order.payment_session_id,
      target: order.checkout_target,
    });
  }
  const webhooks = shop.webhookLog.about({ kind: order ? 'order' : 'link', id: subject }, PANEL_LIMIT);
  for (const { entry, answers } of await loadWebhooks(shop.inbox, shop.webhookLog, webhooks.keys)) {
    steps.push({ kind: 'webhook', at: entry.receivedAt, entry, answers });
  }
  return {
    steps,
    omitted: calls.total - calls.calls.length + (webhooks.total - webhooks.keys.length),
  };
}
