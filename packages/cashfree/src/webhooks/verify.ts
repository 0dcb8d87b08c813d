import { API_HEADERS } from '../operations/headers.js';
import { PRODUCTS, type ProductName } from '../operations/products.js';
import { bodyByteLength, bodyBytes, fromUtf8, isRawBody, type RawBody } from './bytes.js';
import { WebhookVerificationError } from './errors.js';
import type { WebhookDelivery, WebhookEvent } from './events.js';
import { type HeadersLike, readHeader, WEBHOOK_HEADERS } from './headers.js';
import { parseWebhookEvent } from './parse-event.js';
import { reserialisationHint } from './reserialised.js';
import { signatureMatches } from './signature.js';
import {
  assertWithinWindow,
  parseWebhookTimestamp,
  resolveWindow,
  type TimestampWindow,
} from './timestamp.js';

/**
 * The largest body verified unless you choose otherwise: 1 MiB. Cashfree's webhooks are a few
 * kilobytes; a larger body is refused (`body_too_large`, HTTP 413 from the adapters) unhashed.
 *
 * @example
 * import { cashfreeWebhook } from 'cashfree-kit/webhooks/express';
 *
 * const handler = cashfreeWebhook({ secret, onEvent: () => {}, maxBodyBytes: DEFAULT_MAX_BODY_BYTES / 16 }); // 64 KiB
 */
export const DEFAULT_MAX_BODY_BYTES = 1_048_576;

/**
 * Options shared by {@link verifyWebhook}, {@link constructWebhookEvent} and the framework adapters.
 *
 * @example
 * const options: VerifyWebhookOptions = { maxAgeSeconds: 3600, maxBodyBytes: 64 * 1024 };
 * const event = await constructWebhookEvent(rawBody, headers, secret, options);
 */
export interface VerifyWebhookOptions {
  /**
   * How old `x-webhook-timestamp` may be, in seconds (default 86 400, a day). Older deliveries are
   * rejected as replays. A day, not minutes, because Cashfree retries failed deliveries for hours
   * and does not document giving a retry a fresh timestamp; the inbox (or your own dedupe by
   * `x-idempotency-key`) makes a replay inside the window harmless. Lower it (say to 300) once
   * you have seen your account's retries carry fresh timestamps.
   */
  maxAgeSeconds?: number;
  /**
   * How far ahead of this server's clock `x-webhook-timestamp` may be, in seconds (default 300):
   * the clock skew allowed. `Infinity` turns every timestamp check off, which you should not need.
   */
  toleranceSeconds?: number;
  /**
   * The largest body accepted, in bytes (default 1 MiB = 1 048 576). A larger body is refused
   * with reason `body_too_large` before anything is hashed; the adapters stop reading it and
   * answer 413.
   */
  maxBodyBytes?: number;
  /** The current time in epoch milliseconds, or a clock; for tests. Defaults to `Date.now()`. */
  now?: number | (() => number);
}

/**
 * Everything {@link verifyWebhook} needs, taken from the request.
 *
 * @example
 * const params: VerifyWebhookParams = {
 *   rawBody,
 *   signature: headers['x-webhook-signature'],
 *   timestamp: headers['x-webhook-timestamp'],
 *   secret,
 * };
 * const event = await verifyWebhook(params);
 */
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

/**
 * What {@link verifyWebhookSignature} needs: the body, the two signature headers, the secret, and
 * the same window and size options as {@link verifyWebhook}.
 *
 * @example
 * const params: VerifyWebhookSignatureParams = {
 *   rawBody,
 *   signature: headers['x-webhook-signature'],
 *   timestamp: headers['x-webhook-timestamp'],
 *   secret,
 *   maxAgeSeconds: 3600,
 * };
 * const timestampMs = await verifyWebhookSignature(params);
 */
export type VerifyWebhookSignatureParams = Pick<
  VerifyWebhookParams,
  | 'rawBody'
  | 'signature'
  | 'timestamp'
  | 'secret'
  | 'maxAgeSeconds'
  | 'toleranceSeconds'
  | 'maxBodyBytes'
  | 'now'
>;

/**
 * Checks that a webhook is genuine without parsing its body, for a handler that parses the JSON
 * itself (say, to keep large numbers exact). The same checks as {@link verifyWebhook}: the
 * secret and body are present, the body is raw and at most `maxBodyBytes`, both signature headers
 * are present, the signature matches (`base64(HMAC-SHA256(secret, timestamp + rawBody))`,
 * compared in constant time), and the timestamp is at most `maxAgeSeconds` old and at most
 * `toleranceSeconds` ahead. Resolves with the timestamp in epoch ms.
 *
 * @throws {WebhookVerificationError} with a `reason` when the webhook cannot be trusted.
 * @example
 * const rawBody = await request.text();
 * await verifyWebhookSignature({
 *   rawBody,
 *   signature: request.headers.get('x-webhook-signature'),
 *   timestamp: request.headers.get('x-webhook-timestamp'),
 *   secret,
 * });
 * const body: unknown = JSON.parse(rawBody); // or a parser that keeps large numbers exact
 */
export async function verifyWebhookSignature(params: VerifyWebhookSignatureParams): Promise<number> {
  return checkSignature(params);
}

/** {@link verifyWebhookSignature}, synchronous where the HMAC is (Node). */
function checkSignature(params: VerifyWebhookSignatureParams): number | Promise<number> {
  return checkSignatureWith(params, [params.secret], 'pg');
}

/**
 * The checks of {@link verifyWebhookSignature} against one or more secrets (Payouts signs with the
 * oldest active one during a rotation): the webhook is genuine when any secret matches. Every
 * secret is compared, in constant time each, so the time taken does not tell which one matched.
 */
export function checkSignatureWith(
  params: Omit<VerifyWebhookSignatureParams, 'secret'>,
  secrets: readonly string[],
  product: ProductName,
): number | Promise<number> {
  const { rawBody, signature, timestamp } = params;
  const window = resolveWindow(params);
  const maxBodyBytes = resolveMaxBodyBytes(params.maxBodyBytes);
  if (secrets.length === 0) assertSecret(undefined, product);
  for (const secret of secrets) assertSecret(secret, product);
  assertRawBody(rawBody);
  // Before anything is hashed: an oversized body costs no HMAC. A string of n UTF-16 units is at
  // most 3n bytes, so a webhook-sized string body needs no measuring.
  if (typeof rawBody !== 'string' || rawBody.length * 3 > maxBodyBytes) {
    const size = bodyByteLength(rawBody);
    if (size > maxBodyBytes) throw bodyTooLarge(size, maxBodyBytes);
  }
  const signatureHeader = requireHeader(signature, WEBHOOK_HEADERS.signature);
  const timestampHeader = requireHeader(timestamp, WEBHOOK_HEADERS.timestamp);
  const timestampMs = parseWebhookTimestamp(timestampHeader);

  const results = secrets.map((secret) =>
    signatureMatches({ rawBody, timestamp: timestampHeader, secret, signature: signatureHeader }),
  );
  const accepted = { params, secrets, window, timestampMs };
  if (results.every((result) => typeof result === 'boolean')) {
    return accept(results.includes(true), accepted);
  }
  return Promise.all(results).then((matches) => accept(matches.includes(true), accepted));
}

/** The rest of the check once the signature is compared: a top-level function, so Node's synchronous path builds no closure per webhook. */
function accept(
  matches: boolean,
  {
    params,
    secrets,
    window,
    timestampMs,
  }: {
    params: Omit<VerifyWebhookSignatureParams, 'secret'>;
    secrets: readonly string[];
    window: TimestampWindow;
    timestampMs: number;
  },
): number {
  if (!matches) throw signatureMismatch(bodyText(params.rawBody), secrets);
  const now = typeof params.now === 'function' ? params.now() : (params.now ?? Date.now());
  assertWithinWindow(timestampMs, now, window);
  return timestampMs;
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
 *   secret: process.env.CASHFREE_SECRET_KEY ?? '',
 * });
 * if (event.type === 'PAYMENT_SUCCESS_WEBHOOK') console.log(event.data.order.order_id);
 * ```
 * @see https://www.cashfree.com/docs/api-reference/payments/latest/payments/webhooks
 */
export async function verifyWebhook(params: VerifyWebhookParams): Promise<WebhookEvent> {
  const checked = checkSignature(params);
  const timestampMs = typeof checked === 'number' ? checked : await checked;
  return parseWebhookEvent(bodyText(params.rawBody), deliveryOf(params, timestampMs));
}

/** What a verified delivery says about itself, from its parameters (PG's and Payouts' alike). */
export function deliveryOf(
  params: Pick<VerifyWebhookParams, 'version' | 'idempotencyKey' | 'attempt'>,
  timestampMs: number,
): WebhookDelivery {
  return {
    version: params.version || undefined,
    idempotencyKey: params.idempotencyKey || undefined,
    attempt: parseAttempt(params.attempt),
    timestamp: timestampMs,
  };
}

/** The signed delivery's header values, read once for PG's and Payouts' construct functions. */
export function deliveryHeaders(headers: HeadersLike) {
  return {
    signature: readHeader(headers, WEBHOOK_HEADERS.signature),
    timestamp: readHeader(headers, WEBHOOK_HEADERS.timestamp),
    version: readHeader(headers, WEBHOOK_HEADERS.version),
    idempotencyKey: readHeader(headers, WEBHOOK_HEADERS.idempotencyKey),
    attempt: readHeader(headers, WEBHOOK_HEADERS.attempt),
  };
}

/** The body as text: a string as it is, bytes decoded as UTF-8. */
export function bodyText(rawBody: RawBody): string {
  return typeof rawBody === 'string' ? rawBody : fromUtf8(bodyBytes(rawBody));
}

/**
 * {@link verifyWebhook} for any headers shape: a Fetch `Headers`, Node's `req.headers`, or a plain
 * object (names are case-insensitive).
 *
 * @throws {WebhookVerificationError} with a `reason` when the webhook cannot be trusted.
 * @example
 * ```ts
 * import express from 'express';
 *
 * const app = express();
 * app.post('/webhooks/cashfree', express.raw({ type: 'application/json' }), async (req, res) => {
 *   const event = await constructWebhookEvent(req.body, req.headers, process.env.CASHFREE_SECRET_KEY ?? '');
 *   console.log(event.type);
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
  return verifyWebhook({ ...options, rawBody, secret, ...deliveryHeaders(headers) });
}

function assertSecret(secret: unknown, product: ProductName): asserts secret is string {
  if (typeof secret === 'string' && secret !== '') return;
  const what = product === 'payouts' ? 'Cashfree Payouts client secret' : 'Cashfree client secret';
  throw new WebhookVerificationError(
    'missing_secret',
    `No webhook secret was given. Pass your ${what} (the ${API_HEADERS.clientSecret} of the same ` +
      `environment), e.g. secret: process.env.${PRODUCTS[product].credentials.secretVariable}.`,
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

/** Checks a `maxBodyBytes` option: a positive whole number of bytes. */
export function resolveMaxBodyBytes(maxBodyBytes: number | undefined): number {
  const limit = maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  if (!Number.isInteger(limit) || limit <= 0) {
    throw new TypeError(
      `maxBodyBytes must be a whole number of bytes > 0 (default ${DEFAULT_MAX_BODY_BYTES}); received ${String(maxBodyBytes)}.`,
    );
  }
  return limit;
}

/** The refusal of a body over the limit, with its size when known (not when reading stopped early). */
export function bodyTooLarge(size: number | undefined, limit: number): WebhookVerificationError {
  const what = size === undefined ? '' : ` (${size} bytes)`;
  return new WebhookVerificationError(
    'body_too_large',
    `The webhook body${what} is over the ${limit}-byte limit (maxBodyBytes), so it was refused before verification. ` +
      "Cashfree's webhooks are a few kilobytes: this request is not one of them, or raise maxBodyBytes.",
  );
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

function signatureMismatch(text: string, secrets: readonly string[]): WebhookVerificationError {
  const hints = [
    'Check that the secret is the client secret of the environment that sent it (sandbox and production differ) ' +
      'and that the body is passed byte for byte.',
  ];
  if (secrets.some((secret) => secret.trim() !== secret))
    hints.push('A secret has leading or trailing whitespace; trim it.');
  if (text === '') hints.push('The body is empty: did another middleware consume the request stream?');
  const reserialised = reserialisationHint(text);
  if (reserialised) hints.push(reserialised);
  return new WebhookVerificationError(
    'invalid_signature',
    `The x-webhook-signature does not match this body and timestamp. ${hints.join(' ')}`,
  );
}

/** `x-webhook-attempt` as a whole number, or undefined when absent or not one. */
function parseAttempt(attempt: string | number | null | undefined): number | undefined {
  const value = Number(attempt);
  return attempt !== null && attempt !== undefined && attempt !== '' && Number.isInteger(value)
    ? value
    : undefined;
}
