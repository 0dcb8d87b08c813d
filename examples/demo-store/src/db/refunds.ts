import type { StoreDatabase } from './database.js';

/** A refund the shop asked Cashfree for. */
export interface ShopRefund {
  refund_id: string;
  order_id: string;
  amount_paise: number;
  speed: string;
  /** PENDING when created; REFUND_STATUS_WEBHOOK moves it (SUCCESS, CANCELLED, ONHOLD). */
  status: string;
  created_at: number;
  updated_at: number;
}

/** The shop's refunds table. */
export class RefundsTable {
  constructor(private readonly db: StoreDatabase) {}

  insert(refund: ShopRefund): void {
    this.db
      .prepare(
        `INSERT INTO refunds (refund_id, order_id, amount_paise, speed, status, created_at, updated_at)
         VALUES (@refund_id, @order_id, @amount_paise, @speed, @status, @created_at, @updated_at)`,
      )
      .run(refund);
  }

  get(refundId: string): ShopRefund | undefined {
    return this.db.prepare('SELECT * FROM refunds WHERE refund_id = ?').get(refundId) as
      | ShopRefund
      | undefined;
  }

  forOrder(orderId: string): ShopRefund[] {
    return this.db
      .prepare('SELECT * FROM refunds WHERE order_id = ? ORDER BY created_at, rowid')
      .all(orderId) as ShopRefund[];
  }

  setStatus(refundId: string, status: string, at: number): void {
    this.db
      .prepare('UPDATE refunds SET status = ?, updated_at = ? WHERE refund_id = ?')
      .run(status, at, refundId);
  }

  /** Paise refunded or being refunded (everything but cancelled refunds). */
  committedPaise(orderId: string): number {
    const row = this.db
      .prepare(
        `SELECT COALESCE(SUM(amount_paise), 0) AS total FROM refunds
         WHERE order_id = ? AND status NOT IN ('CANCELLED', 'FAILED')`,
      )
      .get(orderId) as { total: number };
    return row.total;
  }
}
