import type { Context, MiddlewareHandler } from 'hono';
import type { SandboxContext } from '../context.js';
import { checkApiVersion, IMPLEMENTED_VERSION } from './api-version.js';
import type { AppEnv } from './env.js';
import { prepareIdempotency, storeAfterResponse } from './idempotency.js';
import { bucketFor, type RateLimiter, rateLimitError } from './rate-limits.js';

/** Order Pay and OTP submission are authorised by the payment session, not API keys. */
function isPublicEndpoint(method: string, path: string): boolean {
  return (
    method === 'POST' && (path === '/pg/orders/sessions' || path.startsWith('/pg/orders/pay/authenticate/'))
  );
}

function clientIp(c: Context<AppEnv>): string {
  return c.env?.incoming?.socket?.remoteAddress ?? 'local';
}

/**
 * Outermost step for `/pg`: once the response exists (success or error), adds Cashfree's response
 * headers — `x-api-version`, `x-ratelimit-*`, the echoed `x-request-id` and `x-idempotency-key`,
 * `x-idempotency-replayed` — and stores the response for its idempotency key when the handler did
 * not already.
 */
export function responseHeaders(ctx: SandboxContext): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    const h = c.res.headers;
    h.set('x-api-version', IMPLEMENTED_VERSION);
    const rl = c.get('rateLimit');
    if (rl) {
      h.set('x-ratelimit-limit', String(rl.limit));
      h.set('x-ratelimit-remaining', String(rl.remaining));
      h.set('x-ratelimit-retry', String(rl.retry));
      h.set('x-ratelimit-type', rl.type);
    }
    const requestId = c.req.header('x-request-id');
    if (requestId !== undefined) h.set('x-request-id', requestId);
    const key = c.req.header('x-idempotency-key');
    if (key !== undefined) {
      h.set('x-idempotency-key', key);
      h.set('x-idempotency-replayed', c.get('replayed') ? 'true' : 'false');
    }
    await storeAfterResponse(c, ctx);
  };
}

/**
 * The checks every `/pg` request passes, in order: apply due time-driven transitions (so no read
 * is stale), count it against its rate limit, check `x-api-version`, check the API keys (except
 * Order Pay), then replay or reserve its `x-idempotency-key`.
 */
export function requestGuard(
  ctx: SandboxContext,
  limiter: RateLimiter,
  checkAuth: (id: string | undefined, secret: string | undefined) => void,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (ctx.scheduler.hasDue()) ctx.scheduler.runDue();
    const method = c.req.method;
    const path = c.req.path;
    const isPublic = isPublicEndpoint(method, path);
    const bucket = bucketFor(method, path);
    const caller = bucket.type === 'ip' ? clientIp(c) : (c.req.header('x-client-id') ?? clientIp(c));
    const rl = limiter.take(bucket, caller);
    c.set('rateLimit', rl);
    if (!rl.allowed) throw rateLimitError(bucket, rl.retry);
    checkApiVersion(c.req.header('x-api-version'));
    if (!isPublic) checkAuth(c.req.header('x-client-id'), c.req.header('x-client-secret'));
    const replayed = await prepareIdempotency(c, ctx, !isPublic);
    if (replayed) return replayed;
    await next();
  };
}
