import type { Router } from 'express';
import { loadWebhooks } from '../db/webhook-log.js';
import type { Shop } from '../shop.js';
import { eventsPage } from '../views/events-page.js';
import { sendPage } from './respond.js';

/** Webhooks per page of `/events`. */
export const EVENTS_PER_PAGE = 50;

/** `GET /events?page=`: what the webhook inbox holds, newest first, a page at a time. */
export function mountEventsRoutes(router: Router, shop: Shop): void {
  router.get('/events', async (req, res) => {
    const asked = Number(req.query['page'] ?? 1);
    const page = Number.isInteger(asked) && asked > 0 ? asked : 1;
    const { keys, total } = shop.webhookLog.newest(EVENTS_PER_PAGE, (page - 1) * EVENTS_PER_PAGE);
    const webhooks = await loadWebhooks(shop.inbox, shop.webhookLog, keys);
    sendPage(
      res,
      shop,
      eventsPage(shop.info, webhooks, shop.rejections.recent(), {
        page,
        perPage: EVENTS_PER_PAGE,
        total,
      }),
    );
  });
}
