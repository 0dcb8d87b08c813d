import type { HttpBindings } from '@hono/node-server';
import type { RateLimitState } from './rate-limits.js';

/** What one request's handlers share through the Hono context. */
export interface AppEnv {
  /** Present when served by @hono/node-server; absent for in-process `app.request()`. */
  Bindings: Partial<HttpBindings>;
  Variables: {
    /** The raw body, read once (idempotency needs it before the handler parses it). */
    rawBody: string;
    /** Set when the request carries `x-idempotency-key`. */
    idempotency: IdempotencyScope;
    /** True once the response was stored for the idempotency key (inside its transaction). */
    idempotencySaved: boolean;
    /** True when the response is a replay of a stored one. */
    replayed: boolean;
    rateLimit: RateLimitState;
    /** The JSON text of the response, kept for storing it under its idempotency key. */
    responseText: string;
  };
}

/** Which stored response an idempotency key refers to. */
export interface IdempotencyScope {
  /** The app id, or `public` for the operations authorised by the payment session (Order Pay, OTP). */
  scope: string;
  key: string;
  /** Hash of method, path and raw body. */
  fingerprint: string;
}
