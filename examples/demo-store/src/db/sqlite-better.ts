/**
 * The store's database on better-sqlite3 (see sqlite.ts), for Node 20, which has no node:sqlite.
 * It is loaded only when used, so the store runs without it on Node 22.13+.
 */
import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase } from './sqlite.js';

const require = createRequire(import.meta.url);
let loaded: typeof BetterSqlite3 | undefined;

function load(): typeof BetterSqlite3 {
  if (!loaded) {
    const Database = require('better-sqlite3') as typeof BetterSqlite3;
    // Its native part loads with the first database: a missing build, or one made for another
    // Node version, fails here rather than on the store's file.
    new Database(':memory:').close();
    loaded = Database;
  }
  return loaded;
}

/** Why better-sqlite3 does not load here (not installed, or built for another Node), or undefined. */
export function whyBetterSqlite3Fails(): string | undefined {
  try {
    load();
    return undefined;
  } catch (error) {
    // One line: Node's messages wrap, and "Cannot find module" lists the require stack after.
    const message = (error instanceof Error ? error.message : String(error)).split('\nRequire stack')[0];
    return `better-sqlite3 does not load: ${message?.replace(/\s+/g, ' ')}`;
  }
}

export function openBetterSqlite3(filename: string, readonly: boolean): SqliteDatabase {
  const Database = load();
  const db = new Database(filename, { readonly, fileMustExist: readonly });
  return {
    exec: (sql) => void db.exec(sql),
    prepare(sql) {
      const statement = db.prepare(sql);
      return {
        // Only the count: the row id's type differs between the drivers, and the store needs none.
        run: (...params) => ({ changes: statement.run(...params).changes }),
        get: (...params) => statement.get(...params),
        all: (...params) => statement.all(...params),
      };
    },
    transaction: (fn) => db.transaction(fn)(),
    close: () => void db.close(),
  };
}
