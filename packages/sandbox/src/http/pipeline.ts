import type { Operation } from 'cashfree-kit';
import type { Context, MiddlewareHandler } from 'hono';
import type { SandboxContext } from '../context.js';
import { checkApiVersion } from './api-version.js';
import type { AppEnv } from './env.js';
import { requestHeader } from './headers.js';
import { prepareIdempotency, storeAfterResponse } from './idempotency.js';
import { type RateLimiter, rateLimitError } from './rate-limits.js';

/** What the checks before a handler read from an operation's row. */
export type GuardedOperation = Pick<Operation, 'product' | 'auth' | 'rateLimit'>;

function clientIp(c: Context<AppEnv>): string {
  return c.env?.incoming?.socket?.remoteAddress ?? 'local';
}

/**
 * The checks every API request passes, in order, as a middleware per operation: apply due
 * time-driven transitions (so no read is stale), count it against its row's rate limit, check
 * `x-api-version` against its product, check the API keys (unless the row is authorised by the
 * payment session: Order Pay and OTP submission), then replay or reserve its
 * `x-idempotency-key`. Once the handler answered (or `onError` did), the response is stored for
 * its idempotency key unless the handler stored it in its own transaction. Response headers are
 * added by `sendJson`.
 */
export function requestGuard(
  ctx: SandboxContext,
  limiter: RateLimiter,
  checkAuth: (id: string | undefined, secret: string | undefined) => void,
): (operation: GuardedOperation) => MiddlewareHandler<AppEnv> {
  return ({ product, auth, rateLimit }) => {
    const withKeys = auth === 'api-keys';
    return async (c, next) => {
      if (ctx.scheduler.hasDue()) ctx.scheduler.runDue();
      const caller = rateLimit.per === 'ip' ? clientIp(c) : (requestHeader(c, 'x-client-id') ?? clientIp(c));
      const rl = limiter.take(rateLimit, caller);
      c.set('rateLimit', rl);
      if (!rl.allowed) throw rateLimitError(rateLimit, rl.retry);
      checkApiVersion(product, requestHeader(c, 'x-api-version'));
      if (withKeys) checkAuth(requestHeader(c, 'x-client-id'), requestHeader(c, 'x-client-secret'));
      // Payouts has no idempotency header: its transfer_id and batch_transfer_id are the keys.
      const replayed = product === 'pg' ? await prepareIdempotency(c, ctx, withKeys) : undefined;
      if (replayed) return replayed;
      await next();
      storeAfterResponse(c, ctx);
    };
  };
}
