import type { InboxOutcome, InboxRecord, InboxStatus } from '../store.js';

/**
 * The inbox's SQL, shared by the SQLite and PostgreSQL stores. Both run the same statements,
 * written with PostgreSQL's `$n` placeholders; only integer types, a `::text` cast and
 * PostgreSQL's `FOR UPDATE SKIP LOCKED` differ. {@link positional} turns them into SQLite's `?`.
 */
export type Dialect = 'sqlite' | 'postgres';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,49}$/;

/** Checks and quotes a table or schema name; names are spliced into SQL, so only plain identifiers pass. */
export function quoteIdentifier(name: string, what: string): string {
  if (!IDENTIFIER.test(name)) {
    throw new TypeError(
      `${what} must be a plain SQL identifier (letters, digits, _; at most 50); received "${name}".`,
    );
  }
  return `"${name}"`;
}

/** Every statement the stores run against `table` (already quoted). */
export function inboxStatements(table: string, indexName: string, dialect: Dialect) {
  const p = (n: number) => `$${n}`;
  const int = dialect === 'postgres' ? 'BIGINT' : 'INTEGER';
  // PostgreSQL cannot infer a type for a parameter that is only compared with NULL.
  const text = (n: number) => (dialect === 'postgres' ? `$${n}::text` : `$${n}`);
  const skipLocked = dialect === 'postgres' ? 'FOR UPDATE SKIP LOCKED' : '';
  return {
    createTable: `CREATE TABLE IF NOT EXISTS ${table} (
      key TEXT PRIMARY KEY,
      type TEXT NOT NULL,
      payload TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('pending', 'processing', 'done', 'dead')),
      attempts INTEGER NOT NULL DEFAULT 0,
      deliveries INTEGER NOT NULL DEFAULT 1,
      received_at ${int} NOT NULL,
      next_attempt_at ${int} NOT NULL,
      locked_by TEXT,
      locked_until ${int},
      last_error TEXT,
      completed_at ${int}
    )`,
    createIndex: `CREATE INDEX IF NOT EXISTS ${indexName} ON ${table} (status, next_attempt_at)`,
    // One statement: the insert, or the duplicate count, happens atomically; deliveries = 1 means inserted.
    record: `INSERT INTO ${table} AS inbox (key, type, payload, status, received_at, next_attempt_at)
      VALUES (${p(1)}, ${p(2)}, ${p(3)}, 'pending', ${p(4)}, ${p(4)})
      ON CONFLICT (key) DO UPDATE SET deliveries = inbox.deliveries + 1
      RETURNING *`,
    claim: `UPDATE ${table} SET status = 'processing', locked_by = ${p(1)}, locked_until = ${p(2)}, attempts = attempts + 1
      WHERE key IN (
        SELECT key FROM ${table}
        WHERE (status = 'pending' AND next_attempt_at <= ${p(3)}) OR (status = 'processing' AND locked_until <= ${p(3)})
        ORDER BY next_attempt_at, received_at
        LIMIT ${p(4)}
        ${skipLocked}
      )
      RETURNING *`,
    renew: `UPDATE ${table} SET locked_until = ${p(3)}
      WHERE key = ${p(1)} AND status = 'processing' AND locked_by = ${p(2)}
      RETURNING key`,
    settle: `UPDATE ${table} SET status = ${p(3)}, locked_by = NULL, locked_until = NULL,
        next_attempt_at = COALESCE(${p(4)}, next_attempt_at), last_error = COALESCE(${p(5)}, last_error),
        completed_at = ${p(6)}
      WHERE key = ${p(1)} AND status = 'processing' AND locked_by = ${p(2)}
      RETURNING key`,
    get: `SELECT * FROM ${table} WHERE key = ${p(1)}`,
    list: `SELECT * FROM ${table} WHERE (${text(1)} IS NULL OR status = ${text(1)}) ORDER BY received_at, key LIMIT ${p(2)}`,
    redrive: `UPDATE ${table} SET status = 'pending', attempts = 0, next_attempt_at = ${p(2)}, completed_at = NULL
      WHERE key = ${p(1)} AND status = 'dead'
      RETURNING key`,
  };
}

/**
 * A `$n` statement as plain `?` placeholders plus a function that orders parameters to match, for
 * drivers (better-sqlite3) that bind numbered placeholders only by name.
 */
export function positional(text: string): { text: string; bind: (params: readonly unknown[]) => unknown[] } {
  const order: number[] = [];
  const converted = text.replace(/\$(\d+)/g, (_match, n: string) => {
    order.push(Number(n) - 1);
    return '?';
  });
  return { text: converted, bind: (params) => order.map((index) => params[index]) };
}

/** Parameters of the `settle` statement for an outcome: key, worker, status, next, error, completed. */
export function settleParams(
  key: string,
  workerId: string,
  outcome: InboxOutcome,
): (string | number | null)[] {
  switch (outcome.status) {
    case 'done':
      return [key, workerId, 'done', null, null, outcome.at];
    case 'pending':
      return [key, workerId, 'pending', outcome.nextAttemptAt, outcome.error, null];
    case 'dead':
      return [key, workerId, 'dead', null, outcome.error, outcome.at];
  }
}

/** Parameters of the `list` statement; no limit is NULL in PostgreSQL and -1 in SQLite. */
export function listParams(
  dialect: Dialect,
  query: { status?: InboxStatus; limit?: number } = {},
): (string | number | null)[] {
  return [query.status ?? null, query.limit ?? (dialect === 'postgres' ? null : -1)];
}

/** A database row as an {@link InboxRecord}. PostgreSQL returns BIGINT columns as strings. */
export function recordFromRow(row: unknown): InboxRecord {
  const r = row as Record<string, string | number | bigint | null>;
  const num = (value: unknown) => Number(value);
  const numOrNull = (value: unknown) => (value === null || value === undefined ? null : Number(value));
  return {
    key: String(r['key']),
    type: String(r['type']),
    payload: String(r['payload']),
    status: r['status'] as InboxStatus,
    attempts: num(r['attempts']),
    deliveries: num(r['deliveries']),
    receivedAt: num(r['received_at']),
    nextAttemptAt: num(r['next_attempt_at']),
    lockedBy: r['locked_by'] === null || r['locked_by'] === undefined ? null : String(r['locked_by']),
    lockedUntil: numOrNull(r['locked_until']),
    lastError: r['last_error'] === null || r['last_error'] === undefined ? null : String(r['last_error']),
    completedAt: numOrNull(r['completed_at']),
  };
}
