import { CashfreeError } from '../core/errors.js';

/**
 * Why a webhook was rejected, machine-readable. Branch on this, not on the message.
 *
 * - `missing_secret`: no client secret was configured.
 * - `missing_body`: no request body reached the verifier.
 * - `missing_header`: `x-webhook-signature` or `x-webhook-timestamp` is absent or empty.
 * - `invalid_timestamp`: `x-webhook-timestamp` is not an epoch time in milliseconds or seconds.
 * - `invalid_signature`: the signature does not match this secret and these exact bytes.
 * - `timestamp_outside_tolerance`: a genuine signature, but too old or too far in the future (a replay).
 * - `body_not_json`: the signature matched but the body is not a JSON object.
 * - `body_reserialised`: the body was parsed before it reached the verifier, so the signed bytes are gone.
 * - `body_too_large`: the body is over `maxBodyBytes` (default 1 MiB); refused before hashing (HTTP 413).
 * - `wrong_product`: a genuine Payouts event given to the Payment Gateway verifier, or the reverse.
 *
 * @example
 * const status = (reason: WebhookVerificationReason) => (reason === 'missing_secret' ? 500 : 400);
 */
export type WebhookVerificationReason =
  | 'missing_secret'
  | 'missing_body'
  | 'missing_header'
  | 'invalid_timestamp'
  | 'invalid_signature'
  | 'timestamp_outside_tolerance'
  | 'body_not_json'
  | 'body_reserialised'
  | 'body_too_large'
  | 'wrong_product';

/**
 * Thrown when a webhook cannot be trusted. Answer it with HTTP 400 (413 for `body_too_large`);
 * never process the event.
 * The message says what to fix and never contains the secret.
 *
 * @example
 * ```ts
 * import { constructWebhookEvent } from 'cashfree-kit/webhooks';
 *
 * async function handle(request: Request): Promise<Response> {
 *   try {
 *     const event = await constructWebhookEvent(await request.text(), request.headers, secret);
 *     console.log('verified', event.type);
 *     return new Response('ok');
 *   } catch (error) {
 *     if (error instanceof WebhookVerificationError) return new Response(error.reason, { status: 400 });
 *     throw error;
 *   }
 * }
 * ```
 */
export class WebhookVerificationError extends CashfreeError {
  override name = 'WebhookVerificationError' as const;
  /** Why the webhook was rejected. */
  readonly reason: WebhookVerificationReason;

  constructor(reason: WebhookVerificationReason, message: string) {
    super(message);
    this.reason = reason;
  }
}

/**
 * True for a `WebhookVerificationError`, even one thrown by a second installed copy of cashfree-kit.
 *
 * @example
 * import { constructWebhookEvent } from 'cashfree-kit/webhooks';
 * const event = await constructWebhookEvent(rawBody, headers, secret).catch((error: unknown) => {
 *   if (isWebhookVerificationError(error)) console.warn('rejected webhook:', error.reason);
 *   return undefined;
 * });
 */
export function isWebhookVerificationError(error: unknown): error is WebhookVerificationError {
  return (
    error instanceof WebhookVerificationError ||
    (error instanceof Error && error.name === 'WebhookVerificationError' && 'reason' in error)
  );
}
