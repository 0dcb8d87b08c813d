import type { Db } from './database.js';

/** A stored response for an `x-idempotency-key`. */
export interface IdempotencyRow {
  app_id: string;
  idempotency_key: string;
  fingerprint: string;
  status: number;
  body: string;
  created_at: number;
}

/** Prepared statements for `idempotency_keys`. */
export class IdempotencyTable {
  readonly #get;
  readonly #put;

  constructor(db: Db) {
    this.#get = db.prepare<[string, string], IdempotencyRow>(
      'SELECT * FROM idempotency_keys WHERE app_id = ? AND idempotency_key = ?',
    );
    // REPLACE: an expired key is reused with its new request (callers check expiry before saving).
    this.#put = db.prepare<IdempotencyRow>(
      `INSERT OR REPLACE INTO idempotency_keys (app_id, idempotency_key, fingerprint, status, body, created_at)
       VALUES (@app_id, @idempotency_key, @fingerprint, @status, @body, @created_at)`,
    );
  }

  get(appId: string, key: string): IdempotencyRow | undefined {
    return this.#get.get(appId, key);
  }

  put(row: IdempotencyRow): void {
    this.#put.run(row);
  }
}
