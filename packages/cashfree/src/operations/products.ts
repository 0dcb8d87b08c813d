/**
 * A Cashfree product the operation table covers. Each has its own base URLs, `x-api-version` and
 * keys: Payouts keys are not PG keys.
 *
 * @example
 * const product: ProductName = OPERATIONS.orders.create.product; // 'pg'
 */
export type ProductName = 'pg' | 'payouts';

/**
 * What every operation of one product shares: where it is served, which API version it speaks, and
 * which environment variables hold its credentials.
 *
 * @example
 * const { baseUrls, apiVersion } = PRODUCTS.pg; // 'https://sandbox.cashfree.com/pg', '2025-01-01'
 */
export interface Product {
  /** The product's name in prose: `Payment Gateway`. */
  readonly title: string;
  /** The path every operation sits under, on Cashfree's hosts and on the local sandbox: `/pg`. */
  readonly basePath: string;
  /**
   * Where the product is served in each environment: `sandbox` (test keys, no real money) and
   * `production`. These keys are the SDK's `Environment` type.
   */
  readonly baseUrls: { readonly sandbox: string; readonly production: string };
  /** The `x-api-version` cashfree-kit speaks for this product. */
  readonly apiVersion: string;
  /** The environment variables `fromEnv()` reads the client id and secret from. */
  readonly credentials: { readonly idVariable: string; readonly secretVariable: string };
  readonly docs: string;
}

/** Cashfree's hosts: every product is served below both, at its own base path. */
const HOSTS = { sandbox: 'https://sandbox.cashfree.com', production: 'https://api.cashfree.com' } as const;

/** A product's base path and the base URLs it makes on each host. */
function servedAt<P extends string>(basePath: P) {
  return {
    basePath,
    baseUrls: { sandbox: `${HOSTS.sandbox}${basePath}`, production: `${HOSTS.production}${basePath}` },
  } as const;
}

/**
 * Every product, keyed by {@link ProductName}.
 *
 * @example
 * const url = `${PRODUCTS.pg.baseUrls.sandbox}/orders`; // https://sandbox.cashfree.com/pg/orders
 */
export const PRODUCTS = {
  pg: {
    title: 'Payment Gateway',
    ...servedAt('/pg'), // https://sandbox.cashfree.com/pg, https://api.cashfree.com/pg
    apiVersion: '2025-01-01',
    credentials: { idVariable: 'CASHFREE_APP_ID', secretVariable: 'CASHFREE_SECRET_KEY' },
    docs: 'https://www.cashfree.com/docs/api-reference/payments/latest/overview',
  },
  payouts: {
    title: 'Payouts',
    ...servedAt('/payout'),
    apiVersion: '2024-01-01',
    credentials: {
      idVariable: 'CASHFREE_PAYOUTS_CLIENT_ID',
      secretVariable: 'CASHFREE_PAYOUTS_CLIENT_SECRET',
    },
    docs: 'https://www.cashfree.com/docs/api-reference/payouts/v2/overview',
  },
} as const satisfies Record<ProductName, Product>;
