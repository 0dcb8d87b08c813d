import { PRODUCTS } from 'cashfree-kit';
import type { Context } from 'hono';
import { IMPLEMENTED_VERSION } from './api-version.js';
import type { AppEnv } from './env.js';
import { requestHeader } from './headers.js';

const PAYOUTS_PREFIX = `${PRODUCTS.payouts.basePath}/`;

/**
 * Sends a `/pg` or `/payout` JSON response (`x-api-version` of the product the path is under) with Cashfree's response headers: `x-api-version`,
 * `x-ratelimit-*`, the echoed `x-request-id` and `x-idempotency-key`, and
 * `x-idempotency-replayed`. The headers are a plain object and the Response is built directly, so
 * @hono/node-server writes it without materialising a `Headers` instance (create-order is the
 * hot path of load tests).
 */
export function sendJson(
  c: Context<AppEnv>,
  status: number,
  text: string,
  extra?: Record<string, string>,
): Response {
  const payouts = c.req.path.startsWith(PAYOUTS_PREFIX);
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-api-version': payouts ? PRODUCTS.payouts.apiVersion : IMPLEMENTED_VERSION,
  };
  const rl = c.get('rateLimit');
  if (rl) {
    headers['x-ratelimit-limit'] = String(rl.limit);
    headers['x-ratelimit-remaining'] = String(rl.remaining);
    headers['x-ratelimit-retry'] = String(rl.retry);
    headers['x-ratelimit-type'] = rl.type;
  }
  const requestId = requestHeader(c, 'x-request-id');
  if (requestId !== undefined) headers['x-request-id'] = requestId;
  // Payouts has no idempotency header, so none is echoed.
  const key = payouts ? undefined : requestHeader(c, 'x-idempotency-key');
  if (key !== undefined) {
    headers['x-idempotency-key'] = key;
    headers['x-idempotency-replayed'] = c.get('replayed') ? 'true' : 'false';
  }
  if (extra) Object.assign(headers, extra);
  c.set('responseText', text);
  return new Response(text, { status, headers });
}

/** {@link sendJson} for a value. */
export function json(c: Context<AppEnv>, body: unknown, status = 200): Response {
  return sendJson(c, status, JSON.stringify(body));
}
