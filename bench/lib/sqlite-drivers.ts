import {
  defaultSqliteDriver,
  SQLITE_DRIVERS,
  type SqliteDriver,
  sqliteDriverProblem,
} from '../../packages/sandbox/src/store/sqlite/index.ts';

/**
 * The SQLite drivers sandbox-throughput runs the sandbox on: the one `npm start` picks on this
 * runtime, and the other one where this runtime loads it too (Node 22.13+ with better-sqlite3 built
 * for it), else undefined.
 */
export function benchSqliteDrivers(): { picked: SqliteDriver; other: SqliteDriver | undefined } {
  const picked = defaultSqliteDriver();
  return { picked, other: SQLITE_DRIVERS.find((d) => d !== picked && !sqliteDriverProblem(d)) };
}
