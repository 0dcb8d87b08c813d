/**
 * The lock on the shop owner's pages (see admin-access.ts for when it takes a token). A token is
 * typed once on `/admin/login`, which sets a cookie holding an HMAC of it (the token itself never
 * sits in the browser); scripts may send `Authorization: Bearer <token>` instead. Everything under
 * `/admin` and the webhooks page `/events` is behind it.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { isLoopbackHost } from 'cashfree-kit';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { AdminAccess } from '../admin-access.js';
import type { Shop } from '../shop.js';
import { adminLoginPage } from '../views/admin-login-page.js';
import { errorPage } from '../views/error-page.js';
import { sendPage } from './respond.js';

export const ADMIN_COOKIE = 'demo_store_admin';
export const LOGIN_PATH = '/admin/login';

/** Headers a proxy or tunnel adds: such a request did not start on this machine. */
const FORWARDED = ['forwarded', 'x-forwarded-for', 'x-forwarded-host', 'x-real-ip', 'cf-connecting-ip'];

const form = express.urlencoded({ extended: false, limit: '2kb' });

/** The cookie's value for `token`: proof the browser was given the token, not the token itself. */
export function sessionValue(token: string): string {
  return createHmac('sha256', token).update('demo-store admin session').digest('base64url');
}

function same(a: string, b: string): boolean {
  // Hashing first gives equal lengths, so the comparison takes the same time for any input.
  const hash = (text: string) => createHmac('sha256', 'compare').update(text).digest();
  return timingSafeEqual(hash(a), hash(b));
}

function cookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

/** Whether the request came straight from this machine: a loopback peer, nothing forwarded. */
export function isDirectLoopback(req: Request): boolean {
  const peer = (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
  return isLoopbackHost(peer) && !FORWARDED.some((name) => req.headers[name] !== undefined);
}

function hasToken(req: Request, token: string): boolean {
  const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  if (bearer !== undefined) return same(bearer.trim(), token);
  const session = cookie(req, ADMIN_COOKIE);
  return session !== undefined && same(session, sessionValue(token));
}

/** Where to go after logging in: a page of the owner's, never another site. */
function nextPath(text: unknown): string {
  return typeof text === 'string' && /^\/(admin|events)(?=$|[/?])/.test(text) ? text : '/admin';
}

/** Mounts the login routes and the guard; call before the routes it guards. */
export function mountAdminGuard(router: Router, shop: Shop, access: AdminAccess): void {
  if (access.kind === 'loopback') {
    const onlyHere = (req: Request, res: Response, next: NextFunction) => {
      if (isDirectLoopback(req)) {
        next();
        return;
      }
      sendPage(
        res,
        shop,
        errorPage(
          shop.info,
          'Only on this machine',
          "The shop's admin pages answer only requests from this machine, and this one came from elsewhere (or through a proxy or tunnel). " +
            'To open them from there, set DEMO_STORE_PUBLIC_URL (the store then asks for a token) or DEMO_STORE_ADMIN_TOKEN, and restart the store.',
        ),
        403,
      );
    };
    router.use(['/admin', '/events'], onlyHere);
    return;
  }

  const { token } = access;
  router.get(LOGIN_PATH, (req, res) => {
    sendPage(res, shop, adminLoginPage({ info: shop.info, next: nextPath(req.query['next']) }));
  });
  router.post(LOGIN_PATH, form, (req, res) => {
    const body = req.body as Record<string, unknown> | undefined;
    const typed = typeof body?.['token'] === 'string' ? body['token'].trim() : '';
    const next = nextPath(body?.['next']);
    if (!same(typed, token)) {
      const error =
        'That is not this store’s admin token. It is the DEMO_STORE_ADMIN_TOKEN you set, or the one the store printed when it started.';
      sendPage(res, shop, adminLoginPage({ info: shop.info, next, error }), 401);
      return;
    }
    const secure = req.headers['x-forwarded-proto'] === 'https' ? '; Secure' : '';
    res.setHeader(
      'set-cookie',
      `${ADMIN_COOKIE}=${sessionValue(token)}; Path=/; HttpOnly; SameSite=Strict; Max-Age=43200${secure}`,
    );
    res.redirect(303, next);
  });
  const locked = (req: Request, res: Response, next: NextFunction) => {
    if (hasToken(req, token)) {
      next();
      return;
    }
    // After logging in, a refused form post goes back to its page rather than to a GET of its URL.
    const back = req.method === 'GET' ? nextPath(req.originalUrl) : '/admin';
    sendPage(res, shop, adminLoginPage({ info: shop.info, next: back }), 401);
  };
  router.use(['/admin', '/events'], locked);
}
