import { OPERATIONS } from 'cashfree-kit';
import { linkEntity } from '../entities/link.js';
import { linkOrderEntity } from '../entities/order.js';
import { jsonBody } from '../http/body.js';
import { commitJson } from '../http/idempotency.js';
import { type OperationRoute, route } from '../http/mount.js';
import { json } from '../http/respond.js';
import { cancelLinkNow, createLink, findLink } from '../services/links.js';
import { parseCreateLink, parseLinkOrdersStatus } from '../validation/links.js';

/** Payment links: create, get, cancel, and the orders paid through one. */
export const LINK_ROUTES: readonly OperationRoute[] = [
  route(OPERATIONS.links.create, (ctx) => async (c) => {
    const input = parseCreateLink(await jsonBody(c), ctx.clock.now());
    return commitJson(c, ctx, () => ({ body: linkEntity(createLink(ctx, input), ctx.config.publicUrl) }));
  }),
  route(
    OPERATIONS.links.get,
    (ctx) => (c) => json(c, linkEntity(findLink(ctx, c.req.param('link_id')), ctx.config.publicUrl)),
  ),
  route(
    OPERATIONS.links.cancel,
    (ctx) => (c) =>
      commitJson(c, ctx, () => ({
        body: linkEntity(cancelLinkNow(ctx, findLink(ctx, c.req.param('link_id'))), ctx.config.publicUrl),
      })),
  ),
  route(OPERATIONS.links.orders, (ctx) => (c) => {
    const status = parseLinkOrdersStatus(c.req.query('status'));
    const linkId = c.req.param('link_id');
    const link = findLink(ctx, linkId, `No request found with link ID ${linkId}`);
    const orders = ctx.store.orders
      .byLink(link.cf_link_id)
      .filter((o) => status === 'ALL' || o.status === 'PAID')
      .map((o) => linkOrderEntity(o, link.link_id));
    return json(c, orders);
  }),
];
