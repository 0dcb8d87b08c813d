/**
 * Cashfree webhooks, safe by default: signature verification in constant time (Node's `crypto`
 * HMAC and `timingSafeEqual` where the runtime has it, Web Crypto elsewhere), a replay window,
 * typed events, and a signer for tests. Framework adapters live in
 * `cashfree-kit/webhooks/{express,fastify,next,hono}`; the idempotent inbox in
 * `cashfree-kit/webhooks/inbox`. Payouts webhooks: {@link verifyPayoutsWebhook} and
 * {@link constructPayoutsWebhookEvent} (or the adapters' `product: 'payouts'`).
 *
 * @example
 * ```ts
 * import { constructWebhookEvent } from 'cashfree-kit/webhooks';
 *
 * const event = await constructWebhookEvent(await request.text(), request.headers, process.env.CASHFREE_SECRET_KEY ?? '');
 * switch (event.type) {
 *   case 'PAYMENT_SUCCESS_WEBHOOK':
 *     // confirm with cashfree.orders.get(event.data.order.order_id) before fulfilling
 *     break;
 *   case 'unknown':
 *     console.log('unhandled Cashfree event', event.receivedType);
 * }
 * ```
 * @module cashfree-kit/webhooks
 */
export type { RawBody } from './bytes.js';
export {
  isWebhookVerificationError,
  WebhookVerificationError,
  type WebhookVerificationReason,
} from './errors.js';
export * from './events.js';
export { type HeaderRecord, type HeadersLike, readHeader, WEBHOOK_HEADERS } from './headers.js';
export {
  movesOrderForward,
  type OrderStatus,
  orderStatusAfter,
  orderStatusImpliedBy,
} from './order-status.js';
export * from './payouts-events.js';
export {
  constructPayoutsWebhookEvent,
  type VerifyPayoutsWebhookParams,
  verifyPayoutsWebhook,
} from './payouts-verify.js';
export { type SignedWebhook, type SignWebhookParams, signWebhook } from './sign.js';
export { computeWebhookSignature, type SignatureInput } from './signature.js';
export * from './subscription-events.js';
export { DEFAULT_MAX_AGE_SECONDS, DEFAULT_TOLERANCE_SECONDS } from './timestamp.js';
export {
  constructWebhookEvent,
  DEFAULT_MAX_BODY_BYTES,
  type VerifyWebhookOptions,
  type VerifyWebhookParams,
  type VerifyWebhookSignatureParams,
  verifyWebhook,
  verifyWebhookSignature,
} from './verify.js';
