import type { Db } from './database.js';

/** A row of `jobs`: a transition due at `due_at` on the sandbox clock. */
export interface JobRow {
  kind: string;
  /** What the job is about (an id or a day); unique per kind. */
  ref: string;
  due_at: number;
  payload: string | null;
}

/** Prepared statements for `jobs`. */
export class JobsTable {
  readonly #upsert;
  readonly #remove;
  readonly #due;
  readonly #next;
  readonly #all;

  constructor(db: Db) {
    // Re-scheduling the same (kind, ref) moves it; a job is never duplicated.
    this.#upsert = db.prepare<[string, string, number, string | null]>(
      `INSERT INTO jobs (kind, ref, due_at, payload) VALUES (?, ?, ?, ?)
       ON CONFLICT (kind, ref) DO UPDATE SET due_at = excluded.due_at, payload = excluded.payload`,
    );
    this.#remove = db.prepare<[string, string]>('DELETE FROM jobs WHERE kind = ? AND ref = ?');
    this.#due = db.prepare<[number, number], JobRow>(
      'SELECT * FROM jobs WHERE due_at <= ? ORDER BY due_at LIMIT ?',
    );
    this.#next = db.prepare<[], { due_at: number | null }>('SELECT MIN(due_at) AS due_at FROM jobs');
    this.#all = db.prepare<[number], JobRow>('SELECT * FROM jobs ORDER BY due_at LIMIT ?');
  }

  upsert(kind: string, ref: string, dueAt: number, payload: string | null): void {
    this.#upsert.run(kind, ref, dueAt, payload);
  }

  remove(kind: string, ref: string): void {
    this.#remove.run(kind, ref);
  }

  due(now: number, limit: number): JobRow[] {
    return this.#due.all(now, limit);
  }

  /** The earliest due time of any job, or `undefined` when there is none. */
  nextDueAt(): number | undefined {
    return this.#next.get()?.due_at ?? undefined;
  }

  list(limit: number): JobRow[] {
    return this.#all.all(limit);
  }
}
