/**
 * The request body exactly as it arrived: a string, or bytes (`Uint8Array`, Node's `Buffer`,
 * `ArrayBuffer`, any `ArrayBufferView`). Bytes are the safest choice: they are what Cashfree signed.
 *
 * @example
 * const body: RawBody = new Uint8Array(await request.arrayBuffer());
 * const event = await constructWebhookEvent(body, request.headers, secret);
 */
export type RawBody = string | Uint8Array | ArrayBuffer | ArrayBufferView;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** UTF-8 bytes of a string. */
export function utf8(text: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(text);
}

/** A string from UTF-8 bytes; invalid sequences become U+FFFD, as in every HTTP framework. */
export function fromUtf8(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

/**
 * The size of a raw body in bytes. A string is measured without encoding it: each UTF-16 unit is
 * 1 to 3 UTF-8 bytes (a surrogate pair, 2 units, is 4).
 */
export function bodyByteLength(body: RawBody): number {
  if (typeof body !== 'string') return bodyBytes(body).byteLength;
  let bytes = 0;
  for (let i = 0; i < body.length; i++) {
    const unit = body.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < body.length) {
      const next = body.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** True when `value` is a body this package can verify: a string or bytes, not a parsed object. */
export function isRawBody(value: unknown): value is RawBody {
  return typeof value === 'string' || value instanceof ArrayBuffer || ArrayBuffer.isView(value);
}

/** The bytes of a raw body, without copying when it already is a `Uint8Array`. */
export function bodyBytes(body: RawBody): Uint8Array {
  if (typeof body === 'string') return utf8(body);
  if (body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
}

/** Concatenates byte arrays into one. */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}

/** Standard base64 (with padding) of some bytes. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Bytes of standard base64, or undefined when `text` is not base64. */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> | undefined {
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    return undefined;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
