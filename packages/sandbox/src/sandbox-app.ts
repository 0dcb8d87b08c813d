import { resolve } from 'node:path';
import type { Hono } from 'hono';
import { checkoutRoutes } from './checkout/routes.js';
import { SandboxClock } from './clock/sandbox-clock.js';
import { type SandboxConfig, SandboxContext, type SandboxEventListener } from './context.js';
import { dashboardRoutes } from './dashboard/routes.js';
import type { AppEnv } from './http/env.js';
import { buildHttpApp } from './http-app.js';
import { resolveOptions, type SandboxAppOptions } from './options.js';
import { advanceClock } from './scheduler/advance.js';
import { registerJobs } from './scheduler/jobs.js';
import { Scheduler } from './scheduler/scheduler.js';
import { Store } from './store/store.js';
import { WebhookDelivery } from './webhooks/delivery.js';
import { webhookAdminRoutes } from './webhooks/routes.js';

/**
 * A sandbox without a socket: call it with `app.request()` or mount `fetch` anywhere.
 *
 * @example
 * const sandbox: SandboxApp = createSandboxApp();
 * const health = await (await sandbox.request('/_sandbox/health')).json();
 * sandbox.close();
 */
export interface SandboxApp {
  /** The Hono app: `/pg/...` (Cashfree PG API) and `/_sandbox/...` (admin API). */
  readonly app: Hono<AppEnv>;
  /** The app as a fetch handler. */
  readonly fetch: (request: Request) => Response | Promise<Response>;
  /** Sends a request in-process, e.g. `request('/pg/orders', { method: 'POST', headers, body })`. */
  readonly request: Hono<AppEnv>['request'];
  readonly appId: string;
  readonly secretKey: string;
  /** Settings in effect; `publicUrl` is the origin used in `link_url` and checkout URLs. */
  readonly config: Readonly<SandboxConfig>;
  /**
   * Subscribes to domain events (payment outcomes, refund, link and settlement changes), each
   * called once its transaction committed; returns the unsubscribe function. Webhook delivery
   * plugs in here.
   */
  onEvent(listener: SandboxEventListener): () => void;
  /** Sandbox-clock epoch ms. */
  now(): number;
  /** Moves the sandbox clock forward and runs the transitions that became due. */
  advanceClock(ms: number): void;
  /**
   * Stops the scheduler timer and webhook delivery (attempts in flight are aborted and stay due
   * for the next start) and closes the database.
   */
  close(): void;
}

/** @internal Shared by createSandboxApp and startSandbox. */
export interface SandboxAppInternals extends SandboxApp {
  readonly context: SandboxContext;
  /** Sets the public origin once the server listens. */
  setPublicUrl(url: string): void;
  /** True when the secret key is the built-in default. */
  readonly defaultSecret: boolean;
  /** The database: an absolute file path, or `:memory:`. */
  readonly db: string;
  /** Webhook delivery from the events outbox. */
  readonly webhooks: WebhookDelivery;
}

/** @internal */
export function openSandboxApp(options: SandboxAppOptions, defaultDb: string): SandboxAppInternals {
  const o = resolveOptions(options, defaultDb);
  const store = new Store(o.db, { driver: o.sqliteDriver });
  try {
    const clock = new SandboxClock(store.meta, o.clock);
    const config: SandboxConfig = {
      appId: o.appId,
      secretKey: o.secretKey,
      publicUrl: o.publicUrl ?? 'http://127.0.0.1:8787',
      merchantName: o.merchantName,
      upiResolveDelayMs: o.upiResolveDelayMs,
      rateLimits: o.rateLimits,
      payouts: o.payouts,
    };
    const ctx = new SandboxContext(store, clock, config);
    ctx.scheduler = new Scheduler(ctx);
    registerJobs(ctx);
    const webhooks = new WebhookDelivery(ctx, {
      version: o.webhookVersion,
      retryDelays: o.webhookRetryDelays,
      timeoutMs: o.webhookTimeoutMs,
      retryTimestamp: o.webhookRetryTimestamp,
    });
    const app = buildHttpApp(ctx, o.clock);
    app.route('/_sandbox/webhooks', webhookAdminRoutes(ctx, webhooks));
    app.route('/', checkoutRoutes(ctx));
    // The built-in test key guards nothing and may be shown; a key from the environment is not.
    app.route(
      '/',
      dashboardRoutes(ctx, webhooks, () => (o.defaultSecret ? config.secretKey : undefined)),
    );
    ctx.scheduler.start();
    webhooks.start();
    let closed = false;
    return {
      app,
      fetch: (request) => app.fetch(request),
      request: app.request.bind(app) as Hono<AppEnv>['request'],
      appId: config.appId,
      secretKey: config.secretKey,
      config,
      context: ctx,
      defaultSecret: o.defaultSecret,
      db: o.db === ':memory:' ? o.db : resolve(o.db),
      webhooks,
      onEvent: (listener) => ctx.onEvent(listener),
      now: () => clock.now(),
      advanceClock(ms) {
        advanceClock(ctx, ms);
      },
      setPublicUrl(url) {
        if (o.publicUrl === undefined) config.publicUrl = url;
      },
      close() {
        if (closed) return;
        closed = true;
        // Attempts in flight see the close and write nothing; startSandbox awaits them first.
        void webhooks.close();
        ctx.scheduler.stop();
        store.close();
      },
    };
  } catch (error) {
    store.close();
    throw error;
  }
}

/**
 * Creates the sandbox as an in-process Request → Response app, with an in-memory database
 * unless `db` names a file. For tests that need no socket.
 *
 * @example
 * const sandbox = createSandboxApp();
 * const res = await sandbox.request('/pg/orders/order_1', {
 *   headers: { 'x-api-version': '2025-01-01', 'x-client-id': sandbox.appId, 'x-client-secret': sandbox.secretKey },
 * });
 */
export function createSandboxApp(options: SandboxAppOptions = {}): SandboxApp {
  return openSandboxApp(options, ':memory:');
}
