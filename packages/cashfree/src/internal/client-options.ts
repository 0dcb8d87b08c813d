/**
 * Reading and checking the client's options, from code or from environment variables. Every
 * problem is a `ValidationError` that names the option (or variable) and the fix; the secret key's
 * value is never echoed.
 */

import { ValidationError } from '../core/errors.js';
import type {
  ClientOptions,
  Fetch,
  RequestErrorEvent,
  RequestEvent,
  ResponseEvent,
} from '../core/options.js';
import {
  BASE_URLS,
  DEFAULT_API_VERSION,
  DEFAULT_TIMEOUT_MS,
  describeEnvironmentNames,
  type Environment,
  environmentNamed,
} from '../environment.js';
import { API_HEADERS } from '../operations/headers.js';
import { PRODUCTS } from '../operations/products.js';
import { describeValue } from './describe.js';
import { REDACTED } from './redact.js';
import { DEFAULT_MAX_RETRIES } from './retry.js';

/** The options after defaults, as the client uses them. */
export interface ResolvedOptions {
  appId: string;
  secretKey: string;
  environment: Environment;
  baseUrl: string;
  apiVersion: string;
  timeoutMs: number;
  maxRetries: number;
  fetch: Fetch;
  /**
   * Whether a write carries `x-idempotency-key`: PG's do; Payouts has no such header (its
   * `transfer_id` is the key), so the Payouts client leaves it out rather than suggest a protection
   * Cashfree does not give.
   */
  idempotencyKeys: boolean;
  onRequest: ((event: RequestEvent) => void | Promise<void>) | undefined;
  onResponse: ((event: ResponseEvent) => void | Promise<void>) | undefined;
  onError: ((event: RequestErrorEvent) => void | Promise<void>) | undefined;
}

const keysHelp = 'Find it in the Cashfree dashboard under Developers → API Keys (test keys for sandbox).';
/** The environments, as the keys of the base URLs: `sandbox`, `production`. */
const isEnvironment = (value: unknown): value is Environment =>
  typeof value === 'string' && Object.hasOwn(BASE_URLS, value);

/** One credential as a client's messages name it. */
export interface CredentialName {
  /** The option that carries it: `appId`, `clientSecret`. */
  option: string;
  /** What the user is asked for: `app id`, `Payouts client secret`. */
  noun: string;
  /** The header it travels in, so the user can match it to Cashfree's docs. */
  header: string;
  /** The environment variable `fromEnv()` reads it from. */
  variable: string;
}

/**
 * How a client names its credentials in messages. PG and Payouts check the same things but use
 * different option names, variables and dashboard pages; keeping only the names per client keeps
 * the two sets of messages alike.
 *
 * @example
 * const naming: CredentialNaming = {
 *   client: 'Cashfree',
 *   id: { option: 'appId', noun: 'app id', header: 'x-client-id', variable: 'CASHFREE_APP_ID' },
 *   secret: { option: 'secretKey', noun: 'secret key', header: 'x-client-secret', variable: 'CASHFREE_SECRET_KEY' },
 *   keysHelp: 'Find it in the Cashfree dashboard under Developers → API Keys.',
 *   envExampleWhere: ' on Cloudflare Workers',
 * };
 */
export interface CredentialNaming {
  /** The class in messages: `new Cashfree()`, `CashfreePayouts.fromEnv()`. */
  client: string;
  id: CredentialName;
  secret: CredentialName;
  /** Where to find the keys, appended to every missing-credential message. */
  keysHelp: string;
  /** Ends the no-`process.env` example, e.g. ` on Cloudflare Workers`; may be empty. */
  envExampleWhere: string;
}

/** PG's names: `appId` / `secretKey`, `CASHFREE_APP_ID` / `CASHFREE_SECRET_KEY`. */
const PG_NAMING: CredentialNaming = {
  client: 'Cashfree',
  id: {
    option: 'appId',
    noun: 'app id',
    header: API_HEADERS.clientId,
    variable: PRODUCTS.pg.credentials.idVariable,
  },
  secret: {
    option: 'secretKey',
    noun: 'secret key',
    header: API_HEADERS.clientSecret,
    variable: PRODUCTS.pg.credentials.secretVariable,
  },
  keysHelp,
  envExampleWhere: ' on Cloudflare Workers',
};

/** A checked credential pair and environment, trimmed, under the transport's names. */
export interface CheckedCredentials {
  appId: string;
  secretKey: string;
  environment: Environment;
}

/**
 * Checks that `options` is an object carrying a usable id, secret and environment, with messages
 * in the client's own names; the secret's value is never echoed.
 *
 * @example
 * const { appId, secretKey, environment } = checkCredentials(options, naming);
 */
export function checkCredentials(options: unknown, naming: CredentialNaming): CheckedCredentials {
  const { client, id, secret } = naming;
  if (typeof options !== 'object' || options === null) {
    throw new ValidationError(
      'options',
      options,
      `new ${client}() needs an options object; received ${describeValue(options)}. ` +
        `Pass { ${id.option}, ${secret.option}, environment: 'sandbox' }, or use ${client}.fromEnv().`,
    );
  }
  const values = options as Record<string, unknown>;
  const appId = values[id.option];
  if (typeof appId !== 'string' || appId.trim() === '') {
    throw new ValidationError(
      id.option,
      appId,
      `${id.option} is missing or empty; received ${describeValue(appId)}. Pass your ${id.noun} (${id.header}) as ` +
        `${id.option}, or set ${id.variable} and use ${client}.fromEnv(). ${naming.keysHelp}`,
    );
  }
  const secretKey = values[secret.option];
  if (typeof secretKey !== 'string' || secretKey.trim() === '') {
    // Whatever arrived may still be a credential: report its type, never its value.
    throw new ValidationError(
      secret.option,
      secretKey == null ? secretKey : REDACTED,
      `${secret.option} is missing or empty (received ${secretKey == null ? String(secretKey) : `a ${typeof secretKey}`}). ` +
        `Pass your ${secret.noun} (${secret.header}) as ${secret.option}, or set ${secret.variable} and use ${client}.fromEnv(). ${naming.keysHelp}`,
    );
  }
  checkHeaderSafe(id.option, appId.trim(), appId.trim(), false);
  checkHeaderSafe(secret.option, secretKey.trim(), REDACTED, true);
  const environment: unknown = values['environment'];
  if (!isEnvironment(environment)) {
    const mapped = typeof environment === 'string' ? environmentNamed(environment) : undefined;
    const hint = mapped ? ` Did you mean '${mapped}'?` : '';
    throw new ValidationError(
      'environment',
      environment,
      `environment must be ${Object.keys(BASE_URLS)
        .map((name) => `'${name}'`)
        .join(' or ')}; received ${describeValue(environment)}.${hint}`,
    );
  }
  // Surrounding whitespace (a key file's trailing newline) is never part of a key; fetch would
  // drop it from the header anyway, and the redaction list must match what is sent.
  return { appId: appId.trim(), secretKey: secretKey.trim(), environment };
}

/** The options both clients take with one meaning: where and how requests are sent. */
export type TransportOptions = Pick<
  ClientOptions,
  'baseUrl' | 'timeoutMs' | 'maxRetries' | 'fetch' | 'onRequest' | 'onResponse' | 'onError'
>;

/** What differs per product once the credentials are checked. */
export interface TransportProduct {
  /** The product's path and URLs, for the default base URL and the base-URL message. */
  basePath: string;
  baseUrls: Readonly<Record<Environment, string>>;
  /** The API version to send, checked as a `YYYY-MM-DD` date. */
  apiVersion: unknown;
  /** See `ResolvedOptions.idempotencyKeys`. */
  idempotencyKeys: boolean;
}

/**
 * Checks the transport options and fills in the defaults, for either client; each passes its
 * product's base URLs and API version.
 *
 * @example
 * const resolved = resolveTransport(options, checkCredentials(options, naming), {
 *   ...PRODUCTS.pg,
 *   apiVersion: options.apiVersion ?? PRODUCTS.pg.apiVersion,
 *   idempotencyKeys: true,
 * });
 */
export function resolveTransport(
  options: TransportOptions,
  credentials: CheckedCredentials,
  product: TransportProduct,
): ResolvedOptions {
  return {
    ...credentials,
    baseUrl: checkBaseUrl(
      options.baseUrl ?? product.baseUrls[credentials.environment],
      product.basePath,
      product.baseUrls.sandbox,
    ),
    apiVersion: checkApiVersion(product.apiVersion),
    timeoutMs: checkNumber('timeoutMs', options.timeoutMs ?? DEFAULT_TIMEOUT_MS, 1, 'e.g. 30000 for 30 s'),
    maxRetries: checkNumber(
      'maxRetries',
      options.maxRetries ?? DEFAULT_MAX_RETRIES,
      0,
      'e.g. 2, or 0 to disable',
    ),
    fetch: checkFetch(options.fetch),
    idempotencyKeys: product.idempotencyKeys,
    onRequest: checkHook('onRequest', options.onRequest),
    onResponse: checkHook('onResponse', options.onResponse),
    onError: checkHook('onError', options.onError),
  };
}

/** Checks `options` and fills in the defaults. */
export function resolveClientOptions(options: ClientOptions): ResolvedOptions {
  return resolveTransport(options, checkCredentials(options, PG_NAMING), {
    ...PRODUCTS.pg,
    apiVersion: options.apiVersion ?? DEFAULT_API_VERSION,
    idempotencyKeys: true,
  });
}

/**
 * Credentials travel as header values, so a space, line break or non-ASCII character inside one
 * would make `fetch` throw a TypeError that quotes the whole value. Refuse it here, naming the
 * position, with the secret's value never shown.
 */
export function checkHeaderSafe(
  field: string,
  value: string,
  shown: string,
  secret = field === 'secretKey',
): void {
  const position = [...value].findIndex((char) => char < '!' || char > '~');
  if (position === -1) return;
  const char = [...value][position] ?? '';
  const what = /\s/.test(char)
    ? 'a space or line break'
    : `the character U+${char.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}`;
  throw new ValidationError(
    field,
    shown,
    `${field} contains ${what} at position ${position + 1}; Cashfree keys are printable ASCII without spaces. ` +
      `Copy the ${secret ? 'secret key' : 'app id'} again from the Cashfree dashboard (Developers → API keys). ${keysHelp}`,
  );
}

/**
 * Reads a client's id, secret and `CASHFREE_ENV` (default sandbox, so a forgotten variable never
 * moves real money) from the variables, or `process.env` when none are given; returns the
 * variables too, for what the client reads besides (its base URL, Payouts' public key).
 *
 * @example
 * const { variables, appId, secretKey, environment } = credentialsFromEnv(env, naming);
 */
export function credentialsFromEnv(
  env: Record<string, string | undefined> | undefined,
  naming: CredentialNaming,
): CheckedCredentials & { variables: Record<string, string | undefined> } {
  const { client, id, secret } = naming;
  const variables = env ?? processEnv();
  if (!variables) {
    throw new ValidationError(
      'env',
      undefined,
      `${client}.fromEnv() found no process.env on this runtime. Pass the variables explicitly, ` +
        `e.g. ${client}.fromEnv({ ${id.variable}: env.${id.variable}, ... })${naming.envExampleWhere}.`,
    );
  }
  const appId = variables[id.variable]?.trim();
  if (!appId) {
    throw new ValidationError(
      id.variable,
      variables[id.variable],
      `${id.variable} is not set. Set it to your ${id.noun} (${id.header}). ${naming.keysHelp}`,
    );
  }
  const secretKey = variables[secret.variable]?.trim();
  if (!secretKey) {
    throw new ValidationError(
      secret.variable,
      undefined,
      `${secret.variable} is not set. Set it to your ${secret.noun} (${secret.header}). ${naming.keysHelp}`,
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
  return { variables, appId, secretKey, environment };
}

/**
 * Client options from `CASHFREE_APP_ID`, `CASHFREE_SECRET_KEY` (PG's credential variables in
 * `PRODUCTS`), `CASHFREE_ENV` and `CASHFREE_BASE_URL`. `CASHFREE_ENV` defaults to sandbox, so a forgotten variable never moves
 * real money.
 */
export function clientOptionsFromEnv(env?: Record<string, string | undefined>): ClientOptions {
  const { variables, appId, secretKey, environment } = credentialsFromEnv(env, PG_NAMING);
  const baseUrl = variables['CASHFREE_BASE_URL']?.trim();
  return { appId, secretKey, environment, ...(baseUrl ? { baseUrl } : {}) };
}

export function processEnv(): Record<string, string | undefined> | undefined {
  return (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
}

export function checkBaseUrl(
  value: unknown,
  basePath: string = PRODUCTS.pg.basePath,
  sandboxUrl: string = BASE_URLS.sandbox,
): string {
  let url: URL | undefined;
  try {
    url = typeof value === 'string' ? new URL(value) : undefined;
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.search || url.hash) {
    throw new ValidationError(
      'baseUrl',
      value,
      `baseUrl must be an http(s) URL without query or fragment; received ${describeValue(value)}. ` +
        `Use e.g. '${sandboxUrl}' or 'http://127.0.0.1:8080${basePath}' for the local sandbox.`,
    );
  }
  return url.toString().replace(/\/+$/, '');
}

function checkApiVersion(value: unknown): string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    throw new ValidationError(
      'apiVersion',
      value,
      `apiVersion must be a date like '${DEFAULT_API_VERSION}'; received ${describeValue(value)}.`,
    );
  }
  return value;
}

export function checkNumber(field: string, value: unknown, min: number, example: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new ValidationError(
      field,
      value,
      `${field} must be a whole number ≥ ${min}; received ${describeValue(value)}. Use ${example}.`,
    );
  }
  return value;
}

export function checkFetch(value: unknown): Fetch {
  if (typeof value === 'function') return value as Fetch;
  if (value !== undefined) {
    throw new ValidationError('fetch', value, `fetch must be a function; received ${describeValue(value)}.`);
  }
  const global = (globalThis as { fetch?: Fetch }).fetch;
  if (typeof global !== 'function') {
    throw new ValidationError(
      'fetch',
      undefined,
      'No global fetch is available on this runtime. Use Node.js 20 or newer, or pass one: ' +
        'new Cashfree({ ..., fetch: yourFetch }).',
    );
  }
  // Called through a wrapper: some runtimes throw "Illegal invocation" when fetch's `this` is not
  // globalThis.
  return (input, init) => global(input, init);
}

export function checkHook<T>(field: string, value: T | undefined): T | undefined {
  if (value === undefined || typeof value === 'function') return value;
  throw new ValidationError(field, value, `${field} must be a function; received ${describeValue(value)}.`);
}
