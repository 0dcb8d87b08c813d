import type { RawBody } from './bytes.js';
import type { HeadersLike } from './headers.js';
import { parsePayoutsWebhookEvent } from './parse-event.js';
import type { PayoutsWebhookEvent } from './payouts-events.js';
import {
  bodyText,
  checkSignatureWith,
  deliveryHeaders,
  deliveryOf,
  type VerifyWebhookOptions,
  type VerifyWebhookParams,
} from './verify.js';

/**
 * Everything {@link verifyPayoutsWebhook} needs: the same as {@link VerifyWebhookParams}, but the
 * secret is your Payouts client secret, or several of them.
 *
 * @example
 * const params: VerifyPayoutsWebhookParams = {
 *   rawBody,
 *   signature: headers['x-webhook-signature'],
 *   timestamp: headers['x-webhook-timestamp'],
 *   secret: [process.env.CASHFREE_PAYOUTS_OLD_SECRET ?? '', process.env.CASHFREE_PAYOUTS_CLIENT_SECRET ?? ''],
 * };
 * const event = await verifyPayoutsWebhook(params);
 */
export interface VerifyPayoutsWebhookParams extends Omit<VerifyWebhookParams, 'secret'> {
  /**
   * Your Payouts client secret (Payouts keys are not PG keys), or every active one: Cashfree signs
   * Payouts webhooks with the oldest active secret, so during a rotation pass the old and the new.
   * The webhook is genuine when any of them matches.
   */
  secret: string | readonly string[];
}

/**
 * Verifies a Cashfree Payouts (V2) webhook and returns its typed event. The signature is PG's
 * (`base64(HMAC-SHA256(secret, x-webhook-timestamp + rawBody))`, compared in constant time), with
 * the same replay window, size limit and {@link WebhookVerificationError} reasons as
 * {@link verifyWebhook}; a Payment Gateway event is refused with reason `wrong_product`.
 *
 * @throws {WebhookVerificationError} with a `reason` when the webhook cannot be trusted.
 * @example
 * ```ts
 * const event = await verifyPayoutsWebhook({
 *   rawBody: await request.text(),
 *   signature: request.headers.get('x-webhook-signature'),
 *   timestamp: request.headers.get('x-webhook-timestamp'),
 *   secret: process.env.CASHFREE_PAYOUTS_CLIENT_SECRET ?? '',
 * });
 * if (event.type === 'TRANSFER_FAILED') console.log(event.data.transfer_id, event.data.status_code);
 * ```
 * @see https://www.cashfree.com/docs/api-reference/payouts/v2/webhooks/webhooks-v2
 */
export async function verifyPayoutsWebhook(params: VerifyPayoutsWebhookParams): Promise<PayoutsWebhookEvent> {
  // A lone value that is not a string (an unset variable) is checked, and refused, as a secret.
  const secrets: readonly string[] = Array.isArray(params.secret) ? params.secret : [params.secret as string];
  const checked = checkSignatureWith(params, secrets, 'payouts');
  const timestampMs = typeof checked === 'number' ? checked : await checked;
  return parsePayoutsWebhookEvent(bodyText(params.rawBody), deliveryOf(params, timestampMs));
}

/**
 * {@link verifyPayoutsWebhook} for any headers shape: a Fetch `Headers`, Node's `req.headers`, or a
 * plain object (names are case-insensitive).
 *
 * @throws {WebhookVerificationError} with a `reason` when the webhook cannot be trusted.
 * @example
 * ```ts
 * import express from 'express';
 *
 * const app = express();
 * const secrets = [process.env.CASHFREE_PAYOUTS_OLD_SECRET ?? '', process.env.CASHFREE_PAYOUTS_CLIENT_SECRET ?? ''];
 * app.post('/webhooks/cashfree-payouts', express.raw({ type: 'application/json' }), async (req, res) => {
 *   const event = await constructPayoutsWebhookEvent(req.body, req.headers, secrets);
 *   if (event.type === 'TRANSFER_REVERSED') console.log('money came back for', event.data.transfer_id);
 *   res.sendStatus(200);
 * });
 * ```
 */
export function constructPayoutsWebhookEvent(
  rawBody: RawBody,
  headers: HeadersLike,
  secret: string | readonly string[],
  options: VerifyWebhookOptions = {},
): Promise<PayoutsWebhookEvent> {
  return verifyPayoutsWebhook({ ...options, rawBody, secret, ...deliveryHeaders(headers) });
}
