/**
 * Version 1 of the sandbox database. Amounts are integer paise, times are epoch milliseconds on
 * the sandbox clock, `details` columns hold the request fields the sandbox only echoes back.
 *
 * Indexes are chosen so that create-order is one INSERT touching append-friendly B-trees (rowid,
 * ACTIVE orders by expiry) plus the `order_id` unique index; the payment session id carries the
 * rowid, so it needs no index of its own.
 */
export const initialSchema = `
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE orders (
  cf_order_id INTEGER PRIMARY KEY,
  order_id TEXT NOT NULL UNIQUE,
  payment_session_id TEXT NOT NULL,
  status TEXT NOT NULL,
  amount INTEGER NOT NULL,
  currency TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  cf_link_id INTEGER,
  details TEXT NOT NULL
);
CREATE INDEX orders_by_link ON orders (cf_link_id) WHERE cf_link_id IS NOT NULL;
-- Order expiry is due-time data of its own: the scheduler reads ACTIVE orders by expires_at
-- instead of keeping a jobs row per order.
CREATE INDEX orders_active_by_expiry ON orders (expires_at) WHERE status = 'ACTIVE';

CREATE TABLE payments (
  cf_payment_id INTEGER PRIMARY KEY,
  cf_order_id INTEGER NOT NULL,
  status TEXT NOT NULL,
  amount INTEGER NOT NULL,
  method TEXT NOT NULL,
  channel TEXT NOT NULL,
  payment_group TEXT NOT NULL,
  instrument TEXT NOT NULL,
  scenario TEXT NOT NULL,
  message TEXT NOT NULL,
  error TEXT,
  bank_reference TEXT,
  auth_id TEXT,
  otp_attempts INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  completed_at INTEGER
);
CREATE INDEX payments_by_order ON payments (cf_order_id);

CREATE TABLE refunds (
  cf_refund_id INTEGER PRIMARY KEY,
  cf_order_id INTEGER NOT NULL,
  cf_payment_id INTEGER NOT NULL,
  refund_id TEXT NOT NULL,
  status TEXT NOT NULL,
  amount INTEGER NOT NULL,
  refund_type TEXT NOT NULL,
  speed TEXT NOT NULL,
  note TEXT,
  fingerprint TEXT NOT NULL,
  details TEXT NOT NULL,
  arn TEXT,
  status_description TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  processed_at INTEGER,
  UNIQUE (cf_order_id, refund_id)
);

CREATE TABLE links (
  cf_link_id INTEGER PRIMARY KEY,
  link_id TEXT NOT NULL UNIQUE,
  link_code TEXT NOT NULL UNIQUE,
  status TEXT NOT NULL,
  amount INTEGER NOT NULL,
  amount_paid INTEGER NOT NULL DEFAULT 0,
  currency TEXT NOT NULL,
  partial_payments INTEGER NOT NULL,
  minimum_partial_amount INTEGER,
  purpose TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  details TEXT NOT NULL
);

CREATE TABLE settlements (
  cf_settlement_id INTEGER PRIMARY KEY,
  status TEXT NOT NULL,
  utr TEXT NOT NULL UNIQUE,
  cycle_day TEXT NOT NULL,
  payment_from INTEGER NOT NULL,
  payment_till INTEGER NOT NULL,
  initiated_at INTEGER NOT NULL,
  processed_at INTEGER,
  payment_amount INTEGER NOT NULL,
  refund_amount INTEGER NOT NULL,
  service_charge INTEGER NOT NULL,
  service_tax INTEGER NOT NULL,
  amount_settled INTEGER NOT NULL
);
CREATE INDEX settlements_by_initiated ON settlements (initiated_at);

-- One row per money movement that a settlement carries: a captured payment (CREDIT) or a
-- processed refund (DEBIT). cf_settlement_id stays NULL until a settlement cycle picks it up.
CREATE TABLE settlement_items (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  cf_order_id INTEGER NOT NULL,
  cf_payment_id INTEGER NOT NULL,
  cf_refund_id INTEGER,
  amount INTEGER NOT NULL,
  service_charge INTEGER NOT NULL,
  service_tax INTEGER NOT NULL,
  event_time INTEGER NOT NULL,
  cf_settlement_id INTEGER
);
CREATE INDEX settlement_items_by_order ON settlement_items (cf_order_id);
CREATE INDEX settlement_items_by_settlement ON settlement_items (cf_settlement_id);
CREATE INDEX settlement_items_unsettled ON settlement_items (event_time) WHERE cf_settlement_id IS NULL;

CREATE TABLE simulations (
  simulation_id TEXT PRIMARY KEY,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  payment_status TEXT NOT NULL,
  payment_error_code TEXT,
  created_at INTEGER NOT NULL
) WITHOUT ROWID;

-- Stored responses for x-idempotency-key replays, scoped by app id. fingerprint hashes method,
-- path and raw body, so the same key with another body is detected (422 idempotency_error).
CREATE TABLE idempotency_keys (
  app_id TEXT NOT NULL,
  idempotency_key TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  status INTEGER NOT NULL,
  body TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (app_id, idempotency_key)
) WITHOUT ROWID;

-- Time-driven transitions waiting for their moment on the sandbox clock (see scheduler/).
-- (kind, ref) is the key, so that scheduling the same transition twice moves it.
CREATE TABLE jobs (
  kind TEXT NOT NULL,
  ref TEXT NOT NULL,
  due_at INTEGER NOT NULL,
  payload TEXT,
  PRIMARY KEY (kind, ref)
) WITHOUT ROWID;
CREATE INDEX jobs_by_due ON jobs (due_at);

-- The outbox of domain events for webhook delivery. A row is appended in the same transaction as
-- the state change it reports, so an acknowledged change always has its event and a rolled-back
-- one never does.
--   type             Cashfree's webhook type: PAYMENT_SUCCESS_WEBHOOK, PAYMENT_FAILED_WEBHOOK,
--                    PAYMENT_USER_DROPPED_WEBHOOK, REFUND_STATUS_WEBHOOK, PAYMENT_LINK_EVENT,
--                    SETTLEMENT_INITIATED, SETTLEMENT_SUCCESS
--   order_id …       the merchant order id and the Cashfree ids the event is about (NULL when n/a)
--   data             JSON: the webhook's "data" object in the 2025-01-01 shape, as of this change
--   created_at       sandbox-clock epoch ms (the webhook's event_time)
CREATE TABLE events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  type TEXT NOT NULL,
  order_id TEXT,
  cf_payment_id TEXT,
  cf_refund_id TEXT,
  link_id TEXT,
  cf_settlement_id TEXT,
  data TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
`;
