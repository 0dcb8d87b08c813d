/**
 * The store's one door to SQLite. It opens files with Node's own `node:sqlite` where the runtime
 * has it (Node 22.13+), else with better-sqlite3 (Node 20: `npm install better-sqlite3`). Both are
 * made to behave as better-sqlite3 does, so the tables, and the SDK's webhook inbox sharing the
 * database, work the same on either.
 */
import { openBetterSqlite3, whyBetterSqlite3Fails } from './sqlite-better.js';
import { nodeSqlite, openNodeSqlite } from './sqlite-node.js';

export type SqliteDriver = 'node:sqlite' | 'better-sqlite3';

/** Every driver the store can run on, for tests that run once per driver. */
export const SQLITE_DRIVERS: readonly SqliteDriver[] = ['node:sqlite', 'better-sqlite3'];

/**
 * A prepared statement. Parameters are positional (`?`) or one object of named ones (`@name`);
 * `undefined` binds NULL, keys the SQL does not name are ignored, a name left out is an error.
 * Rows are plain objects.
 */
export interface SqliteStatement {
  run(...params: unknown[]): { changes: number };
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
}

export interface SqliteDatabase {
  /** Runs SQL that returns no rows (one statement or several). */
  exec(sql: string): void;
  prepare(sql: string): SqliteStatement;
  /**
   * Runs `fn` in a transaction: committed when it returns, rolled back when it throws. Inside
   * another transaction it is a savepoint, so a failing inner part can be caught and the rest kept.
   */
  transaction<T>(fn: () => T): T;
  /** Closing twice is harmless: a failed start closes the database, and so may its caller. */
  close(): void;
}

export interface OpenSqliteOptions {
  /** Default: `node:sqlite` when the runtime has it, else better-sqlite3. */
  driver?: SqliteDriver | undefined;
  /** Open an existing file for reading only. */
  readonly?: boolean;
}

/** Why `driver` cannot run here, or undefined when it can. */
export function whyDriverMissing(driver: SqliteDriver): string | undefined {
  if (driver === 'better-sqlite3') return whyBetterSqlite3Fails();
  return nodeSqlite() ? undefined : `Node ${process.version} has no node:sqlite (Node 22.13+ has it)`;
}

/** Opens (and creates, unless read-only) a SQLite file, or an in-memory database for `:memory:`. */
export function openSqlite(filename: string, options: OpenSqliteOptions = {}): SqliteDatabase {
  const driver = options.driver ?? (nodeSqlite() ? 'node:sqlite' : 'better-sqlite3');
  const missing = whyDriverMissing(driver);
  if (missing !== undefined) {
    throw new Error(
      options.driver
        ? `the SQLite driver ${driver} is not available: ${missing}`
        : `no SQLite driver: Node ${process.version} has no node:sqlite (Node 22.13+ has it); run \`npm install better-sqlite3\``,
      { cause: missing },
    );
  }
  const readonly = options.readonly ?? false;
  return driver === 'node:sqlite'
    ? openNodeSqlite(filename, readonly)
    : openBetterSqlite3(filename, readonly);
}
