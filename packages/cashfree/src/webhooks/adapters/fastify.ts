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
 * @module cashfree-kit/webhooks/fastify
 */
import type { HeaderRecord } from '../headers.js';
import { resolveMaxBodyBytes } from '../verify.js';
import { type AnyWebhookHandlerOptions, bodyTooLargeResult, handleWebhook } from './handle.js';

export type {
  AnyWebhookHandlerOptions,
  PayoutsWebhookHandlerOptions,
  WebhookHandlerOptions,
} from './handle.js';

/**
 * Options of the Fastify adapter: a Payment Gateway or (with `product: 'payouts'`) a Payouts endpoint.
 *
 * @example
 * const options: FastifyWebhookOptions = { secret, path: '/cashfree', onEvent: (event) => inbox.receive(event) };
 * await app.register(cashfreeWebhook(options), { prefix: '/webhooks' }); // POST /webhooks/cashfree
 */
export type FastifyWebhookOptions = AnyWebhookHandlerOptions & {
  /** The route inside the plugin's prefix. Default `'/'`. */
  path?: string;
};

/**
 * The parts of a Fastify request this adapter uses.
 *
 * @example
 * import type { FastifyRequest } from 'fastify';
 * const asSeenByTheAdapter = (request: FastifyRequest): FastifyRequestLike => request;
 */
export interface FastifyRequestLike {
  headers: HeaderRecord;
  body: unknown;
}

/**
 * The parts of a Fastify reply this adapter uses.
 *
 * @example
 * import type { FastifyReply } from 'fastify';
 * const asSeenByTheAdapter = (reply: FastifyReply): FastifyReplyLike => reply;
 */
export interface FastifyReplyLike {
  /** Sets the status code of the answer. */
  code(statusCode: number): {
    /** Sends the body of the answer. */
    send(payload: unknown): unknown;
  };
}

/**
 * The parts of a Fastify instance this adapter uses.
 *
 * @example
 * const plugin: (fastify: FastifyInstanceLike) => Promise<void> = cashfreeWebhook({ secret, onEvent: () => {} });
 * await app.register(plugin, { prefix: '/webhooks/cashfree' });
 */
export interface FastifyInstanceLike {
  /** Registers a body parser; the plugin registers one that keeps JSON bodies as bytes. */
  addContentTypeParser(
    contentType: string | string[],
    options: { parseAs: 'buffer'; bodyLimit: number },
    parser: (request: never, body: Uint8Array, done: (error: Error | null, body?: unknown) => void) => void,
  ): unknown;
  /** Registers a POST route. */
  post(
    path: string,
    handler: (request: FastifyRequestLike, reply: FastifyReplyLike) => Promise<unknown>,
  ): unknown;
  /** Sets the plugin's error handler; the plugin answers Fastify's own body-limit refusal with 413. */
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
 * @example
 * import Fastify from 'fastify';
 *
 * const server = Fastify();
 * await server.register(cashfreeWebhook({ secret, onEvent: (event) => inbox.receive(event) }), {
 *   prefix: '/webhooks/cashfree',
 * });
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
