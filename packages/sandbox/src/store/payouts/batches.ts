import type { Db } from '../database.js';

/** A row of `payout_batches`. */
export interface BatchRow {
  cf_batch_transfer_id: number;
  batch_transfer_id: string;
  added_on: number;
}

/** Prepared statements for `payout_batches`. */
export class BatchesTable {
  readonly #insert;
  readonly #byBatchId;
  readonly #byId;
  readonly #recent;

  constructor(db: Db) {
    this.#insert = db.prepare<BatchRow>(
      `INSERT INTO payout_batches (cf_batch_transfer_id, batch_transfer_id, added_on)
       VALUES (@cf_batch_transfer_id, @batch_transfer_id, @added_on)`,
    );
    this.#byBatchId = db.prepare<[string], BatchRow>(
      'SELECT * FROM payout_batches WHERE batch_transfer_id = ?',
    );
    this.#byId = db.prepare<[number], BatchRow>(
      'SELECT * FROM payout_batches WHERE cf_batch_transfer_id = ?',
    );
    this.#recent = db.prepare<[number], BatchRow>(
      'SELECT * FROM payout_batches ORDER BY cf_batch_transfer_id DESC LIMIT ?',
    );
  }

  insert(row: BatchRow): void {
    this.#insert.run(row);
  }

  byBatchId(batchTransferId: string): BatchRow | undefined {
    return this.#byBatchId.get(batchTransferId);
  }

  byId(cfBatchTransferId: number): BatchRow | undefined {
    return this.#byId.get(cfBatchTransferId);
  }

  recent(limit: number): BatchRow[] {
    return this.#recent.all(limit);
  }
}
