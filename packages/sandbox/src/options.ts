import { PRODUCTS, WEBHOOK_VERSIONS, type WebhookVersion } from 'cashfree-kit';
import { z } from 'zod';
import type { ClockOptions } from './clock/sandbox-clock.js';
import type { PayoutSettings, RateLimitMode } from './context.js';
import type { SqliteDriver } from './store/sqlite/index.js';
import {
  DEFAULT_WEBHOOK_TIMEOUT_MS,
  retryDelays,
  WEBHOOK_RETRY_TIMESTAMPS,
  type WebhookRetrySchedule,
  type WebhookRetryTimestamp,
} from './webhooks/schedule.js';

/**
 * The app id the sandbox accepts unless told otherwise (Cashfree test app ids start with `TEST`).
 *
 * @example
 * import { Cashfree } from 'cashfree-kit';
 * const client = new Cashfree({ appId: DEFAULT_APP_ID, secretKey: DEFAULT_SECRET_KEY, environment: 'sandbox', baseUrl: 'http://127.0.0.1:8787/pg' });
 */
export const DEFAULT_APP_ID = 'TESTcashfreekitsandbox';
/**
 * The secret key the sandbox accepts unless told otherwise. Deterministic on purpose: it guards
 * nothing real, and tests and `.env` files can rely on it.
 *
 * @example
 * // .env of an app talking to `npx cashfree sandbox start`
 * const env = { CASHFREE_APP_ID: DEFAULT_APP_ID, CASHFREE_SECRET_KEY: DEFAULT_SECRET_KEY, CASHFREE_BASE_URL: 'http://127.0.0.1:8787/pg' };
 */
export const DEFAULT_SECRET_KEY = 'cfsk_ma_test_cashfree_kit_local_sandbox';
/**
 * Where `startSandbox()` keeps its database, relative to the working directory.
 *
 * @example
 * import { rmSync } from 'node:fs';
 * rmSync(DEFAULT_DB_FILE, { force: true }); // start over with an empty sandbox
 */
export const DEFAULT_DB_FILE = '.cashfree-sandbox/sandbox.db';
/**
 * How long a UPI collect to a test VPA stays PENDING before it resolves (real time, ms).
 *
 * @example
 * const slow = createSandboxApp({ upiResolveDelayMs: 10 * DEFAULT_UPI_RESOLVE_DELAY_MS });
 * slow.close();
 */
export const DEFAULT_UPI_RESOLVE_DELAY_MS = 500;

/**
 * The Payouts balance a fresh sandbox starts with, in rupees (ten lakh).
 *
 * @example
 * const sandbox = createSandboxApp({ payouts: { balance: DEFAULT_PAYOUTS_BALANCE / 10 } });
 * sandbox.close();
 */
export const DEFAULT_PAYOUTS_BALANCE = 1_000_000;

/**
 * Payouts settings of `createSandboxApp()` and `startSandbox()`.
 *
 * @example
 * const payouts: PayoutOptions = { clientId: 'TESTpayouts', clientSecret: 'payout-secret', balance: 5000, approvalThreshold: 1000 };
 * const sandbox = createSandboxApp({ payouts });
 * sandbox.close();
 */
export interface PayoutOptions {
  /** `x-client-id` to accept on `/payout`. Default: `CASHFREE_PAYOUTS_CLIENT_ID`, else the sandbox's app id. */
  clientId?: string | undefined;
  /** `x-client-secret` to accept on `/payout`. Default: `CASHFREE_PAYOUTS_CLIENT_SECRET`, else the sandbox's secret key. */
  clientSecret?: string | undefined;
  /** Starting balance in rupees. Default {@link DEFAULT_PAYOUTS_BALANCE}. */
  balance?: number | undefined;
  /** Transfers of at least this many rupees wait in APPROVAL_PENDING for an admin approval. Default: none wait. */
  approvalThreshold?: number | undefined;
  /** How long (real ms) the answer to the 25-second timeout test account takes. Default 25 000. */
  slowResponseMs?: number | undefined;
  /**
   * 2FA by public key: the sandbox makes an RSA key pair (kept in its database), shows the public
   * key on `/_sandbox/payouts` and at `GET /_sandbox/payouts/two-factor`, and refuses a `/payout`
   * request without a valid `x-cf-signature` at most 10 minutes old (403). Default: off, as in
   * Cashfree's sandbox; `CASHFREE_SANDBOX_PAYOUTS_2FA=1` switches it on.
   */
  twoFactor?: boolean | undefined;
}

/**
 * Options of `createSandboxApp()` and `startSandbox()`.
 *
 * @example
 * const options: SandboxAppOptions = { db: ':memory:', rateLimits: 'cashfree-sandbox', webhookRetrySchedule: 'fast' };
 * const sandbox = createSandboxApp(options);
 * sandbox.close();
 */
export interface SandboxAppOptions {
  /** SQLite file path, or `':memory:'`. `createSandboxApp` defaults to `':memory:'`. */
  db?: string | undefined;
  /**
   * The SQLite driver that opens `db`: `'node:sqlite'` (Node 22.13+) or `'better-sqlite3'` (install
   * it: `npm install better-sqlite3`). Default: `node:sqlite` where the runtime has it, else better-sqlite3.
   */
  sqliteDriver?: SqliteDriver | undefined;
  /** `x-client-id` to accept. Default: `CASHFREE_APP_ID`, else {@link DEFAULT_APP_ID}. */
  appId?: string | undefined;
  /** `x-client-secret` to accept. Default: `CASHFREE_SECRET_KEY`, else {@link DEFAULT_SECRET_KEY}. */
  secretKey?: string | undefined;
  /** Origin the sandbox is reached at (`link_url`, checkout URLs). Default: the listening address. */
  publicUrl?: string | undefined;
  /**
   * The name checkout and payment link pages show the customer ("Pay Pahadi Tea Co."), as
   * Cashfree shows the business name of the account. Default: `CASHFREE_SANDBOX_MERCHANT_NAME`,
   * else "the merchant <app id>".
   */
  merchantName?: string | undefined;
  /** Delay before a UPI collect to a test VPA resolves. Default 500 ms. */
  upiResolveDelayMs?: number | undefined;
  /** `'off'` (default: headers only) or `'cashfree-sandbox'` (Cashfree's sandbox limits, 429s). */
  rateLimits?: RateLimitMode | undefined;
  /** Start time and freezing of the sandbox clock (fresh databases only). */
  clock?: ClockOptions | undefined;
  /** Payload version of webhooks to `notify_url` and to endpoints registered without one. Default `'2025-01-01'`. */
  webhookVersion?: WebhookVersion | undefined;
  /** When failed webhook deliveries are retried: `'cashfree'` (2, 10, 30 min; default), `'fast'`, or delays in ms. */
  webhookRetrySchedule?: WebhookRetrySchedule | undefined;
  /** How long a webhook receiver may take to answer before the attempt fails. Default 10 000 ms. */
  webhookTimeoutMs?: number | undefined;
  /**
   * The `x-webhook-timestamp` of a retried delivery: `'original'` (default; the time the webhook
   * was generated, so a retry arrives as old as the sandbox clock says) or `'fresh'` (re-signed at
   * each attempt). Cashfree documents neither; test your receiver against both.
   */
  webhookRetryTimestamp?: WebhookRetryTimestamp | undefined;
  /** Payouts (`/payout`): separate keys, starting balance, approval threshold. */
  payouts?: PayoutOptions | undefined;
}

/**
 * Options of `startSandbox()`.
 *
 * @example
 * const options: SandboxOptions = { port: 0, host: '127.0.0.1', db: ':memory:', clock: { frozen: true } };
 * const sandbox = await startSandbox(options);
 * await sandbox.close();
 */
export interface SandboxOptions extends SandboxAppOptions {
  /** Port to listen on; `0` picks a free one. Default 8787. */
  port?: number | undefined;
  /** Interface to listen on. Default `127.0.0.1` (loopback only). */
  host?: string | undefined;
}

const schema = z.object({
  db: z.string().min(1).optional(),
  sqliteDriver: z.enum(['node:sqlite', 'better-sqlite3']).optional(),
  appId: z.string().min(1).optional(),
  secretKey: z.string().min(1).optional(),
  publicUrl: z.url({ protocol: /^https?$/ }).optional(),
  merchantName: z.string().trim().min(1).max(100).optional(),
  upiResolveDelayMs: z.number().int().min(0).optional(),
  rateLimits: z.enum(['off', 'cashfree-sandbox']).optional(),
  clock: z
    .object({
      startAt: z.union([z.string(), z.number(), z.date()]).optional(),
      frozen: z.boolean().optional(),
    })
    .optional(),
  webhookVersion: z.enum(WEBHOOK_VERSIONS).optional(),
  webhookRetrySchedule: z
    .union([z.enum(['cashfree', 'fast']), z.array(z.number().int().min(0)).max(20)])
    .optional(),
  webhookTimeoutMs: z.number().int().positive().optional(),
  webhookRetryTimestamp: z
    .enum(WEBHOOK_RETRY_TIMESTAMPS as [WebhookRetryTimestamp, ...WebhookRetryTimestamp[]])
    .optional(),
  payouts: z
    .object({
      clientId: z.string().min(1).optional(),
      clientSecret: z.string().min(1).optional(),
      balance: z.number().nonnegative().optional(),
      approvalThreshold: z.number().positive().optional(),
      slowResponseMs: z.number().int().min(0).optional(),
      twoFactor: z.boolean().optional(),
    })
    .strict()
    .optional(),
  port: z.number().int().min(0).max(65535).optional(),
  host: z.string().min(1).optional(),
});

/** The options with defaults applied (environment variables included). */
export interface ResolvedOptions {
  db: string;
  /** Undefined: the default driver for this runtime. */
  sqliteDriver: SqliteDriver | undefined;
  appId: string;
  secretKey: string;
  /** True when the secret key is the built-in default (then it may be printed). */
  defaultSecret: boolean;
  publicUrl: string | undefined;
  merchantName: string | undefined;
  upiResolveDelayMs: number;
  rateLimits: RateLimitMode;
  clock: ClockOptions;
  webhookVersion: WebhookVersion;
  /** Retry delays in ms (the schedule resolved). */
  webhookRetryDelays: readonly number[];
  webhookTimeoutMs: number;
  webhookRetryTimestamp: WebhookRetryTimestamp;
  payouts: PayoutSettings;
}

/**
 * The environment variable that switches Payouts 2FA on when `payouts.twoFactor` is not given
 * (`1`, `true`, `yes` or `on`), so `npm start` and `cashfree sandbox start` can run with it.
 *
 * @example
 * // CASHFREE_SANDBOX_PAYOUTS_2FA=1 npx cashfree sandbox start
 * const on = process.env[PAYOUTS_2FA_VARIABLE] === '1';
 */
export const PAYOUTS_2FA_VARIABLE = 'CASHFREE_SANDBOX_PAYOUTS_2FA';

/**
 * The environment variable that names the merchant on checkout pages when `merchantName` is not
 * given (the demo store's `npm start` sets it to the store's name).
 *
 * @example
 * // CASHFREE_SANDBOX_MERCHANT_NAME='Pahadi Tea Co.' npx cashfree sandbox start
 * const name = process.env[MERCHANT_NAME_VARIABLE];
 */
export const MERCHANT_NAME_VARIABLE = 'CASHFREE_SANDBOX_MERCHANT_NAME';

function isOn(value: string | undefined): boolean {
  return value !== undefined && /^(1|true|yes|on)$/i.test(value.trim());
}

/** Checks options and fills in defaults; throws a `[cashfree-sandbox]` error naming a bad option. */
export function resolveOptions(
  options: SandboxOptions,
  defaultDb: string,
  env: Record<string, string | undefined> = process.env,
): ResolvedOptions {
  const parsed = schema.safeParse(
    Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)),
  );
  if (!parsed.success) {
    throw new TypeError(`[cashfree-sandbox] invalid options: ${z.prettifyError(parsed.error)}`);
  }
  const o = parsed.data;
  const secretKey = o.secretKey ?? (env['CASHFREE_SECRET_KEY'] || undefined);
  const appId = o.appId ?? (env['CASHFREE_APP_ID'] || DEFAULT_APP_ID);
  const { idVariable, secretVariable } = PRODUCTS.payouts.credentials;
  return {
    db: o.db ?? defaultDb,
    sqliteDriver: o.sqliteDriver,
    appId,
    secretKey: secretKey ?? DEFAULT_SECRET_KEY,
    defaultSecret: secretKey === undefined || secretKey === DEFAULT_SECRET_KEY,
    publicUrl: o.publicUrl?.replace(/\/+$/, ''),
    merchantName: o.merchantName ?? (env[MERCHANT_NAME_VARIABLE]?.trim().slice(0, 100) || undefined),
    upiResolveDelayMs: o.upiResolveDelayMs ?? DEFAULT_UPI_RESOLVE_DELAY_MS,
    rateLimits: o.rateLimits ?? 'off',
    clock: { startAt: o.clock?.startAt, frozen: o.clock?.frozen },
    webhookVersion: o.webhookVersion ?? '2025-01-01',
    webhookRetryDelays: retryDelays(o.webhookRetrySchedule ?? 'cashfree'),
    webhookTimeoutMs: o.webhookTimeoutMs ?? DEFAULT_WEBHOOK_TIMEOUT_MS,
    webhookRetryTimestamp: o.webhookRetryTimestamp ?? 'original',
    // One pair of keys serves both products unless Payouts keys are given.
    payouts: {
      clientId: o.payouts?.clientId ?? (env[idVariable] || appId),
      clientSecret: o.payouts?.clientSecret ?? (env[secretVariable] || (secretKey ?? DEFAULT_SECRET_KEY)),
      startingBalance: o.payouts?.balance ?? DEFAULT_PAYOUTS_BALANCE,
      approvalThreshold: o.payouts?.approvalThreshold,
      slowResponseMs: o.payouts?.slowResponseMs ?? 25_000,
      twoFactor: o.payouts?.twoFactor ?? isOn(env[PAYOUTS_2FA_VARIABLE]),
    },
  };
}
