/** `sandbox` (test keys, no real money) or `production`. */
export type Environment = 'sandbox' | 'production';

/** Cashfree PG base URLs per environment. */
export const BASE_URLS: Readonly<Record<Environment, string>> = {
  sandbox: 'https://sandbox.cashfree.com/pg',
  production: 'https://api.cashfree.com/pg',
};

/** The `x-api-version` sent unless overridden per client or per call. */
export const DEFAULT_API_VERSION = '2025-01-01';

/** The per-attempt timeout unless overridden per client or per call. */
export const DEFAULT_TIMEOUT_MS = 30_000;
