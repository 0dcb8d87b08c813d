import type { Context } from 'hono';
import { notFound } from '../http/errors.js';

/** The field a session lookup's 404 names: the id the merchant's page passed to cashfree.js. */
export type SessionField = 'payment_session_id' | 'subscription_session_id';

/**
 * Answers a session lookup of the cashfree.js stand-in (`GET /checkout/sessions/:session`,
 * `GET /subscriptions/sessions/:session`). The merchant's page calls it from its own origin, so
 * any origin may read the answer, and nothing may cache it, since the session's status moves on.
 * A session `find` does not know is a 404 in Cashfree's wording:
 * `<field> : is not valid. Value received: <id>`, code `<field>_invalid`.
 */
export function answerSessionLookup<T>(
  c: Context,
  field: SessionField,
  sessionId: string,
  find: (sessionId: string) => T | undefined,
  answer: (found: T) => Record<string, unknown>,
): Response {
  c.header('access-control-allow-origin', '*');
  c.header('cache-control', 'no-store');
  const found = find(sessionId);
  if (!found) {
    const error = notFound(`${field}_invalid`, `${field} : is not valid. Value received: ${sessionId}`);
    return c.json(error.toBody(), error.status);
  }
  return c.json(answer(found));
}
