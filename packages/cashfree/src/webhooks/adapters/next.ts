/**
 * Cashfree webhooks as a Next.js App Router route handler (or any `(Request) => Response` runtime:
 * Remix, SvelteKit, Bun, Deno, Workers). The body is read as bytes, never parsed.
 *
 * @example
 * ```ts
 * // app/api/webhooks/cashfree/route.ts
 * import { cashfreeWebhook } from 'cashfree-kit/webhooks/next';
 *
 * export const POST = cashfreeWebhook({
 *   secret: process.env.CASHFREE_SECRET_KEY!,
 *   onEvent: (event) => inbox.receive(event),
 * });
 * ```
 * @module cashfree-kit/webhooks/next
 */
import { handleWebhook, toResponse, type WebhookHandlerOptions } from './handle.js';

export type { WebhookHandlerOptions } from './handle.js';

/**
 * A route handler that verifies Cashfree webhooks and passes each typed event to `onEvent`: 200 when it resolves, 400 for a rejected webhook, 500 when it throws.
 *
 * @example
 * // app/api/webhooks/cashfree/route.ts
 * export const POST = cashfreeWebhook({ secret, onEvent: (event) => inbox.receive(event) });
 */
export function cashfreeWebhook(options: WebhookHandlerOptions): (request: Request) => Promise<Response> {
  return async (request) =>
    toResponse(await handleWebhook(new Uint8Array(await request.arrayBuffer()), request.headers, options));
}
