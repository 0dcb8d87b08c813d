/**
 * Reads a stopped sandbox's Payouts tables directly (see the sandbox's migration 0004-payouts), so
 * the Payouts fault run checks what was durably stored, not what an endpoint chooses to show.
 * Amounts are integer paise, as the sandbox stores them. Opened through the sandbox's SQLite seam
 * (node:sqlite on Node 22.13+, else better-sqlite3); it only reads.
 */
import { openSqlite } from '../../../packages/sandbox/src/store/sqlite/index.ts';

export interface LedgerTransfer {
  cf_transfer_id: number;
  transfer_id: string;
  cf_batch_transfer_id: number | null;
  status: string;
  status_code: string;
  amount: number;
  service_charge: number | null;
  service_tax: number | null;
  /** Paise taken from the balance and not given back. */
  debited: number;
}

export interface LedgerBatch {
  cf_batch_transfer_id: number;
  batch_transfer_id: string;
}

export interface PayoutsLedger {
  transfers: LedgerTransfer[];
  batches: LedgerBatch[];
  /** The stored balance in paise; `undefined` while it never changed (the starting balance applies). */
  balance: number | undefined;
}

/** Transfers, batches and the balance of `file` (the sandbox must be stopped). */
export function readPayoutsLedger(file: string): PayoutsLedger {
  const db = openSqlite(file, { readonly: true });
  try {
    const balance = db.prepare("SELECT value FROM meta WHERE key = 'payouts.balance'").get() as
      | { value: string }
      | undefined;
    return {
      transfers: db
        .prepare(
          'SELECT cf_transfer_id, transfer_id, cf_batch_transfer_id, status, status_code, amount, service_charge, service_tax, debited FROM payout_transfers',
        )
        .all() as LedgerTransfer[],
      batches: db
        .prepare('SELECT cf_batch_transfer_id, batch_transfer_id FROM payout_batches')
        .all() as LedgerBatch[],
      balance: balance === undefined ? undefined : Number(balance.value),
    };
  } finally {
    db.close();
  }
}
