import { bodyBytes, concatBytes, fromBase64, type RawBody, toBase64, utf8 } from './bytes.js';

/**
 * What Cashfree signs: the `x-webhook-timestamp` header, then the raw body, keyed by the client secret.
 *
 * @example
 * const input: SignatureInput = { rawBody, timestamp: '1746427759733', secret };
 * const signature = await computeWebhookSignature(input);
 */
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
 * string concatenation without decoding and re-encoding the body. Node's `crypto` where the
 * runtime has it, Web Crypto everywhere else.
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
  const node = nodeCrypto();
  if (node) return nodeHmac(node, { rawBody, timestamp, secret }).digest('base64');
  const key = await hmacKey(secret, 'sign');
  return toBase64(new Uint8Array(await crypto.subtle.sign('HMAC', key, signedMessage(rawBody, timestamp))));
}

/**
 * True when `signature` (the `x-webhook-signature` header) is the signature of this input. The
 * comparison never returns early on the first differing byte, so a caller cannot discover a valid
 * signature one byte at a time: Node's `crypto.timingSafeEqual` (over the base64 text) where the
 * runtime has it, else Web Crypto's HMAC `verify`. Only canonical base64 of a 32-byte HMAC is
 * considered: a signature with other spacing or padding is a different header.
 */
export function signatureMatches(input: SignatureInput & { signature: string }): boolean | Promise<boolean> {
  const node = nodeCrypto();
  if (node) {
    // Synchronous on Node, so verifying costs no extra turn of the event loop. The expected
    // signature is canonical base64, so equal text is the canonical-only rule below.
    if (input.signature.length !== BASE64_HMAC_LENGTH) return false;
    const expected = nodeHmac(node, input).digest('base64');
    // Both texts are 44 characters; a non-ASCII signature encodes to other bytes (or fewer of
    // them, leaving zeros that base64 never contains), so it still compares unequal.
    providedBytes.fill(0);
    encoder.encodeInto(expected, expectedBytes);
    encoder.encodeInto(input.signature, providedBytes);
    return node.timingSafeEqual(expectedBytes, providedBytes);
  }
  const provided = fromBase64(input.signature);
  if (provided === undefined || provided.byteLength !== HMAC_SHA256_BYTES) return false;
  if (toBase64(provided) !== input.signature) return false;
  return hmacKey(input.secret, 'verify').then((key) =>
    crypto.subtle.verify('HMAC', key, provided, signedMessage(input.rawBody, input.timestamp)),
  );
}

const HMAC_SHA256_BYTES = 32;
/** Characters of a 32-byte HMAC in padded base64. */
const BASE64_HMAC_LENGTH = 44;

// Reused by every comparison: the check is synchronous, so no two calls share them at once, and
// a webhook endpoint saves two allocations per request.
const encoder = new TextEncoder();
const expectedBytes = new Uint8Array(BASE64_HMAC_LENGTH);
const providedBytes = new Uint8Array(BASE64_HMAC_LENGTH);

/** The part of Node's `crypto` module used here (Bun and Deno provide it too). */
interface NodeCrypto {
  createHmac(algorithm: 'sha256', key: string): NodeHmac;
  timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean;
}

interface NodeHmac {
  update(data: string | Uint8Array): NodeHmac;
  digest(encoding: 'base64'): string;
}

/**
 * Node's `crypto`, looked up at run time (`process.getBuiltinModule`) so the package imports no
 * Node module and still runs on Workers and in browsers. On Node it is a synchronous HMAC: Web
 * Crypto's asynchronous one costs a thread-pool round trip and a key import per call, about 20×
 * the HMAC itself for a webhook-sized body (see bench/webhook-verify.ts).
 */
function nodeCrypto(): NodeCrypto | undefined {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  return proc?.getBuiltinModule?.('node:crypto') as NodeCrypto | undefined;
}

function nodeHmac(node: NodeCrypto, { rawBody, timestamp, secret }: SignatureInput): NodeHmac {
  return node
    .createHmac('sha256', secret)
    .update(String(timestamp))
    .update(typeof rawBody === 'string' ? rawBody : bodyBytes(rawBody));
}

function hmacKey(secret: string, use: 'sign' | 'verify'): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', utf8(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [use]);
}

function signedMessage(rawBody: RawBody, timestamp: string | number): Uint8Array<ArrayBuffer> {
  return concatBytes([utf8(String(timestamp)), bodyBytes(rawBody)]);
}
