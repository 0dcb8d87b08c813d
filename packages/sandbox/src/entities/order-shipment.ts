import type { OrderDeliveryStatus, ShipmentDetails, UpdateOrderExtendedDataEntity } from 'cashfree-kit';
import type { OrderShipmentRow } from '../store/order-shipments.js';
import type { OrderRow } from '../store/orders.js';
import { parseColumn } from '../util/json.js';

/**
 * `UpdateOrderExtendedDataEntity`: the order's ids with the shipment and delivery status the
 * sandbox holds for it (a part never sent is left out).
 * @see https://www.cashfree.com/docs/api-reference/payments/latest/orders/update-order-extended
 */
export function orderShipmentEntity(order: OrderRow, row: OrderShipmentRow): UpdateOrderExtendedDataEntity {
  const entity: UpdateOrderExtendedDataEntity = {
    cf_order_id: String(order.cf_order_id),
    order_id: order.order_id,
  };
  // Stored by the validator, so they have the SDK's shapes.
  const shipments = parseColumn<ShipmentDetails[]>(row.shipment_details);
  const delivery = parseColumn<OrderDeliveryStatus>(row.order_delivery_status);
  if (shipments !== null) entity.shipment_details = shipments;
  if (delivery !== null) entity.order_delivery_status = delivery;
  return entity;
}
