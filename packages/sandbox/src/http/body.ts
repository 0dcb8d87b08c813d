import type { Context } from 'hono';
import type { AppEnv } from './env.js';
import { badRequest } from './errors.js';

/** The raw request body, read once per request. */
export async function rawBody(c: Context<AppEnv>): Promise<string> {
  const cached = c.get('rawBody');
  if (cached !== undefined) return cached;
  const text = await c.req.text();
  c.set('rawBody', text);
  return text;
}

/** The request body parsed as JSON (`undefined` when empty), or a 400 naming the problem. */
export async function jsonBody(c: Context<AppEnv>): Promise<unknown> {
  const text = await rawBody(c);
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw badRequest(
      'request_body_invalid',
      `request body : is not valid JSON. Value received: ${text.length > 100 ? `${text.slice(0, 100)}…` : text}`,
    );
  }
}
