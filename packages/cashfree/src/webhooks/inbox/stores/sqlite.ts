/**
 * A SQLite store for the webhook inbox: durable on one machine, safe for several processes on the
 * same file. Uses the runtime's own SQLite when it has one (`bun:sqlite` on Bun, `node:sqlite` on
 * Node 22.13+ and Deno), else `better-sqlite3` (an optional peer dependency:
 * `npm install better-sqlite3`), or any database you pass in. No driver is imported until the store
 * is first used.
 *
 * @example
 * ```ts
 * import { createWebhookInbox } from 'cashfree-kit/webhooks/inbox';
 * import { createSqliteInboxStore } from 'cashfree-kit/webhooks/inbox/sqlite';
 *
 * const inbox = createWebhookInbox({
 *   store: createSqliteInboxStore({ filename: 'webhooks.db' }),
 *   handler: async (event) => console.log(event.type),
 * });
 * ```
 * @module cashfree-kit/webhooks/inbox/sqlite
 */
import type { WebhookInboxStore } from '../store.js';
import {
  inboxStatements,
  listParams,
  positional,
  quoteIdentifier,
  recordFromRow,
  settleParams,
} from './sql.js';

/**
 * A prepared statement, as better-sqlite3, `node:sqlite` and `bun:sqlite` all shape it. The store
 * binds only strings, numbers and null; parameters are `unknown` so every driver's typings fit.
 *
 * @example
 * const database = await openSqliteDatabase('webhooks.db');
 * const statement: SqliteStatementLike = database.prepare('SELECT count(*) AS n FROM cashfree_webhook_inbox');
 */
export interface SqliteStatementLike {
  /** The first row for these parameters, or undefined (`bun:sqlite` answers null). */
  get(...params: unknown[]): unknown;
  /** Every row for these parameters. */
  all(...params: unknown[]): unknown[];
}

/**
 * An open database: a better-sqlite3 `Database`, a `node:sqlite` `DatabaseSync` or a `bun:sqlite`
 * `Database`.
 *
 * @example
 * import Database from 'better-sqlite3';
 * const database: SqliteDatabaseLike = new Database('app.db');
 * const store = createSqliteInboxStore({ database }); // shares your app's database
 */
export interface SqliteDatabaseLike {
  /** Runs SQL that returns no rows (the table's migration). */
  exec(sql: string): unknown;
  /** Prepares a statement. */
  prepare(sql: string): SqliteStatementLike;
  /** Closes the database. */
  close(): unknown;
}

/**
 * A SQLite driver {@link openSqliteDatabase} can open a file with.
 *
 * @example
 * const driver: SqliteDriver = 'bun:sqlite';
 * const store = createSqliteInboxStore({ filename: 'webhooks.db', driver });
 */
export type SqliteDriver = 'node:sqlite' | 'bun:sqlite' | 'better-sqlite3';

/**
 * Options of {@link createSqliteInboxStore}: a `filename` to open, or a `database` you opened.
 *
 * @example
 * const options: SqliteInboxStoreOptions = { filename: 'webhooks.db', tableName: 'cashfree_inbox' };
 * const store = createSqliteInboxStore(options);
 */
export interface SqliteInboxStoreOptions {
  /** Path of the database file (created when missing), or `':memory:'`. */
  filename?: string;
  /** An open database to use instead; the store never closes it. */
  database?: SqliteDatabaseLike;
  /**
   * Force a driver for `filename`. Default: `bun:sqlite` on Bun, else `node:sqlite` when the runtime
   * has it, else `better-sqlite3`.
   */
  driver?: SqliteDriver;
  /** Table name. Default `cashfree_webhook_inbox`. */
  tableName?: string;
}

/**
 * Creates a SQLite-backed inbox store; the table is created on first use.
 *
 * @example
 * import { createWebhookInbox } from 'cashfree-kit/webhooks/inbox';
 * const inbox = createWebhookInbox({ store: createSqliteInboxStore({ filename: 'webhooks.db' }), handler: () => {} });
 */
export function createSqliteInboxStore(options: SqliteInboxStoreOptions): WebhookInboxStore {
  if (!options.database && !options.filename) {
    throw new TypeError('createSqliteInboxStore needs a filename (e.g. "webhooks.db") or an open database.');
  }
  const tableName = options.tableName ?? 'cashfree_webhook_inbox';
  const sql = inboxStatements(
    quoteIdentifier(tableName, 'tableName'),
    quoteIdentifier(`${tableName}_due`, 'tableName'),
    'sqlite',
  );
  let opened: SqliteDatabaseLike | undefined;
  const ready = (async () => {
    if (!options.database) opened = await openSqliteDatabase(options.filename ?? '', options.driver);
    const db = options.database ?? (opened as SqliteDatabaseLike);
    db.exec(sql.createTable);
    db.exec(sql.createIndex);
    const prepare = (sqlText: string) => {
      const { text, bind } = positional(sqlText);
      const statement = db.prepare(text);
      return {
        get: (...params: unknown[]) => statement.get(...bind(params)),
        all: (...params: unknown[]) => statement.all(...bind(params)),
      };
    };
    return {
      record: prepare(sql.record),
      claim: prepare(sql.claim),
      renew: prepare(sql.renew),
      settle: prepare(sql.settle),
      get: prepare(sql.get),
      list: prepare(sql.list),
      redrive: prepare(sql.redrive),
    };
  })();
  // Surface a missing driver on first use, not as an unhandled rejection at construction.
  ready.catch(() => {});

  return {
    async record({ key, type, payload, now }) {
      const record = recordFromRow((await ready).record.get(key, type, payload, now));
      return { recorded: record.deliveries === 1, record };
    },
    async claim({ workerId, now, leaseMs, limit }) {
      return (await ready).claim.all(workerId, now + leaseMs, now, limit).map(recordFromRow);
    },
    async renew(key, workerId, lockedUntil) {
      return (await ready).renew.all(key, workerId, lockedUntil).length === 1;
    },
    async settle(key, workerId, outcome) {
      return (await ready).settle.all(...settleParams(key, workerId, outcome)).length === 1;
    },
    async get(key) {
      const row = (await ready).get.get(key);
      // better-sqlite3 and node:sqlite answer undefined for no row, bun:sqlite answers null.
      return row === undefined || row === null ? undefined : recordFromRow(row);
    },
    async list(query) {
      return (await ready).list.all(...listParams('sqlite', query)).map(recordFromRow);
    },
    async redrive(key, now) {
      return (await ready).redrive.all(key, now).length === 1;
    },
    async close() {
      await ready.catch(() => {});
      // Closing twice must be harmless (a restart closes the old store, then shutdown closes every
      // store): better-sqlite3 allows it, node:sqlite throws ERR_INVALID_STATE on the second call.
      const database = opened;
      opened = undefined;
      database?.close();
    },
  };
}

/**
 * Opens a SQLite file with the runtime's own SQLite (`bun:sqlite` on Bun, `node:sqlite` where the
 * runtime has it), else better-sqlite3, in WAL mode with a 5 s busy timeout so several processes
 * can share it.
 *
 * @example
 * const database = await openSqliteDatabase('webhooks.db');
 * const store = createSqliteInboxStore({ database });
 */
export async function openSqliteDatabase(
  filename: string,
  driver?: SqliteDriver,
): Promise<SqliteDatabaseLike> {
  const chosen = driver ?? (isBun() ? 'bun:sqlite' : undefined);
  const db =
    chosen === 'better-sqlite3'
      ? await openBetterSqlite3(filename)
      : chosen === 'bun:sqlite'
        ? await openBunSqlite(filename)
        : await openNodeSqlite(filename, chosen);
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA busy_timeout = 5000');
  return db;
}

// The specifiers live in variables so bundlers and type checkers leave these optional modules alone.
const NODE_SQLITE = 'node:sqlite';
const BUN_SQLITE = 'bun:sqlite';
const BETTER_SQLITE3 = 'better-sqlite3';

/** On Bun the default is its own bun:sqlite: Bun does not support better-sqlite3's native addon. */
function isBun(): boolean {
  const versions = (globalThis as { process?: { versions?: Record<string, string | undefined> } }).process
    ?.versions;
  return typeof versions?.['bun'] === 'string';
}

async function openBunSqlite(filename: string): Promise<SqliteDatabaseLike> {
  let module: { Database: new (path: string) => SqliteDatabaseLike };
  try {
    module = await import(BUN_SQLITE);
  } catch (error) {
    throw new Error(`bun:sqlite is not available in this runtime (Bun has it): ${String(error)}`);
  }
  return new module.Database(filename);
}

async function openNodeSqlite(
  filename: string,
  driver: 'node:sqlite' | undefined,
): Promise<SqliteDatabaseLike> {
  let module: { DatabaseSync: new (path: string) => SqliteDatabaseLike };
  try {
    module = await import(NODE_SQLITE);
  } catch (error) {
    if (driver === 'node:sqlite') {
      throw new Error(`node:sqlite is not available in this runtime (Node 22.13+ has it): ${String(error)}`);
    }
    return openBetterSqlite3(filename);
  }
  return new module.DatabaseSync(filename);
}

async function openBetterSqlite3(filename: string): Promise<SqliteDatabaseLike> {
  let module: { default: new (path: string) => SqliteDatabaseLike };
  try {
    module = await import(BETTER_SQLITE3);
  } catch (error) {
    throw new Error(
      'The SQLite inbox store needs a driver: run `npm install better-sqlite3`, or use Node 22.13+ ' +
        `(node:sqlite), or pass an open database as { database }. Loading better-sqlite3 failed: ${String(error)}`,
    );
  }
  return new module.default(filename);
}
