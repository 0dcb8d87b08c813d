import { bodyBytes, concatBytes, type RawBody, toBase64, utf8 } from './bytes.js';

/** What Cashfree signs: the `x-webhook-timestamp` header, then the raw body, keyed by the client secret. */
export interface SignatureInput {
  /** The request body exactly as sent. */
  rawBody: RawBody;
  /** The `x-webhook-timestamp` header value, verbatim (epoch milliseconds). */
  timestamp: string | number;
  /** Your Cashfree client secret (`x-client-secret`) for the same environment. */
  secret: string;
}

/**
 * Computes a Cashfree webhook signature: `base64(HMAC-SHA256(secret, timestamp + rawBody))`.
 * The HMAC runs over bytes (timestamp's UTF-8, then the body's bytes), which equals Cashfree's
 * string concatenation without decoding and re-encoding the body. Web Crypto only.
 *
 * @example
 * ```ts
 * const signature = await computeWebhookSignature({ rawBody, timestamp: '1746427759733', secret });
 * ```
 * @see https://www.cashfree.com/docs/api-reference/payments/latest/payments/webhooks
 */
export async function computeWebhookSignature({
  rawBody,
  timestamp,
  secret,
}: SignatureInput): Promise<string> {
  const key = await crypto.subtle.importKey('raw', utf8(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
  const message = concatBytes([utf8(String(timestamp)), bodyBytes(rawBody)]);
  return toBase64(new Uint8Array(await crypto.subtle.sign('HMAC', key, message)));
}
