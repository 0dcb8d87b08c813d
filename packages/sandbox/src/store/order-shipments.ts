import type { Db } from './database.js';

/** A row of `order_shipments`: the JSON columns as stored, times in sandbox-clock ms. */
export interface OrderShipmentRow {
  cf_order_id: number;
  /** JSON array of ShipmentDetails, or null before any was sent. */
  shipment_details: string | null;
  /** JSON OrderDeliveryStatus, or null before any was sent. */
  order_delivery_status: string | null;
  updated_at: number;
}

/** Prepared statements for `order_shipments`. */
export class OrderShipmentsTable {
  readonly #byOrder;
  readonly #save;

  constructor(db: Db) {
    this.#byOrder = db.prepare<[number], OrderShipmentRow>(
      'SELECT * FROM order_shipments WHERE cf_order_id = ?',
    );
    this.#save = db.prepare<[number, string | null, string | null, number]>(
      `INSERT OR REPLACE INTO order_shipments (cf_order_id, shipment_details, order_delivery_status, updated_at)
       VALUES (?, ?, ?, ?)`,
    );
  }

  byOrder(cfOrderId: number): OrderShipmentRow | undefined {
    return this.#byOrder.get(cfOrderId);
  }

  /** Writes the order's whole row, replacing the one before. */
  save(row: OrderShipmentRow): void {
    this.#save.run(row.cf_order_id, row.shipment_details, row.order_delivery_status, row.updated_at);
  }
}
