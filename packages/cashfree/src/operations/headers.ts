/**
 * The request headers of Cashfree's API that cashfree-kit sends and reads, by role: the SDK's
 * transport, its error classes and its redaction, the local sandbox and the CLI all name a header
 * through this table.
 *
 * @module
 */

/**
 * Cashfree's API header names, lower case (as `Headers` prints them). Both products (PG and
 * Payouts) take the first four; `x-idempotency-key` is PG's.
 *
 * @example
 * const headers = {
 *   [API_HEADERS.clientId]: 'TEST_app_id',
 *   [API_HEADERS.apiVersion]: PRODUCTS.pg.apiVersion,
 * };
 */
export const API_HEADERS = {
  /** Your app id (the client id). */
  clientId: 'x-client-id',
  /** Your secret key: cashfree-kit never shows its value, in errors, hooks or logs. */
  clientSecret: 'x-client-secret',
  /** The API version the call speaks (`YYYY-MM-DD`), the product's `apiVersion` unless overridden. */
  apiVersion: 'x-api-version',
  /** The caller's id for one call (kept across its retries), echoed in the response: quote it to support. */
  requestId: 'x-request-id',
  /** One key per logical write, kept across its retries, so Cashfree can recognise a repeat. */
  idempotencyKey: 'x-idempotency-key',
} as const;
