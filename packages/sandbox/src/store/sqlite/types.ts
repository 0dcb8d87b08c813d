/**
 * The SQLite drivers the sandbox can open its database with: `node:sqlite` (Node 22.13+; the
 * default where the runtime has it) or `better-sqlite3` (Node 20: `npm install better-sqlite3`).
 *
 * @example
 * const sqliteDriver: SqliteDriver = 'node:sqlite';
 * const sandbox = createSandboxApp({ db: ':memory:', sqliteDriver });
 * sandbox.close();
 */
export type SqliteDriver = 'node:sqlite' | 'better-sqlite3';

/** What a write reports: rows changed and the rowid of the last insert. */
export interface RunResult {
  changes: number | bigint;
  lastInsertRowid: number | bigint;
}

/**
 * A prepared statement. Both drivers behave alike through it: a named-parameter object may carry
 * keys the statement does not name (ignored), a missing named parameter or too few positional
 * ones throw, `undefined` binds NULL, and rows are plain objects.
 */
export interface Statement<Params extends unknown[] = unknown[], Row = unknown> {
  run(...params: Params): RunResult;
  get(...params: Params): Row | undefined;
  all(...params: Params): Row[];
}

/**
 * An open sandbox database on either driver. `prepare`'s type parameters read as better-sqlite3's
 * do: a tuple for positional parameters or an object type for named ones, then the row type.
 */
export interface Db {
  readonly driver: SqliteDriver;
  /** False once closed. */
  readonly open: boolean;
  /** True inside a transaction (the sandbox's or one SQL started). */
  readonly inTransaction: boolean;
  /** Runs SQL that returns no rows (migrations, `DELETE FROM`). */
  exec(sql: string): void;
  prepare<Params extends unknown[] | object = unknown[], Row = unknown>(
    sql: string,
  ): Params extends unknown[] ? Statement<Params, Row> : Statement<[Params], Row>;
  /**
   * Wraps `fn` so that each call runs in a transaction: BEGIN / COMMIT at the outer level, a
   * savepoint when called inside another transaction (better-sqlite3's nesting); an error rolls
   * back that level and is rethrown.
   */
  transaction<F extends (...args: never[]) => unknown>(fn: F): (...args: Parameters<F>) => ReturnType<F>;
  /** Runs `PRAGMA <source>` and answers the first column of its first row (undefined if none). */
  pragma(source: string): unknown;
  /** Closes the database; calling it again does nothing. */
  close(): void;
}
