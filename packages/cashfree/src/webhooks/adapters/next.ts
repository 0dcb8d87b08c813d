/**
 * Cashfree webhooks as a Next.js App Router route handler (or any `(Request) => Response` runtime:
 * Remix, SvelteKit, Bun, Deno, Workers). The body is read as bytes, never parsed, and never past
 * `maxBodyBytes` (default 1 MiB: 413).
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
import { resolveMaxBodyBytes } from '../verify.js';
import { declaredLength, readStreamAtMost } from './body.js';
import { type AnyWebhookHandlerOptions, bodyTooLargeResult, handleWebhook, toResponse } from './handle.js';

export type {
  AnyWebhookHandlerOptions,
  PayoutsWebhookHandlerOptions,
  WebhookHandlerOptions,
} from './handle.js';

/**
 * A route handler that verifies Cashfree webhooks and passes each typed event to `onEvent`: 200 when
 * it resolves, 400 for a rejected webhook, 413 for a body over `maxBodyBytes`, 500 when it throws.
 *
 * @throws TypeError at set-up for a `maxBodyBytes` that is not a positive whole number
 * @example
 * // app/api/webhooks/cashfree/route.ts
 * export const POST = cashfreeWebhook({ secret, onEvent: (event) => inbox.receive(event) });
 */
export function cashfreeWebhook(options: AnyWebhookHandlerOptions): (request: Request) => Promise<Response> {
  const limit = resolveMaxBodyBytes(options.maxBodyBytes);
  return async (request) => {
    const declared = declaredLength(request.headers);
    if (declared !== undefined && declared > limit) return toResponse(bodyTooLargeResult(options, declared));
    const body = await readStreamAtMost(request.body, limit);
    if (body === undefined) return toResponse(bodyTooLargeResult(options));
    return toResponse(await handleWebhook(body, request.headers, options));
  };
}
