/**
 * Cashfree webhooks as a Hono handler. It reads the body through `c.req.arrayBuffer()`, which
 * reuses Hono's body cache, so it also works after middleware that read the body as text.
 *
 * @example
 * ```ts
 * import { cashfreeWebhook } from 'cashfree-kit/webhooks/hono';
 *
 * app.post('/webhooks/cashfree', cashfreeWebhook({
 *   secret: process.env.CASHFREE_SECRET_KEY!,
 *   onEvent: (event) => inbox.receive(event),
 * }));
 * ```
 * @module cashfree-kit/webhooks/hono
 */
import { handleWebhook, toResponse, type WebhookHandlerOptions } from './handle.js';

export type { WebhookHandlerOptions } from './handle.js';

/**
 * The parts of a Hono `Context` this adapter uses.
 *
 * @example
 * import type { Context } from 'hono';
 * const asSeenByTheAdapter = (c: Context): HonoContextLike => c;
 */
export interface HonoContextLike {
  req: {
    /** The Fetch request, for its headers. */
    raw: Request;
    /** The body as bytes, through Hono's body cache. */
    arrayBuffer(): Promise<ArrayBuffer>;
  };
}

/**
 * A Hono handler that verifies Cashfree webhooks and passes each typed event to `onEvent`: 200 when it resolves, 400 for a rejected webhook, 500 when it throws.
 *
 * @example
 * import { Hono } from 'hono';
 *
 * const webhooks = new Hono();
 * webhooks.post('/webhooks/cashfree', cashfreeWebhook({ secret, onEvent: (event) => inbox.receive(event) }));
 */
export function cashfreeWebhook(options: WebhookHandlerOptions): (c: HonoContextLike) => Promise<Response> {
  return async (c) =>
    toResponse(await handleWebhook(new Uint8Array(await c.req.arrayBuffer()), c.req.raw.headers, options));
}
