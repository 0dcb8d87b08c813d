/**
 * Who may open the shop owner's pages (`/admin`: refunds, payment links, supplier payouts, and the
 * webhooks page, which shows customers' details). On this machine alone the store answers them
 * only to direct loopback requests; once the store is reachable from elsewhere (a public URL such
 * as a tunnel's, or listening on a non-loopback interface) they need the admin token. A tunnel's
 * client forwards from 127.0.0.1, so the loopback rule alone would let the whole internet in.
 *
 * | variable | what it does |
 * | --- | --- |
 * | `DEMO_STORE_ADMIN_TOKEN` | the token (at least 16 characters); when set, it is always required. Without it, an exposed store makes one at start and prints it once |
 */
import { randomBytes } from 'node:crypto';
import { isLoopbackHost } from 'cashfree-kit';

/** How the owner's pages are guarded. */
export type AdminAccess =
  /** Only requests straight from this machine: no token, nothing forwarded by a proxy or tunnel. */
  | { kind: 'loopback' }
  /** A token, typed once on the login page (a cookie then) or sent as `Authorization: Bearer`. */
  | { kind: 'token'; token: string; generated: boolean };

/** The shortest token accepted: a guessable token would be no lock. */
export const MIN_ADMIN_TOKEN_LENGTH = 16;

/** A bad `DEMO_STORE_ADMIN_TOKEN`; the message says what to set. */
export class AdminTokenError extends Error {
  override name = 'AdminTokenError';
}

/**
 * The guard for a store listening on `host` and known to Cashfree as `publicUrl` (if set).
 *
 * @throws AdminTokenError for a `DEMO_STORE_ADMIN_TOKEN` too short to be a secret
 */
export function adminAccess(
  env: Record<string, string | undefined>,
  publicUrl: string | undefined,
  host: string,
  generate: () => string = () => randomBytes(24).toString('base64url'),
): AdminAccess {
  const given = env['DEMO_STORE_ADMIN_TOKEN']?.trim();
  if (given) {
    if (given.length < MIN_ADMIN_TOKEN_LENGTH) {
      throw new AdminTokenError(
        `[demo-store] DEMO_STORE_ADMIN_TOKEN must be at least ${MIN_ADMIN_TOKEN_LENGTH} characters; ` +
          'leave it unset and the store makes one at start (and prints it).',
      );
    }
    return { kind: 'token', token: given, generated: false };
  }
  const exposed =
    (publicUrl !== undefined && !isLoopbackHost(new URL(publicUrl).hostname)) || !isLoopbackHost(host);
  return exposed ? { kind: 'token', token: generate(), generated: true } : { kind: 'loopback' };
}
