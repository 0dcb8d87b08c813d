/**
 * The request path every API call takes: build the request, then attempt it (bounded by the
 * timeout and the caller's signal), retrying what is safe to retry, with hooks around each
 * attempt. Resources call this, never the public client, so the client can import them freely.
 */
import {
  ApiError,
  ConnectionError,
  isCashfreeError,
  RequestAbortedError,
  TimeoutError,
} from '../core/errors.js';
import type { RequestEvent, RequestOptions, RequestParts } from '../core/options.js';
import { API_HEADERS } from '../operations/headers.js';
import { VERSION } from '../version.js';
import type { ResolvedOptions } from './client-options.js';
import { randomId } from './ids.js';
import { redactHeaders, redactValue, scrubError, secretVariants } from './redact.js';
import { isRetryableStatus, retryDelayMs, sleep } from './retry.js';

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
  headers: Headers | Record<string, string>;
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
}

/** Sends calls for one client configuration. Holds the secret in private fields only. */
export class Transport {
  readonly #options: ResolvedOptions;
  readonly #secrets: readonly string[];
  readonly #sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly #random: () => number;

  constructor(options: ResolvedOptions, internals: ClientInternals = {}) {
    this.#options = options;
    this.#secrets = secretVariants(options.secretKey);
    this.#sleep = internals.sleep ?? sleep;
    this.#random = internals.random ?? Math.random;
  }

  /** `GET path`. */
  get<T>(path: string, parts: RequestParts = {}, options?: RequestOptions): Promise<T> {
    return this.request<T>('GET', path, parts, options);
  }

  /** `POST path` with a JSON body and an idempotency key. */
  post<T>(path: string, parts: RequestParts = {}, options?: RequestOptions): Promise<T> {
    return this.request<T>('POST', path, parts, options);
  }

  /** `PATCH path` with a JSON body and an idempotency key. */
  patch<T>(path: string, parts: RequestParts = {}, options?: RequestOptions): Promise<T> {
    return this.request<T>('PATCH', path, parts, options);
  }

  /**
   * Sends one logical call, with retries, and returns the parsed JSON body. Every error it throws
   * is a `CashfreeError` with the secret key scrubbed out.
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
    // Concatenation is enough: baseUrl is a normalised URL without query, and fetch parses the
    // result anyway, so a URL object here would only add its cost to every call.
    const query = queryString(parts.query);
    const url = this.#options.baseUrl + path + (query && (path.includes('?') ? '&' : '?') + query);
    const requestId = options.requestId ?? randomId();
    // One key per logical call, reused by every retry, so Cashfree can recognise the repeat.
    const idempotencyKey =
      method === 'GET' || !this.#options.idempotencyKeys ? undefined : (options.idempotencyKey ?? randomId());
    const headers: Record<string, string> = {
      accept: 'application/json',
      [API_HEADERS.clientId]: this.#options.appId,
      [API_HEADERS.clientSecret]: this.#options.secretKey,
      [API_HEADERS.apiVersion]: options.apiVersion ?? this.#options.apiVersion,
      [API_HEADERS.requestId]: requestId,
      'x-sdk-platform': `cashfree-kit/${VERSION}`,
    };
    if (idempotencyKey !== undefined) headers[API_HEADERS.idempotencyKey] = idempotencyKey;
    const body = parts.body === undefined ? undefined : JSON.stringify(parts.body);
    if (body !== undefined) headers['content-type'] = 'application/json';
    for (const [name, value] of Object.entries(options.headers ?? {})) headers[name.toLowerCase()] = value;
    return {
      method,
      url,
      // The client's own values were checked when it was built; a caller's per-call values go
      // through Headers, so a bad one fails here as a TypeError rather than inside fetch, where
      // it would read as a connection failure.
      headers: callerSetHeaders(options) ? new Headers(headers) : headers,
      body,
      requestId,
      idempotencyKey,
      timeoutMs: options.timeoutMs ?? this.#options.timeoutMs,
      maxRetries: options.maxRetries ?? this.#options.maxRetries,
      signal: options.signal,
    };
  }

  async #send(call: Call): Promise<unknown> {
    const { onRequest, onResponse, onError } = this.#options;
    // Timing is read only for a hook that reports it: without hooks a call pays for neither the
    // clock nor an await of an absent hook's undefined (a microtask turn each).
    const timed = onResponse !== undefined || onError !== undefined;
    for (let attempt = 1; ; attempt += 1) {
      if (call.signal?.aborted) throw this.#aborted(call);
      const canRetry = attempt <= call.maxRetries;
      if (onRequest) await onRequest(this.#event(call, attempt));
      const started = timed ? performance.now() : 0;
      let answer: Answer;
      try {
        // The caller may have given up while onRequest ran; the attempt would not hear it until
        // its timeout, since the abort came before it listened.
        if (call.signal?.aborted) throw this.#aborted(call);
        answer = await this.#attempt(call, attempt);
      } catch (failure) {
        // Scrubbed before the hook sees it: a runtime's cause may quote a header value.
        const error = scrubError(failure as ConnectionError | RequestAbortedError, this.#secrets);
        const willRetry = error instanceof ConnectionError && canRetry;
        if (onError) {
          await onError({
            ...this.#event(call, attempt),
            durationMs: performance.now() - started,
            error,
            errorName: error.name,
            willRetry,
          });
        }
        if (!willRetry) throw error;
        await this.#wait(call, retryDelayMs(attempt, {}, this.#random) ?? 0);
        continue;
      }

      const { response, body } = answer;
      const failed = !response.ok || typeof body === 'string';
      const error = failed ? ApiError.from(response, body, call.requestId) : undefined;
      const delay =
        error && canRetry && isRetryableStatus(response.status)
          ? retryDelayMs(attempt, error.headers, this.#random)
          : undefined;
      if (onResponse) {
        await onResponse({
          ...this.#event(call, attempt),
          status: response.status,
          durationMs: performance.now() - started,
          requestId: response.headers.get(API_HEADERS.requestId) || call.requestId,
          willRetry: delay !== undefined,
        });
      }
      if (!error) return body;
      if (delay === undefined) throw error;
      await this.#wait(call, delay);
    }
  }

  /**
   * One HTTP exchange, bounded by the timeout and the caller's signal. Throws only a
   * `TimeoutError`, a `ConnectionError` or a `RequestAbortedError`.
   */
  async #attempt(call: Call, attempt: number): Promise<Answer> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, call.timeoutMs);
    const forwardAbort = () => controller.abort();
    call.signal?.addEventListener('abort', forwardAbort, { once: true });
    const fetch = this.#options.fetch;
    try {
      const response = await fetch(call.url, {
        method: call.method,
        headers: call.headers,
        body: call.body ?? null,
        signal: controller.signal,
      });
      const text = await response.text();
      return { response, body: parseBody(text) };
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
          `Check network access to ${this.#options.baseUrl} (or the baseUrl / CASHFREE_BASE_URL setting).`,
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

/** `a=1&b=2` from the defined entries of `query`, or `''` when there are none. */
function queryString(query: RequestParts['query']): string {
  if (query === undefined) return '';
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) params.set(name, value);
  }
  return params.toString();
}

/** Whether the call carries header values of the caller's own, which the client has not checked. */
function callerSetHeaders(options: RequestOptions): boolean {
  return (
    options.headers !== undefined ||
    options.requestId !== undefined ||
    options.idempotencyKey !== undefined ||
    options.apiVersion !== undefined
  );
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
