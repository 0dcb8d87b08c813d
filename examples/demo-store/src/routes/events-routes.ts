import type { Router } from 'express';
import type { Shop } from '../shop.js';
import { eventsPage } from '../views/events-page.js';
import { sendPage } from './respond.js';

/** `GET /events`: what the webhook inbox holds, newest first. */
export function mountEventsRoutes(router: Router, shop: Shop): void {
  router.get('/events', async (_req, res) => {
    const entries = (await shop.inbox.list({ limit: 10_000 })).reverse();
    sendPage(res, shop, eventsPage(shop.info, entries, shop.rejections.recent()));
  });
}
