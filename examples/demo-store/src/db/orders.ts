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
  /** ACTIVE until a verified webhook or the return page's check with Cashfree moves it (PAID, …). */
  status: string;
  created_at: number;
  paid_at: number | null;
  /** Who learnt first that it was paid; `null` until it is. */
  paid_via: PaidVia | null;
}

/** The two ways the shop learns, on the server, that an order was paid. */
export type PaidVia = 'webhook' | 'return page';

// How far along an order is (as cashfree-kit's orderStatusAfter ranks it): the record only ever
// moves up, so a late or repeated answer, from either path, cannot undo PAID.
const RANK_SQL = `CASE status WHEN 'PAID' THEN 3 WHEN 'EXPIRED' THEN 2 WHEN 'TERMINATED' THEN 2
  WHEN 'TERMINATION_REQUESTED' THEN 1 ELSE 0 END`;
const RANK: Record<string, number> = { PAID: 3, EXPIRED: 2, TERMINATED: 2, TERMINATION_REQUESTED: 1 };

/** The shop's orders table. */
export class OrdersTable {
  constructor(private readonly db: StoreDatabase) {}

  insert(order: ShopOrder): void {
    this.db
      .prepare(
        `INSERT INTO orders (order_id, cf_order_id, amount_paise, customer_name, customer_email, customer_phone,
           payment_session_id, checkout_target, status, created_at, paid_at, paid_via)
         VALUES (@order_id, @cf_order_id, @amount_paise, @customer_name, @customer_email, @customer_phone,
           @payment_session_id, @checkout_target, @status, @created_at, @paid_at, @paid_via)`,
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

  /**
   * Moves the order forward to `status`, whichever path learnt it (a verified webhook, or the
   * return page asking Cashfree), and only forward: the same news arriving twice changes nothing.
   * The first move to PAID sets `paid_at` and `paid_via`; true when the record moved.
   */
  advance(orderId: string, status: string, at: number, via: PaidVia): boolean {
    const { changes } = this.db
      .prepare(
        `UPDATE orders SET status = @status,
           paid_at = CASE WHEN @status = 'PAID' THEN @at ELSE paid_at END,
           paid_via = CASE WHEN @status = 'PAID' THEN @via ELSE paid_via END
         WHERE order_id = @orderId AND ${RANK_SQL} < @rank`,
      )
      .run({ orderId, status, at, via, rank: RANK[status] ?? 0 });
    return changes > 0;
  }
}
