import { ENDPOINTS } from 'cashfree-kit';
import { Hono } from 'hono';
import type { SandboxContext } from '../context.js';
import { linkEntity } from '../entities/link.js';
import { linkOrderEntity } from '../entities/order.js';
import { jsonBody } from '../http/body.js';
import { honoPath } from '../http/endpoint-path.js';
import type { AppEnv } from '../http/env.js';
import { commitJson } from '../http/idempotency.js';
import { json } from '../http/respond.js';
import { cancelLinkNow, createLink, findLink } from '../services/links.js';
import { parseCreateLink, parseLinkOrdersStatus } from '../validation/links.js';

/** Payment links: create, get, cancel, and the orders paid through one. */
export function linkRoutes(ctx: SandboxContext): Hono<AppEnv> {
  const r = new Hono<AppEnv>();

  const { create, get, cancel, orders } = ENDPOINTS.links;

  r.on(create.method, honoPath(create), async (c) => {
    const input = parseCreateLink(await jsonBody(c), ctx.clock.now());
    return commitJson(c, ctx, () => ({ body: linkEntity(createLink(ctx, input), ctx.config.publicUrl) }));
  });

  r.on(get.method, honoPath(get), (c) =>
    json(c, linkEntity(findLink(ctx, c.req.param('link_id')), ctx.config.publicUrl)),
  );

  r.on(cancel.method, honoPath(cancel), (c) =>
    commitJson(c, ctx, () => ({
      body: linkEntity(cancelLinkNow(ctx, findLink(ctx, c.req.param('link_id'))), ctx.config.publicUrl),
    })),
  );

  r.on(orders.method, honoPath(orders), (c) => {
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
