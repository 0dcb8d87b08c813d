/**
 * The store's own SQLite database: its orders, refunds and payment links as the shop knows them,
 * every Cashfree call it made (for the "what happened" panels) and refused webhooks. The webhook
 * inbox keeps its table in the same file, so one restart-proof file holds the whole shop.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

export type StoreDatabase = Database.Database;

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
  -- The shop's view, moved only by verified webhooks (through the inbox).
  status             TEXT NOT NULL,
  created_at         INTEGER NOT NULL,
  paid_at            INTEGER
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
  error            TEXT
);
CREATE INDEX IF NOT EXISTS api_calls_subject ON api_calls (subject, id);
CREATE TABLE IF NOT EXISTS webhook_rejections (
  id       INTEGER PRIMARY KEY AUTOINCREMENT,
  at       INTEGER NOT NULL,
  reason   TEXT NOT NULL,
  message  TEXT NOT NULL
);
`;

/** Opens (and creates) the database file, or an in-memory one for `:memory:`. */
export function openDatabase(filename: string): StoreDatabase {
  if (filename !== ':memory:') mkdirSync(dirname(filename), { recursive: true });
  const db = new Database(filename);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  db.exec(SCHEMA);
  return db;
}
