/**
 * Version 2: webhook delivery (see src/webhooks/). The `events` outbox says what happened; these
 * tables say who was told, how and with what result. Times are sandbox-clock epoch ms.
 */
export const webhooksSchema = `
-- Receivers registered through POST /_sandbox/webhooks/endpoints (the dashboard's "webhook
-- endpoints"). They get every event, in their own payload version. Kept across /_sandbox/reset.
CREATE TABLE webhook_endpoints (
  id TEXT PRIMARY KEY,
  url TEXT NOT NULL,
  version TEXT NOT NULL,
  created_at INTEGER NOT NULL
) WITHOUT ROWID;

-- One row per (event, target URL). The body is rendered once, so every retry sends the same bytes
-- under the same x-idempotency-key; only the timestamp, signature and attempt number change.
--   status           pending (an attempt is due at next_attempt_at, or in flight), delivered, failed
--   attempts_made    attempts recorded in webhook_attempts
--   request_headers  JSON: the headers of the latest attempt (or of the first, before it is sent)
CREATE TABLE webhook_deliveries (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  event_id INTEGER NOT NULL,
  event_type TEXT NOT NULL,
  order_id TEXT,
  url TEXT NOT NULL,
  endpoint_id TEXT,
  version TEXT NOT NULL,
  body TEXT NOT NULL,
  idempotency_key TEXT,
  status TEXT NOT NULL,
  attempts_made INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER,
  request_headers TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_by_order ON webhook_deliveries (order_id);
CREATE INDEX webhook_deliveries_by_endpoint ON webhook_deliveries (endpoint_id);

-- Every attempt of a delivery with what the receiver answered (body truncated).
CREATE TABLE webhook_attempts (
  delivery_seq INTEGER NOT NULL,
  attempt INTEGER NOT NULL,
  at INTEGER NOT NULL,
  status_code INTEGER,
  latency_ms INTEGER NOT NULL,
  error TEXT,
  response_body TEXT,
  PRIMARY KEY (delivery_seq, attempt)
) WITHOUT ROWID;
`;

/**
 * Events older than this migration were never meant to be delivered: start the fan-out cursor
 * (see webhooks/delivery.ts) after them, so upgrading a database does not replay its history.
 */
export const webhooksCursorStart = `
INSERT OR REPLACE INTO meta (key, value)
SELECT 'webhooks.fanned_out_through', CAST(COALESCE(MAX(id), 0) AS TEXT) FROM events;
`;
