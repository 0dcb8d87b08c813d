/**
 * A PostgreSQL store for the webhook inbox, for several app instances: records are inserted with
 * `ON CONFLICT`, and workers claim due events with `FOR UPDATE SKIP LOCKED`, so each event is handed
 * to one worker at a time. Pass a `pg.Pool` (pg is an optional peer dependency) or anything with
 * `query(text, params) → { rows }`; this module imports no driver.
 *
 * @example
 * ```ts
 * import pg from 'pg';
 * import { createPostgresInboxStore } from 'cashfree-kit/webhooks/inbox/postgres';
 *
 * const store = createPostgresInboxStore({ pool: new pg.Pool({ connectionString: process.env.DATABASE_URL }) });
 * await store.migrate(); // or let the first use create the table
 * ```
 * @module cashfree-kit/webhooks/inbox/postgres
 */
import type { WebhookInboxStore } from '../store.js';
import { inboxStatements, listParams, quoteIdentifier, recordFromRow, settleParams } from './sql.js';

/**
 * What the store needs from a PostgreSQL client: a `pg.Pool`, a `pg.Client`, or an adapter.
 *
 * @example
 * import pg from 'pg';
 * const pool: PostgresQueryable = new pg.Pool({ connectionString: 'postgres://localhost/app' });
 * const store = createPostgresInboxStore({ pool });
 */
export interface PostgresQueryable {
  /** Runs one parameterised statement (`$1`, `$2`, …) and resolves with its rows. */
  query(text: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
}

/**
 * Options of {@link createPostgresInboxStore}.
 *
 * @example
 * import pg from 'pg';
 * const options: PostgresInboxStoreOptions = { pool: new pg.Pool(), schema: 'payments', tableName: 'webhook_inbox' };
 * const store = createPostgresInboxStore(options);
 */
export interface PostgresInboxStoreOptions {
  /** A `pg.Pool` (or `pg.Client`, or anything with `query(text, params)`); the store never ends it. */
  pool: PostgresQueryable;
  /** Table name. Default `cashfree_webhook_inbox`. */
  tableName?: string;
  /** Schema, created when missing. Default: the connection's search path. */
  schema?: string;
}

/**
 * A PostgreSQL store, with its migration exposed for deploy scripts.
 *
 * @example
 * import pg from 'pg';
 * const store: PostgresInboxStore = createPostgresInboxStore({ pool: new pg.Pool() });
 * await store.migrate(); // in a deploy step, before the app starts
 */
export interface PostgresInboxStore extends WebhookInboxStore {
  /** Creates the table and index if missing; runs automatically before first use. Safe to run concurrently. */
  migrate(): Promise<void>;
}

/**
 * Creates a PostgreSQL-backed inbox store.
 *
 * @example
 * import pg from 'pg';
 * import { createWebhookInbox } from 'cashfree-kit/webhooks/inbox';
 * const store = createPostgresInboxStore({ pool: new pg.Pool({ connectionString: process.env.DATABASE_URL }) });
 * const inbox = createWebhookInbox({ store, handler: async (event) => console.log(event.type) });
 */
export function createPostgresInboxStore(options: PostgresInboxStoreOptions): PostgresInboxStore {
  const { pool } = options;
  const tableName = options.tableName ?? 'cashfree_webhook_inbox';
  const schema = options.schema === undefined ? undefined : quoteIdentifier(options.schema, 'schema');
  const table = `${schema ? `${schema}.` : ''}${quoteIdentifier(tableName, 'tableName')}`;
  const sql = inboxStatements(table, quoteIdentifier(`${tableName}_due`, 'tableName'), 'postgres');
  // A DO block runs as one transaction, so the advisory lock serialises instances migrating at once
  // (CREATE ... IF NOT EXISTS alone can still collide). Identifiers are validated above.
  const migration = `DO $cashfree_kit$ BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('cashfree-kit webhook inbox ' || ${literal(table)}));
    ${schema ? `CREATE SCHEMA IF NOT EXISTS ${schema};` : ''}
    ${sql.createTable};
    ${sql.createIndex};
  END $cashfree_kit$`;

  let migrated: Promise<void> | undefined;
  function migrate(): Promise<void> {
    migrated ??= pool.query(migration).then(
      () => undefined,
      (error: unknown) => {
        migrated = undefined; // let the next call try again
        throw error;
      },
    );
    return migrated;
  }
  async function query(text: string, params: unknown[]) {
    await migrate();
    return pool.query(text, params);
  }

  return {
    migrate,
    async record({ key, type, payload, now }) {
      const { rows } = await query(sql.record, [key, type, payload, now]);
      const record = recordFromRow(rows[0]);
      return { recorded: record.deliveries === 1, record };
    },
    async claim({ workerId, now, leaseMs, limit }) {
      return (await query(sql.claim, [workerId, now + leaseMs, now, limit])).rows.map(recordFromRow);
    },
    async renew(key, workerId, lockedUntil) {
      return (await query(sql.renew, [key, workerId, lockedUntil])).rows.length === 1;
    },
    async settle(key, workerId, outcome) {
      return (await query(sql.settle, settleParams(key, workerId, outcome))).rows.length === 1;
    },
    async get(key) {
      const { rows } = await query(sql.get, [key]);
      return rows[0] === undefined ? undefined : recordFromRow(rows[0]);
    },
    async list(query_) {
      return (await query(sql.list, listParams('postgres', query_))).rows.map(recordFromRow);
    },
    async redrive(key, now) {
      return (await query(sql.redrive, [key, now])).rows.length === 1;
    },
  };
}

function literal(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}
