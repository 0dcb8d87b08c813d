/**
 * The headers Cashfree sends with every webhook, by role.
 *
 * @example
 * const attempt = request.headers.get(WEBHOOK_HEADERS.attempt); // 'x-webhook-attempt'
 */
export const WEBHOOK_HEADERS = {
  signature: 'x-webhook-signature',
  timestamp: 'x-webhook-timestamp',
  version: 'x-webhook-version',
  attempt: 'x-webhook-attempt',
  /** Sent with version 2025-01-01 only; the same for every retry of one payload. */
  idempotencyKey: 'x-idempotency-key',
} as const;

/**
 * Header values as Node (`IncomingHttpHeaders`), Express, Fastify or a plain object hold them.
 *
 * @example
 * const record: HeaderRecord = { 'x-webhook-signature': 'abc=', 'x-webhook-timestamp': '1746427759733' };
 */
export type HeaderRecord = {
  readonly [name: string]: string | readonly string[] | number | null | undefined;
};

/**
 * Any headers shape: a Fetch `Headers` (Next.js, Hono, Workers), or a record such as Node's
 * `req.headers`. Names are matched case-insensitively.
 *
 * @example
 * const fromFetch: HeadersLike = request.headers;
 * const fromNode: HeadersLike = { 'X-Webhook-Signature': 'abc=' };
 */
export type HeadersLike =
  | {
      /** One header's value, by case-insensitive name. */
      get(name: string): string | null | undefined;
    }
  | HeaderRecord;

/**
 * Reads one header case-insensitively; the first value when it was sent more than once.
 *
 * @example
 * readHeader({ 'X-Webhook-Version': '2025-01-01' }, 'x-webhook-version'); // '2025-01-01'
 */
export function readHeader(headers: HeadersLike, name: string): string | undefined {
  const wanted = name.toLowerCase();
  if (typeof headers.get === 'function') {
    return (headers as { get(name: string): string | null | undefined }).get(wanted) ?? undefined;
  }
  const record = headers as HeaderRecord;
  for (const key of Object.keys(record)) {
    if (key.toLowerCase() !== wanted) continue;
    const value = record[key];
    if (value === null || value === undefined) continue;
    if (typeof value === 'number') return String(value);
    return typeof value === 'string' ? value : value[0];
  }
  return undefined;
}
