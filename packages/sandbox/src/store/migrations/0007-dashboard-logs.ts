/**
 * Version 7: what the dashboard shows beyond the entities.
 *
 * `api_requests` is the API request log: one row per call to `/pg` or `/payout`, the newest
 * 1,000 kept (older rows are deleted by id as new ones arrive). Headers and bodies are stored with
 * every spelling of the client secrets removed, and `x-client-secret` never stored at all.
 *
 *   at                sandbox-clock epoch ms when the request arrived
 *   latency_ms        real milliseconds from arrival to the response
 *   request_id        the caller's x-request-id; idempotency_key its x-idempotency-key
 *   replayed          1 when the answer was a stored idempotent response
 *   order_id          the order the call was about (path, body or answer), for the order's page
 *   request_headers   JSON object, secrets removed
 *   request_body / response_body   text, secrets removed, cut at 16 KiB
 *
 * `clock_advances` is what each clock advance ran: JSON objects of job counts by kind (and the
 * failures), and of the domain events (the webhooks they queue) by type.
 */
export const dashboardLogsSchema = `
CREATE TABLE api_requests (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  method TEXT NOT NULL,
  path TEXT NOT NULL,
  status INTEGER NOT NULL,
  latency_ms REAL NOT NULL,
  request_id TEXT,
  idempotency_key TEXT,
  replayed INTEGER NOT NULL,
  order_id TEXT,
  request_headers TEXT NOT NULL,
  request_body TEXT,
  response_body TEXT
);
CREATE INDEX api_requests_by_order ON api_requests (order_id) WHERE order_id IS NOT NULL;

CREATE TABLE clock_advances (
  id INTEGER PRIMARY KEY,
  from_at INTEGER NOT NULL,
  to_at INTEGER NOT NULL,
  ran TEXT NOT NULL,
  failed TEXT NOT NULL,
  events TEXT NOT NULL
);
`;
