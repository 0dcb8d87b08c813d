import type { FieldRule } from '../validation/checks.js';
import type { ProductName } from './products.js';

/**
 * What a call does to the merchant's money or data, so a caller (a CLI confirmation, an MCP
 * server's tool annotations) can tell a lookup from a change, and a change from one that cannot be
 * taken back.
 *
 * - `read`: changes nothing.
 * - `write`: creates or changes something that can still be undone or left to expire (an order, a link).
 * - `destructive`: moves money or closes something for good (a refund, a terminate, a transfer).
 *
 * @example
 * const safe = listOperations().filter(({ operation }) => operation.effect === 'read');
 */
export type Effect = 'read' | 'write' | 'destructive';

/**
 * A query parameter of an operation: whether it must be given, and the values it takes when
 * Cashfree documents a closed set.
 *
 * @example
 * const status: QueryParameter = { required: false, values: ['PAID', 'ALL'] };
 */
export interface QueryParameter {
  readonly required: boolean;
  readonly values?: readonly string[];
}

/**
 * One Cashfree API operation cashfree-kit covers, as data: the one home of its facts. The SDK sends
 * each call to its row's method and path and runs the row's request checks before the wire; the local
 * sandbox mounts each route at the row's path with its auth and rate limit; the CLI's help and
 * `docs/endpoints.md` are rendered from it. What other packages do with a row (which CLI command
 * or sandbox handler uses it) is theirs to know, not the row's.
 *
 * @example
 * const { method, path, effect } = OPERATIONS.orders.get; // 'GET', '/orders/{order_id}', 'read'
 * @see https://www.cashfree.com/docs/api-reference/payments/latest/orders/create
 */
export interface Operation {
  /** The contract's `operationId`, which is also the official SDK's method name. */
  readonly operationId: string;
  /** The Cashfree product whose base URL, `x-api-version` and credentials the call uses. */
  readonly product: ProductName;
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The path below the product's base URL, with `{name}` for each path parameter: `/orders/{order_id}`. */
  readonly path: string;
  /** What it does, in one sentence. */
  readonly summary: string;
  /**
   * The request body: its type in cashfree-kit (`entity`), what the SDK checks before sending it
   * (`checks`, run in order by every call of the operation and by the exported `validateCreate…`
   * functions), and the body's name in the `ValidationError` when it is not an object at all
   * (`root`: `order`, `refund`, `link`; `body` when absent). An empty `checks` checks nothing.
   */
  readonly request:
    | { readonly entity: string; readonly checks: readonly FieldRule[]; readonly root?: string }
    | undefined;
  /**
   * The body the SDK sends itself for a method that takes none: `{ order_status: 'TERMINATED' }`
   * for `orders.terminate`. The method sends a copy of this object, so the docs show what goes on
   * the wire. Absent when the caller passes the body, or there is none.
   */
  readonly sentBody?: Readonly<Record<string, string>>;
  /** Query parameters by name. */
  readonly query: Readonly<Record<string, QueryParameter>> | undefined;
  /** The HTTP status of a successful answer when it is not 200: Payouts' beneficiary create answers 201. */
  readonly successStatus?: 201;
  /** The response's type in cashfree-kit; `OrderEntity[]` for a list. */
  readonly response: string;
  /** The status field of the response and its documented values. */
  readonly statuses: { readonly field: string; readonly values: readonly string[] } | undefined;
  /**
   * The error `code`s this operation can answer with, besides {@link COMMON_ERROR_CODES} and the
   * `<field>_missing` / `<field>_invalid` codes of its request fields. Each is explained in
   * `ERROR_CATALOGUE`.
   */
  readonly errors: readonly string[];
  /** Whether it reads, writes, or moves money / closes something for good. */
  readonly effect: Effect;
  /** `api-keys` (`x-client-id` / `x-client-secret`) or `payment-session` (the body's `payment_session_id`). */
  readonly auth: 'api-keys' | 'payment-session';
  /**
   * Cashfree's documented sandbox rate limit: the bucket it counts against (operations in one
   * bucket share the count), its limit per minute, and whom it counts: your app id or the caller's IP.
   */
  readonly rateLimit: { readonly bucket: string; readonly perMinute: number; readonly per: 'app_id' | 'ip' };
  /** Cashfree's documentation of the operation. */
  readonly docs: string;
}

/**
 * The former name of {@link Operation}.
 *
 * @deprecated Use `Operation`; since the table grew past PG it no longer carries `cli` or `sandbox`.
 * @example
 * const row: Endpoint = OPERATIONS.orders.get;
 */
export type Endpoint = Operation;

/**
 * The error `code`s any operation can answer with: credentials (401 `request_failed` with type
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
