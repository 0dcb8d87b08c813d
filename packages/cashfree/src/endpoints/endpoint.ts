import type { FieldRule } from '../validation/checks.js';

/**
 * One Cashfree PG endpoint cashfree-kit covers, as data. The SDK's resource methods and the local
 * sandbox's routes read `method` and `path` from here, and `docs/endpoints.md` is rendered from
 * it, so the three cannot disagree.
 *
 * @example
 * const { method, path } = ENDPOINTS.orders.get; // 'GET', '/orders/{order_id}'
 * @see https://www.cashfree.com/docs/api-reference/payments/latest/orders/create
 */
export interface Endpoint {
  /** The contract's `operationId`, which is also the official `cashfree-pg` SDK's method name. */
  readonly operationId: string;
  readonly method: 'GET' | 'POST' | 'PATCH';
  /** The path below the base URL, with `{name}` for each path parameter: `/orders/{order_id}`. */
  readonly path: string;
  /** What it does, in one sentence. */
  readonly summary: string;
  /** The `cashfree` CLI command that calls it, e.g. `orders create`, when there is one. */
  readonly cli: string | undefined;
  /** The request body: its type in cashfree-kit and what the SDK checks before sending it. */
  readonly request: { readonly entity: string; readonly checks: readonly FieldRule[] } | undefined;
  /**
   * The body the SDK sends itself for a method that takes none: `{ order_status: 'TERMINATED' }`
   * for `orders.terminate`. The method sends a copy of this object, so the docs show what goes on
   * the wire. Absent when the caller passes the body, or there is none.
   */
  readonly sentBody?: Readonly<Record<string, string>>;
  /** Query parameters and the values each takes. */
  readonly query: Readonly<Record<string, readonly string[]>> | undefined;
  /** The response's type in cashfree-kit; `OrderEntity[]` for a list. */
  readonly response: string;
  /** The status field of the response and its documented values. */
  readonly statuses: { readonly field: string; readonly values: readonly string[] } | undefined;
  /**
   * The error `code`s this endpoint can answer with, besides {@link COMMON_ERROR_CODES} and the
   * `<field>_missing` / `<field>_invalid` codes of its request fields. Each is explained in
   * `ERROR_CATALOGUE`.
   */
  readonly errors: readonly string[];
  /** `api-keys` (`x-client-id` / `x-client-secret`) or `payment-session` (the body's `payment_session_id`). */
  readonly auth: 'api-keys' | 'payment-session';
  /** Cashfree's documented sandbox rate limit, and whom it counts: your app id or the caller's IP. */
  readonly rateLimit: { readonly perMinute: number; readonly per: 'app_id' | 'ip' };
  /** Whether `@cashfree-kit/sandbox` emulates it. */
  readonly sandbox: boolean;
  /** Cashfree's documentation of the endpoint. */
  readonly docs: string;
}

/**
 * The error `code`s any endpoint can answer with: credentials (401 `request_failed` with type
 * `authentication_error`), rate limits (429 `request_failed`), `x-api-version`, the idempotency key of
 * a write, and Cashfree's own failures.
 *
 * @example
 * const generic = new Set(COMMON_ERROR_CODES); // a code every call can fail with
 */
export const COMMON_ERROR_CODES = [
  'request_failed',
  'version_missing',
  'version_invalid',
  'x-idempotency-key_invalid',
  'idempotency_key_mismatch',
  'internal_error',
] as const;
