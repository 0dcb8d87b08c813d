import type { Db } from '../database.js';

/** A row of `payout_tokens`: a `transfer_token` from POST /validatePayout. */
export interface TokenRow {
  transfer_token: string;
  transfer_id: string;
  /** The VPA the token pays (the one validated, or the one a phone resolved to). */
  vpa: string;
  expires_at: number;
  used_at: number | null;
}

/** Prepared statements for `payout_tokens`. */
export class TokensTable {
  readonly #insert;
  readonly #get;
  readonly #use;

  constructor(db: Db) {
    this.#insert = db.prepare<TokenRow>(
      `INSERT INTO payout_tokens (transfer_token, transfer_id, vpa, expires_at, used_at)
       VALUES (@transfer_token, @transfer_id, @vpa, @expires_at, @used_at)`,
    );
    this.#get = db.prepare<[string], TokenRow>('SELECT * FROM payout_tokens WHERE transfer_token = ?');
    this.#use = db.prepare<[number, string]>('UPDATE payout_tokens SET used_at = ? WHERE transfer_token = ?');
  }

  insert(row: TokenRow): void {
    this.#insert.run(row);
  }

  get(token: string): TokenRow | undefined {
    return this.#get.get(token);
  }

  markUsed(token: string, at: number): void {
    this.#use.run(at, token);
  }
}
