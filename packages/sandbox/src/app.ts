import { Hono } from 'hono';
import type { ClockOptions } from './clock/sandbox-clock.js';
import type { SandboxContext } from './context.js';
import { createAuthCheck } from './http/auth.js';
import type { AppEnv } from './http/env.js';
import { type CashfreeErrorBody, SandboxHttpError } from './http/errors.js';
import { requestGuard } from './http/pipeline.js';
import { RateLimiter } from './http/rate-limits.js';
import { json, sendJson } from './http/respond.js';
import { adminRoutes } from './routes/admin.js';
import { linkRoutes } from './routes/links.js';
import { orderPayRoutes } from './routes/order-pay.js';
import { orderRoutes } from './routes/orders.js';
import { paymentRoutes } from './routes/payments.js';
import { refundRoutes } from './routes/refunds.js';
import { settlementRoutes } from './routes/settlements.js';
import { simulateRoutes } from './routes/simulate.js';

/**
 * Builds the sandbox as a Request → Response app: Cashfree's PG API under `/pg` (one route file
 * per resource), the admin API under `/_sandbox`, one error renderer, and Cashfree-shaped JSON
 * for every unknown `/pg` route.
 */
export function buildApp(ctx: SandboxContext, clockOptions: ClockOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const limiter = new RateLimiter(ctx.config.rateLimits);

  app.use('/pg/*', requestGuard(ctx, limiter, createAuthCheck(ctx.config.appId, ctx.config.secretKey)));
  app.use('/_sandbox/*', async (_c, next) => {
    if (ctx.scheduler.hasDue()) ctx.scheduler.runDue();
    await next();
  });

  // Order Pay first: its static paths must win over `/orders/:order_id` patterns.
  for (const routes of [
    orderPayRoutes(ctx),
    orderRoutes(ctx),
    paymentRoutes(ctx),
    refundRoutes(ctx),
    settlementRoutes(ctx),
    linkRoutes(ctx),
    simulateRoutes(ctx),
  ]) {
    app.route('/pg', routes);
  }
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
    return c.json(
      {
        message: `[cashfree-sandbox] no route ${route}. The API is under /pg, the admin API under /_sandbox.`,
        code: 'route_not_found',
        type: 'invalid_request_error',
      },
      404,
    );
  });

  app.onError((error, c) => {
    const onPg = c.req.path.startsWith('/pg/');
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
