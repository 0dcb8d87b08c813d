import type { SandboxContext } from '../context.js';
import type { OrderShipmentRow } from '../store/order-shipments.js';
import type { OrderRow } from '../store/orders.js';
import type { OrderShipmentUpdate } from '../validation/order-shipments.js';

/**
 * `PUT /orders/{order_id}/extended`: records what was sent and keeps the part that was not, so
 * a later delivery status does not erase the tracking numbers sent before it. Any order status is
 * accepted: Cashfree's docs say to call it once the order is PAID, not that it refuses earlier
 * calls. Call inside `ctx.transact`.
 */
export function updateOrderShipment(
  ctx: SandboxContext,
  order: OrderRow,
  update: OrderShipmentUpdate,
): OrderShipmentRow {
  const before = ctx.store.orderShipments.byOrder(order.cf_order_id);
  const row: OrderShipmentRow = {
    cf_order_id: order.cf_order_id,
    shipment_details:
      update.shipmentDetails === undefined
        ? (before?.shipment_details ?? null)
        : JSON.stringify(update.shipmentDetails),
    order_delivery_status:
      update.deliveryStatus === undefined
        ? (before?.order_delivery_status ?? null)
        : JSON.stringify(update.deliveryStatus),
    updated_at: ctx.clock.now(),
  };
  ctx.store.orderShipments.save(row);
  return row;
}
