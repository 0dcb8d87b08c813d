import type { Db } from './database.js';

/** A row of the `events` outbox (see the table comment in migrations/0001-initial.ts). */
export interface EventRow {
  id: number;
  type: string;
  order_id: string | null;
  cf_payment_id: string | null;
  cf_refund_id: string | null;
  link_id: string | null;
  cf_settlement_id: string | null;
  /** JSON: the webhook's `data` object (2025-01-01 shape) as of this change. */
  data: string;
  created_at: number;
}

/** Prepared statements for `events`. */
export class EventsTable {
  readonly #insert;
  readonly #after;

  constructor(db: Db) {
    this.#insert = db.prepare<Omit<EventRow, 'id'>>(
      `INSERT INTO events (type, order_id, cf_payment_id, cf_refund_id, link_id, cf_settlement_id, data, created_at)
       VALUES (@type, @order_id, @cf_payment_id, @cf_refund_id, @link_id, @cf_settlement_id, @data, @created_at)`,
    );
    this.#after = db.prepare<[number, number], EventRow>(
      'SELECT * FROM events WHERE id > ? ORDER BY id LIMIT ?',
    );
  }

  /** Appends an event and returns it with its id. */
  append(event: Omit<EventRow, 'id'>): EventRow {
    const result = this.#insert.run(event);
    return { id: Number(result.lastInsertRowid), ...event };
  }

  after(id: number, limit: number): EventRow[] {
    return this.#after.all(id, limit);
  }
}
