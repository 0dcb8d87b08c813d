/**
 * "Tea of the month": the offer and its Subscribe call (`POST /api/subscriptions`, which creates
 * the subscription on the server; the browser only gets its session id for the mandate page), the
 * return page (which asks Cashfree, never the browser), and the owner's Subscriptions page with
 * Pause, Resume, Cancel, "Charge now", "Refund" of a charge, "Ask Cashfree now" and, on the local
 * sandbox, the clock moved a month or to a charge's date.
 */
import { formatInrFromPaise, isNotFoundError } from 'cashfree-kit';
import express, { type Request, type Router } from 'express';
import { normaliseIndianMobile } from '../customer/phone.js';
import type { SubscriptionsTable } from '../db/subscriptions.js';
import type { Shop } from '../shop.js';
import { readAmount } from '../subscriptions/amount-input.js';
import type { ShopSubscriptions } from '../subscriptions/shop-subscriptions.js';
import { planMaxPaise } from '../subscriptions/tea-plan.js';
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
      subscriptions: table.recent().map((subscription) => {
        const id = subscription.subscription_id;
        const charges = table.charges(id);
        const refundable = Object.fromEntries(
          charges
            .filter((c) => c.status === 'SUCCESS')
            .map((c) => [c.payment_id, table.refundablePaise(id, c.payment_id)]),
        );
        return { subscription, charges, refunds: table.refunds(id), refundable };
      }),
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
    if (!record) return undefined;
    const charge = table.charge(id, text(req.query['payment']));
    if (action === 'charge' && charge) {
      return `Charge ${charge.payment_id} of ${formatInrFromPaise(charge.amount_paise)} on subscription ${id} is ${charge.status}: it is debited on ${formatTime(charge.scheduled_at)}.`;
    }
    const refund = table.refund(id, text(req.query['refund']));
    if (action === 'refund' && refund) {
      return `Refund ${refund.refund_id} of ${formatInrFromPaise(refund.amount_paise)} on charge ${refund.payment_id} is ${refund.status}.`;
    }
    if (!Object.hasOwn(MANAGE, action)) return undefined;
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

  /** The owner's refusal or failure, on the page; a 5xx is logged too. */
  const refused = (res: Parameters<typeof sendPage>[0], doing: string, error: unknown) => {
    const wording = adminWording(doing, error);
    if (wording.status >= 500) shop.log.error('[demo-store]', wording.message);
    sendPage(res, shop, render({ error: wording.message }), wording.status);
  };
  const form = express.urlencoded({ extended: false, limit: '10kb' });

  // "Charge now": a CHARGE outside the plan's cycle, at the earliest Cashfree takes it.
  router.post(`${subscriptionsHref}/:subscriptionId/charge`, form, async (req, res) => {
    const id = req.params['subscriptionId'] ?? '';
    if (!table.get(id)) {
      sendPage(
        res,
        shop,
        errorPage(shop.info, 'Not found', `This shop has no subscription “${id}” to charge.`),
        404,
      );
      return;
    }
    const body = (req.body ?? {}) as Record<string, unknown>;
    const amount = readAmount(text(body['amount']), planMaxPaise(), 'charge');
    if ('problem' in amount) {
      sendPage(res, shop, render({ error: `Could not charge subscription ${id}: ${amount.problem}` }), 400);
      return;
    }
    try {
      const charge = await subscriptions.chargeNow(id, amount.paise);
      const query = new URLSearchParams({ done: 'charge', subscription: id, payment: charge.payment_id });
      res.redirect(303, `${subscriptionsHref}?${query}`);
    } catch (error) {
      refused(res, `charge subscription ${id}`, error);
    }
  });

  // "Refund": part or all of what is left of a SUCCESS charge.
  router.post(`${subscriptionsHref}/:subscriptionId/refund`, form, async (req, res) => {
    const id = req.params['subscriptionId'] ?? '';
    const body = (req.body ?? {}) as Record<string, unknown>;
    const paymentId = text(body['payment_id']);
    const charge = table.get(id) ? table.charge(id, paymentId) : undefined;
    if (!charge) {
      const message = `This shop has no charge “${paymentId}” on subscription “${id}” to refund.`;
      sendPage(res, shop, errorPage(shop.info, 'Not found', message), 404);
      return;
    }
    const left = table.refundablePaise(id, paymentId);
    const typed = text(body['amount']);
    let paise: number | undefined;
    if (typed !== '') {
      const amount = readAmount(typed, left, 'refund');
      if ('problem' in amount) {
        const message = `Could not refund charge ${paymentId}: ${amount.problem}`;
        sendPage(res, shop, render({ error: message }), 400);
        return;
      }
      paise = amount.paise;
    }
    try {
      const refund = await subscriptions.refund(id, paymentId, paise);
      const query = new URLSearchParams({ done: 'refund', subscription: id, refund: refund.refund_id });
      res.redirect(303, `${subscriptionsHref}?${query}`);
    } catch (error) {
      refused(res, `refund charge ${paymentId} of subscription ${id}`, error);
    }
  });

  // On the local sandbox: the clock to an hour past one charge's date, so it is debited now.
  router.post(`${subscriptionsHref}/:subscriptionId/charges/:paymentId/clock`, async (req, res) => {
    const id = req.params['subscriptionId'] ?? '';
    const charge = table.charge(id, req.params['paymentId'] ?? '');
    if (!charge || charge.scheduled_at === null) {
      const message = `This shop has no charge “${req.params['paymentId']}” with a date on subscription “${id}”.`;
      sendPage(res, shop, errorPage(shop.info, 'Not found', message), 404);
      return;
    }
    if (!subscriptions.onLocalSandbox) {
      const error =
        'Only the local sandbox has a clock to move; on Cashfree the charge is debited on its date.';
      sendPage(res, shop, render({ error }), 409);
      return;
    }
    try {
      await subscriptions.moveClockPast(charge.scheduled_at);
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
      refused(res, `${verb} subscription ${id}`, error);
    }
  });
}
