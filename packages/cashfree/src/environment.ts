import { PRODUCTS, type Product } from './operations/products.js';

/**
 * `sandbox` (test keys, no real money) or `production`.
 *
 * @example
 * const environment: Environment = process.env.NODE_ENV === 'production' ? 'production' : 'sandbox';
 */
export type Environment = keyof Product['baseUrls'];

/**
 * Every name an environment goes by (matched in any case), as in Cashfree's own docs and SDKs: the
 * SDK's `fromEnv()`, the CLI's `--env` and the demo store all read `CASHFREE_ENV` through this table.
 *
 * @example
 * ENVIRONMENT_NAMES.live; // 'production'
 */
export const ENVIRONMENT_NAMES: Readonly<Record<string, Environment>> = {
  // Listed as describeEnvironmentNames() suggests them: Cashfree's own spelling (TEST, PROD) first.
  test: 'sandbox',
  sandbox: 'sandbox',
  prod: 'production',
  production: 'production',
  live: 'production',
};

/**
 * Names accepted but not suggested: Cashfree's docs and SDKs never write `live`, so an error names
 * only theirs, while a `CASHFREE_ENV=live` carried over from another provider's habits still works.
 */
const UNSUGGESTED_NAMES: ReadonlySet<string> = new Set(['live']);

/**
 * The environment a name stands for (`TEST`, `sandbox`, `PROD`, `production`, `live`, any case,
 * surrounding spaces ignored), or `undefined` when it is none of them.
 *
 * @example
 * environmentNamed(process.env.CASHFREE_ENV ?? 'sandbox'); // 'sandbox' for 'TEST'
 */
export function environmentNamed(name: string): Environment | undefined {
  const key = name.trim().toLowerCase();
  return Object.hasOwn(ENVIRONMENT_NAMES, key) ? ENVIRONMENT_NAMES[key] : undefined;
}

/**
 * The names to suggest in an error: `TEST or sandbox (test keys), or PROD or production (live keys)`.
 *
 * @example
 * throw new Error(`CASHFREE_ENV must be ${describeEnvironmentNames()}`);
 */
export function describeEnvironmentNames(): string {
  const namesOf = (environment: Environment) =>
    Object.entries(ENVIRONMENT_NAMES)
      .filter(([name, value]) => value === environment && !UNSUGGESTED_NAMES.has(name))
      .map(([name]) => (name === 'test' || name === 'prod' ? name.toUpperCase() : name));
  const list = (names: string[]) =>
    names.length < 3 ? names.join(' or ') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
  return `${list(namesOf('sandbox'))} (test keys), or ${list(namesOf('production'))} (live keys)`;
}

/**
 * Cashfree PG base URLs per environment.
 *
 * @example console.log(BASE_URLS.sandbox); // 'https://sandbox.cashfree.com/pg'
 */
export const BASE_URLS: Readonly<Record<Environment, string>> = PRODUCTS.pg.baseUrls;

/**
 * The `x-api-version` sent unless overridden per client or per call.
 *
 * @example
 * const pinned = new Cashfree({ appId, secretKey, environment: 'sandbox', apiVersion: DEFAULT_API_VERSION });
 */
export const DEFAULT_API_VERSION = PRODUCTS.pg.apiVersion;

/**
 * The per-attempt timeout in ms unless overridden per client or per call.
 *
 * @example
 * const patient = new Cashfree({ appId, secretKey, environment: 'sandbox', timeoutMs: 2 * DEFAULT_TIMEOUT_MS });
 */
export const DEFAULT_TIMEOUT_MS = 30_000;
