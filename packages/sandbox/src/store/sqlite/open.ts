import { createRequire } from 'node:module';
import { type BetterSqlite3Constructor, BetterSqlite3Db } from './better-sqlite3.js';
import { NodeSqliteDb, type NodeSqliteModule } from './node-sqlite.js';
import type { Db, SqliteDriver } from './types.js';

/** Every driver the seam knows, in the order tests enumerate them. */
export const SQLITE_DRIVERS: readonly SqliteDriver[] = ['node:sqlite', 'better-sqlite3'];

// Both drivers load synchronously, as opening the sandbox is synchronous: node:sqlite through
// process.getBuiltinModule (undefined on a Node without it), better-sqlite3 through require (an
// optional peer dependency; tsdown's shims give the CommonJS build an import.meta.url).
function loadNodeSqlite(): NodeSqliteModule | undefined {
  try {
    return process.getBuiltinModule('node:sqlite') as NodeSqliteModule | undefined;
  } catch {
    return undefined;
  }
}

let betterSqlite3: { Database: BetterSqlite3Constructor } | { error: unknown } | undefined;

/** better-sqlite3's constructor, having opened ':memory:' once: its native addon loads on first use. */
function loadBetterSqlite3(): BetterSqlite3Constructor {
  if (!betterSqlite3) {
    try {
      const Database = createRequire(import.meta.url)('better-sqlite3') as BetterSqlite3Constructor;
      new Database(':memory:').close();
      betterSqlite3 = { Database };
    } catch (error) {
      betterSqlite3 = { error };
    }
  }
  if ('error' in betterSqlite3) throw betterSqlite3.error;
  return betterSqlite3.Database;
}

/**
 * Why `driver` cannot be used on this runtime, or undefined when it can. Tests skip a driver with
 * this as the reason.
 */
export function sqliteDriverProblem(driver: SqliteDriver): string | undefined {
  if (driver === 'node:sqlite') {
    return loadNodeSqlite()
      ? undefined
      : `this Node (${process.version}) has no node:sqlite (Node 22.13+ has it)`;
  }
  try {
    loadBetterSqlite3();
    return undefined;
  } catch (error) {
    return `better-sqlite3 cannot be loaded on this Node (${process.version}): ${oneLine(error)}`;
  }
}

/** The driver used when none is named: node:sqlite where the runtime has it, else better-sqlite3. */
export function defaultSqliteDriver(): SqliteDriver {
  return loadNodeSqlite() ? 'node:sqlite' : 'better-sqlite3';
}

/** How {@link openSqlite} opens a database. */
export interface OpenSqliteOptions {
  /** Default: {@link defaultSqliteDriver}. */
  driver?: SqliteDriver | undefined;
  /** Read only: writes throw, and a missing file is an error instead of a new database. */
  readonly?: boolean | undefined;
}

/**
 * Opens `path` (a file or `':memory:'`). Throws one `[cashfree-sandbox]` error naming the fix when
 * the driver cannot be loaded.
 */
export function openSqlite(path: string, options: OpenSqliteOptions = {}): Db {
  const driver = options.driver ?? defaultSqliteDriver();
  const readonly = options.readonly ?? false;
  if (driver === 'node:sqlite') {
    const module = loadNodeSqlite();
    if (!module) {
      throw new Error(
        `[cashfree-sandbox] the SQLite driver node:sqlite is not in this Node (${process.version}); ` +
          'Node 22.13+ has it. Leave sqliteDriver unset to use better-sqlite3.',
      );
    }
    return new NodeSqliteDb(module, path, readonly);
  }
  let Database: BetterSqlite3Constructor;
  try {
    Database = loadBetterSqlite3();
  } catch (error) {
    const lead = loadNodeSqlite()
      ? '[cashfree-sandbox] the SQLite driver better-sqlite3 cannot be loaded'
      : `[cashfree-sandbox] no SQLite driver: this Node (${process.version}) has no node:sqlite (Node 22.13+ has it)`;
    throw new Error(
      isMissing(error)
        ? `${lead}; run \`npm install better-sqlite3\``
        : // Installed, but its native addon did not load (built for another Node, say).
          `${lead}: ${oneLine(error)}; run \`npm rebuild better-sqlite3\``,
      { cause: error },
    );
  }
  return new BetterSqlite3Db(Database, path, readonly);
}

function isMissing(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'MODULE_NOT_FOUND';
}

/** The error's message on one line (better-sqlite3's ABI error spans several). */
function oneLine(error: unknown): string {
  return String(error instanceof Error ? error.message : error)
    .replace(/\s+/g, ' ')
    .trim();
}
