import { type RawBody, toBase64, utf8 } from './bytes.js';
import { WEBHOOK_VERSIONS, type WebhookVersion } from './events.js';
import { WEBHOOK_HEADERS } from './headers.js';
import { computeWebhookSignature } from './signature.js';

/** The newest version is what Cashfree sends to a new endpoint, so it is the default. */
const DEFAULT_VERSION = WEBHOOK_VERSIONS[0];
/** The oldest version predates `x-idempotency-key`: its deliveries carry none. */
const KEYLESS_VERSION = WEBHOOK_VERSIONS[WEBHOOK_VERSIONS.length - 1];

/**
 * What to sign. Only `body` and `secret` are required.
 *
 * @example
 * const params: SignWebhookParams = { body: '{"type":"PAYMENT_SUCCESS_WEBHOOK","data":{}}', secret: 'test-secret', attempt: 2 };
 * const signed = await signWebhook(params);
 */
export interface SignWebhookParams {
  /**
   * The payload. A string or bytes are signed as they are; an object is `JSON.stringify`-ed first,
   * which prints `170.00` as `170` — pass a string to keep Cashfree's exact formatting.
   */
  body: RawBody | object;
  /** The client secret the receiver will verify with. */
  secret: string;
  /** Epoch milliseconds (Cashfree's format), a `Date`, or a string sent verbatim. Default: now. */
  timestamp?: number | string | Date;
  /** `x-webhook-version`. Default `2025-01-01`. */
  version?: WebhookVersion | (string & {});
  /** `x-webhook-attempt`. Default 1. */
  attempt?: number;
  /**
   * `x-idempotency-key`. Default for version 2025-01-01: base64 SHA-256 of the body, so retries of
   * one payload share it, as Cashfree's do; no header for 2023-08-01. Pass `null` to omit it.
   */
  idempotencyKey?: string | null;
}

/**
 * A signed delivery, ready to POST.
 *
 * @example
 * const signed: SignedWebhook = await signWebhook({ body: '{"type":"PAYMENT_SUCCESS_WEBHOOK","data":{}}', secret: 'test-secret' });
 * await fetch('http://127.0.0.1:3000/webhooks/cashfree', { method: 'POST', headers: signed.headers, body: signed.rawBody });
 */
export interface SignedWebhook {
  /** The exact body that was signed; send these bytes. */
  rawBody: string;
  /** `x-webhook-signature`. */
  signature: string;
  /** `x-webhook-timestamp`, as sent. */
  timestamp: string;
  /** Every header Cashfree sends, lower-case names: content-type and the `x-webhook-*` set. */
  headers: Record<string, string>;
}

/**
 * Signs a webhook exactly as Cashfree does, for tests and local emulators (the cashfree-kit sandbox
 * delivers its webhooks through this function).
 *
 * @example
 * ```ts
 * const signed = await signWebhook({ body: '{"type":"PAYMENT_SUCCESS_WEBHOOK","data":{}}', secret: 'test-secret' });
 * await fetch('http://127.0.0.1:3000/webhooks/cashfree', { method: 'POST', headers: signed.headers, body: signed.rawBody });
 * ```
 */
export async function signWebhook(params: SignWebhookParams): Promise<SignedWebhook> {
  const rawBody = bodyText(params.body);
  const timestamp = timestampText(params.timestamp ?? Date.now());
  const version = params.version ?? DEFAULT_VERSION;
  const signature = await computeWebhookSignature({ rawBody, timestamp, secret: params.secret });
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    [WEBHOOK_HEADERS.signature]: signature,
    [WEBHOOK_HEADERS.timestamp]: timestamp,
    [WEBHOOK_HEADERS.version]: version,
    [WEBHOOK_HEADERS.attempt]: String(params.attempt ?? 1),
  };
  const idempotencyKey =
    params.idempotencyKey === undefined
      ? version === KEYLESS_VERSION
        ? null
        : await sha256Base64(rawBody)
      : params.idempotencyKey;
  if (idempotencyKey !== null) headers[WEBHOOK_HEADERS.idempotencyKey] = idempotencyKey;
  return { rawBody, signature, timestamp, headers };
}

function bodyText(body: RawBody | object): string {
  if (typeof body === 'string') return body;
  if (body instanceof ArrayBuffer || ArrayBuffer.isView(body)) {
    const view = body instanceof ArrayBuffer ? new Uint8Array(body) : body;
    return new TextDecoder().decode(view);
  }
  return JSON.stringify(body);
}

function timestampText(timestamp: number | string | Date): string {
  if (timestamp instanceof Date) return String(timestamp.getTime());
  return typeof timestamp === 'number' ? String(Math.trunc(timestamp)) : timestamp;
}

async function sha256Base64(text: string): Promise<string> {
  return toBase64(new Uint8Array(await crypto.subtle.digest('SHA-256', utf8(text))));
}
