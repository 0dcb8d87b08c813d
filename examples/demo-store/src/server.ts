/**
 * Starts the store: opens its database, the Cashfree client and the webhook inbox, mounts the
 * routes and listens. `main.ts` runs it from the environment; tests call it with their own config.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { createWebhookInbox } from 'cashfree-kit/webhooks/inbox';
import { createSqliteInboxStore } from 'cashfree-kit/webhooks/inbox/sqlite';
import express from 'express';
import { ShopCashfree } from './cashfree/shop-cashfree.js';
import { type StoreConfig, storeUrls } from './config.js';
import { ApiCallsTable } from './db/api-calls.js';
import { openDatabase } from './db/database.js';
import { LinksTable } from './db/links.js';
import { OrdersTable } from './db/orders.js';
import { PayoutsTable } from './db/payouts.js';
import { RefundsTable } from './db/refunds.js';
import { RejectionsTable } from './db/rejections.js';
import { SubscriptionsTable } from './db/subscriptions.js';
import { WebhookLog } from './db/webhook-log.js';
import { createLog, type Log, oneLine } from './log.js';
import { type EnsureEndpoint, sandboxEndpointRegistrar } from './payouts/sandbox-endpoint.js';
import { ShopPayouts } from './payouts/shop-payouts.js';
import { payoutsStatus } from './payouts/status.js';
import { mountAdminGuard } from './routes/admin-guard.js';
import { mountAdminRoutes } from './routes/admin-routes.js';
import { mountEventsRoutes } from './routes/events-routes.js';
import { mountPayoutsRoutes } from './routes/payouts-routes.js';
import { sendPage } from './routes/respond.js';
import { mountShopRoutes } from './routes/shop-routes.js';
import { mountSubscriptionRoutes, SUBSCRIPTION_RETURN_PATH } from './routes/subscription-routes.js';
import { secretFilter } from './secrets.js';
import type { Shop } from './shop.js';
import { localSandbox } from './subscriptions/local-sandbox.js';
import { ShopSubscriptions } from './subscriptions/shop-subscriptions.js';
import { subscriptionWebhooks } from './subscriptions/webhook-note.js';
import { errorPage } from './views/error-page.js';
import { applyEvent } from './webhooks/apply-event.js';
import { mountPayoutsWebhookRoute, PAYOUTS_WEBHOOK_PATH } from './webhooks/payouts-route.js';
import { webhookReceiver } from './webhooks/receive.js';
import { mountWebhookRoute } from './webhooks/route.js';

export interface RunningStore {
  /** Where the store listens, e.g. `http://127.0.0.1:3000`. */
  url: string;
  /** The database file (absolute) or `:memory:`. */
  db: string;
  shop: Shop;
  close(): Promise<void>;
}

/** The port is taken; the message names the variable to change. */
export class PortInUseError extends Error {
  override name = 'PortInUseError';
  constructor(host: string, port: number) {
    super(
      `[demo-store] port ${port} on ${host} is already in use (is another demo store running?). ` +
        'Stop that process, or set DEMO_STORE_PORT to another port (0 picks a free one).',
    );
  }
}

function listen(app: express.Express, port: number, host: string): Promise<Server> {
  return new Promise((resolvePromise, reject) => {
    const server = app.listen(port, host);
    server.once('listening', () => resolvePromise(server));
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(host, port) : error),
    );
  });
}

/** The secrets no page, answer or log line may show: the PG secret key and the Payouts secret. */
export function storeSecrets(config: StoreConfig): string[] {
  return config.payouts.configured ? [config.secretKey, config.payouts.secret] : [config.secretKey];
}

/**
 * Starts the store. `log` defaults to the process's console with the secret keys filtered out;
 * every line the store prints goes through it.
 */
export async function startStore(
  config: StoreConfig,
  log: Log = createLog(storeSecrets(config)),
): Promise<RunningStore> {
  const dbPath = config.db === ':memory:' ? ':memory:' : resolve(config.db);
  const db = openDatabase(dbPath);
  const withoutSecret = secretFilter(storeSecrets(config));
  const calls = new ApiCallsTable(db, withoutSecret);
  const orders = new OrdersTable(db);
  const refunds = new RefundsTable(db);
  const links = new LinksTable(db);
  const payoutsTable = new PayoutsTable(db);
  const payouts = config.payouts.configured ? new ShopPayouts(config.payouts.env, payoutsTable) : undefined;
  const webhookLog = new WebhookLog(db);
  const cashfree = new ShopCashfree(config.cashfreeEnv, calls);
  const subscriptionsTable = new SubscriptionsTable(db);
  const inbox = createWebhookInbox({
    store: createSqliteInboxStore({ database: db }),
    handler: (event) =>
      applyEvent(
        { orders, refunds, links, subscriptions: subscriptionsTable, cashfree, now: Date.now },
        event,
      ),
    // One line per failed run: the inbox retries (an unpaid order's webhook fails until Cashfree
    // shows it paid), and a stack on each retry would bury the rest of the log.
    onError: (error) =>
      log.error(`[demo-store] webhook handler failed; the inbox retries it: ${oneLine(error)}`),
  });
  try {
    // A database from before the webhook index: index what its inbox already holds, once.
    await webhookLog.backfill(inbox);
  } catch (error) {
    db.close();
    throw error;
  }
  const shop: Shop = {
    config,
    urls: storeUrls(config, 'http://127.0.0.1'),
    info: {
      target: config.target,
      apiBase: config.apiBase,
      webhooksOff: undefined,
      sandboxDashboard:
        config.target === 'local-sandbox' ? `${new URL(config.apiBase).origin}/_sandbox/` : undefined,
    },
    cashfree,
    inbox,
    orders,
    refunds,
    links,
    payouts: payoutsTable,
    calls,
    rejections: new RejectionsTable(db),
    webhookLog,
    receiveWebhook: webhookReceiver(inbox, webhookLog),
    log,
    withoutSecret,
  };

  const app = express();
  app.disable('x-powered-by');
  const router = express.Router();
  // First, before any body parser: the signature covers the raw bytes.
  mountWebhookRoute(router, {
    secret: config.secretKey,
    receive: shop.receiveWebhook,
    webhookLog,
    rejections: shop.rejections,
    log,
  });
  if (config.payouts.configured) {
    mountPayoutsWebhookRoute(router, {
      secret: config.payouts.secret,
      payouts: payoutsTable,
      rejections: shop.rejections,
      log,
    });
  }
  // Before every owner's page: they answer only once the guard lets the request through.
  mountAdminGuard(router, shop, config.admin);
  mountShopRoutes(router, shop);
  mountAdminRoutes(router, shop);
  // Filled in once the store knows its address, before any request can need it.
  let ensureEndpoint: EnsureEndpoint | undefined;
  mountPayoutsRoutes(router, shop, {
    payouts,
    table: payoutsTable,
    status: () => payoutsStatus(config, shop.urls),
    ensureEndpoint: () => ensureEndpoint?.() ?? Promise.resolve(),
  });
  // The sandbox's admin API (clock, webhook endpoint) only where the store runs on one; the URLs
  // are read at call time, once the store knows its address.
  const sandbox =
    config.target === 'local-sandbox'
      ? localSandbox(new URL(config.apiBase).origin, () => shop.urls.notifyUrl)
      : undefined;
  const subscriptions = new ShopSubscriptions(config.cashfreeEnv, subscriptionsTable, {
    returnUrl: (id) =>
      `${shop.urls.baseUrl}${SUBSCRIPTION_RETURN_PATH}?subscription_id=${encodeURIComponent(id)}`,
    sandbox,
    warn: (message) => log.error('[demo-store]', message),
  });
  mountSubscriptionRoutes(router, shop, {
    subscriptions,
    table: subscriptionsTable,
    webhooks: () => subscriptionWebhooks(config, shop.urls),
    advanceMonth: sandbox && (() => sandbox.advanceMonth()),
  });
  mountEventsRoutes(router, shop);
  app.use(router);
  app.use((_req: express.Request, res: express.Response) => {
    sendPage(res, shop, errorPage(shop.info, 'Page not found', 'There is nothing at this address.'), 404);
  });
  app.use((error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    // Body parsers reject bad input with a 4xx status (malformed JSON, too large): the client's fault.
    const status = (error as { status?: unknown }).status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      sendPage(
        res,
        shop,
        errorPage(shop.info, 'Bad request', 'The shop could not read that request.'),
        status,
      );
      return;
    }
    log.error('[demo-store] request failed:', error);
    sendPage(
      res,
      shop,
      errorPage(shop.info, 'Something went wrong', 'The shop could not answer; see its log.'),
      500,
    );
  });

  let server: Server;
  try {
    server = await listen(app, config.port, config.host);
  } catch (error) {
    db.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
  shop.urls = storeUrls(config, url);
  shop.info.webhooksOff = shop.urls.webhooksOff;
  if (config.payouts.configured && config.target === 'local-sandbox' && shop.urls.notifyUrl) {
    ensureEndpoint = sandboxEndpointRegistrar(
      new URL(config.apiBase).origin,
      `${shop.urls.baseUrl}${PAYOUTS_WEBHOOK_PATH}`,
    );
  }
  inbox.start({ pollIntervalMs: 500 });

  let closing: Promise<void> | undefined;
  return {
    url,
    db: dbPath,
    shop,
    close() {
      closing ??= (async () => {
        await new Promise<void>((done) => {
          server.close(() => done());
          server.closeAllConnections();
        });
        await inbox.stop();
        db.close();
      })();
      return closing;
    },
  };
}
