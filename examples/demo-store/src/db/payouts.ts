/**
 * The shop's side of Cashfree Payouts: the supplier it saved as a beneficiary, the transfers and
 * batches it sent, and every verified Payouts webhook. A transfer's status moves forward only, so a
 * late or repeated webhook never undoes a later one.
 */
import { FINAL_TRANSFER_STATUSES } from 'cashfree-kit';
import type { StoreDatabase } from './database.js';

export const PAYOUTS_SCHEMA = `
CREATE TABLE IF NOT EXISTS payout_beneficiaries (
  beneficiary_id       TEXT PRIMARY KEY,
  name                 TEXT NOT NULL,
  bank_account_number  TEXT NOT NULL,
  bank_ifsc            TEXT NOT NULL,
  status               TEXT NOT NULL,
  added_at             INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS payout_batches (
  batch_transfer_id     TEXT PRIMARY KEY,
  cf_batch_transfer_id  TEXT,
  status                TEXT NOT NULL,
  transfer_count        INTEGER NOT NULL,
  amount_paise          INTEGER NOT NULL,
  created_at            INTEGER NOT NULL,
  updated_at            INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS payout_transfers (
  transfer_id         TEXT PRIMARY KEY,
  cf_transfer_id      TEXT,
  batch_transfer_id   TEXT REFERENCES payout_batches(batch_transfer_id),
  beneficiary         TEXT NOT NULL,
  amount_paise        INTEGER NOT NULL,
  status              TEXT NOT NULL,
  status_code         TEXT,
  status_description  TEXT,
  utr                 TEXT,
  created_at          INTEGER NOT NULL,
  updated_at          INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS payout_transfers_batch ON payout_transfers (batch_transfer_id);
-- Payouts sends no idempotency key: a delivery's content (type, id, status, code) is its key, so a
-- retried delivery is counted on its row instead of listed twice.
CREATE TABLE IF NOT EXISTS payout_events (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  dedupe_key   TEXT NOT NULL UNIQUE,
  type         TEXT NOT NULL,
  subject      TEXT NOT NULL,
  status       TEXT,
  status_code  TEXT,
  event_time   TEXT,
  received_at  INTEGER NOT NULL,
  deliveries   INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX IF NOT EXISTS payout_events_subject ON payout_events (subject, id);
`;

export interface ShopBeneficiary {
  beneficiary_id: string;
  name: string;
  bank_account_number: string;
  bank_ifsc: string;
  status: string;
  added_at: number;
}

export interface ShopTransfer {
  transfer_id: string;
  cf_transfer_id: string | null;
  batch_transfer_id: string | null;
  /** The beneficiary id, or the name of one given inline (a CSV row with bank details). */
  beneficiary: string;
  amount_paise: number;
  status: string;
  status_code: string | null;
  status_description: string | null;
  utr: string | null;
  created_at: number;
  updated_at: number;
}

export interface ShopBatch {
  batch_transfer_id: string;
  cf_batch_transfer_id: string | null;
  status: string;
  transfer_count: number;
  amount_paise: number;
  created_at: number;
  updated_at: number;
}

export interface PayoutEventRow {
  id: number;
  type: string;
  /** The transfer_id, or the batch_transfer_id of a batch event. */
  subject: string;
  status: string | null;
  status_code: string | null;
  event_time: string | null;
  received_at: number;
  deliveries: number;
}

/** What a transfer looks like now, from an API answer or a webhook. */
export interface TransferUpdate {
  transfer_id: string;
  cf_transfer_id?: string | undefined;
  status: string;
  status_code?: string | undefined;
  status_description?: string | undefined;
  transfer_utr?: string | undefined;
}

// Open statuses rank below final ones; REVERSED comes after SUCCESS, the only final status it follows.
const FINAL: ReadonlySet<string> = new Set(FINAL_TRANSFER_STATUSES);
function rank(status: string, code: string | null | undefined): number {
  if (status === 'REVERSED') return 5;
  if (status === 'SUCCESS') return code === 'COMPLETED' ? 4 : 3;
  if (FINAL.has(status)) return 3;
  return status === 'PENDING' ? 1 : 0;
}

/** The shop's Payouts tables. */
export class PayoutsTable {
  constructor(private readonly db: StoreDatabase) {}

  saveBeneficiary(beneficiary: ShopBeneficiary): void {
    this.db
      .prepare(
        `INSERT INTO payout_beneficiaries (beneficiary_id, name, bank_account_number, bank_ifsc, status, added_at)
         VALUES (@beneficiary_id, @name, @bank_account_number, @bank_ifsc, @status, @added_at)
         ON CONFLICT (beneficiary_id) DO UPDATE SET status = excluded.status`,
      )
      .run(beneficiary);
  }

  beneficiary(beneficiaryId: string): ShopBeneficiary | undefined {
    return this.db
      .prepare('SELECT * FROM payout_beneficiaries WHERE beneficiary_id = ?')
      .get(beneficiaryId) as ShopBeneficiary | undefined;
  }

  insertTransfer(transfer: ShopTransfer): void {
    this.db
      .prepare(
        `INSERT INTO payout_transfers (transfer_id, cf_transfer_id, batch_transfer_id, beneficiary, amount_paise,
           status, status_code, status_description, utr, created_at, updated_at)
         VALUES (@transfer_id, @cf_transfer_id, @batch_transfer_id, @beneficiary, @amount_paise,
           @status, @status_code, @status_description, @utr, @created_at, @updated_at)`,
      )
      .run(transfer);
  }

  transfer(transferId: string): ShopTransfer | undefined {
    return this.db.prepare('SELECT * FROM payout_transfers WHERE transfer_id = ?').get(transferId) as
      | ShopTransfer
      | undefined;
  }

  /** Single transfers (not in a batch), newest first. */
  recentTransfers(limit = 20): ShopTransfer[] {
    return this.db
      .prepare(
        'SELECT * FROM payout_transfers WHERE batch_transfer_id IS NULL ORDER BY created_at DESC, rowid DESC LIMIT ?',
      )
      .all(limit) as ShopTransfer[];
  }

  batchTransfers(batchId: string): ShopTransfer[] {
    return this.db
      .prepare('SELECT * FROM payout_transfers WHERE batch_transfer_id = ? ORDER BY rowid')
      .all(batchId) as ShopTransfer[];
  }

  /**
   * Moves a transfer the shop sent to `update`'s status, unless it already is further along.
   * Answers whether it moved; a transfer the shop did not send is left alone.
   */
  advanceTransfer(update: TransferUpdate, at: number): boolean {
    const current = this.transfer(update.transfer_id);
    if (!current) return false;
    if (rank(update.status, update.status_code) <= rank(current.status, current.status_code)) return false;
    this.db
      .prepare(
        `UPDATE payout_transfers SET status = ?, status_code = ?, status_description = ?,
           cf_transfer_id = COALESCE(?, cf_transfer_id), utr = COALESCE(?, utr), updated_at = ?
         WHERE transfer_id = ?`,
      )
      .run(
        update.status,
        update.status_code ?? null,
        update.status_description ?? null,
        update.cf_transfer_id ?? null,
        update.transfer_utr ?? null,
        at,
        update.transfer_id,
      );
    return true;
  }

  /** A batch and its transfers, in one transaction. */
  insertBatch(batch: ShopBatch, transfers: ShopTransfer[]): void {
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO payout_batches (batch_transfer_id, cf_batch_transfer_id, status, transfer_count, amount_paise,
             created_at, updated_at)
           VALUES (@batch_transfer_id, @cf_batch_transfer_id, @status, @transfer_count, @amount_paise,
             @created_at, @updated_at)`,
        )
        .run(batch);
      for (const transfer of transfers) this.insertTransfer(transfer);
    });
  }

  batch(batchId: string): ShopBatch | undefined {
    return this.db.prepare('SELECT * FROM payout_batches WHERE batch_transfer_id = ?').get(batchId) as
      | ShopBatch
      | undefined;
  }

  recentBatches(limit = 20): ShopBatch[] {
    return this.db
      .prepare('SELECT * FROM payout_batches ORDER BY created_at DESC, rowid DESC LIMIT ?')
      .all(limit) as ShopBatch[];
  }

  setBatchStatus(batchId: string, status: string, at: number): void {
    this.db
      .prepare('UPDATE payout_batches SET status = ?, updated_at = ? WHERE batch_transfer_id = ?')
      .run(status, at, batchId);
  }

  /** Records a verified webhook; a repeat of the same content only counts one more delivery. */
  recordEvent(event: Omit<PayoutEventRow, 'id' | 'deliveries'>): { duplicate: boolean } {
    const key = [event.type, event.subject, event.status ?? '', event.status_code ?? ''].join('|');
    const result = this.db
      .prepare(
        `INSERT INTO payout_events (dedupe_key, type, subject, status, status_code, event_time, received_at)
         VALUES (@key, @type, @subject, @status, @status_code, @event_time, @received_at)
         ON CONFLICT (dedupe_key) DO UPDATE SET deliveries = deliveries + 1`,
      )
      .run({ key, ...event });
    return { duplicate: result.changes === 1 && this.eventDeliveries(key) > 1 };
  }

  private eventDeliveries(key: string): number {
    const row = this.db.prepare('SELECT deliveries FROM payout_events WHERE dedupe_key = ?').get(key) as
      | { deliveries: number }
      | undefined;
    return row?.deliveries ?? 0;
  }

  /** The webhooks about one transfer or batch, oldest first. */
  eventsFor(subject: string): PayoutEventRow[] {
    return this.db
      .prepare('SELECT * FROM payout_events WHERE subject = ? ORDER BY id')
      .all(subject) as PayoutEventRow[];
  }

  /** The newest webhooks, newest first. */
  recentEvents(limit = 20): PayoutEventRow[] {
    return this.db
      .prepare('SELECT * FROM payout_events ORDER BY id DESC LIMIT ?')
      .all(limit) as PayoutEventRow[];
  }
}
