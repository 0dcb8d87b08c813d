/**
 * Version 3: what `PUT /orders/{order_id}/extended` told the sandbox about an order's shipment.
 * One row per order, kept apart from `orders` so create-order's insert stays as it is; the
 * columns hold the request's JSON because the sandbox only echoes them back.
 *
 *   shipment_details       JSON array of ShipmentDetails, or NULL before any was sent
 *   order_delivery_status  JSON OrderDeliveryStatus, or NULL before any was sent
 *   updated_at             sandbox-clock epoch ms of the last update
 */
export const orderShipmentsSchema = `
CREATE TABLE order_shipments (
  cf_order_id INTEGER PRIMARY KEY,
  shipment_details TEXT,
  order_delivery_status TEXT,
  updated_at INTEGER NOT NULL
);
`;
