import type { Db } from './database.js';

/** A row of `clock_advances`: what one advance of the sandbox clock ran. */
export interface ClockAdvanceRow {
  id: number;
  /** Sandbox-clock epoch ms before and after the advance. */
  from_at: number;
  to_at: number;
  /** JSON `{ [job kind]: count }` of the transitions that ran. */
  ran: string;
  /** JSON `{ [job kind]: count }` of those that failed (and were dropped). */
  failed: string;
  /** JSON `{ [event type]: count }` of the domain events they raised: the webhooks queued. */
  events: string;
}

/** How many advances the Clock page keeps. */
const KEEP = 200;

/** Prepared statements for `clock_advances`. */
export class ClockAdvancesTable {
  readonly #insert;
  readonly #prune;
  readonly #byId;
  readonly #recent;

  constructor(db: Db) {
    this.#insert = db.prepare<Omit<ClockAdvanceRow, 'id'>>(
      `INSERT INTO clock_advances (from_at, to_at, ran, failed, events)
       VALUES (@from_at, @to_at, @ran, @failed, @events)`,
    );
    this.#prune = db.prepare<[number]>('DELETE FROM clock_advances WHERE id <= ?');
    this.#byId = db.prepare<[number], ClockAdvanceRow>('SELECT * FROM clock_advances WHERE id = ?');
    this.#recent = db.prepare<[number], ClockAdvanceRow>(
      'SELECT * FROM clock_advances ORDER BY id DESC LIMIT ?',
    );
  }

  /** Records an advance; returns its id. */
  insert(row: Omit<ClockAdvanceRow, 'id'>): number {
    const id = Number(this.#insert.run(row).lastInsertRowid);
    if (id > KEEP) this.#prune.run(id - KEEP);
    return id;
  }

  byId(id: number): ClockAdvanceRow | undefined {
    return this.#byId.get(id);
  }

  recent(limit: number): ClockAdvanceRow[] {
    return this.#recent.all(limit);
  }
}
