import type { Db } from '../database.js';

/** A row of `subscription_refunds`. */
export interface SubscriptionRefundRow {
  cf_refund_id: number;
  cf_subscription_id: number;
  cf_payment_id: number;
  refund_id: string;
  status: string;
  /** Paise. */
  amount: number;
  note: string | null;
  speed: string;
  created_at: number;
  processed_at: number | null;
}

/** Prepared statements for `subscription_refunds`. */
export class SubscriptionRefundsTable {
  readonly #insert;
  readonly #byRefundId;
  readonly #refundedOf;
  readonly #byId;
  readonly #update;

  constructor(db: Db) {
    this.#insert = db.prepare<SubscriptionRefundRow>(
      `INSERT INTO subscription_refunds (cf_refund_id, cf_subscription_id, cf_payment_id, refund_id, status, amount, note, speed, created_at, processed_at)
       VALUES (@cf_refund_id, @cf_subscription_id, @cf_payment_id, @refund_id, @status, @amount, @note, @speed, @created_at, @processed_at)`,
    );
    this.#byRefundId = db.prepare<[number, string], SubscriptionRefundRow>(
      'SELECT * FROM subscription_refunds WHERE cf_subscription_id = ? AND refund_id = ?',
    );
    this.#byId = db.prepare<[number], SubscriptionRefundRow>(
      'SELECT * FROM subscription_refunds WHERE cf_refund_id = ?',
    );
    this.#refundedOf = db.prepare<[number], { total: number | null }>(
      `SELECT SUM(amount) AS total FROM subscription_refunds WHERE cf_payment_id = ? AND status NOT IN ('CANCELLED', 'FAILED')`,
    );
    this.#update = db.prepare<Pick<SubscriptionRefundRow, 'cf_refund_id' | 'status' | 'processed_at'>>(
      'UPDATE subscription_refunds SET status = @status, processed_at = @processed_at WHERE cf_refund_id = @cf_refund_id',
    );
  }

  insert(row: SubscriptionRefundRow): void {
    this.#insert.run(row);
  }

  byRefundId(cfSubscriptionId: number, refundId: string): SubscriptionRefundRow | undefined {
    return this.#byRefundId.get(cfSubscriptionId, refundId);
  }

  byId(cfRefundId: number): SubscriptionRefundRow | undefined {
    return this.#byId.get(cfRefundId);
  }

  /** Paise refunded or being refunded from one charge. */
  refundedOf(cfPaymentId: number): number {
    return this.#refundedOf.get(cfPaymentId)?.total ?? 0;
  }

  setStatus(cfRefundId: number, status: string, processedAt: number | null): void {
    this.#update.run({ cf_refund_id: cfRefundId, status, processed_at: processedAt });
  }
}
