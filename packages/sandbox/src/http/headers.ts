import type { Context } from 'hono';
import type { AppEnv } from './env.js';

/**
 * A request header (lower-case name). Under @hono/node-server it is read from Node's own header
 * object: going through `Request.headers` would build a WHATWG `Headers` for every request, which
 * costs more than the rest of create-order's HTTP handling. In-process (`app.request()`) it falls
 * back to the Request.
 */
export function requestHeader(c: Context<AppEnv>, name: string): string | undefined {
  const incoming = c.env?.incoming;
  if (incoming) {
    const value = incoming.headers[name];
    return Array.isArray(value) ? value.join(', ') : value;
  }
  return c.req.header(name);
}
