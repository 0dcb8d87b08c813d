import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { migrations } from './migrations/index.js';
import { type Db, openSqlite, type SqliteDriver, sqliteErrorCode } from './sqlite/index.js';

export type { Db, SqliteDriver } from './sqlite/index.js';

/** How {@link openDatabase} opens the file. */
export interface OpenDatabaseOptions {
  /** Default: `node:sqlite` where the runtime has it (Node 22.13+), else better-sqlite3. */
  driver?: SqliteDriver | undefined;
}

/**
 * Opens (creating when needed) the sandbox database and brings its schema up to date.
 *
 * - WAL with `synchronous = NORMAL`: a commit is durable against a killed process (the WAL is
 *   written before the response is sent); only an OS crash can lose the last commits.
 * - `locking_mode = EXCLUSIVE`: one sandbox process owns the file. Ids are allocated in memory, so
 *   two processes sharing a file would collide; the second one fails fast with a clear message.
 * - A 64 MB page cache keeps the `order_id` index hot at a million orders.
 */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Db {
  const memory = file === ':memory:';
  const path = memory ? file : resolve(file);
  if (!memory) mkdirSync(dirname(path), { recursive: true });
  const db = openSqlite(path, { driver: options.driver });
  try {
    db.pragma('busy_timeout = 250');
    db.pragma('locking_mode = EXCLUSIVE');
    if (!memory) db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('cache_size = -65536');
    db.pragma('temp_store = MEMORY');
    migrate(db);
  } catch (error) {
    db.close();
    // Both drivers say "database is locked" (SQLITE_BUSY) when another connection holds the file.
    const code = sqliteErrorCode(error);
    if (
      code === 'SQLITE_BUSY' ||
      code === 'SQLITE_LOCKED' ||
      (error instanceof Error && /locked|busy/i.test(error.message))
    ) {
      throw new Error(
        `[cashfree-sandbox] the database ${path} is in use by another sandbox process. ` +
          'Stop that process, or start this one with another database file (or ":memory:").',
        { cause: error },
      );
    }
    throw error;
  }
  return db;
}

/** Runs the migrations newer than the database's `user_version`, each in its own transaction. */
export function migrate(db: Db): void {
  const current = db.pragma('user_version') as number;
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new Error(
      `[cashfree-sandbox] the database schema is version ${current}, newer than this sandbox knows (${latest}). ` +
        'Upgrade @cashfree-kit/sandbox or use a fresh database file.',
    );
  }
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}

/**
 * Hands out increasing integer ids for one table. The sandbox is the only writer of its file (see
 * `locking_mode` above), so the next id lives in memory and inserts need no AUTOINCREMENT
 * bookkeeping or read-back. `base` makes ids look like Cashfree's (`cf_order_id "2149460581"`).
 */
export class IdSequence {
  #next: number;

  constructor(db: Db, table: string, column: string, base: number) {
    const row = db.prepare(`SELECT MAX(${column}) AS max FROM ${table}`).get() as { max: number | null };
    this.#next = Math.max(row.max ?? 0, base) + 1;
  }

  next(): number {
    return this.#next++;
  }
}
