/**
 * Helpers for testing code that uses cashfree-kit, without a network: a fake `fetch` that records
 * every request and answers from your handler, and `signWebhook` to sign test webhook deliveries
 * exactly as Cashfree (and the local sandbox) does.
 *
 * @example
 * import { Cashfree } from 'cashfree-kit';
 * import { createFakeFetch, jsonResponse } from 'cashfree-kit/testing';
 *
 * const fetch = createFakeFetch((request) =>
 *   jsonResponse({ order_id: request.json.order_id, order_status: 'ACTIVE' }),
 * );
 * const cashfree = new Cashfree({ appId: 'app', secretKey: 'secret', environment: 'sandbox', fetch });
 * await cashfree.orders.create(order);
 * assert.equal(fetch.calls[0].path, '/pg/orders');
 *
 * @module cashfree-kit/testing
 */

/**
 * A request the fake fetch received. Header names are lower-case.
 *
 * @example
 * import { Cashfree } from 'cashfree-kit';
 * const fetch = createFakeFetch();
 * const client = new Cashfree({ appId: 'app', secretKey: 'secret', environment: 'sandbox', fetch });
 * await client.orders.get('order_001');
 * const sent: RecordedRequest | undefined = fetch.lastCall;
 * console.log(sent?.method, sent?.path, sent?.headers['x-api-version']); // GET /pg/orders/order_001 2025-01-01
 */
export interface RecordedRequest {
  method: string;
  /** The full URL. */
  url: string;
  /** The URL's path, e.g. `/pg/orders/order_001` (still percent-encoded). */
  path: string;
  /** The URL's query parameters. */
  query: URLSearchParams;
  headers: Record<string, string>;
  /** The raw body text, `undefined` when there was none. */
  body: string | undefined;
  /** The body parsed as JSON (`undefined` when empty or not JSON). Typed loosely for assertions. */
  // biome-ignore lint/suspicious/noExplicitAny: test code reads arbitrary fields of the body.
  json: any;
  /** The signal passed to fetch, if any. */
  signal: AbortSignal | undefined;
}

/**
 * A handler's answer: a `Response`, or an error to throw as a network failure.
 *
 * @example
 * const flaky: FakeReply[] = [networkError('ECONNRESET'), jsonResponse({ order_status: 'PAID' })];
 * const fetch = createFakeFetch(sequence(...flaky));
 */
export type FakeReply = Response | Error;

/**
 * Decides how the fake fetch answers a request. `index` counts calls from 0.
 *
 * @example
 * const handler: FakeHandler = (request) =>
 *   request.path.endsWith('/payments') ? jsonResponse([]) : errorResponse(404, 'not found', 'order_not_found');
 * const fetch = createFakeFetch(handler);
 */
export type FakeHandler = (request: RecordedRequest, index: number) => FakeReply | Promise<FakeReply>;

/**
 * A `fetch` replacement that records its calls.
 *
 * @example
 * import { Cashfree } from 'cashfree-kit';
 * const fetch: FakeFetch = createFakeFetch();
 * const client = new Cashfree({ appId: 'app', secretKey: 'secret', environment: 'sandbox', fetch });
 * await client.orders.get('order_001');
 * console.log(fetch.calls.length); // 1
 * fetch.reset();
 */
export interface FakeFetch {
  (input: string | URL | Request, init?: RequestInit): Promise<Response>;
  /** Every request received, oldest first. */
  readonly calls: RecordedRequest[];
  /** The most recent request. */
  readonly lastCall: RecordedRequest | undefined;
  /** Forgets the recorded calls. */
  reset(): void;
}

/**
 * A fake `fetch` that records each request and answers with `handler`'s reply (default: 200 `{}`).
 * A reply that is an `Error` is thrown, like a network failure. While the handler's reply is
 * pending, aborting the request's signal rejects the call with the signal's reason, as real fetch does.
 *
 * @example
 * import { Cashfree } from 'cashfree-kit';
 * const fetch = createFakeFetch((request) => jsonResponse({ order_id: request.json?.order_id, order_status: 'ACTIVE' }));
 * const client = new Cashfree({ appId: 'app', secretKey: 'secret', environment: 'sandbox', fetch });
 * await client.orders.create(order);
 * console.log(fetch.calls[0]?.json); // the body the SDK sent
 */
export function createFakeFetch(handler: FakeHandler = () => jsonResponse({})): FakeFetch {
  const calls: RecordedRequest[] = [];
  const fake = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const request = await record(input, init);
    const index = calls.length;
    calls.push(request);
    const reply = await untilAborted(Promise.resolve(handler(request, index)), request.signal);
    if (reply instanceof Error) throw reply;
    return reply;
  };
  // defineProperties, not Object.assign: assign would read the getter once instead of copying it.
  return Object.defineProperties(fake, {
    calls: { value: calls, enumerable: true },
    lastCall: { get: () => calls.at(-1), enumerable: true },
    reset: {
      value: () => {
        calls.length = 0;
      },
    },
  }) as FakeFetch;
}

/**
 * A JSON `Response`, as Cashfree sends: status 200 unless given, `content-type: application/json`.
 *
 * @example jsonResponse({ message: 'order not found', code: 'order_not_found', type: 'invalid_request_error' }, { status: 404 })
 */
export function jsonResponse(
  body: unknown,
  init: { status?: number; headers?: Record<string, string> } = {},
): Response {
  return new Response(JSON.stringify(body), {
    status: init.status ?? 200,
    headers: { 'content-type': 'application/json', ...init.headers },
  });
}

/**
 * A Cashfree-shaped error `Response` (`{ message, code, type }`).
 *
 * @example errorResponse(409, 'order with same id is already present', 'order_already_exists')
 */
export function errorResponse(
  status: number,
  message: string,
  code: string,
  type = status === 401 ? 'authentication_error' : status >= 500 ? 'api_error' : 'invalid_request_error',
  headers: Record<string, string> = {},
): Response {
  return jsonResponse({ message, code, type }, { status, headers });
}

/**
 * The error real `fetch` throws when a connection fails: `TypeError('fetch failed')` with a cause.
 *
 * @example
 * import { Cashfree } from 'cashfree-kit';
 * const fetch = createFakeFetch(() => networkError('ECONNREFUSED'));
 * const client = new Cashfree({ appId: 'app', secretKey: 'secret', environment: 'sandbox', fetch, maxRetries: 0 });
 * await client.orders.get('order_001').catch((error: unknown) => console.log(error)); // a ConnectionError
 */
export function networkError(code = 'ECONNRESET', message = 'fetch failed'): TypeError {
  const cause = Object.assign(new Error(`socket failure: ${code}`), { code });
  return new TypeError(message, { cause });
}

/**
 * A handler that answers with each reply in turn and repeats the last one, e.g.
 * `sequence(errorResponse(503, …), jsonResponse(order))` to test a retry.
 * Responses are cloned, so one `Response` can be served many times.
 *
 * @example
 * import { Cashfree } from 'cashfree-kit';
 * const fetch = createFakeFetch(sequence(errorResponse(503, 'try later', 'internal_error'), jsonResponse({ order_status: 'PAID' })));
 * const client = new Cashfree({ appId: 'app', secretKey: 'secret', environment: 'sandbox', fetch });
 * const { order_status } = await client.orders.get('order_001'); // 'PAID', after one retry
 */
export function sequence(...replies: FakeReply[]): FakeHandler {
  if (replies.length === 0) throw new TypeError('sequence() needs at least one reply.');
  return (_request, index) => {
    const reply = replies[Math.min(index, replies.length - 1)] as FakeReply;
    return reply instanceof Response ? reply.clone() : reply;
  };
}

async function record(input: string | URL | Request, init: RequestInit): Promise<RecordedRequest> {
  const request = input instanceof Request ? input : undefined;
  const url = new URL(request ? request.url : String(input));
  const headers: Record<string, string> = {};
  new Headers(init.headers ?? request?.headers).forEach((value, name) => {
    headers[name] = value;
  });
  const body = await bodyText(init.body ?? (request?.body ? await request.clone().text() : undefined));
  return {
    method: (init.method ?? request?.method ?? 'GET').toUpperCase(),
    url: url.toString(),
    path: url.pathname,
    query: url.searchParams,
    headers,
    body,
    json: parseJson(body),
    signal: init.signal ?? request?.signal ?? undefined,
  };
}

async function bodyText(body: BodyInit | null | undefined): Promise<string | undefined> {
  if (body === null || body === undefined) return undefined;
  if (typeof body === 'string') return body;
  return new Response(body).text();
}

function parseJson(text: string | undefined): unknown {
  if (text === undefined || text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

// Re-exported so tests need one import for fakes and signed webhooks alike.
export { signWebhook } from '../webhooks/sign.js';
