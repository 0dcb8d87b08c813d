import { isWebhookVerificationError, type WebhookVerificationError } from '../errors.js';
import type { WebhookEvent } from '../events.js';
import type { HeadersLike } from '../headers.js';
import type { PayoutsWebhookEvent } from '../payouts-events.js';
import { constructPayoutsWebhookEvent } from '../payouts-verify.js';
import {
  bodyTooLarge,
  constructWebhookEvent,
  resolveMaxBodyBytes,
  type VerifyWebhookOptions,
} from '../verify.js';

/**
 * Options every framework adapter takes, for Payment Gateway webhooks (the default).
 *
 * @example
 * const options: WebhookHandlerOptions = {
 *   secret: process.env.CASHFREE_SECRET_KEY ?? '',
 *   onEvent: (event) => inbox.receive(event),
 *   onError: (error) => console.warn('webhook rejected or failed:', error),
 *   toleranceSeconds: 600,
 * };
 */
export interface WebhookHandlerOptions extends VerifyWebhookOptions {
  /** Which product's webhooks this endpoint takes: Payment Gateway unless `'payouts'`. */
  product?: 'pg';
  /** Your Cashfree client secret for the environment that sends the webhooks. */
  secret: string;
  /**
   * Called once per verified delivery. Resolve to answer 200; throw to answer 500 so Cashfree
   * retries. Keep it fast: record the event (e.g. `inbox.receive(event)`) and process it later.
   */
  onEvent(event: WebhookEvent): unknown;
  /**
   * Called with every rejection (a `WebhookVerificationError`) and every `onEvent` failure.
   * Default: `onEvent` failures are logged with `console.error`; rejections are only answered.
   */
  onError?(error: unknown): void;
}

/**
 * The adapters' options for a Payouts webhook endpoint: `product: 'payouts'`, your Payouts secret
 * (or every active one during a rotation), and an `onEvent` that receives typed Payouts events.
 * A Payment Gateway event is refused (400, reason `wrong_product`).
 *
 * @example
 * import { cashfreeWebhook } from 'cashfree-kit/webhooks/next';
 *
 * export const POST = cashfreeWebhook({
 *   product: 'payouts',
 *   secret: [process.env.CASHFREE_PAYOUTS_OLD_SECRET ?? '', process.env.CASHFREE_PAYOUTS_CLIENT_SECRET ?? ''],
 *   onEvent: (event) => {
 *     if (event.type === 'TRANSFER_FAILED') console.log(event.data.transfer_id, event.data.status_code);
 *   },
 * });
 */
export interface PayoutsWebhookHandlerOptions extends VerifyWebhookOptions {
  product: 'payouts';
  /** Your Payouts client secret, or several: Cashfree signs with the oldest active one. */
  secret: string | readonly string[];
  /** As `WebhookHandlerOptions.onEvent`, with a Payouts event. */
  onEvent(event: PayoutsWebhookEvent): unknown;
  /** As `WebhookHandlerOptions.onError`. */
  onError?(error: unknown): void;
}

/**
 * What the adapters that take Payouts webhooks accept: PG options, or Payouts ones.
 *
 * @example
 * const options: AnyWebhookHandlerOptions = { product: 'payouts', secret, onEvent: (event) => console.log(event.type) };
 */
export type AnyWebhookHandlerOptions = WebhookHandlerOptions | PayoutsWebhookHandlerOptions;

/** What an adapter should answer: a status and a small JSON body. */
export interface WebhookResult {
  status: number;
  body: { received: true } | { error: { reason: string; message: string } };
}

/**
 * Verifies a delivery and runs `onEvent`, framework-free. Adapters only extract the raw body and
 * headers, then translate the result into their response type.
 */
export async function handleWebhook(
  rawBody: unknown,
  headers: HeadersLike,
  options: AnyWebhookHandlerOptions,
): Promise<WebhookResult> {
  let deliver: () => unknown;
  try {
    // rawBody is checked at runtime: a parsed object is reported as body_reserialised.
    if (options.product === 'payouts') {
      const event = await constructPayoutsWebhookEvent(rawBody as string, headers, options.secret, options);
      deliver = () => options.onEvent(event);
    } else {
      const event = await constructWebhookEvent(rawBody as string, headers, options.secret, options);
      deliver = () => options.onEvent(event);
    }
  } catch (error) {
    if (!isWebhookVerificationError(error)) return serverError(error, options, 'invalid_options');
    return refusal(error, options);
  }
  try {
    await deliver();
  } catch (error) {
    return serverError(error, options, 'handler_failed');
  }
  return { status: 200, body: { received: true } };
}

/**
 * The answer to a body over `maxBodyBytes` that an adapter stopped reading (`size` when the
 * declared `content-length` told it), as {@link handleWebhook} answers one it was given whole.
 */
export function bodyTooLargeResult(options: AnyWebhookHandlerOptions, size?: number): WebhookResult {
  return refusal(bodyTooLarge(size, resolveMaxBodyBytes(options.maxBodyBytes)), options);
}

/**
 * 400 for a webhook that cannot be trusted, 413 for an oversized one, and 500 for a missing
 * secret: that is our misconfiguration, not a bad request, and 500 lets Cashfree retry once fixed.
 */
function refusal(error: WebhookVerificationError, options: AnyWebhookHandlerOptions): WebhookResult {
  options.onError?.(error);
  const status = error.reason === 'missing_secret' ? 500 : error.reason === 'body_too_large' ? 413 : 400;
  return { status, body: { error: { reason: error.reason, message: error.message } } };
}

// Never rejects: Express 4 and others would leave the request hanging on an unhandled rejection.
function serverError(error: unknown, options: AnyWebhookHandlerOptions, reason: string): WebhookResult {
  if (options.onError) options.onError(error);
  else console.error('[cashfree-kit] webhook handling failed; answering 500 so Cashfree retries:', error);
  const message =
    reason === 'handler_failed'
      ? 'The webhook handler failed; Cashfree will retry.'
      : 'The webhook endpoint is misconfigured; see the server log.';
  return { status: 500, body: { error: { reason, message } } };
}

/** A Fetch `Response` for a result, for the Fetch-based adapters (Next.js, Hono). */
export function toResponse(result: WebhookResult): Response {
  return new Response(JSON.stringify(result.body), {
    status: result.status,
    headers: { 'content-type': 'application/json' },
  });
}
