/**
 * The Payouts client's options, from code or from environment variables, checked the way the PG
 * client's are (the same helpers), with Payouts' own names: `clientId` / `clientSecret`, its own
 * variables and base URLs from `PRODUCTS.payouts`.
 */
import { ValidationError } from '../core/errors.js';
import type { Fetch, RequestErrorEvent, RequestEvent, ResponseEvent } from '../core/options.js';
import type { Environment } from '../environment.js';
import {
  type CredentialNaming,
  checkCredentials,
  credentialsFromEnv,
  type ResolvedOptions,
  resolveTransport,
} from '../internal/client-options.js';
import { REDACTED } from '../internal/redact.js';
import { API_HEADERS } from '../operations/headers.js';
import { PRODUCTS } from '../operations/products.js';

const payouts = PRODUCTS.payouts;
const { idVariable, secretVariable } = payouts.credentials;
/** `CASHFREE_PAYOUTS_BASE_URL`: Payouts' own override, beside PG's `CASHFREE_BASE_URL`. */
export const PAYOUTS_BASE_URL_VARIABLE = 'CASHFREE_PAYOUTS_BASE_URL';
/** `CASHFREE_PAYOUTS_PUBLIC_KEY`: the 2FA public key (PEM text), when the account uses one. */
export const PAYOUTS_PUBLIC_KEY_VARIABLE = 'CASHFREE_PAYOUTS_PUBLIC_KEY';
/** Payouts' names in the shared credential messages; its keys live on their own dashboard page. */
const naming: CredentialNaming = {
  client: 'CashfreePayouts',
  id: { option: 'clientId', noun: 'Payouts client id', header: API_HEADERS.clientId, variable: idVariable },
  secret: {
    option: 'clientSecret',
    noun: 'Payouts client secret',
    header: API_HEADERS.clientSecret,
    variable: secretVariable,
  },
  keysHelp:
    'Payouts keys are not PG keys: find them in the Cashfree dashboard under Payouts → Developers → API Keys (test keys for sandbox).',
  envExampleWhere: '',
};

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
  const credentials = checkCredentials(options, naming);
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
    // Payouts' API version is fixed: its endpoints are not versioned by the caller.
    resolved: resolveTransport(options, credentials, {
      ...payouts,
      idempotencyKeys: false,
    }),
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
  const {
    variables,
    appId: clientId,
    secretKey: clientSecret,
    environment,
  } = credentialsFromEnv(env, naming);
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
