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
const { idVariable, secretVariable } = PRODUCTS.pg.credentials;
const { clientId, clientSecret } = API_HEADERS;
/** The environments, as the keys of the base URLs: `sandbox`, `production`. */
const isEnvironment = (value: unknown): value is Environment =>
  typeof value === 'string' && Object.hasOwn(BASE_URLS, value);

/** Checks `options` and fills in the defaults. */
export function resolveClientOptions(options: ClientOptions): ResolvedOptions {
  if (typeof options !== 'object' || options === null) {
    throw new ValidationError(
      'options',
      options,
      `new Cashfree() needs an options object; received ${describeValue(options)}. ` +
        "Pass { appId, secretKey, environment: 'sandbox' }, or use Cashfree.fromEnv().",
    );
  }
  const appId = options.appId;
  if (typeof appId !== 'string' || appId.trim() === '') {
    throw new ValidationError(
      'appId',
      appId,
      `appId is missing or empty; received ${describeValue(appId)}. Pass your app id (${clientId}) as ` +
        `appId, or set ${idVariable} and use Cashfree.fromEnv(). ${keysHelp}`,
    );
  }
  const secretKey = options.secretKey;
  if (typeof secretKey !== 'string' || secretKey.trim() === '') {
    // Whatever arrived may still be a credential: report its type, never its value.
    throw new ValidationError(
      'secretKey',
      secretKey == null ? secretKey : REDACTED,
      `secretKey is missing or empty (received ${secretKey == null ? String(secretKey) : `a ${typeof secretKey}`}). ` +
        `Pass your secret key (${clientSecret}) as secretKey, or set ${secretVariable} and use Cashfree.fromEnv(). ${keysHelp}`,
    );
  }
  checkHeaderSafe('appId', appId.trim(), appId.trim());
  checkHeaderSafe('secretKey', secretKey.trim(), REDACTED);
  const environment: unknown = options.environment;
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
  return {
    // Surrounding whitespace (a key file's trailing newline) is never part of a key; fetch would
    // drop it from the header anyway, and the redaction list must match what is sent.
    appId: appId.trim(),
    secretKey: secretKey.trim(),
    environment,
    baseUrl: checkBaseUrl(options.baseUrl ?? BASE_URLS[environment]),
    apiVersion: checkApiVersion(options.apiVersion ?? DEFAULT_API_VERSION),
    timeoutMs: checkNumber('timeoutMs', options.timeoutMs ?? DEFAULT_TIMEOUT_MS, 1, 'e.g. 30000 for 30 s'),
    maxRetries: checkNumber(
      'maxRetries',
      options.maxRetries ?? DEFAULT_MAX_RETRIES,
      0,
      'e.g. 2, or 0 to disable',
    ),
    fetch: checkFetch(options.fetch),
    idempotencyKeys: true,
    onRequest: checkHook('onRequest', options.onRequest),
    onResponse: checkHook('onResponse', options.onResponse),
    onError: checkHook('onError', options.onError),
  };
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
 * Client options from `CASHFREE_APP_ID`, `CASHFREE_SECRET_KEY` (PG's credential variables in
 * `PRODUCTS`), `CASHFREE_ENV` and `CASHFREE_BASE_URL`. `CASHFREE_ENV` defaults to sandbox, so a forgotten variable never moves
 * real money.
 */
export function clientOptionsFromEnv(env?: Record<string, string | undefined>): ClientOptions {
  const variables = env ?? processEnv();
  if (!variables) {
    throw new ValidationError(
      'env',
      undefined,
      'Cashfree.fromEnv() found no process.env on this runtime. Pass the variables explicitly, ' +
        `e.g. Cashfree.fromEnv({ ${idVariable}: env.${idVariable}, ... }) on Cloudflare Workers.`,
    );
  }
  const appId = variables[idVariable]?.trim();
  if (!appId) {
    throw new ValidationError(
      idVariable,
      variables[idVariable],
      `${idVariable} is not set. Set it to your app id (${clientId}). ${keysHelp}`,
    );
  }
  const secretKey = variables[secretVariable]?.trim();
  if (!secretKey) {
    throw new ValidationError(
      secretVariable,
      undefined,
      `${secretVariable} is not set. Set it to your secret key (${clientSecret}). ${keysHelp}`,
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
