import { ENDPOINTS } from 'cashfree-kit';
import { Hono } from 'hono';
import type { SandboxContext } from '../context.js';
import { orderEntity, orderExtendedEntity } from '../entities/order.js';
import { jsonBody } from '../http/body.js';
import { honoPath } from '../http/endpoint-path.js';
import type { AppEnv } from '../http/env.js';
import { commitJson } from '../http/idempotency.js';
import { json } from '../http/respond.js';
import { createOrder, findOrder, terminateOrder } from '../services/orders.js';
import { parseCreateOrder, parseTerminateOrder } from '../validation/orders.js';

/** Orders: create, get, terminate, get extended. */
export function orderRoutes(ctx: SandboxContext): Hono<AppEnv> {
  const r = new Hono<AppEnv>();

  const { create, get, terminate, getExtended } = ENDPOINTS.orders;

  r.on(create.method, honoPath(create), async (c) => {
    const input = parseCreateOrder(await jsonBody(c), ctx.clock.now());
    return commitJson(c, ctx, () => ({ body: orderEntity(createOrder(ctx, input), input.details) }));
  });

  r.on(get.method, honoPath(get), (c) => json(c, orderEntity(findOrder(ctx, c.req.param('order_id')))));

  r.on(terminate.method, honoPath(terminate), async (c) => {
    parseTerminateOrder(await jsonBody(c));
    return commitJson(c, ctx, () => ({
      body: orderEntity(terminateOrder(ctx, findOrder(ctx, c.req.param('order_id')))),
    }));
  });

  r.on(getExtended.method, honoPath(getExtended), (c) =>
    json(c, orderExtendedEntity(findOrder(ctx, c.req.param('order_id')))),
  );

  return r;
}
