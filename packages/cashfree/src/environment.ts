/**
 * `sandbox` (test keys, no real money) or `production`.
 *
 * @example
 * const environment: Environment = process.env.NODE_ENV === 'production' ? 'production' : 'sandbox';
 */
export type Environment = 'sandbox' | 'production';

/**
 * Cashfree PG base URLs per environment.
 *
 * @example console.log(BASE_URLS.sandbox); // 'https://sandbox.cashfree.com/pg'
 */
export const BASE_URLS: Readonly<Record<Environment, string>> = {
  sandbox: 'https://sandbox.cashfree.com/pg',
  production: 'https://api.cashfree.com/pg',
};

/**
 * The `x-api-version` sent unless overridden per client or per call.
 *
 * @example
 * const pinned = new Cashfree({ appId, secretKey, environment: 'sandbox', apiVersion: DEFAULT_API_VERSION });
 */
export const DEFAULT_API_VERSION = '2025-01-01';

/**
 * The per-attempt timeout in ms unless overridden per client or per call.
 *
 * @example
 * const patient = new Cashfree({ appId, secretKey, environment: 'sandbox', timeoutMs: 2 * DEFAULT_TIMEOUT_MS });
 */
export const DEFAULT_TIMEOUT_MS = 30_000;
