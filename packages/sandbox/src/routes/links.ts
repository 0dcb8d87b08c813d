import { Hono } from 'hono';
import type { SandboxContext } from '../context.js';
import { linkEntity } from '../entities/link.js';
import { linkOrderEntity } from '../entities/order.js';
import { jsonBody } from '../http/body.js';
import type { AppEnv } from '../http/env.js';
import { commitJson } from '../http/idempotency.js';
import { json } from '../http/respond.js';
import { cancelLinkNow, createLink, findLink } from '../services/links.js';
import { parseCreateLink, parseLinkOrdersStatus } from '../validation/links.js';

/** Payment links: create, get, cancel, and the orders paid through one. */
export function linkRoutes(ctx: SandboxContext): Hono<AppEnv> {
  const r = new Hono<AppEnv>();

  r.post('/links', async (c) => {
    const input = parseCreateLink(await jsonBody(c), ctx.clock.now());
    return commitJson(c, ctx, () => ({ body: linkEntity(createLink(ctx, input), ctx.config.publicUrl) }));
  });

  r.get('/links/:link_id', (c) =>
    json(c, linkEntity(findLink(ctx, c.req.param('link_id')), ctx.config.publicUrl)),
  );

  r.post('/links/:link_id/cancel', (c) =>
    commitJson(c, ctx, () => ({
      body: linkEntity(cancelLinkNow(ctx, findLink(ctx, c.req.param('link_id'))), ctx.config.publicUrl),
    })),
  );

  r.get('/links/:link_id/orders', (c) => {
    const status = parseLinkOrdersStatus(c.req.query('status'));
    const linkId = c.req.param('link_id');
    const link = findLink(ctx, linkId, `No request found with link ID ${linkId}`);
    const orders = ctx.store.orders
      .byLink(link.cf_link_id)
      .filter((o) => status === 'ALL' || o.status === 'PAID')
      .map((o) => linkOrderEntity(o, link.link_id));
    return json(c, orders);
  });

  return r;
}
