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
  readonly #last;
  readonly #typesAfter;

  constructor(db: Db) {
    this.#insert = db.prepare<Omit<EventRow, 'id'>>(
      `INSERT INTO events (type, order_id, cf_payment_id, cf_refund_id, link_id, cf_settlement_id, data, created_at)
       VALUES (@type, @order_id, @cf_payment_id, @cf_refund_id, @link_id, @cf_settlement_id, @data, @created_at)`,
    );
    this.#after = db.prepare<[number, number], EventRow>(
      'SELECT * FROM events WHERE id > ? ORDER BY id LIMIT ?',
    );
    this.#last = db.prepare<[], { id: number | null }>('SELECT MAX(id) AS id FROM events');
    this.#typesAfter = db.prepare<[number], { type: string; n: number }>(
      'SELECT type, COUNT(*) AS n FROM events WHERE id > ? GROUP BY type ORDER BY type',
    );
  }

  /** The newest event's id (0 when there is none). */
  lastId(): number {
    return this.#last.get()?.id ?? 0;
  }

  /** How many events of each type came after `id`. */
  typesAfter(id: number): Record<string, number> {
    return Object.fromEntries(this.#typesAfter.all(id).map((r) => [r.type, r.n]));
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
