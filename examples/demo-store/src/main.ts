/**
 * Runs the store in the foreground, configured by the environment (see config.ts). `npm start`
 * at the repository root starts the local sandbox first and sets the CASHFREE_* variables to it.
 * Ctrl-C or SIGTERM stops it; its database keeps orders, refunds, links and webhooks.
 */
import { PRODUCTS } from 'cashfree-kit';
import type { AdminAccess } from './admin-access.js';
import { ConfigError, loadConfig } from './config.js';
import { createLog } from './log.js';
import { PortInUseError, type RunningStore, startStore } from './server.js';

// Every line this process prints goes through the secret filter, from the first one.
const log = createLog(
  [process.env['CASHFREE_SECRET_KEY'], process.env[PRODUCTS.payouts.credentials.secretVariable]]
    .map((secret) => secret?.trim() ?? '')
    .filter(Boolean),
);

let store: RunningStore;
try {
  const config = loadConfig();
  store = await startStore(config, log);
} catch (error) {
  if (error instanceof ConfigError || error instanceof PortInUseError) {
    log.error(error.message);
  } else {
    log.error('[demo-store] could not start:', error);
  }
  process.exit(1);
}

const { config, urls } = store.shop;
const where =
  config.target === 'local-sandbox'
    ? 'local Cashfree sandbox'
    : "Cashfree's TEST environment, your test keys";
log.info(
  [
    `[demo-store] Pahadi Tea Co. demo store listening on ${store.url}`,
    `[demo-store]   Cashfree     ${config.apiBase} (${where})`,
    `[demo-store]   cashfree.js  ${config.checkoutScriptUrl}`,
    `[demo-store]   return_url   ${urls.returnUrl}`,
    `[demo-store]   notify_url   ${urls.notifyUrl ?? `none: ${urls.webhooksOff}`}`,
    `[demo-store]   Payouts      ${config.payouts.configured ? `${config.payouts.apiBase} (${store.url}/admin/payouts)` : 'not configured: see /admin/payouts'}`,
    `[demo-store]   Admin        ${adminLine(config.admin)}`,
    `[demo-store]   Database     ${store.db}`,
  ].join('\n'),
);

/** How to open /admin: printed once, the only place a generated token is shown. */
function adminLine(access: AdminAccess): string {
  if (access.kind === 'loopback') return '/admin answers only on this machine (no token needed here)';
  if (!access.generated) return '/admin asks for the token in DEMO_STORE_ADMIN_TOKEN';
  return `/admin asks for this token (made now, shown once; set DEMO_STORE_ADMIN_TOKEN to choose your own): ${access.token}`;
}

let stopping = false;
const stop = (signal: NodeJS.Signals) => {
  // Ctrl-C reaches this process twice when started by scripts/start.mjs (terminal + forward).
  if (stopping) return;
  stopping = true;
  store.close().then(
    () => {
      log.info(`[demo-store] stopped (${signal}); the shop's records are kept in ${store.db}`);
      process.exit(0);
    },
    (error: unknown) => {
      log.error('[demo-store] error while stopping:', error);
      process.exit(1);
    },
  );
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
