import {
  bindArguments,
  bindNamedByPosition,
  numberedForm,
  type ParameterShape,
  parameterShape,
} from './parameters.js';
import type { Db, RunResult, Statement } from './types.js';

/** The parts of `node:sqlite`'s StatementSync the seam uses. */
interface StatementSync {
  /** Node 22.15+: ignore keys of a named-parameter object the statement does not name. */
  setAllowUnknownNamedParameters?(enabled: boolean): void;
  run(...params: unknown[]): RunResult;
  get(...params: unknown[]): Record<string, unknown> | undefined;
  all(...params: unknown[]): Array<Record<string, unknown>>;
}

/** The parts of `node:sqlite`'s DatabaseSync the seam uses (`isTransaction` is Node 22.16+). */
export interface DatabaseSync {
  exec(sql: string): void;
  prepare(sql: string): StatementSync;
  close(): void;
  readonly isTransaction?: boolean;
}

/** The `node:sqlite` module, as `process.getBuiltinModule` hands it out. */
export interface NodeSqliteModule {
  DatabaseSync: new (path: string, options?: { readOnly?: boolean }) => DatabaseSync;
}

/**
 * A node:sqlite statement that binds and answers as better-sqlite3's does (see parameters.ts).
 * Rows come back from node:sqlite with a null prototype; they are given Object.prototype so code
 * and tests see the same rows on both drivers (`assert.deepStrictEqual` compares prototypes). In
 * place: a copy of each row cost more than the read itself.
 */
class NodeStatement implements Statement {
  readonly #statement: StatementSync;
  readonly #shape: ParameterShape;
  readonly #extraKeysAllowed: boolean;
  /** Its named parameters were rewritten to numbered ones: bind the object's values by position. */
  readonly #byPosition: boolean;

  constructor(statement: StatementSync, shape: ParameterShape, byPosition: boolean) {
    this.#statement = statement;
    this.#shape = shape;
    this.#byPosition = byPosition;
    this.#extraKeysAllowed = typeof statement.setAllowUnknownNamedParameters === 'function';
    statement.setAllowUnknownNamedParameters?.(true);
  }

  #bind(params: unknown[]): unknown[] {
    return this.#byPosition
      ? bindNamedByPosition(this.#shape, params)
      : bindArguments(this.#shape, params, this.#extraKeysAllowed);
  }

  run(...params: unknown[]): RunResult {
    return this.#statement.run(...this.#bind(params));
  }

  get(...params: unknown[]): unknown {
    const row = this.#statement.get(...this.#bind(params));
    return row === undefined ? undefined : Object.setPrototypeOf(row, Object.prototype);
  }

  all(...params: unknown[]): unknown[] {
    const rows = this.#statement.all(...this.#bind(params));
    for (const row of rows) Object.setPrototypeOf(row, Object.prototype);
    return rows;
  }
}

/** The savepoint name nested transactions use, as better-sqlite3's (one name: savepoints stack). */
const SAVEPOINT = '"\t_cashfree_sandbox.\t"';

/** An open database on `node:sqlite`, with better-sqlite3's transactions, pragma and close. */
export class NodeSqliteDb implements Db {
  readonly driver = 'node:sqlite';
  readonly #db: DatabaseSync;
  #open = true;
  /** Transaction depth, for Node before 22.16 (no `isTransaction`). */
  #depth = 0;
  readonly #begin;
  readonly #commit;
  readonly #rollback;
  readonly #savepoint;
  readonly #release;
  readonly #rollbackTo;

  constructor(module: NodeSqliteModule, path: string, readonly = false) {
    this.#db = new module.DatabaseSync(path, { readOnly: readonly });
    // Prepared once: a transaction per request is the sandbox's hot path.
    this.#begin = this.#db.prepare('BEGIN');
    this.#commit = this.#db.prepare('COMMIT');
    this.#rollback = this.#db.prepare('ROLLBACK');
    this.#savepoint = this.#db.prepare(`SAVEPOINT ${SAVEPOINT}`);
    this.#release = this.#db.prepare(`RELEASE ${SAVEPOINT}`);
    this.#rollbackTo = this.#db.prepare(`ROLLBACK TO ${SAVEPOINT}`);
  }

  get open(): boolean {
    return this.#open;
  }

  get inTransaction(): boolean {
    return this.#open && (this.#db.isTransaction ?? this.#depth > 0);
  }

  exec(sql: string): void {
    this.#db.exec(sql);
  }

  prepare<Params extends unknown[] | object = unknown[], Row = unknown>(
    sql: string,
  ): Params extends unknown[] ? Statement<Params, Row> : Statement<[Params], Row> {
    const numbered = numberedForm(sql);
    return (
      numbered
        ? new NodeStatement(this.#db.prepare(numbered.sql), { named: numbered.names, positional: 0 }, true)
        : new NodeStatement(this.#db.prepare(sql), parameterShape(sql), false)
    ) as never;
  }

  transaction<F extends (...args: never[]) => unknown>(fn: F): (...args: Parameters<F>) => ReturnType<F> {
    const db = this;
    return function transaction(this: unknown, ...args: Parameters<F>): ReturnType<F> {
      const nested = db.inTransaction;
      const end = nested ? db.#release : db.#commit;
      (nested ? db.#savepoint : db.#begin).run();
      db.#depth++;
      try {
        const result = Reflect.apply(fn, this, args) as ReturnType<F>;
        if (typeof (result as { then?: unknown } | null)?.then === 'function') {
          throw new TypeError('Transaction function cannot return a promise');
        }
        end.run();
        return result;
      } catch (error) {
        if (db.inTransaction) {
          try {
            if (nested) {
              db.#rollbackTo.run();
              db.#release.run();
            } else {
              db.#rollback.run();
            }
          } catch {
            // SQLite ended the transaction itself (a failed COMMIT, a full disk); before Node 22.16
            // the depth count cannot see that. The first error is the one that explains it.
          }
        }
        throw error;
      } finally {
        db.#depth--;
      }
    };
  }

  pragma(source: string): unknown {
    const row = this.#db.prepare(`PRAGMA ${source}`).all()[0];
    return row === undefined ? undefined : Object.values(row)[0];
  }

  close(): void {
    // node:sqlite throws ERR_INVALID_STATE when closing a closed database; better-sqlite3 does not.
    if (!this.#open) return;
    this.#open = false;
    this.#db.close();
  }
}
