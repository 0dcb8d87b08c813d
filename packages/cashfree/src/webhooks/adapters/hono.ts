/**
 * Cashfree webhooks as a Hono handler. It reads the request stream itself, never past
 * `maxBodyBytes` (default 1 MiB: 413); after middleware that already read the body as text, it
 * takes the bytes from Hono's body cache instead.
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
import { resolveMaxBodyBytes } from '../verify.js';
import { declaredLength, readStreamAtMost } from './body.js';
import { type AnyWebhookHandlerOptions, bodyTooLargeResult, handleWebhook, toResponse } from './handle.js';

export type {
  AnyWebhookHandlerOptions,
  PayoutsWebhookHandlerOptions,
  WebhookHandlerOptions,
} from './handle.js';

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
 * A Hono handler that verifies Cashfree webhooks and passes each typed event to `onEvent`: 200 when
 * it resolves, 400 for a rejected webhook, 413 for a body over `maxBodyBytes`, 500 when it throws.
 *
 * @throws TypeError at set-up for a `maxBodyBytes` that is not a positive whole number
 * @example
 * import { Hono } from 'hono';
 *
 * const webhooks = new Hono();
 * webhooks.post('/webhooks/cashfree', cashfreeWebhook({ secret, onEvent: (event) => inbox.receive(event) }));
 */
export function cashfreeWebhook(
  options: AnyWebhookHandlerOptions,
): (c: HonoContextLike) => Promise<Response> {
  const limit = resolveMaxBodyBytes(options.maxBodyBytes);
  return async (c) => {
    const { raw } = c.req;
    const declared = declaredLength(raw.headers);
    if (declared !== undefined && declared > limit) return toResponse(bodyTooLargeResult(options, declared));
    // A middleware that read the body left it in Hono's cache; the verifier checks its size then.
    const body = raw.bodyUsed
      ? new Uint8Array(await c.req.arrayBuffer())
      : await readStreamAtMost(raw.body, limit);
    if (body === undefined) return toResponse(bodyTooLargeResult(options));
    return toResponse(await handleWebhook(body, raw.headers, options));
  };
}
