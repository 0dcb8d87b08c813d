import type { MiddlewareHandler } from 'hono';
import type { SandboxContext } from '../context.js';
import { cfOrderIdFromSessionId } from '../util/ids.js';
import { rawBody } from './body.js';
import type { AppEnv } from './env.js';
import { requestHeader } from './headers.js';
import { secretRedactor } from './secret-redaction.js';

/** Headers that carry a credential: the log notes they were sent, never what they held. */
const CREDENTIAL_HEADERS = new Set(['x-client-secret', 'authorization', 'proxy-authorization', 'cookie']);
const NOT_STORED = '(sent, not stored)';
/** The most of a body the log keeps (a bulk batch can be large; the start is what a reader needs). */
export const LOGGED_BODY_CHARS = 16 * 1024;

function capped(text: string): string {
  return text.length <= LOGGED_BODY_CHARS
    ? text
    : `${text.slice(0, LOGGED_BODY_CHARS)}… [${text.length - LOGGED_BODY_CHARS} more characters not kept]`;
}

/** The request's headers as sent, credentials replaced by a note. */
function headersOf(c: Parameters<MiddlewareHandler<AppEnv>>[0]): Record<string, string> {
  const out: Record<string, string> = {};
  const incoming = c.env?.incoming?.headers;
  const put = (name: string, value: string) => {
    out[name] = CREDENTIAL_HEADERS.has(name) ? NOT_STORED : value;
  };
  if (incoming) {
    for (const [name, value] of Object.entries(incoming)) {
      if (value !== undefined) put(name, Array.isArray(value) ? value.join(', ') : value);
    }
  } else {
    for (const [name, value] of c.req.raw.headers) put(name, value);
  }
  return out;
}

const field = (name: string) => new RegExp(`"${name}"\\s*:\\s*"([^"\\\\]{1,200})"`);
const ORDER_ID_FIELD = field('order_id');
const SESSION_FIELD = field('payment_session_id');
const ORDER_PATH = /^\/pg\/orders\/([^/]+)/;
const AUTHENTICATE_PATH = /^\/pg\/orders\/pay\/authenticate\/(\d{1,16})/;

/**
 * The order a call was about, for the order's page: the `{order_id}` of its path, the order Order
 * Pay's session or OTP submission's payment belongs to, or the order create-order made.
 */
function orderOf(
  ctx: SandboxContext,
  method: string,
  path: string,
  body: string,
  answer: string,
): string | null {
  const payment = AUTHENTICATE_PATH.exec(path);
  if (payment) {
    const row = ctx.store.payments.byId(Number(payment[1]));
    return (row && ctx.store.orders.byCfId(row.cf_order_id)?.order_id) ?? null;
  }
  if (path === '/pg/orders/sessions') {
    const session = SESSION_FIELD.exec(body)?.[1];
    const cfOrderId = session === undefined ? undefined : cfOrderIdFromSessionId(session);
    const order = cfOrderId === undefined ? undefined : ctx.store.orders.byCfId(cfOrderId);
    return order?.payment_session_id === session ? (order?.order_id ?? null) : null;
  }
  const inPath = ORDER_PATH.exec(path)?.[1];
  // `/pg/orders/pay/…` and `/pg/orders/sessions` name no order (a malformed OTP path lands here).
  if (inPath === 'pay' || inPath === 'sessions') return null;
  if (inPath !== undefined) {
    try {
      return decodeURIComponent(inPath);
    } catch {
      return inPath;
    }
  }
  if (path === '/pg/orders' && method === 'POST') {
    return ORDER_ID_FIELD.exec(answer)?.[1] ?? ORDER_ID_FIELD.exec(body)?.[1] ?? null;
  }
  return null;
}

/**
 * Records every `/pg` and `/payout` call in the API request log (`store.requests`), whatever
 * answered it: the handler, a check before it (401, 429, …) or the 404 of an unknown path. The
 * secrets are removed from everything stored (headers, path, bodies) in every spelling, and
 * `x-client-secret` is never stored. Only what the request already holds is taken on the request
 * path: the row is built (secrets removed, headers serialised, the order found) and written on
 * the next event-loop turn, after the response, with the other requests of that turn in one
 * transaction.
 */
export function recordRequests(ctx: SandboxContext): MiddlewareHandler<AppEnv> {
  // The Payouts secret is the PG one unless set apart; the same secret is looked for once.
  const redact = secretRedactor(() => [...new Set([ctx.config.secretKey, ctx.config.payouts.clientSecret])]);
  return async (c, next) => {
    const started = performance.now();
    const at = ctx.clock.now();
    await next();
    try {
      const method = c.req.method;
      const body = method === 'GET' || method === 'HEAD' ? '' : await rawBody(c).catch(() => '');
      const answer = c.get('responseText') ?? '';
      const url = c.req.url;
      const path = c.req.path;
      const status = c.res.status;
      const latency = Math.round((performance.now() - started) * 10) / 10;
      const key = requestHeader(c, 'x-idempotency-key');
      const requestId = requestHeader(c, 'x-request-id');
      const replayed = c.get('replayed') ? 1 : 0;
      const headers = headersOf(c);
      // Only what the request already holds is taken here; removing secrets, serialising and
      // finding the order happen when the log is written, after the response has gone.
      ctx.store.requests.record(() => {
        const query = url.indexOf('?');
        return {
          at,
          method,
          path: redact(query < 0 ? path : `${path}${url.slice(query)}`),
          status,
          latency_ms: latency,
          request_id: requestId === undefined ? null : redact(requestId),
          idempotency_key: key === undefined ? null : redact(key),
          replayed,
          order_id: orderOf(ctx, method, path, body, answer),
          request_headers: redact(JSON.stringify(headers)),
          request_body: body === '' ? null : capped(redact(body)),
          response_body: answer === '' ? null : capped(redact(answer)),
        };
      });
    } catch (error) {
      // The log is for reading; a failure to record never fails the API call.
      console.error(`[cashfree-sandbox] could not log ${c.req.method} ${c.req.path}:`, error);
    }
  };
}
