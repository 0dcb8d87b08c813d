import { bodyBytes, fromUtf8, isRawBody, type RawBody } from './bytes.js';
import { WebhookVerificationError } from './errors.js';
import type { WebhookEvent } from './events.js';
import { type HeadersLike, readHeader, WEBHOOK_HEADERS } from './headers.js';
import { parseWebhookEvent } from './parse-event.js';
import { reserialisationHint } from './reserialised.js';
import { signatureMatches } from './signature.js';
import { assertWithinTolerance, parseWebhookTimestamp, resolveTolerance } from './timestamp.js';

/** Options shared by {@link verifyWebhook} and {@link constructWebhookEvent}. */
export interface VerifyWebhookOptions {
  /**
   * How far `x-webhook-timestamp` may be from now, in seconds, either way (default 300). Older
   * deliveries are rejected as replays. `Infinity` turns the check off, which you should not need.
   */
  toleranceSeconds?: number;
  /** The current time in epoch milliseconds, or a clock; for tests. Defaults to `Date.now()`. */
  now?: number | (() => number);
}

/** Everything {@link verifyWebhook} needs, taken from the request. */
export interface VerifyWebhookParams extends VerifyWebhookOptions {
  /** The body exactly as received: bytes (best) or a string. Never `JSON.stringify(req.body)`. */
  rawBody: RawBody;
  /** The `x-webhook-signature` header. */
  signature: string | null | undefined;
  /** The `x-webhook-timestamp` header (epoch milliseconds; seconds are accepted too). */
  timestamp: string | number | null | undefined;
  /** Your Cashfree client secret for the same environment (sandbox or production). */
  secret: string;
  /** The `x-webhook-version` header, exposed on `event.delivery.version`. */
  version?: string | null | undefined;
  /** The `x-idempotency-key` header, exposed on `event.delivery.idempotencyKey`. */
  idempotencyKey?: string | null | undefined;
  /** The `x-webhook-attempt` header, exposed on `event.delivery.attempt`. */
  attempt?: string | number | null | undefined;
}

/** What {@link verifyWebhookSignature} needs: the body, the two signature headers and the secret. */
export type VerifyWebhookSignatureParams = Pick<
  VerifyWebhookParams,
  'rawBody' | 'signature' | 'timestamp' | 'secret' | 'toleranceSeconds' | 'now'
>;

/**
 * Checks that a webhook is genuine without parsing its body, for a handler that parses the JSON
 * itself (say, to keep large numbers exact). The same checks as {@link verifyWebhook}: the
 * secret and body are present and the body is raw, both signature headers are present, the
 * signature matches (`base64(HMAC-SHA256(secret, timestamp + rawBody))`, compared in constant
 * time), and the timestamp is within the tolerance. Resolves with the timestamp in epoch ms.
 *
 * @throws {WebhookVerificationError} with a `reason` when the webhook cannot be trusted.
 * @example
 * ```ts
 * const rawBody = await request.text();
 * await verifyWebhookSignature({
 *   rawBody,
 *   signature: request.headers.get('x-webhook-signature'),
 *   timestamp: request.headers.get('x-webhook-timestamp'),
 *   secret: process.env.CASHFREE_SECRET_KEY!,
 * });
 * const body = myJsonParser(rawBody);
 * ```
 */
export async function verifyWebhookSignature(params: VerifyWebhookSignatureParams): Promise<number> {
  return checkSignature(params);
}

/** {@link verifyWebhookSignature}, synchronous where the HMAC is (Node). */
function checkSignature(params: VerifyWebhookSignatureParams): number | Promise<number> {
  const { rawBody, signature, timestamp, secret } = params;
  const tolerance = resolveTolerance(params.toleranceSeconds);
  assertSecret(secret);
  assertRawBody(rawBody);
  const signatureHeader = requireHeader(signature, WEBHOOK_HEADERS.signature);
  const timestampHeader = requireHeader(timestamp, WEBHOOK_HEADERS.timestamp);
  const timestampMs = parseWebhookTimestamp(timestampHeader);

  const genuine = signatureMatches({
    rawBody,
    timestamp: timestampHeader,
    secret,
    signature: signatureHeader,
  });
  const accept = (matches: boolean): number => {
    if (!matches) throw signatureMismatch(bodyText(rawBody), secret);
    const now = typeof params.now === 'function' ? params.now() : (params.now ?? Date.now());
    assertWithinTolerance(timestampMs, now, tolerance);
    return timestampMs;
  };
  return typeof genuine === 'boolean' ? accept(genuine) : genuine.then(accept);
}

/**
 * Verifies a Cashfree webhook and returns its typed event: {@link verifyWebhookSignature}, then
 * the body parsed. Runs on Node, Bun, Deno, Workers and Edge (Node's `crypto` where the runtime
 * has it, Web Crypto elsewhere).
 *
 * @throws {WebhookVerificationError} with a `reason` when the webhook cannot be trusted.
 * @example
 * ```ts
 * const event = await verifyWebhook({
 *   rawBody: await request.text(),
 *   signature: request.headers.get('x-webhook-signature'),
 *   timestamp: request.headers.get('x-webhook-timestamp'),
 *   secret: process.env.CASHFREE_SECRET_KEY!,
 * });
 * if (event.type === 'PAYMENT_SUCCESS_WEBHOOK') console.log(event.data.order.order_id);
 * ```
 * @see https://www.cashfree.com/docs/api-reference/payments/latest/payments/webhooks
 */
export async function verifyWebhook(params: VerifyWebhookParams): Promise<WebhookEvent> {
  const checked = checkSignature(params);
  const timestampMs = typeof checked === 'number' ? checked : await checked;
  return parseWebhookEvent(bodyText(params.rawBody), {
    version: params.version || undefined,
    idempotencyKey: params.idempotencyKey || undefined,
    attempt: parseAttempt(params.attempt),
    timestamp: timestampMs,
  });
}

/** The body as text: a string as it is, bytes decoded as UTF-8. */
function bodyText(rawBody: RawBody): string {
  return typeof rawBody === 'string' ? rawBody : fromUtf8(bodyBytes(rawBody));
}

/**
 * {@link verifyWebhook} for any headers shape: a Fetch `Headers`, Node's `req.headers`, or a plain
 * object (names are case-insensitive).
 *
 * @throws {WebhookVerificationError} with a `reason` when the webhook cannot be trusted.
 * @example
 * ```ts
 * app.post('/webhooks/cashfree', express.raw({ type: 'application/json' }), async (req, res) => {
 *   const event = await constructWebhookEvent(req.body, req.headers, process.env.CASHFREE_SECRET_KEY!);
 *   res.sendStatus(200);
 * });
 * ```
 */
export function constructWebhookEvent(
  rawBody: RawBody,
  headers: HeadersLike,
  secret: string,
  options: VerifyWebhookOptions = {},
): Promise<WebhookEvent> {
  return verifyWebhook({
    ...options,
    rawBody,
    secret,
    signature: readHeader(headers, WEBHOOK_HEADERS.signature),
    timestamp: readHeader(headers, WEBHOOK_HEADERS.timestamp),
    version: readHeader(headers, WEBHOOK_HEADERS.version),
    idempotencyKey: readHeader(headers, WEBHOOK_HEADERS.idempotencyKey),
    attempt: readHeader(headers, WEBHOOK_HEADERS.attempt),
  });
}

function assertSecret(secret: unknown): asserts secret is string {
  if (typeof secret === 'string' && secret !== '') return;
  throw new WebhookVerificationError(
    'missing_secret',
    'No webhook secret was given. Pass your Cashfree client secret (the x-client-secret of the same ' +
      'environment), e.g. secret: process.env.CASHFREE_SECRET_KEY.',
  );
}

function assertRawBody(rawBody: unknown): asserts rawBody is RawBody {
  if (rawBody === undefined || rawBody === null) {
    throw new WebhookVerificationError(
      'missing_body',
      'No request body reached the webhook verifier. Pass the raw body: express.raw({ type: ' +
        "'application/json' }) then req.body, or await request.text() in Fetch-style handlers.",
    );
  }
  if (!isRawBody(rawBody) || rawBody === '[object Object]') {
    throw new WebhookVerificationError(
      'body_reserialised',
      'The webhook body was already parsed into an object, so the exact bytes Cashfree signed are lost ' +
        '(re-stringifying turns 170.00 into 170). Give the verifier the raw body: in Express use ' +
        "express.raw({ type: 'application/json' }) on this route (or mount it before express.json()), " +
        'in Fetch-style handlers use await request.text().',
    );
  }
}

function requireHeader(value: string | number | null | undefined, name: string): string {
  const text = value === null || value === undefined ? '' : String(value);
  if (text !== '') return text;
  throw new WebhookVerificationError(
    'missing_header',
    `The ${name} header is missing or empty. Cashfree signs every webhook with x-webhook-signature and ` +
      'x-webhook-timestamp: check that the request comes from Cashfree and that no proxy strips these headers.',
  );
}

function signatureMismatch(text: string, secret: string): WebhookVerificationError {
  const hints = [
    'Check that the secret is the client secret of the environment that sent it (sandbox and production differ) ' +
      'and that the body is passed byte for byte.',
  ];
  if (secret.trim() !== secret) hints.push('The secret has leading or trailing whitespace; trim it.');
  if (text === '') hints.push('The body is empty: did another middleware consume the request stream?');
  const reserialised = reserialisationHint(text);
  if (reserialised) hints.push(reserialised);
  return new WebhookVerificationError(
    'invalid_signature',
    `The x-webhook-signature does not match this body and timestamp. ${hints.join(' ')}`,
  );
}

function parseAttempt(attempt: string | number | null | undefined): number | undefined {
  const value = Number(attempt);
  return attempt !== null && attempt !== undefined && attempt !== '' && Number.isInteger(value)
    ? value
    : undefined;
}
