/**
 * The sandbox's SQLite seam: one interface ({@link Db}) over `node:sqlite` (Node 22.13+) and
 * better-sqlite3 (Node 20, or when asked for), so the store runs on whichever the runtime has.
 */
export { sqliteErrorCode } from './errors.js';
export {
  defaultSqliteDriver,
  type OpenSqliteOptions,
  openSqlite,
  SQLITE_DRIVERS,
  sqliteDriverProblem,
} from './open.js';
export type { Db, RunResult, SqliteDriver, Statement } from './types.js';
