import { type Db, IdSequence } from './database.js';

/** A row of `api_requests`: one call to `/pg` or `/payout`, secrets already removed. */
export interface ApiRequestRow {
  id: number;
  at: number;
  method: string;
  path: string;
  status: number;
  latency_ms: number;
  request_id: string | null;
  idempotency_key: string | null;
  replayed: 0 | 1;
  order_id: string | null;
  request_headers: string;
  request_body: string | null;
  response_body: string | null;
}

/** How many requests the log keeps: the newest, as Stripe's test-mode log keeps recent ones. */
export const API_REQUEST_LOG_SIZE = 1_000;

/**
 * The API request log. Recording happens on the request path, so a row is only queued there: the
 * queue is written in one transaction on the next turn of the event loop (with the delete that
 * keeps the newest {@link API_REQUEST_LOG_SIZE}), which under load turns many requests' inserts
 * into one commit. Every read writes the queue first, so a list never misses a finished request.
 */
export class ApiRequestsTable {
  readonly #db: Db;
  readonly #insert;
  readonly #prune;
  readonly #byId;
  readonly #byOrder;
  readonly #ids: IdSequence;
  readonly #write: (rows: ApiRequestRow[]) => void;
  #queued: Array<{ id: number; build: () => Omit<ApiRequestRow, 'id'> }> = [];

  constructor(
    db: Db,
    readonly keep = API_REQUEST_LOG_SIZE,
  ) {
    this.#db = db;
    this.#ids = new IdSequence(db, 'api_requests', 'id', 0);
    this.#insert = db.prepare<ApiRequestRow>(
      `INSERT INTO api_requests (id, at, method, path, status, latency_ms, request_id, idempotency_key,
         replayed, order_id, request_headers, request_body, response_body)
       VALUES (@id, @at, @method, @path, @status, @latency_ms, @request_id, @idempotency_key,
         @replayed, @order_id, @request_headers, @request_body, @response_body)`,
    );
    // Ids only grow, so the rows beyond the newest `keep` are a range at the start of the rowid
    // B-tree: deleting them touches only those rows.
    this.#prune = db.prepare<[number]>('DELETE FROM api_requests WHERE id <= ?');
    this.#byId = db.prepare<[number], ApiRequestRow>('SELECT * FROM api_requests WHERE id = ?');
    this.#byOrder = db.prepare<[string, number], ApiRequestRow>(
      'SELECT * FROM api_requests WHERE order_id = ? ORDER BY id DESC LIMIT ?',
    );
    this.#write = db.transaction((rows: ApiRequestRow[]) => {
      for (const row of rows) this.#insert.run(row);
      const newest = rows.at(-1)?.id;
      if (newest !== undefined && newest > this.keep) this.#prune.run(newest - this.keep);
    });
  }

  /**
   * Queues one request: `build` makes its row when the queue is written, on the next event-loop
   * turn, so the work of making it is off the request's path. Its id is given now, in arrival order.
   */
  record(build: () => Omit<ApiRequestRow, 'id'>): void {
    this.#queued.push({ id: this.#ids.next(), build });
    if (this.#queued.length === 1) setImmediate(() => this.flush());
  }

  /** Writes the queued requests now. */
  flush(): void {
    if (this.#queued.length === 0 || !this.#db.open) return;
    const queued = this.#queued;
    this.#queued = [];
    const rows: ApiRequestRow[] = [];
    for (const { id, build } of queued) {
      try {
        rows.push({ ...build(), id });
      } catch (error) {
        console.error('[cashfree-sandbox] could not log a request:', error);
      }
    }
    this.#write(rows);
  }

  byId(id: number): ApiRequestRow | undefined {
    this.flush();
    return this.#byId.get(id);
  }

  /** The calls about one order, newest first. */
  byOrder(orderId: string, limit: number): ApiRequestRow[] {
    this.flush();
    return this.#byOrder.all(orderId, limit);
  }

  count(): number {
    this.flush();
    return (this.#db.prepare('SELECT COUNT(*) AS n FROM api_requests').get() as { n: number }).n;
  }
}
