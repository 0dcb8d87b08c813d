import type { Db } from '../database.js';
import type { MetaTable } from '../meta.js';
import { BatchesTable } from './batches.js';
import { BeneficiariesTable } from './beneficiaries.js';
import { TokensTable } from './tokens.js';
import { TransfersTable } from './transfers.js';

/** `meta` key of the Payouts balance in paise; absent until the first change (then the starting balance applies). */
const BALANCE_KEY = 'payouts.balance';

/** The Payouts tables and the balance, as one part of the store. */
export class PayoutsStore {
  readonly beneficiaries: BeneficiariesTable;
  readonly transfers: TransfersTable;
  readonly batches: BatchesTable;
  readonly tokens: TokensTable;

  constructor(
    db: Db,
    private readonly meta: MetaTable,
  ) {
    this.beneficiaries = new BeneficiariesTable(db);
    this.transfers = new TransfersTable(db);
    this.batches = new BatchesTable(db);
    this.tokens = new TokensTable(db);
  }

  /** The balance in paise, or `fallback` (the configured starting balance) before any change. */
  balance(fallback: number): number {
    const stored = this.meta.get(BALANCE_KEY);
    return stored === undefined ? fallback : Number(stored);
  }

  setBalance(paise: number): void {
    this.meta.set(BALANCE_KEY, String(paise));
  }
}

/** Tables the admin reset wipes. */
export const PAYOUT_TABLES = [
  'payout_beneficiaries',
  'payout_batches',
  'payout_transfers',
  'payout_tokens',
] as const;
