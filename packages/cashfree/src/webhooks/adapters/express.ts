/**
 * Cashfree webhooks for Express 4 and 5. The middleware reads the raw request bytes itself, so it
 * needs no body parser; `express.raw()` and `express.text()` also work. Behind `express.json()` the
 * signed bytes are gone, and the webhook is rejected with `body_reserialised` saying so.
 *
 * @example
 * ```ts
 * import { cashfreeWebhook } from 'cashfree-kit/webhooks/express';
 *
 * app.post('/webhooks/cashfree', cashfreeWebhook({
 *   secret: process.env.CASHFREE_SECRET_KEY!,
 *   onEvent: (event) => inbox.receive(event),
 * }));
 * ```
 * @module cashfree-kit/webhooks/express
 */
import type { HeaderRecord } from '../headers.js';
import { resolveMaxBodyBytes } from '../verify.js';
import { declaredLength, readAtMost } from './body.js';
import { type AnyWebhookHandlerOptions, bodyTooLargeResult, handleWebhook } from './handle.js';

export type {
  AnyWebhookHandlerOptions,
  PayoutsWebhookHandlerOptions,
  WebhookHandlerOptions,
} from './handle.js';

/**
 * The parts of an Express request this adapter uses (an `http.IncomingMessage` has them all).
 *
 * @example
 * import type { Request } from 'express';
 * const asSeenByTheAdapter = (req: Request): ExpressRequestLike => req;
 */
export interface ExpressRequestLike extends AsyncIterable<unknown> {
  headers: HeaderRecord;
  body?: unknown;
  /** Node's `IncomingMessage.readableEnded`: false while the body is still unread. */
  readableEnded?: boolean;
}

/**
 * The parts of an Express response this adapter uses.
 *
 * @example
 * import type { Response } from 'express';
 * const asSeenByTheAdapter = (res: Response): ExpressResponseLike => res;
 */
export interface ExpressResponseLike {
  /** Sets the status code of the answer. */
  status(code: number): {
    /** Sends the JSON body of the answer. */
    json(body: unknown): unknown;
  };
  /** Node's `ServerResponse.setHeader`, used to close the connection after refusing a body unread. */
  setHeader?(name: string, value: string): unknown;
}

/**
 * An Express route handler that verifies Cashfree webhooks and passes each typed event to
 * `onEvent`: 200 when it resolves, 400 for a rejected webhook, 413 for a body over
 * `maxBodyBytes` (default 1 MiB; reading stops there), 500 when `onEvent` throws.
 *
 * @throws TypeError at set-up for a `maxBodyBytes` that is not a positive whole number
 * @example
 * import express from 'express';
 *
 * const app = express();
 * // Before any app.use(express.json()), or on a router without it: the signed bytes must be unread.
 * app.post('/webhooks/cashfree', cashfreeWebhook({ secret, onEvent: (event) => inbox.receive(event) }));
 */
export function cashfreeWebhook(
  options: AnyWebhookHandlerOptions,
): (req: ExpressRequestLike, res: ExpressResponseLike) => Promise<void> {
  const limit = resolveMaxBodyBytes(options.maxBodyBytes);
  return async (req, res) => {
    let rawBody = req.body;
    if (bodyWasLeftUnread(req)) {
      const declared = declaredLength(req.headers);
      const read = declared !== undefined && declared > limit ? undefined : await readAtMost(req, limit);
      if (read === undefined) {
        // Without this Node would read, and discard, the rest of the body to keep the connection.
        res.setHeader?.('connection', 'close');
        const result = bodyTooLargeResult(options, declared);
        res.status(result.status).json(result.body);
        return;
      }
      rawBody = read;
    }
    const result = await handleWebhook(rawBody, req.headers, options);
    res.status(result.status).json(result.body);
  };
}

/**
 * True when no body parser consumed the request. Express 5 leaves `req.body` undefined then; Express
 * 4's parsers set it to `{}` even for a content type they skip (a global `express.urlencoded()`
 * seeing a JSON webhook), while the signed bytes are still waiting in the stream.
 */
function bodyWasLeftUnread(req: ExpressRequestLike): boolean {
  if (req.body === undefined) return true;
  return req.readableEnded === false && isEmptyPlainObject(req.body);
}

function isEmptyPlainObject(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.getPrototypeOf(value) === Object.prototype &&
    Object.keys(value).length === 0
  );
}
