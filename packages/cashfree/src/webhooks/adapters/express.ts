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
import { concatBytes, utf8 } from '../bytes.js';
import type { HeaderRecord } from '../headers.js';
import { handleWebhook, type WebhookHandlerOptions } from './handle.js';

export type { WebhookHandlerOptions } from './handle.js';

/** Largest body read from the stream; Cashfree's webhooks are a few kilobytes. */
const MAX_BODY_BYTES = 1024 * 1024;

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
}

/**
 * An Express route handler that verifies Cashfree webhooks and passes each typed event to
 * `onEvent`: 200 when it resolves, 400 for a rejected webhook, 500 when `onEvent` throws.
 *
 * @example
 * import express from 'express';
 *
 * const app = express();
 * // Before any app.use(express.json()), or on a router without it: the signed bytes must be unread.
 * app.post('/webhooks/cashfree', cashfreeWebhook({ secret, onEvent: (event) => inbox.receive(event) }));
 */
export function cashfreeWebhook(
  options: WebhookHandlerOptions,
): (req: ExpressRequestLike, res: ExpressResponseLike) => Promise<void> {
  return async (req, res) => {
    const rawBody = bodyWasLeftUnread(req) ? await readRawBody(req) : req.body;
    if (rawBody === undefined) {
      res.status(413).json({
        error: { reason: 'body_too_large', message: `Bodies over ${MAX_BODY_BYTES} bytes are refused.` },
      });
      return;
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

async function readRawBody(stream: AsyncIterable<unknown>): Promise<Uint8Array | undefined> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? utf8(chunk) : (chunk as Uint8Array);
    size += bytes.byteLength;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(bytes);
  }
  return concatBytes(chunks);
}
