import { retryAfterSeconds } from '../internal/retry-after.js';
import { API_HEADERS } from '../operations/headers.js';

/**
 * Every error cashfree-kit throws carries this brand. `Symbol.for` uses the global symbol registry,
 * so the brand survives a second installed copy of the package and other realms, where
 * `instanceof` fails.
 */
const brand = Symbol.for('cashfree-kit.error');

/**
 * The root of every error this SDK throws. Catch `CashfreeError` to handle them all; use
 * `isCashfreeError()` when the error may come from another copy of the package.
 *
 * @example
 * try {
 *   await cashfree.orders.create(order);
 * } catch (error) {
 *   if (error instanceof CashfreeError) console.error(error.name, error.message);
 *   else throw error;
 * }
 */
export class CashfreeError extends Error {
  override name = 'CashfreeError';
  declare readonly [brand]: true;

  /**
   * The error's name, message and own fields (status, code, field…), without the stack. Loggers
   * that serialise errors with `JSON.stringify` get something useful and nothing secret: the
   * client scrubs its secret key from every field before an error leaves it.
   *
   * @example
   * try { await cashfree.orders.get('order_001') } catch (error) {
   *   if (isCashfreeError(error)) console.error(JSON.stringify(error)); // {"name":"NotFoundError",…}
   * }
   */
  toJSON(): Record<string, unknown> {
    const json: Record<string, unknown> = { name: this.name, message: this.message };
    for (const [key, value] of Object.entries(this)) {
      if (key !== 'stack' && key !== 'cause') json[key] = value;
    }
    return json;
  }
}
Object.defineProperty(CashfreeError.prototype, brand, { value: true });

/**
 * True for any error thrown by cashfree-kit, even from a second installed copy.
 *
 * @example
 * try { await cashfree.orders.get('order_001') } catch (error) {
 *   if (!isCashfreeError(error)) throw error; // not ours: a bug elsewhere
 * }
 */
export function isCashfreeError(error: unknown): error is CashfreeError {
  return error instanceof CashfreeError || (typeof error === 'object' && error !== null && brand in error);
}

/**
 * Builds an `is*Error` guard that works across duplicate installs: `instanceof` first, then the
 * brand plus one of the class names (the class and its subclasses), because a second copy of the
 * package has its own, unrelated classes with the same names.
 */
function guardFor<T extends CashfreeError>(
  type: abstract new (...args: never[]) => T,
  names: readonly string[],
): (error: unknown) => error is T {
  return (error: unknown): error is T =>
    error instanceof type || (isCashfreeError(error) && names.includes(error.name));
}

// ---------------------------------------------------------------------------------------------
// Raised before anything is sent
// ---------------------------------------------------------------------------------------------

/**
 * An input was rejected before any request was sent: a bad option, a missing environment
 * variable, or a request body Cashfree would refuse. The message names the field, the value
 * received and the fix.
 *
 * @example
 * try { await cashfree.orders.create(order) } catch (error) {
 *   if (isValidationError(error)) console.error(error.field, error.message);
 * }
 */
export class ValidationError extends CashfreeError {
  override name = 'ValidationError' as const;
  /** The field path, e.g. `customer_details.customer_phone`, or the option / variable name. */
  readonly field: string;
  /** The value that was received. */
  readonly value: unknown;

  constructor(field: string, value: unknown, message: string) {
    super(message);
    this.field = field;
    this.value = value;
  }
}

// ---------------------------------------------------------------------------------------------
// Transport failures: no HTTP response was received
// ---------------------------------------------------------------------------------------------

/**
 * Cashfree could not be reached: DNS, refused or reset connection, TLS failure. Retried.
 *
 * @example
 * try { await cashfree.orders.get('order_001') } catch (error) {
 *   if (error instanceof ConnectionError) console.error('network problem, the order may exist:', error.message);
 * }
 */
export class ConnectionError extends CashfreeError {
  override name: 'ConnectionError' | 'TimeoutError' = 'ConnectionError';
}

/**
 * No response arrived within `timeoutMs` (per attempt). Retried like a connection error.
 *
 * @example
 * try { await cashfree.orders.get('order_001', { timeoutMs: 2_000 }) } catch (error) {
 *   if (error instanceof TimeoutError) console.error(`no answer in ${error.timeoutMs} ms`);
 * }
 */
export class TimeoutError extends ConnectionError {
  override name = 'TimeoutError' as const;
  /** The timeout that expired, in milliseconds. */
  readonly timeoutMs: number;

  constructor(message: string, timeoutMs: number, options?: ErrorOptions) {
    super(message, options);
    this.timeoutMs = timeoutMs;
  }
}

/**
 * The caller's `signal` aborted the call. Never retried. `cause` is the signal's reason.
 *
 * @example
 * const signal = AbortSignal.timeout(1_000);
 * try { await cashfree.orders.get('order_001', { signal }) } catch (error) {
 *   if (error instanceof RequestAbortedError) console.error('gave up:', error.cause);
 * }
 */
export class RequestAbortedError extends CashfreeError {
  override name = 'RequestAbortedError' as const;
}

// ---------------------------------------------------------------------------------------------
// Cashfree answered with an error
// ---------------------------------------------------------------------------------------------

/**
 * The JSON error body Cashfree sends with every non-2xx response.
 *
 * @example
 * const body: CashfreeErrorBody = { message: 'order with same id is already present', code: 'order_already_exists', type: 'invalid_request_error' };
 */
export interface CashfreeErrorBody {
  message?: string;
  code?: string;
  type?: string;
  help?: string;
}

/**
 * What `ApiError.from` needs from a response: a status and headers. A fetch `Response` fits.
 *
 * @example
 * const response: ResponseLike = { status: 404, headers: new Headers({ 'x-request-id': 'req_1' }) };
 * const error = ApiError.from(response, { code: 'order_not_found', message: 'Order Reference Id does not exist' });
 */
export interface ResponseLike {
  status: number;
  headers: Headers;
}

/**
 * Cashfree answered with an error status. Subclasses by status: `BadRequestError` (400),
 * `AuthenticationError` (401), `NotFoundError` (404), `ConflictError` (409), `IdempotencyError`
 * (type `idempotency_error`, or a 422 of another type), `RateLimitError` (429), `ServerError` (≥ 500).
 *
 * What the error means, its likely cause and how to fix it: {@link explainError}`(error)`, from
 * the same catalogue as `docs/errors.md` and `cashfree errors explain`. It is a separate function,
 * not a property, so that code which never explains errors (the webhook entry points) does not
 * bundle the catalogue; {@link ApiError.help | help} is only what Cashfree itself sent.
 *
 * @example
 * try { await cashfree.orders.get('order_001') } catch (error) {
 *   if (error instanceof ApiError) console.error(error.status, error.code, error.requestId, explainError(error)?.fix);
 * }
 * @see https://www.cashfree.com/docs/api-reference/payments/errors
 */
export class ApiError extends CashfreeError {
  override name:
    | 'ApiError'
    | 'BadRequestError'
    | 'AuthenticationError'
    | 'NotFoundError'
    | 'ConflictError'
    | 'IdempotencyError'
    | 'RateLimitError'
    | 'ServerError' = 'ApiError';
  /** HTTP status. */
  readonly status: number;
  /** Cashfree's machine-readable code, e.g. `order_already_exists`. */
  readonly code: string | undefined;
  /** Cashfree's error type, e.g. `invalid_request_error`, `authentication_error`. */
  readonly type: string | undefined;
  /**
   * Cashfree's own `help` field from the response (a pointer to the dashboard's API logs), when it
   * sent one. For cashfree-kit's advice on the code (meaning, cause, fix) call
   * {@link explainError}`(error)`.
   */
  readonly help: string | undefined;
  /** The `x-request-id` of the call; quote it to Cashfree support. */
  readonly requestId: string | undefined;
  /** Response headers, lower-case names. */
  readonly headers: Record<string, string>;
  /** The parsed response body (or its text when it was not JSON). */
  readonly body: unknown;

  constructor(status: number, body: unknown, headers: Record<string, string>, requestId?: string) {
    const fields = errorFields(body);
    super(describe(status, fields, body, requestId));
    this.status = status;
    this.code = fields.code;
    this.type = fields.type;
    this.help = fields.help;
    this.requestId = requestId;
    this.headers = headers;
    this.body = body;
  }

  /**
   * Builds the right subclass for a Cashfree error response. `sentRequestId` is used when the
   * response does not echo `x-request-id`.
   *
   * @example
   * const response = new Response('{"code":"order_not_found"}', { status: 404 });
   * const error = ApiError.from(response, await response.json()); // a NotFoundError
   */
  static from(response: ResponseLike, body: unknown, sentRequestId?: string): ApiError {
    const headers = Object.fromEntries(response.headers);
    const requestId = response.headers.get(API_HEADERS.requestId) || sentRequestId || undefined;
    const { status } = response;
    const { type } = errorFields(body);
    // PG's 422 is an idempotency key reused with another body; Payouts' 422s are refusals of the
    // request itself (type invalid_request_error: a beneficiary that is the source account).
    if (type === 'idempotency_error' || (status === 422 && type !== 'invalid_request_error'))
      return new IdempotencyError(status, body, headers, requestId);
    if (status === 400) return new BadRequestError(status, body, headers, requestId);
    if (status === 401) return new AuthenticationError(status, body, headers, requestId);
    if (status === 404) return new NotFoundError(status, body, headers, requestId);
    if (status === 409) return new ConflictError(status, body, headers, requestId);
    if (status === 429) return new RateLimitError(status, body, headers, requestId);
    if (status >= 500) return new ServerError(status, body, headers, requestId);
    return new ApiError(status, body, headers, requestId);
  }
}

/**
 * 400: Cashfree rejected the request (`invalid_request_error`); the message names the field.
 *
 * @example
 * try { await cashfree.orders.create(order) } catch (error) {
 *   if (error instanceof BadRequestError) console.error(error.code, error.message); // e.g. order_amount_invalid
 * }
 */
export class BadRequestError extends ApiError {
  override name = 'BadRequestError' as const;
}

/**
 * 401: wrong `x-client-id` / `x-client-secret`, or sandbox keys used against production.
 *
 * @example
 * try { await cashfree.orders.get('order_001') } catch (error) {
 *   if (error instanceof AuthenticationError) console.error('check CASHFREE_APP_ID, CASHFREE_SECRET_KEY and CASHFREE_ENV');
 * }
 */
export class AuthenticationError extends ApiError {
  override name = 'AuthenticationError' as const;
}

/**
 * 404: the order, payment, refund, link or simulation does not exist.
 *
 * @example
 * const found = await cashfree.orders.get('order_001').catch((error: unknown) => {
 *   if (error instanceof NotFoundError) return undefined;
 *   throw error;
 * });
 */
export class NotFoundError extends ApiError {
  override name = 'NotFoundError' as const;
}

/**
 * 409: the resource already exists, e.g. `order_already_exists` for a reused `order_id`.
 *
 * @example
 * const created = await cashfree.orders.create(order).catch(async (error: unknown) => {
 *   if (error instanceof ConflictError && order.order_id) return cashfree.orders.get(order.order_id);
 *   throw error;
 * });
 */
export class ConflictError extends ApiError {
  override name = 'ConflictError' as const;
}

/**
 * 422 / `idempotency_error`: the same `x-idempotency-key` was sent with a different body.
 *
 * @example
 * try {
 *   await cashfree.refunds.create('order_001', { refund_id: 'refund_001', refund_amount: 50 }, { idempotencyKey: 'key_1' });
 * } catch (error) {
 *   if (error instanceof IdempotencyError) console.error('key_1 was used for another refund body');
 * }
 */
export class IdempotencyError extends ApiError {
  override name = 'IdempotencyError' as const;
}

/**
 * 429: rate limited. Retried automatically; `retryAfter` is the server's hint in seconds.
 *
 * @example
 * try { await cashfree.orders.get('order_001', { maxRetries: 0 }) } catch (error) {
 *   if (error instanceof RateLimitError) console.error(`retry in ${error.retryAfter ?? 60} s`);
 * }
 */
export class RateLimitError extends ApiError {
  override name = 'RateLimitError' as const;
  /** Seconds to wait, from `x-ratelimit-retry` or `Retry-After`, when the server sent one. */
  readonly retryAfter: number | undefined;

  constructor(status: number, body: unknown, headers: Record<string, string>, requestId?: string) {
    super(status, body, headers, requestId);
    this.retryAfter = retryAfterSeconds(headers);
  }
}

/**
 * ≥ 500: Cashfree or the bank failed (`api_error`, `bank_processing_failure`). 500/502/503/504 are retried.
 *
 * @example
 * try { await cashfree.orders.get('order_001') } catch (error) {
 *   if (error instanceof ServerError) console.error(`Cashfree failed; quote request id ${error.requestId} to support`);
 * }
 */
export class ServerError extends ApiError {
  override name = 'ServerError' as const;
}

// ---------------------------------------------------------------------------------------------
// Guards that survive duplicate installs and realms
// ---------------------------------------------------------------------------------------------

const apiErrorNames = [
  'ApiError',
  'BadRequestError',
  'AuthenticationError',
  'NotFoundError',
  'ConflictError',
  'IdempotencyError',
  'RateLimitError',
  'ServerError',
] as const;

/**
 * True for any error response from Cashfree (any `ApiError` subclass).
 *
 * @example
 * try { await cashfree.orders.get('order_001') } catch (error) {
 *   if (isApiError(error)) console.error(error.status, error.code);
 * }
 */
export const isApiError = guardFor(ApiError, apiErrorNames);
/**
 * True for a 400 `BadRequestError`.
 *
 * @example
 * try { await cashfree.orders.create(order) } catch (error) {
 *   if (isBadRequestError(error)) console.error(error.message);
 * }
 */
export const isBadRequestError = guardFor(BadRequestError, ['BadRequestError']);
/**
 * True for a 401 `AuthenticationError`.
 *
 * @example
 * try { await cashfree.orders.get('order_001') } catch (error) {
 *   if (isAuthenticationError(error)) console.error('wrong keys for this environment');
 * }
 */
export const isAuthenticationError = guardFor(AuthenticationError, ['AuthenticationError']);
/**
 * True for a 404 `NotFoundError`.
 *
 * @example
 * const order = await cashfree.orders.get('order_001').catch((e: unknown) => (isNotFoundError(e) ? undefined : Promise.reject(e)));
 */
export const isNotFoundError = guardFor(NotFoundError, ['NotFoundError']);
/**
 * True for a 409 `ConflictError`.
 *
 * @example
 * try { await cashfree.orders.create(order) } catch (error) {
 *   if (isConflictError(error)) console.error('that order_id is taken');
 * }
 */
export const isConflictError = guardFor(ConflictError, ['ConflictError']);
/**
 * True for an `IdempotencyError`.
 *
 * @example
 * try { await cashfree.orders.create(order, { idempotencyKey: 'checkout_42' }) } catch (error) {
 *   if (isIdempotencyError(error)) console.error('checkout_42 was used with another body');
 * }
 */
export const isIdempotencyError = guardFor(IdempotencyError, ['IdempotencyError']);
/**
 * True for a 429 `RateLimitError`.
 *
 * @example
 * try { await cashfree.orders.get('order_001') } catch (error) {
 *   if (isRateLimitError(error)) console.error(`slow down: retry in ${error.retryAfter ?? 60} s`);
 * }
 */
export const isRateLimitError = guardFor(RateLimitError, ['RateLimitError']);
/**
 * True for a ≥ 500 `ServerError`.
 *
 * @example
 * try { await cashfree.orders.get('order_001') } catch (error) {
 *   if (isServerError(error)) console.error('Cashfree is having trouble; try again later');
 * }
 */
export const isServerError = guardFor(ServerError, ['ServerError']);
/**
 * True for a `ConnectionError`, including its subclass `TimeoutError`.
 *
 * @example
 * try { await cashfree.orders.get('order_001') } catch (error) {
 *   if (isConnectionError(error)) console.error('could not reach Cashfree:', error.message);
 * }
 */
export const isConnectionError = guardFor(ConnectionError, ['ConnectionError', 'TimeoutError']);
/**
 * True for a `TimeoutError`.
 *
 * @example
 * try { await cashfree.orders.get('order_001') } catch (error) {
 *   if (isTimeoutError(error)) console.error(`timed out after ${error.timeoutMs} ms`);
 * }
 */
export const isTimeoutError = guardFor(TimeoutError, ['TimeoutError']);
/**
 * True for a `RequestAbortedError`.
 *
 * @example
 * const controller = new AbortController();
 * const pending = cashfree.orders.get('order_001', { signal: controller.signal });
 * controller.abort();
 * await pending.catch((error: unknown) => console.log(isRequestAbortedError(error))); // true
 */
export const isRequestAbortedError = guardFor(RequestAbortedError, ['RequestAbortedError']);
/**
 * True for a `ValidationError`.
 *
 * @example
 * try { await cashfree.orders.create(order) } catch (error) {
 *   if (isValidationError(error)) console.error(`fix ${error.field}: ${error.message}`);
 * }
 */
export const isValidationError = guardFor(ValidationError, ['ValidationError']);

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

function errorFields(body: unknown): CashfreeErrorBody {
  if (typeof body !== 'object' || body === null) return {};
  const record = body as Record<string, unknown>;
  const text = (key: string) => (typeof record[key] === 'string' ? (record[key] as string) : undefined);
  const fields: CashfreeErrorBody = {};
  const message = text('message');
  const code = text('code');
  const type = text('type');
  const help = text('help');
  if (message !== undefined) fields.message = message;
  if (code !== undefined) fields.code = code;
  if (type !== undefined) fields.type = type;
  if (help !== undefined) fields.help = help;
  return fields;
}

function describe(status: number, fields: CashfreeErrorBody, body: unknown, requestId?: string): string {
  const what =
    fields.message ??
    (typeof body === 'string' && body.length > 0
      ? `non-JSON response: ${body.slice(0, 200)}`
      : `HTTP ${status} with no error message`);
  const context = [`HTTP ${status}`, fields.code, requestId && `request id ${requestId}`].filter(Boolean);
  return `${what} (${context.join(', ')})`;
}
