/**
 * The webhook inbox: process each Cashfree event once, across retries, restarts and instances.
 * Record verified events with `receive()` (answer 200 once it resolves), run your handler from
 * `processPending()` or `start()`, inspect and re-drive dead letters. Stores: memory (here),
 * SQLite (`cashfree-kit/webhooks/inbox/sqlite`) and PostgreSQL (`cashfree-kit/webhooks/inbox/postgres`).
 *
 * Webhooks arrive late and out of order: use {@link orderStatusAfter} so a stale event never moves
 * an order backwards, and confirm with `cashfree.orders.get()` before fulfilling.
 *
 * @example
 * ```ts
 * import { createWebhookInbox, createMemoryInboxStore } from 'cashfree-kit/webhooks/inbox';
 *
 * import { constructWebhookEvent } from 'cashfree-kit/webhooks';
 *
 * const inbox = createWebhookInbox({
 *   store: createMemoryInboxStore(),
 *   handler: async (event) => console.log('once per event:', event.type),
 * });
 * await inbox.receive(await constructWebhookEvent(rawBody, headers, secret));
 * await inbox.processPending();
 * ```
 * @module cashfree-kit/webhooks/inbox
 */
export {
  movesOrderForward,
  type OrderStatus,
  orderStatusAfter,
  orderStatusImpliedBy,
} from '../order-status.js';
export { type Backoff, exponentialBackoff } from './backoff.js';
export { webhookContentKey, webhookDedupeKey } from './dedupe-key.js';
export {
  createWebhookInbox,
  type InboxEntry,
  type InboxEvent,
  type InboxHandlerContext,
  type ProcessSummary,
  type WebhookInbox,
  type WebhookInboxHandler,
  type WebhookInboxOptions,
} from './inbox.js';
export { InboxLeaseLostError } from './lease.js';
export type { InboxOutcome, InboxRecord, InboxStatus, WebhookInboxStore } from './store.js';
export { createMemoryInboxStore } from './stores/memory.js';
