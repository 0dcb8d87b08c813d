import type { Db } from '../database.js';

/** A row of `payout_transfers` (see migrations/0004-payouts.ts). */
export interface TransferRow {
  cf_transfer_id: number;
  transfer_id: string;
  cf_batch_transfer_id: number | null;
  status: string;
  status_code: string;
  status_description: string;
  /** JSON: `{ beneficiary_id?, beneficiary_name?, beneficiary_instrument_details }`. */
  beneficiary: string;
  /** Paise. */
  amount: number;
  /** The request's `transfer_mode` (lower case). */
  mode: string;
  remarks: string | null;
  fundsource_id: string;
  /** The test-data scenario deciding the outcome (test-instruments/payout-accounts.ts). */
  outcome: string;
  utr: string | null;
  /** Paise, set on SUCCESS. */
  service_charge: number | null;
  service_tax: number | null;
  /** Paise taken from the balance and not yet given back. */
  debited: number;
  added_on: number;
  updated_on: number;
}

/** Prepared statements for `payout_transfers`. */
export class TransfersTable {
  readonly #insert;
  readonly #byTransferId;
  readonly #byId;
  readonly #byBatch;
  readonly #update;
  readonly #recent;
  readonly #openInBatch;

  constructor(db: Db) {
    this.#insert = db.prepare<TransferRow>(
      `INSERT INTO payout_transfers (cf_transfer_id, transfer_id, cf_batch_transfer_id, status, status_code, status_description, beneficiary, amount, mode, remarks, fundsource_id, outcome, utr, service_charge, service_tax, debited, added_on, updated_on)
       VALUES (@cf_transfer_id, @transfer_id, @cf_batch_transfer_id, @status, @status_code, @status_description, @beneficiary, @amount, @mode, @remarks, @fundsource_id, @outcome, @utr, @service_charge, @service_tax, @debited, @added_on, @updated_on)`,
    );
    this.#byTransferId = db.prepare<[string], TransferRow>(
      'SELECT * FROM payout_transfers WHERE transfer_id = ?',
    );
    this.#byId = db.prepare<[number], TransferRow>('SELECT * FROM payout_transfers WHERE cf_transfer_id = ?');
    this.#byBatch = db.prepare<[number], TransferRow>(
      'SELECT * FROM payout_transfers WHERE cf_batch_transfer_id = ? ORDER BY cf_transfer_id',
    );
    this.#update = db.prepare<TransferRow>(
      `UPDATE payout_transfers SET status = @status, status_code = @status_code, status_description = @status_description,
         utr = @utr, service_charge = @service_charge, service_tax = @service_tax, debited = @debited, updated_on = @updated_on
       WHERE cf_transfer_id = @cf_transfer_id`,
    );
    this.#openInBatch = db.prepare<[number], { n: number }>(
      "SELECT COUNT(*) AS n FROM payout_transfers WHERE cf_batch_transfer_id = ? AND status <> 'REJECTED'",
    );
    this.#recent = db.prepare<[number], TransferRow>(
      'SELECT * FROM payout_transfers ORDER BY cf_transfer_id DESC LIMIT ?',
    );
  }

  insert(row: TransferRow): void {
    this.#insert.run(row);
  }

  byTransferId(transferId: string): TransferRow | undefined {
    return this.#byTransferId.get(transferId);
  }

  byId(cfTransferId: number): TransferRow | undefined {
    return this.#byId.get(cfTransferId);
  }

  byBatch(cfBatchTransferId: number): TransferRow[] {
    return this.#byBatch.all(cfBatchTransferId);
  }

  /** Writes the fields a transition changes. */
  update(row: TransferRow): void {
    this.#update.run(row);
  }

  /** How many transfers of the batch are not REJECTED. */
  notRejectedInBatch(cfBatchTransferId: number): number {
    return this.#openInBatch.get(cfBatchTransferId)?.n ?? 0;
  }

  recent(limit: number): TransferRow[] {
    return this.#recent.all(limit);
  }
}
