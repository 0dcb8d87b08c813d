import { OPERATIONS } from 'cashfree-kit';
import { orderEntity, orderExtendedEntity } from '../entities/order.js';
import { orderShipmentEntity } from '../entities/order-shipment.js';
import { jsonBody } from '../http/body.js';
import { commitJson } from '../http/idempotency.js';
import { type OperationRoute, route } from '../http/mount.js';
import { json } from '../http/respond.js';
import { updateOrderShipment } from '../services/order-shipments.js';
import { createOrder, findOrder, terminateOrder } from '../services/orders.js';
import { parseUpdateOrderExtended } from '../validation/order-shipments.js';
import { parseCreateOrder, parseTerminateOrder } from '../validation/orders.js';

/** Orders: create, get, terminate, get and update extended. */
export const ORDER_ROUTES: readonly OperationRoute[] = [
  route(OPERATIONS.orders.create, (ctx) => async (c) => {
    const input = parseCreateOrder(await jsonBody(c), ctx.clock.now());
    return commitJson(c, ctx, () => ({ body: orderEntity(createOrder(ctx, input), input.details) }));
  }),
  route(OPERATIONS.orders.get, (ctx) => (c) => json(c, orderEntity(findOrder(ctx, c.req.param('order_id'))))),
  route(OPERATIONS.orders.terminate, (ctx) => async (c) => {
    parseTerminateOrder(await jsonBody(c));
    return commitJson(c, ctx, () => ({
      body: orderEntity(terminateOrder(ctx, findOrder(ctx, c.req.param('order_id')))),
    }));
  }),
  route(
    OPERATIONS.orders.getExtended,
    (ctx) => (c) => json(c, orderExtendedEntity(findOrder(ctx, c.req.param('order_id')))),
  ),
  route(OPERATIONS.orders.updateExtended, (ctx) => async (c) => {
    const update = parseUpdateOrderExtended(await jsonBody(c));
    return commitJson(c, ctx, () => {
      const order = findOrder(ctx, c.req.param('order_id'));
      return { body: orderShipmentEntity(order, updateOrderShipment(ctx, order, update)) };
    });
  }),
];
