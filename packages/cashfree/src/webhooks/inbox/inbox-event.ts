import type { WebhookEvent } from '../events.js';
import type { PayoutsWebhookEvent } from '../payouts-events.js';

/**
 * The events an inbox can record: Payment Gateway events (the default), Payouts events, or both
 * (`createWebhookInbox<WebhookEvent | PayoutsWebhookEvent>`) when one store serves both endpoints.
 *
 * @example
 * import type { PayoutsWebhookEvent } from 'cashfree-kit/webhooks';
 * const payouts = createWebhookInbox<PayoutsWebhookEvent>({ store: createMemoryInboxStore(), handler: (event) => console.log(event.type) });
 */
export type InboxEvent = WebhookEvent | PayoutsWebhookEvent;
