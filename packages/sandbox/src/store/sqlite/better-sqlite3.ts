import type { Db, RunResult, Statement } from './types.js';

/** The parts of better-sqlite3's Database the seam uses. */
interface BetterSqlite3Database {
  readonly open: boolean;
  readonly inTransaction: boolean;
  exec(sql: string): unknown;
  prepare(sql: string): { run(...params: unknown[]): RunResult };
  transaction<F extends (...args: never[]) => unknown>(fn: F): (...args: Parameters<F>) => ReturnType<F>;
  pragma(source: string, options: { simple: true }): unknown;
  close(): unknown;
}

/** better-sqlite3's default export. */
export type BetterSqlite3Constructor = new (
  path: string,
  options?: { readonly?: boolean; fileMustExist?: boolean },
) => BetterSqlite3Database;

/**
 * An open database on better-sqlite3. The store was written against it, so its statements and
 * transactions are handed out as they are: the seam's contract is better-sqlite3's behaviour.
 */
export class BetterSqlite3Db implements Db {
  readonly driver = 'better-sqlite3';
  readonly #db: BetterSqlite3Database;

  constructor(Database: BetterSqlite3Constructor, path: string, readonly = false) {
    // node:sqlite never creates a file it opens read only; better-sqlite3 is told to match.
    this.#db = new Database(path, { readonly, fileMustExist: readonly });
  }

  get open(): boolean {
    return this.#db.open;
  }

  get inTransaction(): boolean {
    return this.#db.inTransaction;
  }

  exec(sql: string): void {
    this.#db.exec(sql);
  }

  prepare<Params extends unknown[] | object = unknown[], Row = unknown>(
    sql: string,
  ): Params extends unknown[] ? Statement<Params, Row> : Statement<[Params], Row> {
    return this.#db.prepare(sql) as never;
  }

  transaction<F extends (...args: never[]) => unknown>(fn: F): (...args: Parameters<F>) => ReturnType<F> {
    return this.#db.transaction(fn);
  }

  pragma(source: string): unknown {
    return this.#db.pragma(source, { simple: true });
  }

  close(): void {
    if (this.#db.open) this.#db.close();
  }
}
