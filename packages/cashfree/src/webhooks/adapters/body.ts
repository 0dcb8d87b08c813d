/**
 * Reading a webhook body with a size limit, for the adapters that read the stream themselves: a
 * body over the limit is refused as soon as it is known to be (from `content-length`, or once the
 * bytes read pass the limit), and the rest is never read.
 */
import { concatBytes, utf8 } from '../bytes.js';
import { type HeadersLike, readHeader } from '../headers.js';

/** The declared `content-length`, when it is a plain number of bytes. */
export function declaredLength(headers: HeadersLike): number | undefined {
  const value = readHeader(headers, 'content-length');
  return value !== undefined && /^\d{1,16}$/.test(value) ? Number(value) : undefined;
}

/**
 * The bytes of a Node-style stream (an `IncomingMessage`), or undefined once more than `limit`
 * arrived. The iterator is left as it is then, not returned: returning it would destroy the
 * socket before the 413 can be written; the adapter closes the connection after answering.
 */
export async function readAtMost(
  stream: AsyncIterable<unknown>,
  limit: number,
): Promise<Uint8Array | undefined> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const iterator = stream[Symbol.asyncIterator]();
  for (;;) {
    const { value, done } = await iterator.next();
    if (done) return concatBytes(chunks);
    const bytes = typeof value === 'string' ? utf8(value) : (value as Uint8Array);
    size += bytes.byteLength;
    if (size > limit) return undefined;
    chunks.push(bytes);
  }
}

/** The bytes of a Fetch body stream, or undefined once more than `limit` arrived (the stream is cancelled). */
export async function readStreamAtMost(
  stream: ReadableStream<Uint8Array> | null,
  limit: number,
): Promise<Uint8Array | undefined> {
  if (stream === null) return new Uint8Array(0);
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return concatBytes(chunks);
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel('the webhook body is over maxBodyBytes').catch(() => {});
      return undefined;
    }
    chunks.push(value);
  }
}
