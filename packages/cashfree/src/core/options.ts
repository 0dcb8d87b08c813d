/**
 * The shapes callers hand to the client: its options, per-call options, and what the hooks see.
 * Types only, so the client, its transport and the resources can all depend on them without
 * depending on each other.
 */
import type { Environment } from '../environment.js';
import type { ConnectionError, RequestAbortedError, TimeoutError } from './errors.js';

/**
 * The `fetch` the client calls; `globalThis.fetch` unless you pass your own.
 *
 * @example
 * const logged: Fetch = async (input, init) => {
 *   const response = await fetch(input, init);
 *   console.log(init?.method, String(input), response.status);
 *   return response;
 * };
 * const client = new Cashfree({ appId, secretKey, environment: 'sandbox', fetch: logged });
 */
export type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/**
 * What `onRequest` sees before each attempt. Credential headers are `[REDACTED]`.
 *
 * @example
 * const onRequest = (event: RequestEvent) =>
 *   console.log(`${event.method} ${event.url} attempt ${event.attempt} (${event.requestId})`);
 * const client = new Cashfree({ appId, secretKey, environment: 'sandbox', onRequest });
 */
export interface RequestEvent {
  method: string;
  url: string;
  headers: Record<string, string>;
  /** 1 for the first attempt, 2 for the first retry… */
  attempt: number;
  requestId: string;
  idempotencyKey: string | undefined;
}

/**
 * What `onResponse` sees after each attempt that got a response.
 *
 * @example
 * const onResponse = (event: ResponseEvent) =>
 *   console.log(`${event.status} in ${Math.round(event.durationMs)} ms${event.willRetry ? ', retrying' : ''}`);
 * const client = new Cashfree({ appId, secretKey, environment: 'sandbox', onResponse });
 */
export interface ResponseEvent extends RequestEvent {
  status: number;
  durationMs: number;
  /** True when this response will be retried. */
  willRetry: boolean;
}

/**
 * What `onError` sees after each attempt that ended without a response: the network failed, the
 * attempt timed out, or the caller aborted it. Redacted like the other events; `error` is the
 * error the call rejects with when this was its last attempt.
 *
 * @example
 * const onError = (e: RequestErrorEvent) =>
 *   console.warn(`${e.method} ${e.url} attempt ${e.attempt}: ${e.errorName} after ${e.durationMs} ms`, e.willRetry ? 'retrying' : 'giving up');
 * const client = new Cashfree({ appId, secretKey, environment: 'sandbox', onError });
 */
export interface RequestErrorEvent extends RequestEvent {
  /** From the start of the attempt until it failed. */
  durationMs: number;
  /** The failure, with the secret key scrubbed from its message, stack and cause chain. */
  error: ConnectionError | TimeoutError | RequestAbortedError;
  /** `error.name`, for logs: `ConnectionError`, `TimeoutError` or `RequestAbortedError`. */
  errorName: string;
  /** True when another attempt follows (a network failure or timeout with retries left). */
  willRetry: boolean;
}

/**
 * Options for `new Cashfree(...)`.
 *
 * @example
 * const options: ClientOptions = {
 *   appId: process.env.CASHFREE_APP_ID ?? '',
 *   secretKey: process.env.CASHFREE_SECRET_KEY ?? '',
 *   environment: 'sandbox',
 *   timeoutMs: 10_000,
 *   maxRetries: 3,
 * };
 * const client = new Cashfree(options);
 */
export interface ClientOptions {
  /** Your app id (`x-client-id`), from Dashboard → Developers → API Keys. */
  appId: string;
  /** Your secret key (`x-client-secret`). Never appears in errors, hooks or logs from this SDK. */
  secretKey: string;
  /** `sandbox` or `production`; picks the base URL unless `baseUrl` is given. */
  environment: Environment;
  /** Overrides the base URL, e.g. `http://127.0.0.1:8080/pg` for the local sandbox. */
  baseUrl?: string | undefined;
  /** `x-api-version`, `YYYY-MM-DD`. Default `2025-01-01`. */
  apiVersion?: string | undefined;
  /** Per-attempt timeout in ms. Default 30 000. */
  timeoutMs?: number | undefined;
  /** Retries after the first attempt for network errors, 429 and 500/502/503/504. Default 2. */
  maxRetries?: number | undefined;
  /** The fetch to use. Default `globalThis.fetch`. */
  fetch?: Fetch | undefined;
  /** Called before every attempt. A hook that throws fails the call. */
  onRequest?: ((event: RequestEvent) => void | Promise<void>) | undefined;
  /** Called after every attempt that got a response, including error responses. */
  onResponse?: ((event: ResponseEvent) => void | Promise<void>) | undefined;
  /**
   * Called after every attempt that got no response: a network failure, a timeout, an abort.
   * Every `onRequest` is followed by exactly one `onResponse` or `onError`, so a log built on
   * the hooks sees the end of every attempt, including the ones that failed. A hook that throws
   * fails the call.
   *
   * @example
   * ```ts
   * const cashfree = new Cashfree({
   *   appId, secretKey, environment: 'sandbox',
   *   onResponse: (e) => log.info({ attempt: e.attempt, status: e.status, ms: e.durationMs }),
   *   onError: (e) => log.warn({ attempt: e.attempt, error: e.errorName, retry: e.willRetry, ms: e.durationMs }),
   * });
   * ```
   */
  onError?: ((event: RequestErrorEvent) => void | Promise<void>) | undefined;
}

/**
 * Per-call options, the last argument of every resource method.
 *
 * @example
 * const options: RequestOptions = { idempotencyKey: 'refund-order_001-1', timeoutMs: 5_000 };
 * await cashfree.refunds.create('order_001', { refund_id: 'refund_001', refund_amount: 100 }, options);
 */
export interface RequestOptions {
  /** `x-api-version` for this call only. */
  apiVersion?: string | undefined;
  /** `x-idempotency-key` for this call (non-GET only). Default: a new UUID per call, kept across retries. */
  idempotencyKey?: string | undefined;
  /** `x-request-id` for this call. Default: a new UUID per call, kept across retries. */
  requestId?: string | undefined;
  /** Per-attempt timeout in ms for this call. */
  timeoutMs?: number | undefined;
  /** Retries for this call. */
  maxRetries?: number | undefined;
  /** Aborts the call (and any pending retry) with a `RequestAbortedError`. */
  signal?: AbortSignal | undefined;
  /** Extra headers for this call. */
  headers?: Record<string, string> | undefined;
}

/**
 * The parts of a request besides method and path, for `cashfree.request()`.
 *
 * @example
 * const parts: RequestParts = { query: { status: 'ALL' } };
 * const orders = await cashfree.request<unknown[]>('GET', '/links/link_001/orders', parts);
 */
export interface RequestParts {
  /** JSON body. */
  body?: unknown;
  /** Query parameters; `undefined` values are left out. */
  query?: Record<string, string | undefined>;
  /** Runs before anything is sent; throws a `ValidationError` for a bad body. */
  validate?: (body: unknown) => void;
}
