import { Hono } from 'hono';
import type { ClockOptions } from './clock/sandbox-clock.js';
import type { SandboxContext } from './context.js';
import { createAuthCheck } from './http/auth.js';
import type { AppEnv } from './http/env.js';
import { type CashfreeErrorBody, SandboxHttpError } from './http/errors.js';
import { mountOperations } from './http/mount.js';
import { withPayoutSignature } from './http/payouts-signature.js';
import { type GuardedOperation, requestGuard } from './http/pipeline.js';
import { RateLimiter } from './http/rate-limits.js';
import { recordRequests } from './http/request-log.js';
import { json, sendJson } from './http/respond.js';
import { adminRoutes } from './routes/admin.js';
import { API_ROUTES } from './routes/pg.js';

/**
 * Builds the sandbox's HTTP app (Request → Response): Cashfree's PG API under `/pg` and Payouts
 * under `/payout` (one route per operation of the SDK's table, listed in `routes/pg.ts`; each
 * product with its own keys), the admin API under `/_sandbox`,
 * one error renderer, and Cashfree-shaped JSON for every unknown `/pg` route.
 */
export function buildHttpApp(ctx: SandboxContext, clockOptions: ClockOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const limiter = new RateLimiter(ctx.config.rateLimits);

  app.use('/_sandbox/*', async (_c, next) => {
    if (ctx.scheduler.hasDue()) ctx.scheduler.runDue();
    await next();
  });
  const { payouts } = ctx.config;
  const guards = {
    pg: requestGuard(ctx, limiter, createAuthCheck(ctx.config.appId, ctx.config.secretKey)),
    payouts: requestGuard(ctx, limiter, createAuthCheck(payouts.clientId, payouts.clientSecret, 'payouts')),
  };
  const guardOf = (operation: GuardedOperation) =>
    operation.product === 'payouts'
      ? withPayoutSignature(ctx, guards.payouts(operation))
      : guards[operation.product](operation);
  // Before every other check, so the log has the calls they refuse too (401, 429, 404).
  const record = recordRequests(ctx);
  app.use('/pg/*', record);
  app.use('/payout/*', record);
  mountOperations(app, ctx, guardOf, API_ROUTES);
  app.route('/_sandbox', adminRoutes(ctx, limiter, clockOptions));

  app.notFound((c) => {
    const route = `${c.req.method} ${c.req.path}`;
    if (c.req.path === '/pg' || c.req.path.startsWith('/pg/')) {
      const body: CashfreeErrorBody = {
        message: 'bad URL, please check API documentation',
        code: 'request_failed',
        type: 'invalid_request_error',
        help: `[cashfree-sandbox] ${route} is not a Cashfree PG endpoint the sandbox emulates.`,
      };
      return json(c, body, 404);
    }
    if (c.req.path === '/payout' || c.req.path.startsWith('/payout/')) {
      // Payouts v2 paths have no /v2 prefix, a common mistake (payout-gamma and v1 paths too).
      const v2 = c.req.path.startsWith('/payout/v2/');
      const body: CashfreeErrorBody = {
        message: 'bad URL, please check API documentation',
        code: 'request_failed',
        type: 'invalid_request_error',
        help: v2
          ? `[cashfree-sandbox] Payouts v2 paths have no /v2: use ${c.req.path.replace('/payout/v2/', '/payout/')}.`
          : `[cashfree-sandbox] ${route} is not a Cashfree Payouts operation the sandbox emulates.`,
      };
      return json(c, body, 404);
    }
    return c.json(
      {
        message: `[cashfree-sandbox] no route ${route}. The API is under /pg and /payout, the admin API under /_sandbox.`,
        code: 'route_not_found',
        type: 'invalid_request_error',
      },
      404,
    );
  });

  app.onError((error, c) => {
    const onPg = c.req.path.startsWith('/pg/') || c.req.path.startsWith('/payout/');
    if (error instanceof SandboxHttpError) {
      return onPg
        ? sendJson(c, error.status, JSON.stringify(error.toBody()), error.headers)
        : c.json(error.toBody(), error.status, error.headers);
    }
    console.error(`[cashfree-sandbox] ${c.req.method} ${c.req.path} failed:`, error);
    const body: CashfreeErrorBody = {
      message: 'internal Server Error',
      code: 'internal_error',
      type: 'api_error',
      help: `[cashfree-sandbox] unexpected error: ${error.message}`,
    };
    return onPg ? json(c, body, 500) : c.json(body, 500);
  });

  return app;
}
