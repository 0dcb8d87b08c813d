import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { HOUR_MS } from '../clock/time.js';
import type { SandboxContext } from '../context.js';
import type { IdempotencyRow } from '../store/idempotency.js';
import { rawBody } from './body.js';
import type { AppEnv } from './env.js';
import { SandboxHttpError } from './errors.js';
import { requestHeader } from './headers.js';
import { sendJson } from './respond.js';

/** How long a stored response is replayed (Cashfree's notes say 24 hours), on the sandbox clock. */
export const IDEMPOTENCY_WINDOW_MS = 24 * HOUR_MS;

const PUBLIC_SCOPE = 'public';

/** Whether a stored response may still be replayed. */
export function isFresh(row: IdempotencyRow, now: number): boolean {
  return now - row.created_at < IDEMPOTENCY_WINDOW_MS;
}

/** 422: the key was used with another request. */
export function idempotencyMismatch(key: string): SandboxHttpError {
  return new SandboxHttpError(
    422,
    'idempotency_key_mismatch',
    `x-idempotency-key ${key} was already used with a different request body`,
    'idempotency_error',
    '[cashfree-sandbox] use a new x-idempotency-key for a new request; reuse a key only to retry the identical request.',
  );
}

/** The stored response as a replay, with `x-idempotency-replayed: true`. */
export function replay(c: Context<AppEnv>, row: IdempotencyRow): Response {
  c.set('replayed', true);
  c.set('idempotencySaved', true);
  return sendJson(c, row.status, row.body);
}

/**
 * Prepares `x-idempotency-key` handling for a write request: replays a stored response for the
 * same key and body, refuses the same key with another body (422), and otherwise records the key
 * so the response can be stored — inside the handler's transaction when it changes state
 * ({@link commitJson}), or after the response for everything else (errors included, as Cashfree
 * stores "the resulting status code and body … regardless of whether it succeeded or failed").
 */
export async function prepareIdempotency(
  c: Context<AppEnv>,
  ctx: SandboxContext,
  authenticated: boolean,
): Promise<Response | undefined> {
  const key = requestHeader(c, 'x-idempotency-key');
  if (key === undefined || c.req.method === 'GET') return undefined;
  if (key === '' || key.length > 255) {
    throw new SandboxHttpError(
      400,
      'x-idempotency-key_invalid',
      `x-idempotency-key : should be 1 to 255 characters (a UUID is recommended). Value received: ${key}`,
    );
  }
  const body = await rawBody(c);
  const fingerprint = createHash('sha256').update(body).digest('base64url');
  // Keys are scoped per credentials and per operation, as Cashfree's notes describe: a client that
  // reuses one key for an order and then for its refund gets two requests, not a 422.
  const scope = `${authenticated ? ctx.config.appId : PUBLIC_SCOPE} ${c.req.method} ${c.req.path}`;
  c.set('idempotency', { scope, key, fingerprint });
  const stored = ctx.store.idempotency.get(scope, key);
  if (stored && isFresh(stored, ctx.clock.now())) {
    if (stored.fingerprint !== fingerprint) throw idempotencyMismatch(key);
    return replay(c, stored);
  }
  return undefined;
}

/** Stores a finished response for the request's idempotency key, unless its handler already did. */
export function storeAfterResponse(c: Context<AppEnv>, ctx: SandboxContext): void {
  const idem = c.get('idempotency');
  const body = c.get('responseText');
  if (!idem || c.get('idempotencySaved') || body === undefined) return;
  ctx.store.idempotency.put({
    app_id: idem.scope,
    idempotency_key: idem.key,
    fingerprint: idem.fingerprint,
    status: c.res.status,
    body,
    created_at: ctx.clock.now(),
  });
}

/** What a state-changing handler answers. */
export interface JsonResult {
  status?: 200 | 201;
  body: unknown;
}

/**
 * Runs a state change and answers with its JSON, committing the change, its outbox events and
 * the idempotency record in one transaction (shared with concurrent requests: `ctx.commit`)
 * before the response exists, so an acknowledged change survives a killed process and a retried
 * key replays instead of repeating the change.
 */
export async function commitJson(
  c: Context<AppEnv>,
  ctx: SandboxContext,
  change: () => JsonResult,
): Promise<Response> {
  const idem = c.get('idempotency');
  let prior: IdempotencyRow | undefined;
  const out = await ctx.commit(() => {
    // The change may run twice (group commit retries a failed batch one change at a time).
    prior = undefined;
    if (idem) {
      // A concurrent request with the same key may have committed since the check before parsing.
      const stored = ctx.store.idempotency.get(idem.scope, idem.key);
      if (stored && isFresh(stored, ctx.clock.now())) {
        prior = stored;
        return undefined;
      }
    }
    const result = change();
    const status = result.status ?? 200;
    const text = JSON.stringify(result.body);
    if (idem) {
      ctx.store.idempotency.put({
        app_id: idem.scope,
        idempotency_key: idem.key,
        fingerprint: idem.fingerprint,
        status,
        body: text,
        created_at: ctx.clock.now(),
      });
    }
    return { status, text };
  });
  if (prior) {
    if (idem && prior.fingerprint !== idem.fingerprint) throw idempotencyMismatch(idem.key);
    return replay(c, prior);
  }
  c.set('idempotencySaved', idem !== undefined);
  return sendJson(c, out!.status, out!.text);
}
