import {
  ApiError,
  ConnectionError,
  isCashfreeError,
  RequestAbortedError,
  TimeoutError,
} from './core/errors.js';
import type { Environment } from './environment.js';
import {
  clientOptionsFromEnv,
  type ResolvedOptions,
  resolveClientOptions,
} from './internal/client-options.js';
import { randomId } from './internal/ids.js';
import { redactHeaders, redactValue, scrubError, secretVariants } from './internal/redact.js';
import { isRetryableStatus, retryDelayMs, sleep } from './internal/retry.js';
import { Links } from './resources/links.js';
import { Orders } from './resources/orders.js';
import { Payments } from './resources/payments.js';
import { Refunds } from './resources/refunds.js';
import { Settlements } from './resources/settlements.js';
import { Simulations } from './resources/simulations.js';
import { VERSION } from './version.js';

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

/**
 * Seams for the SDK's own tests, so that retries are asserted without waiting. Not part of the
 * public options and may change at any time.
 *
 * @internal
 */
export interface ClientInternals {
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
}

/** One logical call: everything that stays the same across its attempts. */
interface Call {
  method: string;
  url: string;
  headers: Headers;
  body: string | undefined;
  requestId: string;
  idempotencyKey: string | undefined;
  timeoutMs: number;
  maxRetries: number;
  signal: AbortSignal | undefined;
}

interface Answer {
  response: Response;
  body: unknown;
  durationMs: number;
}

/**
 * The Cashfree Payments PG client: typed resources, validation before the wire, retries with
 * idempotency keys, timeouts and typed errors. No telemetry: nothing is sent anywhere but to the
 * base URL.
 *
 * @example
 * const cashfree = new Cashfree({ appId, secretKey, environment: 'sandbox' });
 * const order = await cashfree.orders.create({
 *   order_id: 'order_001', order_amount: 499.0, order_currency: 'INR',
 *   customer_details: { customer_id: 'cust_001', customer_phone: '9876543210' },
 * });
 * @see https://www.cashfree.com/docs/api-reference/payments/latest/orders/create
 */
export class Cashfree {
  /** Create, fetch, terminate and pay orders. */
  readonly orders: Orders = new Orders(this);
  /** Payments of an order. */
  readonly payments: Payments = new Payments(this);
  /** Refunds of an order. */
  readonly refunds: Refunds = new Refunds(this);
  /** Payment links. */
  readonly links: Links = new Links(this);
  /** Settlements and settlement reconciliation. */
  readonly settlements: Settlements = new Settlements(this);
  /** Sandbox payment simulations (`/simulate`). */
  readonly simulations: Simulations = new Simulations(this);

  /** `sandbox` or `production`. */
  readonly environment: Environment;
  /** The base URL every path is appended to, without a trailing slash. */
  readonly baseUrl: string;
  /** The default `x-api-version`. */
  readonly apiVersion: string;
  /** The default per-attempt timeout in ms. */
  readonly timeoutMs: number;
  /** The default number of retries. */
  readonly maxRetries: number;
  /** The app id (`x-client-id`); not a secret. */
  readonly appId: string;

  // Private fields, so the secret never shows in util.inspect, JSON.stringify or a debugger's
  // property list of the client.
  readonly #options: ResolvedOptions;
  readonly #secrets: readonly string[];
  readonly #sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly #random: () => number;

  /**
   * @throws ValidationError for a missing credential, an unknown environment, a bad option, or
   *   when there is no `fetch` to use
   */
  constructor(options: ClientOptions, internals: ClientInternals = {}) {
    this.#options = resolveClientOptions(options);
    this.#secrets = secretVariants(this.#options.secretKey);
    this.#sleep = internals.sleep ?? sleep;
    this.#random = internals.random ?? Math.random;
    this.environment = this.#options.environment;
    this.baseUrl = this.#options.baseUrl;
    this.apiVersion = this.#options.apiVersion;
    this.timeoutMs = this.#options.timeoutMs;
    this.maxRetries = this.#options.maxRetries;
    this.appId = this.#options.appId;
  }

  /**
   * A client configured from environment variables: `CASHFREE_APP_ID`, `CASHFREE_SECRET_KEY`,
   * `CASHFREE_ENV` (`TEST`/`sandbox` or `PROD`/`production`, any case; default sandbox) and
   * `CASHFREE_BASE_URL` (optional, e.g. the local sandbox). `options` override the variables.
   *
   * @param env the variables; default `process.env` where it exists
   * @example const cashfree = Cashfree.fromEnv();
   * @throws ValidationError naming the missing or malformed variable
   */
  static fromEnv(
    env?: Record<string, string | undefined>,
    options: Partial<ClientOptions> = {},
    internals: ClientInternals = {},
  ): Cashfree {
    return new Cashfree({ ...clientOptionsFromEnv(env), ...options }, internals);
  }

  /**
   * `GET path`, for an endpoint the resources do not cover yet.
   *
   * @example const order = await cashfree.get<OrderEntity>('/orders/order_001');
   */
  get<T>(path: string, parts: RequestParts = {}, options?: RequestOptions): Promise<T> {
    return this.request<T>('GET', path, parts, options);
  }

  /**
   * `POST path` with a JSON body and an idempotency key.
   *
   * @example const link = await cashfree.post<LinkEntity>('/links/link_001/cancel');
   */
  post<T>(path: string, parts: RequestParts = {}, options?: RequestOptions): Promise<T> {
    return this.request<T>('POST', path, parts, options);
  }

  /**
   * `PATCH path` with a JSON body and an idempotency key.
   *
   * @example const order = await cashfree.patch<OrderEntity>('/orders/order_001', { body: { order_status: 'TERMINATED' } });
   */
  patch<T>(path: string, parts: RequestParts = {}, options?: RequestOptions): Promise<T> {
    return this.request<T>('PATCH', path, parts, options);
  }

  /**
   * Sends one logical call, with retries, and returns the parsed JSON body. Every error it throws
   * is a `CashfreeError` with the secret key scrubbed out.
   *
   * @param path a path below the base URL, e.g. `/orders`; build it with encoded parameters
   * @example
   * const id = encodeURIComponent('order_001');
   * const payments = await cashfree.request<PaymentEntity[]>('GET', `/orders/${id}/payments`);
   */
  async request<T>(
    method: string,
    path: string,
    parts: RequestParts = {},
    options: RequestOptions = {},
  ): Promise<T> {
    try {
      parts.validate?.(parts.body);
      return (await this.#send(this.#prepare(method.toUpperCase(), path, parts, options))) as T;
    } catch (error) {
      if (error instanceof Error && isCashfreeError(error)) throw scrubError(error, this.#secrets);
      // Anything else (a TypeError from a runtime, a hook's own error) may quote a header value.
      throw redactValue(error, this.#secrets);
    }
  }

  #prepare(method: string, path: string, parts: RequestParts, options: RequestOptions): Call {
    const url = new URL(this.baseUrl + path);
    for (const [name, value] of Object.entries(parts.query ?? {})) {
      if (value !== undefined) url.searchParams.set(name, value);
    }
    const requestId = options.requestId ?? randomId();
    // One key per logical call, reused by every retry, so Cashfree can recognise the repeat.
    const idempotencyKey = method === 'GET' ? undefined : (options.idempotencyKey ?? randomId());
    const headers = new Headers({
      accept: 'application/json',
      'x-client-id': this.appId,
      'x-client-secret': this.#options.secretKey,
      'x-api-version': options.apiVersion ?? this.apiVersion,
      'x-request-id': requestId,
      'x-sdk-platform': `cashfree-kit/${VERSION}`,
    });
    if (idempotencyKey !== undefined) headers.set('x-idempotency-key', idempotencyKey);
    const body = parts.body === undefined ? undefined : JSON.stringify(parts.body);
    if (body !== undefined) headers.set('content-type', 'application/json');
    for (const [name, value] of Object.entries(options.headers ?? {})) headers.set(name, value);
    return {
      method,
      url: url.toString(),
      headers,
      body,
      requestId,
      idempotencyKey,
      timeoutMs: options.timeoutMs ?? this.timeoutMs,
      maxRetries: options.maxRetries ?? this.maxRetries,
      signal: options.signal,
    };
  }

  async #send(call: Call): Promise<unknown> {
    for (let attempt = 1; ; attempt += 1) {
      const canRetry = attempt <= call.maxRetries;
      let answer: Answer;
      try {
        answer = await this.#attempt(call, attempt);
      } catch (error) {
        if (!(error instanceof ConnectionError) || !canRetry) throw error;
        await this.#wait(call, retryDelayMs(attempt, {}, this.#random) ?? 0);
        continue;
      }

      const { response, body, durationMs } = answer;
      const failed = !response.ok || typeof body === 'string';
      const error = failed ? ApiError.from(response, body, call.requestId) : undefined;
      const delay =
        error && canRetry && isRetryableStatus(response.status)
          ? retryDelayMs(attempt, error.headers, this.#random)
          : undefined;
      await this.#options.onResponse?.({
        ...this.#event(call, attempt),
        status: response.status,
        durationMs,
        requestId: response.headers.get('x-request-id') || call.requestId,
        willRetry: delay !== undefined,
      });
      if (!error) return body;
      if (delay === undefined) throw error;
      await this.#wait(call, delay);
    }
  }

  /** One HTTP exchange, bounded by the timeout and the caller's signal. */
  async #attempt(call: Call, attempt: number): Promise<Answer> {
    if (call.signal?.aborted) throw this.#aborted(call);
    await this.#options.onRequest?.(this.#event(call, attempt));

    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, call.timeoutMs);
    const forwardAbort = () => controller.abort();
    call.signal?.addEventListener('abort', forwardAbort, { once: true });
    const started = performance.now();
    const fetch = this.#options.fetch;
    try {
      const response = await fetch(call.url, {
        method: call.method,
        headers: call.headers,
        body: call.body ?? null,
        signal: controller.signal,
      });
      const text = await response.text();
      return { response, body: parseBody(text), durationMs: performance.now() - started };
    } catch (error) {
      const where = `${call.method} ${call.url} (attempt ${attempt} of ${call.maxRetries + 1})`;
      if (call.signal?.aborted) throw this.#aborted(call);
      if (timedOut) {
        throw new TimeoutError(
          `${where} got no response within ${call.timeoutMs} ms. Raise timeoutMs (client or per call) ` +
            'if Cashfree is slow, or check that baseUrl is reachable.',
          call.timeoutMs,
          { cause: error },
        );
      }
      throw new ConnectionError(
        `Could not reach Cashfree: ${where} failed: ${describeFailure(error)}. ` +
          `Check network access to ${this.baseUrl} (or the baseUrl / CASHFREE_BASE_URL setting).`,
        { cause: error },
      );
    } finally {
      clearTimeout(timer);
      call.signal?.removeEventListener('abort', forwardAbort);
    }
  }

  /** The backoff between attempts; the caller's signal cuts it short. */
  async #wait(call: Call, ms: number): Promise<void> {
    try {
      await this.#sleep(ms, call.signal);
    } catch (error) {
      if (call.signal?.aborted) throw this.#aborted(call);
      throw error;
    }
  }

  #aborted(call: Call): RequestAbortedError {
    return new RequestAbortedError(`${call.method} ${call.url} was aborted by the caller's signal.`, {
      cause: call.signal?.reason,
    });
  }

  #event(call: Call, attempt: number): RequestEvent {
    return {
      method: call.method,
      url: call.url,
      headers: redactHeaders(call.headers),
      attempt,
      requestId: call.requestId,
      idempotencyKey: call.idempotencyKey,
    };
  }
}

/** JSON when the body parses, the raw text when it does not, `undefined` when empty. */
function parseBody(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** "fetch failed (ECONNREFUSED)": the failure's message and, when present, its cause's code. */
function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause as { code?: unknown; message?: unknown } | undefined;
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  return code ? `${error.message} (${code})` : error.message;
}
