/**
 * The store's own SQLite database: its orders, refunds and payment links as the shop knows them,
 * the supplier payouts it sent (db/payouts.ts), its "Tea of the month" subscriptions and their
 * charges (db/subscriptions.ts), every Cashfree call it made (for the "what
 * happened" panels), an index of the webhooks received with what the store answered, and refused
 * webhooks. The webhook inbox keeps its table in the same
 * file, so one restart-proof file holds the whole shop.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { PAYOUTS_SCHEMA } from './payouts.js';
import { openSqlite, type SqliteDatabase, type SqliteDriver } from './sqlite.js';
import { SUBSCRIPTIONS_SCHEMA } from './subscriptions.js';

export type StoreDatabase = SqliteDatabase;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS orders (
  order_id           TEXT PRIMARY KEY,
  cf_order_id        TEXT,
  amount_paise       INTEGER NOT NULL,
  customer_name      TEXT NOT NULL,
  customer_email     TEXT NOT NULL,
  customer_phone     TEXT NOT NULL,
  payment_session_id TEXT NOT NULL,
  checkout_target    TEXT NOT NULL,
  -- The shop's view, moved forward only: by verified webhooks (through the inbox) or by the
  -- return page's own GET /orders/{order_id}.
  status             TEXT NOT NULL,
  created_at         INTEGER NOT NULL,
  paid_at            INTEGER,
  -- Which of the two learnt first that the order was paid: 'webhook' or 'return page'.
  paid_via           TEXT
);
CREATE TABLE IF NOT EXISTS refunds (
  refund_id     TEXT PRIMARY KEY,
  order_id      TEXT NOT NULL REFERENCES orders(order_id),
  amount_paise  INTEGER NOT NULL,
  speed         TEXT NOT NULL,
  status        TEXT NOT NULL,
  created_at    INTEGER NOT NULL,
  updated_at    INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS links (
  link_id            TEXT PRIMARY KEY,
  link_url           TEXT NOT NULL,
  purpose            TEXT NOT NULL,
  amount_paise       INTEGER NOT NULL,
  amount_paid_paise  INTEGER NOT NULL,
  customer_name      TEXT NOT NULL,
  customer_phone     TEXT NOT NULL,
  status             TEXT NOT NULL,
  created_at         INTEGER NOT NULL,
  updated_at         INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS api_calls (
  id               INTEGER PRIMARY KEY AUTOINCREMENT,
  at               INTEGER NOT NULL,
  subject          TEXT NOT NULL,
  subject_kind     TEXT NOT NULL,
  source           TEXT NOT NULL,
  operation        TEXT NOT NULL,
  method           TEXT NOT NULL,
  url              TEXT NOT NULL,
  request_headers  TEXT,
  request_body     TEXT,
  status           INTEGER,
  response_body    TEXT,
  duration_ms      REAL,
  attempts         INTEGER NOT NULL,
  error            TEXT,
  -- The same read asked again with the same answer (a refreshing page) is one row, counted.
  repeats          INTEGER NOT NULL DEFAULT 1,
  last_at          INTEGER
);
CREATE INDEX IF NOT EXISTS api_calls_subject ON api_calls (subject, id);
-- One row per verified event the inbox holds (its dedupe key), with the order or link it is about,
-- so pages can ask SQL for one order's webhooks, or a page of the newest, instead of reading the
-- whole inbox.
CREATE TABLE IF NOT EXISTS webhook_events (
  inbox_key     TEXT PRIMARY KEY,
  type          TEXT NOT NULL,
  subject_kind  TEXT,
  subject_id    TEXT,
  received_at   INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS webhook_events_subject ON webhook_events (subject_kind, subject_id);
-- What the store answered Cashfree, once per delivery of a verified event.
CREATE TABLE IF NOT EXISTS webhook_answers (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  inbox_key  TEXT NOT NULL,
  at         INTEGER NOT NULL,
  status     INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS webhook_answers_key ON webhook_answers (inbox_key, id);
CREATE TABLE IF NOT EXISTS webhook_rejections (
  id       INTEGER PRIMARY KEY AUTOINCREMENT,
  at       INTEGER NOT NULL,
  reason   TEXT NOT NULL,
  message  TEXT NOT NULL
);
`;

/**
 * Columns added after the store first shipped, with the statement that fills them in an older
 * file: `CREATE TABLE IF NOT EXISTS` leaves an existing table as it was.
 */
const ADDED_COLUMNS: ReadonlyArray<{ table: string; column: string; type: string; fill?: string }> = [
  {
    table: 'orders',
    column: 'paid_via',
    type: 'TEXT',
    // Before the return page recorded payments, only webhooks set paid_at.
    fill: "UPDATE orders SET paid_via = 'webhook' WHERE paid_at IS NOT NULL",
  },
  { table: 'api_calls', column: 'repeats', type: 'INTEGER NOT NULL DEFAULT 1' },
  { table: 'api_calls', column: 'last_at', type: 'INTEGER' },
  // Before "Charge now", every charge was one of the plan's cycles.
  { table: 'subscription_charges', column: 'on_demand', type: 'INTEGER NOT NULL DEFAULT 0' },
];

function addMissingColumns(db: StoreDatabase): void {
  for (const { table, column, type, fill } of ADDED_COLUMNS) {
    const columns = db.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>;
    if (columns.some((c) => c.name === column)) continue;
    db.transaction(() => {
      db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${type}`);
      if (fill) db.exec(fill);
    });
  }
}

/**
 * Opens (and creates) the database file, or an in-memory one for `:memory:`, on `driver` (default:
 * node:sqlite where the runtime has it, else better-sqlite3; see sqlite.ts).
 */
export function openDatabase(filename: string, driver?: SqliteDriver): StoreDatabase {
  if (filename !== ':memory:') mkdirSync(dirname(filename), { recursive: true });
  const db = openSqlite(filename, { driver });
  // The busy timeout first: switching to WAL takes a lock another process may hold, and
  // node:sqlite, unlike better-sqlite3, does not wait for one by default.
  db.exec('PRAGMA busy_timeout = 5000');
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA foreign_keys = ON');
  db.exec(SCHEMA);
  db.exec(PAYOUTS_SCHEMA);
  db.exec(SUBSCRIPTIONS_SCHEMA);
  addMissingColumns(db);
  return db;
}
