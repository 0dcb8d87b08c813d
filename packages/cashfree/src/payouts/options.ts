/**
 * The Payouts client's options, from code or from environment variables, checked the way the PG
 * client's are (the same helpers), with Payouts' own names: `clientId` / `clientSecret`, its own
 * variables and base URLs from `PRODUCTS.payouts`.
 */
import { ValidationError } from '../core/errors.js';
import type { Fetch, RequestErrorEvent, RequestEvent, ResponseEvent } from '../core/options.js';
import {
  DEFAULT_TIMEOUT_MS,
  describeEnvironmentNames,
  type Environment,
  environmentNamed,
} from '../environment.js';
import {
  checkBaseUrl,
  checkFetch,
  checkHeaderSafe,
  checkHook,
  checkNumber,
  processEnv,
  type ResolvedOptions,
} from '../internal/client-options.js';
import { describeValue } from '../internal/describe.js';
import { REDACTED } from '../internal/redact.js';
import { DEFAULT_MAX_RETRIES } from '../internal/retry.js';
import { API_HEADERS } from '../operations/headers.js';
import { PRODUCTS } from '../operations/products.js';

const payouts = PRODUCTS.payouts;
const { idVariable, secretVariable } = payouts.credentials;
/** `CASHFREE_PAYOUTS_BASE_URL`: Payouts' own override, beside PG's `CASHFREE_BASE_URL`. */
export const PAYOUTS_BASE_URL_VARIABLE = 'CASHFREE_PAYOUTS_BASE_URL';
/** `CASHFREE_PAYOUTS_PUBLIC_KEY`: the 2FA public key (PEM text), when the account uses one. */
export const PAYOUTS_PUBLIC_KEY_VARIABLE = 'CASHFREE_PAYOUTS_PUBLIC_KEY';
const keysHelp =
  'Payouts keys are not PG keys: find them in the Cashfree dashboard under Payouts → Developers → API Keys (test keys for sandbox).';

/**
 * Options for `new CashfreePayouts(...)`. The hooks, timeout and retries mean what they mean for
 * the PG client; retries never re-send a transfer or a batch blindly (see `transfers.create`).
 *
 * @example
 * const options: CashfreePayoutsOptions = {
 *   clientId: process.env.CASHFREE_PAYOUTS_CLIENT_ID ?? '',
 *   clientSecret: process.env.CASHFREE_PAYOUTS_CLIENT_SECRET ?? '',
 *   environment: 'sandbox',
 *   timeoutMs: 10_000,
 * };
 * const payouts = new CashfreePayouts(options);
 */
export interface CashfreePayoutsOptions {
  /** Your Payouts client id (`x-client-id`). */
  clientId: string;
  /** Your Payouts client secret (`x-client-secret`). Never appears in errors, hooks or logs. */
  clientSecret: string;
  /** `sandbox` or `production`; picks the base URL unless `baseUrl` is given. */
  environment: Environment;
  /** Overrides the base URL, e.g. `http://127.0.0.1:8080/payout` for the local sandbox. */
  baseUrl?: string | undefined;
  /** Per-attempt timeout in ms. Default 30 000 (Cashfree suggests at least 10 s for a transfer). */
  timeoutMs?: number | undefined;
  /**
   * Further attempts after an ambiguous failure. A lookup (GET) is retried as the PG client retries;
   * a transfer or batch is sent again only after a lookup found it missing. Default 2.
   */
  maxRetries?: number | undefined;
  /** The fetch to use. Default `globalThis.fetch`. */
  fetch?: Fetch | undefined;
  /**
   * The 2FA public key from Dashboard → Payouts → Developers → Two-Factor Authentication (PEM
   * text). When set, every request carries `x-cf-signature`, so calls work from any IP.
   */
  publicKey?: string | undefined;
  /** Called before every attempt. */
  onRequest?: ((event: RequestEvent) => void | Promise<void>) | undefined;
  /** Called after every attempt that got a response. */
  onResponse?: ((event: ResponseEvent) => void | Promise<void>) | undefined;
  /** Called after every attempt that got no response. */
  onError?: ((event: RequestErrorEvent) => void | Promise<void>) | undefined;
}

/** The transport's options for Payouts, and the public key when there is one. */
export function resolvePayoutsOptions(options: CashfreePayoutsOptions): {
  resolved: ResolvedOptions;
  publicKey: string | undefined;
} {
  if (typeof options !== 'object' || options === null) {
    throw new ValidationError(
      'options',
      options,
      `new CashfreePayouts() needs an options object; received ${describeValue(options)}. ` +
        "Pass { clientId, clientSecret, environment: 'sandbox' }, or use CashfreePayouts.fromEnv().",
    );
  }
  const clientId = options.clientId;
  if (typeof clientId !== 'string' || clientId.trim() === '') {
    throw new ValidationError(
      'clientId',
      clientId,
      `clientId is missing or empty; received ${describeValue(clientId)}. Pass your Payouts client id ` +
        `(${API_HEADERS.clientId}) as clientId, or set ${idVariable} and use CashfreePayouts.fromEnv(). ${keysHelp}`,
    );
  }
  const clientSecret = options.clientSecret;
  if (typeof clientSecret !== 'string' || clientSecret.trim() === '') {
    throw new ValidationError(
      'clientSecret',
      clientSecret == null ? clientSecret : REDACTED,
      `clientSecret is missing or empty (received ${clientSecret == null ? String(clientSecret) : `a ${typeof clientSecret}`}). ` +
        `Pass your Payouts client secret (${API_HEADERS.clientSecret}) as clientSecret, or set ${secretVariable} and use CashfreePayouts.fromEnv(). ${keysHelp}`,
    );
  }
  checkHeaderSafe('clientId', clientId.trim(), clientId.trim(), false);
  checkHeaderSafe('clientSecret', clientSecret.trim(), REDACTED, true);
  const environment: unknown = options.environment;
  if (environment !== 'sandbox' && environment !== 'production') {
    const mapped = typeof environment === 'string' ? environmentNamed(environment) : undefined;
    throw new ValidationError(
      'environment',
      environment,
      `environment must be 'sandbox' or 'production'; received ${describeValue(environment)}.${mapped ? ` Did you mean '${mapped}'?` : ''}`,
    );
  }
  const publicKey = options.publicKey;
  if (publicKey !== undefined && (typeof publicKey !== 'string' || !publicKey.includes('-----BEGIN'))) {
    throw new ValidationError(
      'publicKey',
      REDACTED,
      'publicKey must be the PEM text of the 2FA public key (-----BEGIN PUBLIC KEY----- …), as downloaded from ' +
        'Payouts → Developers → Two-Factor Authentication; read the file and pass its contents.',
    );
  }
  return {
    resolved: {
      appId: clientId.trim(),
      secretKey: clientSecret.trim(),
      environment,
      baseUrl: checkBaseUrl(
        options.baseUrl ?? payouts.baseUrls[environment],
        payouts.basePath,
        payouts.baseUrls.sandbox,
      ),
      apiVersion: payouts.apiVersion,
      timeoutMs: checkNumber('timeoutMs', options.timeoutMs ?? DEFAULT_TIMEOUT_MS, 1, 'e.g. 30000 for 30 s'),
      maxRetries: checkNumber(
        'maxRetries',
        options.maxRetries ?? DEFAULT_MAX_RETRIES,
        0,
        'e.g. 2, or 0 to disable',
      ),
      fetch: checkFetch(options.fetch),
      idempotencyKeys: false,
      onRequest: checkHook('onRequest', options.onRequest),
      onResponse: checkHook('onResponse', options.onResponse),
      onError: checkHook('onError', options.onError),
    },
    publicKey,
  };
}

/**
 * Options from `CASHFREE_PAYOUTS_CLIENT_ID`, `CASHFREE_PAYOUTS_CLIENT_SECRET`, `CASHFREE_ENV` (the
 * names PG's `fromEnv()` takes; default sandbox), the base URL and the 2FA public key. The base
 * URL is `CASHFREE_PAYOUTS_BASE_URL` when set; otherwise a `CASHFREE_BASE_URL` that ends in PG's
 * base path (`http://127.0.0.1:8080/pg`, the local sandbox) is followed to the same host's
 * `/payout`, so one variable points both clients at one sandbox.
 */
export function payoutsOptionsFromEnv(env?: Record<string, string | undefined>): CashfreePayoutsOptions {
  const variables = env ?? processEnv();
  if (!variables) {
    throw new ValidationError(
      'env',
      undefined,
      'CashfreePayouts.fromEnv() found no process.env on this runtime. Pass the variables explicitly, ' +
        `e.g. CashfreePayouts.fromEnv({ ${idVariable}: env.${idVariable}, ... }).`,
    );
  }
  const clientId = variables[idVariable]?.trim();
  if (!clientId) {
    throw new ValidationError(
      idVariable,
      variables[idVariable],
      `${idVariable} is not set. Set it to your Payouts client id (${API_HEADERS.clientId}). ${keysHelp}`,
    );
  }
  const clientSecret = variables[secretVariable]?.trim();
  if (!clientSecret) {
    throw new ValidationError(
      secretVariable,
      undefined,
      `${secretVariable} is not set. Set it to your Payouts client secret (${API_HEADERS.clientSecret}). ${keysHelp}`,
    );
  }
  const rawEnvironment = variables['CASHFREE_ENV'];
  const environment =
    rawEnvironment === undefined || rawEnvironment.trim() === ''
      ? 'sandbox'
      : environmentNamed(rawEnvironment);
  if (!environment) {
    throw new ValidationError(
      'CASHFREE_ENV',
      rawEnvironment,
      `CASHFREE_ENV must be ${describeEnvironmentNames()}, in any case; received ${describeValue(rawEnvironment)}.`,
    );
  }
  const baseUrl = payoutsBaseUrl(variables);
  const publicKey = variables[PAYOUTS_PUBLIC_KEY_VARIABLE]?.trim();
  return {
    clientId,
    clientSecret,
    environment,
    ...(baseUrl ? { baseUrl } : {}),
    ...(publicKey ? { publicKey } : {}),
  };
}

function payoutsBaseUrl(variables: Record<string, string | undefined>): string | undefined {
  const own = variables[PAYOUTS_BASE_URL_VARIABLE]?.trim();
  if (own) return own;
  const pg = variables['CASHFREE_BASE_URL']?.trim().replace(/\/+$/, '');
  if (!pg) return undefined;
  if (pg.endsWith(PRODUCTS.pg.basePath)) return pg.slice(0, -PRODUCTS.pg.basePath.length) + payouts.basePath;
  throw new ValidationError(
    PAYOUTS_BASE_URL_VARIABLE,
    undefined,
    `CASHFREE_BASE_URL (${pg}) does not end in ${PRODUCTS.pg.basePath}, so the Payouts base URL cannot be derived from it. ` +
      `Set ${PAYOUTS_BASE_URL_VARIABLE} too, e.g. 'http://127.0.0.1:8080${payouts.basePath}'.`,
  );
}
