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

  /**
   * An order's refunds in paise: `refunded` has reached the customer (SUCCESS); `pending` is asked
   * for and not final yet (PENDING, ONHOLD, or a status this shop does not know). Cancelled and
   * failed refunds count in neither.
   */
  totals(orderId: string): RefundTotals {
    const row = this.db
      .prepare(
        `SELECT COALESCE(SUM(CASE WHEN status = 'SUCCESS' THEN amount_paise END), 0) AS refunded,
                COALESCE(SUM(CASE WHEN status NOT IN ('SUCCESS', 'CANCELLED', 'FAILED') THEN amount_paise END), 0) AS pending
         FROM refunds WHERE order_id = ?`,
      )
      .get(orderId) as RefundTotals;
    return row;
  }
}

/** See {@link RefundsTable.totals}. */
export interface RefundTotals {
  refunded: number;
  pending: number;
}

/**
 * Paise that can still be refunded: pending refunds count as spent, so two refunds in flight can
 * never add up to more than was paid.
 */
export function refundablePaise(amountPaise: number, totals: RefundTotals): number {
  return Math.max(0, amountPaise - totals.refunded - totals.pending);
}
