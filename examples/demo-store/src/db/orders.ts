import type { StoreDatabase } from './database.js';

/** An order as the shop records it. Amounts are in paise, so sums stay exact. */
export interface ShopOrder {
  order_id: string;
  cf_order_id: string | null;
  amount_paise: number;
  customer_name: string;
  customer_email: string;
  customer_phone: string;
  payment_session_id: string;
  checkout_target: string;
  /** ACTIVE until a verified webhook moves it (PAID, …). */
  status: string;
  created_at: number;
  paid_at: number | null;
}

/** The shop's orders table. */
export class OrdersTable {
  constructor(private readonly db: StoreDatabase) {}

  insert(order: ShopOrder): void {
    this.db
      .prepare(
        `INSERT INTO orders (order_id, cf_order_id, amount_paise, customer_name, customer_email, customer_phone,
           payment_session_id, checkout_target, status, created_at, paid_at)
         VALUES (@order_id, @cf_order_id, @amount_paise, @customer_name, @customer_email, @customer_phone,
           @payment_session_id, @checkout_target, @status, @created_at, @paid_at)`,
      )
      .run(order);
  }

  get(orderId: string): ShopOrder | undefined {
    return this.db.prepare('SELECT * FROM orders WHERE order_id = ?').get(orderId) as ShopOrder | undefined;
  }

  /** Newest first. */
  recent(limit = 50): ShopOrder[] {
    return this.db
      .prepare('SELECT * FROM orders ORDER BY created_at DESC, rowid DESC LIMIT ?')
      .all(limit) as ShopOrder[];
  }

  /** Moves the order to `status`; `paidAt` is set only by the first move to PAID. */
  setStatus(orderId: string, status: string, at: number): void {
    this.db
      .prepare(
        `UPDATE orders SET status = @status,
           paid_at = CASE WHEN @status = 'PAID' AND paid_at IS NULL THEN @at ELSE paid_at END
         WHERE order_id = @orderId`,
      )
      .run({ orderId, status, at });
  }
}
