/**
 * The store's database on Node's own `node:sqlite` (Node 22.13+; see sqlite.ts), made to behave as
 * better-sqlite3 does where the two differ: how parameters bind, plain-object rows, nested
 * transactions and a second close().
 */
import type { SqliteDatabase, SqliteStatement } from './sqlite.js';

// @types/node 20 has no node:sqlite: the few members the store uses are typed here.
interface NodeStatement {
  run(...params: unknown[]): { changes: number | bigint };
  get(...params: unknown[]): object | undefined;
  all(...params: unknown[]): object[];
}
interface NodeDatabase {
  exec(sql: string): void;
  prepare(sql: string): NodeStatement;
  close(): void;
}
interface NodeSqlite {
  DatabaseSync: new (path: string, options?: { readOnly?: boolean }) => NodeDatabase;
}

/** The node:sqlite module, or undefined on a Node without it. */
export function nodeSqlite(): NodeSqlite | undefined {
  return process.getBuiltinModule?.('node:sqlite') as NodeSqlite | undefined;
}

export function openNodeSqlite(filename: string, readonly: boolean): SqliteDatabase {
  const sqlite = nodeSqlite();
  if (!sqlite) throw new Error(`Node ${process.version} has no node:sqlite (Node 22.13+ has it)`);
  const db = new sqlite.DatabaseSync(filename, { readOnly: readonly });
  let open = true;
  let depth = 0;
  return {
    exec: (sql) => db.exec(sql),
    prepare: (sql) => statement(db.prepare(sql), namedParameters(sql)),
    transaction(fn) {
      // As better-sqlite3 nests them: the outermost is BEGIN … COMMIT, an inner one a savepoint.
      const savepoint = `nested_${depth}`;
      db.exec(depth === 0 ? 'BEGIN' : `SAVEPOINT ${savepoint}`);
      depth += 1;
      try {
        const result = fn();
        if (result instanceof Promise) throw new TypeError('Transaction function cannot return a promise');
        db.exec(depth === 1 ? 'COMMIT' : `RELEASE ${savepoint}`);
        return result;
      } catch (error) {
        try {
          db.exec(depth === 1 ? 'ROLLBACK' : `ROLLBACK TO ${savepoint}; RELEASE ${savepoint}`);
        } catch {
          // SQLite rolls back by itself after some errors (a full disk): the first error is the news.
        }
        throw error;
      } finally {
        depth -= 1;
      }
    },
    close() {
      // node:sqlite throws on a second close(); better-sqlite3 does not.
      if (open) db.close();
      open = false;
    },
  };
}

function statement(prepared: NodeStatement, names: readonly string[]): SqliteStatement {
  return {
    run: (...params) => ({ changes: Number(prepared.run(...bind(names, params)).changes) }),
    // node:sqlite's rows have no prototype: copied, they compare equal to object literals.
    get(...params) {
      const row = prepared.get(...bind(names, params));
      return row === undefined ? undefined : { ...row };
    },
    all: (...params) => prepared.all(...bind(names, params)).map((row) => ({ ...row })),
  };
}

/** The named parameters (`@name`, `:name`, `$name`) of a statement, string literals left out. */
function namedParameters(sql: string): string[] {
  const code = sql.replace(/'(?:[^']|'')*'/g, "''");
  return [...new Set(Array.from(code.matchAll(/[@:$]([A-Za-z_]\w*)/g), (match) => match[1] as string))];
}

/**
 * Parameters as better-sqlite3 binds them: node:sqlite refuses `undefined` and a key the SQL does
 * not name, and binds NULL for a name left out, which better-sqlite3 reports as a mistake.
 */
function bind(names: readonly string[], params: unknown[]): unknown[] {
  const [first, ...rest] = params;
  if (typeof first !== 'object' || first === null || ArrayBuffer.isView(first)) {
    return params.map((value) => value ?? null);
  }
  const named: Record<string, unknown> = {};
  for (const name of names) {
    if (!(name in first)) throw new RangeError(`Missing named parameter "${name}"`);
    named[name] = (first as Record<string, unknown>)[name] ?? null;
  }
  return [named, ...rest.map((value) => value ?? null)];
}
