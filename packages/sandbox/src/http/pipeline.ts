import type { Context, MiddlewareHandler } from 'hono';
import type { SandboxContext } from '../context.js';
import { checkApiVersion } from './api-version.js';
import type { AppEnv } from './env.js';
import { requestHeader } from './headers.js';
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
 * The checks every `/pg` request passes, in order: apply due time-driven transitions (so no read
 * is stale), count it against its rate limit, check `x-api-version`, check the API keys (except
 * Order Pay), then replay or reserve its `x-idempotency-key`. Once the handler answered (or
 * `onError` did), the response is stored for its idempotency key unless the handler stored it in
 * its own transaction. Response headers are added by `sendJson`.
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
    const caller = bucket.type === 'ip' ? clientIp(c) : (requestHeader(c, 'x-client-id') ?? clientIp(c));
    const rl = limiter.take(bucket, caller);
    c.set('rateLimit', rl);
    if (!rl.allowed) throw rateLimitError(bucket, rl.retry);
    checkApiVersion(requestHeader(c, 'x-api-version'));
    if (!isPublic) checkAuth(requestHeader(c, 'x-client-id'), requestHeader(c, 'x-client-secret'));
    const replayed = await prepareIdempotency(c, ctx, !isPublic);
    if (replayed) return replayed;
    await next();
    storeAfterResponse(c, ctx);
  };
}
