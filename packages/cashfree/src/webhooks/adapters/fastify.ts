/**
 * Cashfree webhooks as a Fastify plugin. Inside its own encapsulated context it replaces the body
 * parsers with one that keeps the raw bytes, up to `maxBodyBytes` (default 1 MiB: Fastify stops
 * reading and the plugin answers 413), so the rest of your app still gets parsed JSON.
 *
 * @example
 * ```ts
 * import { cashfreeWebhook } from 'cashfree-kit/webhooks/fastify';
 *
 * await app.register(cashfreeWebhook({
 *   secret: process.env.CASHFREE_SECRET_KEY!,
 *   onEvent: (event) => inbox.receive(event),
 * }), { prefix: '/webhooks/cashfree' });
 * ```
 * @module
 */
import type { HeaderRecord } from '../headers.js';
import { resolveMaxBodyBytes } from '../verify.js';
import { bodyTooLargeResult, handleWebhook, type WebhookHandlerOptions } from './handle.js';

export type { WebhookHandlerOptions } from './handle.js';

/** Options of the Fastify adapter. */
export interface FastifyWebhookOptions extends WebhookHandlerOptions {
  /** The route inside the plugin's prefix. Default `'/'`. */
  path?: string;
}

/** The parts of a Fastify request this adapter uses. */
export interface FastifyRequestLike {
  headers: HeaderRecord;
  body: unknown;
}

/** The parts of a Fastify reply this adapter uses. */
export interface FastifyReplyLike {
  code(statusCode: number): { send(payload: unknown): unknown };
}

/** The parts of a Fastify instance this adapter uses. */
export interface FastifyInstanceLike {
  addContentTypeParser(
    contentType: string | string[],
    options: { parseAs: 'buffer'; bodyLimit: number },
    parser: (request: never, body: Uint8Array, done: (error: Error | null, body?: unknown) => void) => void,
  ): unknown;
  post(
    path: string,
    handler: (request: FastifyRequestLike, reply: FastifyReplyLike) => Promise<unknown>,
  ): unknown;
  setErrorHandler(
    handler: (error: { code?: string }, request: FastifyRequestLike, reply: FastifyReplyLike) => unknown,
  ): unknown;
}

/**
 * A Fastify plugin that serves one POST route verifying Cashfree webhooks: 200 when `onEvent`
 * resolves, 400 for a rejected webhook, 413 for a body over `maxBodyBytes`, 500 when `onEvent`
 * throws.
 *
 * @throws TypeError at set-up for a `maxBodyBytes` that is not a positive whole number
 */
export function cashfreeWebhook(
  options: FastifyWebhookOptions,
): (fastify: FastifyInstanceLike) => Promise<void> {
  const bodyLimit = resolveMaxBodyBytes(options.maxBodyBytes);
  return async (fastify) => {
    const keepBytes = (
      _request: never,
      body: Uint8Array,
      done: (error: Error | null, body?: unknown) => void,
    ) => done(null, body);
    // Every content type arrives as bytes: what Cashfree signed, and what the verifier refuses
    // when it is not JSON.
    fastify.addContentTypeParser(
      ['application/json', 'text/plain'],
      { parseAs: 'buffer', bodyLimit },
      keepBytes,
    );
    fastify.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit }, keepBytes);
    fastify.setErrorHandler((error, _request, reply) => {
      // Fastify refused the body at bodyLimit, before this route ran: answer as the other adapters do.
      if (error.code !== 'FST_ERR_CTP_BODY_TOO_LARGE') throw error;
      const result = bodyTooLargeResult(options);
      return reply.code(result.status).send(result.body);
    });
    fastify.post(options.path ?? '/', async (request, reply) => {
      const result = await handleWebhook(request.body, request.headers, options);
      return reply.code(result.status).send(result.body);
    });
  };
}
