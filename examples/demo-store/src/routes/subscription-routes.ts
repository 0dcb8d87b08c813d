/**
 * "Tea of the month": the offer and its Subscribe call (`POST /api/subscriptions`, which creates
 * the subscription on the server; the browser only gets its session id for the mandate page), the
 * return page (which asks Cashfree, never the browser), and the owner's Subscriptions page with
 * Pause, Resume, Cancel, "Ask Cashfree now" and, on the local sandbox, a month on the clock.
 */
import { isNotFoundError } from 'cashfree-kit';
import express, { type Request, type Router } from 'express';
import { normaliseIndianMobile } from '../customer/phone.js';
import type { SubscriptionsTable } from '../db/subscriptions.js';
import type { Shop } from '../shop.js';
import type { ShopSubscriptions } from '../subscriptions/shop-subscriptions.js';
import { adminWording, shopperWording } from '../subscriptions/wording.js';
import { errorPage } from '../views/error-page.js';
import { formatTime } from '../views/format.js';
import { subscriptionPage } from '../views/subscription-page.js';
import { subscriptionReturnPage } from '../views/subscription-return-page.js';
import {
  type SubscriptionsPageInput,
  subscriptionsHref,
  subscriptionsPage,
} from '../views/subscriptions-page.js';
import { sendJson, sendPage } from './respond.js';

export const SUBSCRIPTION_RETURN_PATH = '/tea-of-the-month/return';

export interface SubscriptionRouteOptions {
  subscriptions: ShopSubscriptions;
  table: SubscriptionsTable;
  /** What the admin page says about the webhook URL. */
  webhooks: () => { url: string | undefined; note: string };
  /** Moves the local sandbox's clock a month; absent elsewhere. */
  advanceMonth: (() => Promise<number>) | undefined;
}

const MANAGE = {
  pause: { verb: 'pause', done: 'is paused: no charges until it is resumed' },
  resume: { verb: 'resume', done: 'is active again' },
  cancel: { verb: 'cancel', done: 'is cancelled: no more charges' },
  refresh: { verb: 'read', done: 'is as Cashfree has it now' },
} as const;
type ManageAction = keyof typeof MANAGE;

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

function watchOf(req: Request): number {
  const n = Number(req.query['watch']);
  return Number.isInteger(n) && n > 0 && n <= 10 ? n : 0;
}

export function mountSubscriptionRoutes(router: Router, shop: Shop, options: SubscriptionRouteOptions): void {
  const { subscriptions, table } = options;

  router.get('/tea-of-the-month', (_req, res) => {
    sendPage(res, shop, subscriptionPage(shop.info, shop.config.checkoutScriptUrl));
  });

  // "Subscribe": the plan (once) and the subscription are created here, with the secret key; the
  // browser gets only the subscription_session_id for cashfree.subscriptionsCheckout().
  router.post('/api/subscriptions', express.json({ limit: '10kb' }), async (req, res) => {
    const input = (req.body ?? {}) as Record<string, unknown>;
    const subscriber = {
      name: text(input['customer_name']),
      email: text(input['customer_email']),
      // +91 98765 43210 and the other spellings people type become the 10 digits, as on checkout.
      phone: normaliseIndianMobile(text(input['customer_phone'])),
    };
    if (!subscriber.name) {
      const message = 'Enter your name as it should appear on the mandate.';
      sendJson(res, shop, { error: { message, field: 'customer_name' } }, 400);
      return;
    }
    try {
      const created = await subscriptions.subscribe(subscriber);
      sendJson(res, shop, {
        subscription_id: created.subscription_id,
        subscription_session_id: created.session_id,
        return_path: `${SUBSCRIPTION_RETURN_PATH}?subscription_id=${encodeURIComponent(created.subscription_id)}`,
      });
    } catch (error) {
      const wording = shopperWording(error);
      if (wording.status >= 500) shop.log.error('[demo-store] subscribing failed:', error);
      sendJson(res, shop, { error: { message: wording.message, field: wording.field } }, wording.status);
    }
  });

  // The mandate page ends with a form POST to subscription_meta.return_url carrying its cf_*
  // fields (cf_status, cf_checkoutStatus, a signature): the browser carried them, so they decide
  // nothing. The id picks the subscription and the browser is sent on to the page that asks Cashfree.
  router.post(
    SUBSCRIPTION_RETURN_PATH,
    express.urlencoded({ extended: false, limit: '10kb' }),
    (req, res) => {
      const body = (req.body ?? {}) as Record<string, unknown>;
      const id = text(req.query['subscription_id']) || text(body['cf_subscriptionId']);
      if (!table.get(id)) {
        const page = errorPage(shop.info, 'No such subscription', `This shop has no subscription “${id}”.`);
        sendPage(res, shop, page, 404);
        return;
      }
      res.redirect(303, `${SUBSCRIPTION_RETURN_PATH}?subscription_id=${encodeURIComponent(id)}`);
    },
  );

  // The return page: the status shown and recorded comes from Cashfree's answer to the server;
  // any other query parameter is ignored.
  router.get(SUBSCRIPTION_RETURN_PATH, async (req, res) => {
    const id = text(req.query['subscription_id']);
    if (!table.get(id)) {
      const page = errorPage(shop.info, 'No such subscription', `This shop has no subscription “${id}”.`);
      sendPage(res, shop, page, 404);
      return;
    }
    try {
      const subscription = await subscriptions.refresh(id);
      const shopRecord = table.get(id);
      if (!shopRecord) throw new Error(`subscription ${id} vanished from the shop's database`);
      sendPage(
        res,
        shop,
        subscriptionReturnPage({
          info: shop.info,
          scriptUrl: shop.config.checkoutScriptUrl,
          shop: shopRecord,
          subscription,
        }),
      );
    } catch (error) {
      const message = isNotFoundError(error)
        ? `Cashfree does not know subscription ${id} (was the sandbox reset?).`
        : shopperWording(error).message;
      sendPage(res, shop, errorPage(shop.info, 'Could not check the subscription', message), 502);
    }
  });

  const render = (extra: Partial<SubscriptionsPageInput> = {}) => {
    const webhooks = options.webhooks();
    return subscriptionsPage({
      info: shop.info,
      subscriptions: table.recent().map((subscription) => ({
        subscription,
        charges: table.charges(subscription.subscription_id),
      })),
      webhookUrl: webhooks.url,
      webhookNote: webhooks.note,
      sandboxClock: options.advanceMonth !== undefined,
      ...extra,
    });
  };

  /** What the page says after an action succeeded (it redirects here with `done` and `subscription`). */
  const noticeOf = (req: Request): string | undefined => {
    const action = text(req.query['done']);
    const id = text(req.query['subscription']);
    const record = table.get(id);
    if (!Object.hasOwn(MANAGE, action) || !record) return undefined;
    const next =
      action === 'resume' && record.next_charge_at !== null
        ? ` The next charge is on ${formatTime(record.next_charge_at)}.`
        : '';
    return `Subscription ${id} ${MANAGE[action as ManageAction].done}.${next}`;
  };

  router.get(subscriptionsHref, (req, res) =>
    sendPage(res, shop, render({ watch: watchOf(req), notice: noticeOf(req) })),
  );

  router.post(`${subscriptionsHref}/clock`, async (_req, res) => {
    if (!options.advanceMonth) {
      const error = 'Only the local sandbox has a clock to move; on Cashfree a month takes a month.';
      sendPage(res, shop, render({ error }), 409);
      return;
    }
    try {
      await options.advanceMonth();
      res.redirect(303, `${subscriptionsHref}?watch=5`);
    } catch (error) {
      shop.log.error('[demo-store]', error instanceof Error ? error.message : error);
      const message = `Could not move the sandbox's clock: ${error instanceof Error ? error.message : String(error)}`;
      sendPage(res, shop, render({ error: message }), 502);
    }
  });

  router.post(`${subscriptionsHref}/:subscriptionId/:action`, async (req, res) => {
    const id = req.params['subscriptionId'] ?? '';
    const action = req.params['action'] ?? '';
    if (!Object.hasOwn(MANAGE, action) || !table.get(id)) {
      const page = errorPage(shop.info, 'Not found', `This shop has no subscription “${id}” to ${action}.`);
      sendPage(res, shop, page, 404);
      return;
    }
    const { verb } = MANAGE[action as ManageAction];
    try {
      if (action === 'refresh') await subscriptions.refresh(id, { charges: true });
      else await subscriptions[action as Exclude<ManageAction, 'refresh'>](id);
      res.redirect(303, `${subscriptionsHref}?${new URLSearchParams({ done: action, subscription: id })}`);
    } catch (error) {
      const wording = adminWording(`${verb} subscription ${id}`, error);
      if (wording.status >= 500) shop.log.error('[demo-store]', wording.message);
      sendPage(res, shop, render({ error: wording.message }), wording.status);
    }
  });
}
