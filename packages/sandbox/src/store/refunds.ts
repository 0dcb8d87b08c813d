import type { REFUND_STATUSES } from 'cashfree-kit';
import type { Db } from './database.js';

/** A `refund_status`: one of the SDK's `REFUND_STATUSES` (the sandbox never fails a refund, but a stored one may say so). */
export type RefundStatus = (typeof REFUND_STATUSES)[number];

/** A row of `refunds`. */
export interface RefundRow {
  cf_refund_id: number;
  cf_order_id: number;
  cf_payment_id: number;
  refund_id: string;
  status: RefundStatus;
  amount: number;
  refund_type: 'MERCHANT_INITIATED' | 'PAYMENT_AUTO_REFUND';
  /** `STANDARD` or `INSTANT`, as requested. */
  speed: string;
  note: string | null;
  /** Hash of amount, note, speed and splits: a repeated `refund_id` with the same request returns the refund. */
  fingerprint: string;
  /** JSON: `{ refund_splits }`. */
  details: string;
  arn: string | null;
  status_description: string;
  created_at: number;
  processed_at: number | null;
}

/** Prepared statements for `refunds`. */
export class RefundsTable {
  readonly #insert;
  readonly #byRefundId;
  readonly #byId;
  readonly #byOrder;
  readonly #update;
  readonly #recent;

  constructor(db: Db) {
    this.#insert = db.prepare<RefundRow>(
      `INSERT INTO refunds (cf_refund_id, cf_order_id, cf_payment_id, refund_id, status, amount, refund_type, speed, note, fingerprint, details, arn, status_description, created_at, processed_at)
       VALUES (@cf_refund_id, @cf_order_id, @cf_payment_id, @refund_id, @status, @amount, @refund_type, @speed, @note, @fingerprint, @details, @arn, @status_description, @created_at, @processed_at)`,
    );
    this.#byRefundId = db.prepare<[number, string], RefundRow>(
      'SELECT * FROM refunds WHERE cf_order_id = ? AND refund_id = ?',
    );
    this.#byId = db.prepare<[number], RefundRow>('SELECT * FROM refunds WHERE cf_refund_id = ?');
    this.#byOrder = db.prepare<[number], RefundRow>(
      'SELECT * FROM refunds WHERE cf_order_id = ? ORDER BY cf_refund_id',
    );
    this.#update = db.prepare<
      Pick<RefundRow, 'cf_refund_id' | 'status' | 'arn' | 'status_description' | 'processed_at'>
    >(
      `UPDATE refunds SET status = @status, arn = @arn, status_description = @status_description, processed_at = @processed_at
       WHERE cf_refund_id = @cf_refund_id`,
    );
    this.#recent = db.prepare<[number], RefundRow>(
      'SELECT * FROM refunds ORDER BY cf_refund_id DESC LIMIT ?',
    );
  }

  insert(row: RefundRow): void {
    this.#insert.run(row);
  }

  byRefundId(cfOrderId: number, refundId: string): RefundRow | undefined {
    return this.#byRefundId.get(cfOrderId, refundId);
  }

  byId(cfRefundId: number): RefundRow | undefined {
    return this.#byId.get(cfRefundId);
  }

  byOrder(cfOrderId: number): RefundRow[] {
    return this.#byOrder.all(cfOrderId);
  }

  update(row: RefundRow): void {
    this.#update.run({
      cf_refund_id: row.cf_refund_id,
      status: row.status,
      arn: row.arn,
      status_description: row.status_description,
      processed_at: row.processed_at,
    });
  }

  recent(limit: number): RefundRow[] {
    return this.#recent.all(limit);
  }
}
