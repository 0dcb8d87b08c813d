/**
 * The store's settings, read from the environment the way a real shop reads them. Cashfree's own
 * variables (`CASHFREE_APP_ID`, `CASHFREE_SECRET_KEY`, `CASHFREE_ENV`, `CASHFREE_BASE_URL`) decide
 * which Cashfree the store talks to; `npm start` sets them to the local sandbox unless you set them.
 *
 * | variable | default | what it does |
 * | --- | --- | --- |
 * | `DEMO_STORE_PORT` | 3000 | port to listen on (`0`: any free port) |
 * | `DEMO_STORE_HOST` | 127.0.0.1 | interface to listen on |
 * | `DEMO_STORE_PUBLIC_URL` | the listening address | the store's address as Cashfree sees it: `return_url` and `notify_url` are built on it |
 * | `DEMO_STORE_DB` | `.demo-store/<local-sandbox or cashfree-test>.db` | the store's SQLite file (`:memory:` for none) |
 * | `DEMO_STORE_WEBHOOKS` | `on` | `off` sends no `notify_url`, as a store without a public URL runs against Cashfree's TEST environment |
 * | `DEMO_STORE_ADMIN_TOKEN` | made at start when exposed | the token `/admin` asks for once the store is reachable from elsewhere (admin-access.ts) |
 * | `CASHFREE_PAYOUTS_CLIENT_ID`, `_SECRET` | the sandbox's app id and secret | Payouts keys for "Pay a supplier" (payouts/settings.ts) |
 */
import { Cashfree, isLoopbackHost, isValidationError } from 'cashfree-kit';
import { type AdminAccess, AdminTokenError, adminAccess } from './admin-access.js';
import { type PayoutsSettings, PayoutsSettingsError, payoutsSettings } from './payouts/settings.js';

/** The real cashfree.js, which the store loads when it talks to Cashfree's own sandbox. */
export const CASHFREE_JS_URL = 'https://sdk.cashfree.com/js/v3/cashfree.js';

/** Where the store's payments go. */
export type CashfreeTarget =
  /** A cashfree-kit sandbox (the local one `npm start` runs): its own cashfree.js, no real account. */
  | 'local-sandbox'
  /** Cashfree's TEST environment with your test keys and the real cashfree.js. */
  | 'cashfree-sandbox';

export interface StoreConfig {
  host: string;
  port: number;
  /** `DEMO_STORE_PUBLIC_URL` without a trailing slash; `undefined` means the listening address. */
  publicUrl: string | undefined;
  /** SQLite file path or `:memory:`. */
  db: string;
  target: CashfreeTarget;
  /** The Cashfree variables, passed to `Cashfree.fromEnv()`. */
  cashfreeEnv: Record<string, string | undefined>;
  /** The API base, e.g. `http://127.0.0.1:8787/pg` or `https://sandbox.cashfree.com/pg`. */
  apiBase: string;
  /** The `x-client-secret`; also the key Cashfree signs webhooks with. Never rendered. */
  secretKey: string;
  /** The script tag's `src` for cashfree.js. */
  checkoutScriptUrl: string;
  /**
   * `off` leaves `notify_url` out, so no webhook arrives, even from the local sandbox: the way to
   * see, offline, what the store does in real mode without a public URL.
   */
  webhooks: 'on' | 'off';
  /** Payouts keys for "Pay a supplier", or why the section is off. */
  payouts: PayoutsSettings;
  /** How `/admin` is guarded: loopback only, or a token. */
  admin: AdminAccess;
}

/** A setting the store cannot start with; the message names the variable and the fix. */
export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(message: string) {
    super(`[demo-store] ${message}`);
  }
}

const DEFAULT_PORT = 3000;

/** True for http(s) URLs on this machine's loopback interface (the SDK's list of loopback hosts). */
export function isLoopbackUrl(url: URL): boolean {
  return isLoopbackHost(url.hostname);
}

/** Reads and checks the settings; throws a {@link ConfigError} naming what to change. */
export function loadConfig(env: Record<string, string | undefined> = process.env): StoreConfig {
  const cashfreeEnv = {
    CASHFREE_APP_ID: env['CASHFREE_APP_ID'],
    CASHFREE_SECRET_KEY: env['CASHFREE_SECRET_KEY'],
    CASHFREE_ENV: env['CASHFREE_ENV'],
    CASHFREE_BASE_URL: env['CASHFREE_BASE_URL'],
  };
  if (!cashfreeEnv.CASHFREE_APP_ID?.trim() && !cashfreeEnv.CASHFREE_SECRET_KEY?.trim()) {
    throw new ConfigError(
      'no Cashfree credentials: run `npm start` at the repository root (it starts the local sandbox and ' +
        'points the store at it), or set CASHFREE_APP_ID, CASHFREE_SECRET_KEY and CASHFREE_ENV=TEST with your test keys.',
    );
  }
  let probe: Cashfree;
  try {
    probe = Cashfree.fromEnv(cashfreeEnv);
  } catch (error) {
    if (isValidationError(error)) throw new ConfigError(error.message);
    throw error;
  }
  if (probe.environment === 'production') {
    throw new ConfigError(
      'CASHFREE_ENV asks for production: this demo store only takes test payments. Set CASHFREE_ENV=TEST and use your test keys.',
    );
  }
  const secretKey = (cashfreeEnv.CASHFREE_SECRET_KEY ?? '').trim();
  if (secretKey.startsWith('cfsk_ma_prod')) {
    throw new ConfigError(
      'CASHFREE_SECRET_KEY is a production key (cfsk_ma_prod…): this demo store only takes test payments. Use your test key (cfsk_ma_test…).',
    );
  }
  const api = new URL(probe.baseUrl);
  if (api.hostname === 'api.cashfree.com') {
    throw new ConfigError(
      "CASHFREE_BASE_URL points at Cashfree's production API: this demo store only takes test payments. Unset it (Cashfree's sandbox is the default) or point it at a local sandbox.",
    );
  }
  const target: CashfreeTarget =
    api.hostname === 'sandbox.cashfree.com' ? 'cashfree-sandbox' : 'local-sandbox';
  const publicUrl = readPublicUrl(env['DEMO_STORE_PUBLIC_URL']);
  const host = env['DEMO_STORE_HOST']?.trim() || '127.0.0.1';
  let payouts: PayoutsSettings;
  let admin: AdminAccess;
  try {
    payouts = payoutsSettings(env, target === 'local-sandbox');
    admin = adminAccess(env, publicUrl, host);
  } catch (error) {
    if (error instanceof PayoutsSettingsError || error instanceof AdminTokenError) {
      throw new ConfigError(error.message.replace(/^\[demo-store\] /, ''));
    }
    throw error;
  }
  return {
    host,
    port: readPort(env['DEMO_STORE_PORT']),
    publicUrl,
    db:
      env['DEMO_STORE_DB']?.trim() ||
      `.demo-store/${target === 'local-sandbox' ? 'local-sandbox' : 'cashfree-test'}.db`,
    target,
    cashfreeEnv,
    apiBase: probe.baseUrl,
    secretKey,
    // The stand-in is served by the sandbox itself, next to its API.
    checkoutScriptUrl: target === 'local-sandbox' ? `${api.origin}/js/v3/cashfree.js` : CASHFREE_JS_URL,
    webhooks: readSwitch('DEMO_STORE_WEBHOOKS', env['DEMO_STORE_WEBHOOKS']),
    payouts,
    admin,
  };
}

function readSwitch(name: string, text: string | undefined): 'on' | 'off' {
  const value = text?.trim().toLowerCase() || 'on';
  if (value === 'on' || value === 'off') return value;
  throw new ConfigError(`${name} must be on or off; got ${JSON.stringify(text)}.`);
}

function readPort(text: string | undefined): number {
  if (text === undefined || text.trim() === '') return DEFAULT_PORT;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new ConfigError(
      `DEMO_STORE_PORT must be a number from 0 to 65535 (0 picks a free port); got ${JSON.stringify(text)}.`,
    );
  }
  return port;
}

function readPublicUrl(text: string | undefined): string | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new ConfigError(
      `DEMO_STORE_PUBLIC_URL must be a URL such as https://your-tunnel.example; got ${JSON.stringify(text)}.`,
    );
  }
  // Cashfree posts webhooks only to https; plain http can only mean this machine.
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackUrl(url))) {
    throw new ConfigError(
      `DEMO_STORE_PUBLIC_URL must be an https URL (Cashfree posts webhooks only to https); got ${JSON.stringify(text)}. ` +
        'Put an https tunnel in front of the store and give its address.',
    );
  }
  if (url.search || url.hash) {
    throw new ConfigError(
      `DEMO_STORE_PUBLIC_URL must not have a query or fragment; got ${JSON.stringify(text)}.`,
    );
  }
  return url.toString().replace(/\/+$/, '');
}

/** The URLs the store gives Cashfree, once it knows where it listens. */
export interface StoreUrls {
  /** Where customers and Cashfree reach the store (no trailing slash). */
  baseUrl: string;
  /** `order_meta.return_url`, with Cashfree's `{order_id}` placeholder. */
  returnUrl: string;
  /** `order_meta.notify_url` / `link_meta.notify_url`, or `undefined` when Cashfree could not reach it. */
  notifyUrl: string | undefined;
  /** Why there is no `notify_url`, for the start line and the pages. */
  webhooksOff: string | undefined;
}

/**
 * The return and webhook URLs for a store listening at `listening`. Against Cashfree's own sandbox
 * a loopback address cannot receive webhooks (Cashfree's servers would post to themselves), so
 * `notify_url` is left out until `DEMO_STORE_PUBLIC_URL` gives a public https address (and always
 * with `DEMO_STORE_WEBHOOKS=off`); the return page still confirms every payment with
 * `GET /orders/{order_id}` and records it.
 */
export function storeUrls(config: StoreConfig, listening: string): StoreUrls {
  const baseUrl = config.publicUrl ?? listening;
  const reachable = config.target === 'local-sandbox' || !isLoopbackUrl(new URL(baseUrl));
  const recorded = 'the return page records each payment it confirms with GET /orders/{order_id}.';
  const webhooksOff =
    config.webhooks === 'off'
      ? `DEMO_STORE_WEBHOOKS=off sends no notify_url, so no webhook arrives; ${recorded}`
      : reachable
        ? undefined
        : `Cashfree cannot post webhooks to ${baseUrl}; set DEMO_STORE_PUBLIC_URL to a public https URL that forwards to this store. Until then ${recorded}`;
  return {
    baseUrl,
    returnUrl: `${baseUrl}/return?order_id={order_id}`,
    notifyUrl: webhooksOff === undefined ? `${baseUrl}/webhooks/cashfree` : undefined,
    webhooksOff,
  };
}
