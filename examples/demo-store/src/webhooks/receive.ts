import type { WebhookEvent } from 'cashfree-kit/webhooks';
import type { WebhookInbox } from 'cashfree-kit/webhooks/inbox';
import type { WebhookLog } from '../db/webhook-log.js';

/** Stores a verified event; resolves with its inbox key once it is durable (then answer 200). */
export type ReceiveWebhook = (event: WebhookEvent) => Promise<{ key: string }>;

/**
 * What the webhook route does with a verified event: the inbox records it (once per dedupe key)
 * and the shop's index notes which order or link it is about, before Cashfree gets its 200.
 */
export function webhookReceiver(
  inbox: Pick<WebhookInbox, 'receive'>,
  log: WebhookLog,
  now: () => number = Date.now,
): ReceiveWebhook {
  return async (event) => {
    const { key } = await inbox.receive(event);
    log.received(key, event, now());
    return { key };
  };
}
