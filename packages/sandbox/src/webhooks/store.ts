import type { WebhookVersion } from 'cashfree-kit';
import type { Db } from '../store/database.js';

/** A row of `webhook_endpoints`. */
export interface EndpointRow {
  id: string;
  url: string;
  version: WebhookVersion;
  created_at: number;
  /** Comma-separated product names whose events it receives; `null`: every product's. */
  products: string | null;
}

/**
 * Where a delivery stands.
 *
 * @example
 * const finished = (status: DeliveryStatus) => status !== 'pending';
 */
export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

/** A row of `webhook_deliveries` (see migrations/0002-webhooks.ts). */
export interface DeliveryRow {
  seq: number;
  id: string;
  event_id: number;
  event_type: string;
  order_id: string | null;
  url: string;
  endpoint_id: string | null;
  version: WebhookVersion;
  body: string;
  idempotency_key: string | null;
  status: DeliveryStatus;
  attempts_made: number;
  next_attempt_at: number | null;
  /** JSON object of header name → value. */
  request_headers: string;
  created_at: number;
}

/** A row of `webhook_attempts`. */
export interface AttemptRow {
  delivery_seq: number;
  attempt: number;
  at: number;
  status_code: number | null;
  latency_ms: number;
  error: string | null;
  response_body: string | null;
}

/** Which deliveries a listing asks for. */
export interface DeliveryFilter {
  endpointId?: string | undefined;
  orderId?: string | undefined;
  eventId?: number | undefined;
  /** Only deliveries with `seq` greater than this. */
  after: number;
  limit: number;
  /** Newest first (the dashboard) instead of oldest first (the admin API). */
  newestFirst?: boolean;
}

/** Prepared statements for the webhook tables. */
export class WebhookTables {
  readonly #db: Db;
  readonly #insertEndpoint;
  readonly #endpoints;
  readonly #endpoint;
  readonly #deleteEndpoint;
  readonly #insertDelivery;
  readonly #byId;
  readonly #bySeq;
  readonly #due;
  readonly #nextDue;
  readonly #update;
  readonly #insertAttempt;
  readonly #attempts;

  constructor(db: Db) {
    this.#db = db;
    this.#insertEndpoint = db.prepare<EndpointRow>(
      'INSERT INTO webhook_endpoints (id, url, version, created_at, products) VALUES (@id, @url, @version, @created_at, @products)',
    );
    this.#endpoints = db.prepare<[], EndpointRow>('SELECT * FROM webhook_endpoints ORDER BY created_at, id');
    this.#endpoint = db.prepare<[string], EndpointRow>('SELECT * FROM webhook_endpoints WHERE id = ?');
    this.#deleteEndpoint = db.prepare<[string]>('DELETE FROM webhook_endpoints WHERE id = ?');
    this.#insertDelivery = db.prepare<Omit<DeliveryRow, 'seq'>>(
      `INSERT INTO webhook_deliveries (id, event_id, event_type, order_id, url, endpoint_id, version, body,
         idempotency_key, status, attempts_made, next_attempt_at, request_headers, created_at)
       VALUES (@id, @event_id, @event_type, @order_id, @url, @endpoint_id, @version, @body,
         @idempotency_key, @status, @attempts_made, @next_attempt_at, @request_headers, @created_at)`,
    );
    this.#byId = db.prepare<[string], DeliveryRow>('SELECT * FROM webhook_deliveries WHERE id = ?');
    this.#bySeq = db.prepare<[number], DeliveryRow>('SELECT * FROM webhook_deliveries WHERE seq = ?');
    this.#due = db.prepare<[number, number], DeliveryRow>(
      `SELECT * FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= ?
       ORDER BY next_attempt_at, seq LIMIT ?`,
    );
    this.#nextDue = db.prepare<[], { at: number | null }>(
      "SELECT MIN(next_attempt_at) AS at FROM webhook_deliveries WHERE status = 'pending'",
    );
    this.#update = db.prepare<
      Pick<DeliveryRow, 'seq' | 'status' | 'attempts_made' | 'next_attempt_at' | 'request_headers'>
    >(
      `UPDATE webhook_deliveries SET status = @status, attempts_made = @attempts_made,
         next_attempt_at = @next_attempt_at, request_headers = @request_headers WHERE seq = @seq`,
    );
    this.#insertAttempt = db.prepare<AttemptRow>(
      `INSERT OR REPLACE INTO webhook_attempts (delivery_seq, attempt, at, status_code, latency_ms, error, response_body)
       VALUES (@delivery_seq, @attempt, @at, @status_code, @latency_ms, @error, @response_body)`,
    );
    this.#attempts = db.prepare<[number], AttemptRow>(
      'SELECT * FROM webhook_attempts WHERE delivery_seq = ? ORDER BY attempt',
    );
  }

  insertEndpoint(row: EndpointRow): void {
    this.#insertEndpoint.run(row);
  }

  endpoints(): EndpointRow[] {
    return this.#endpoints.all();
  }

  endpoint(id: string): EndpointRow | undefined {
    return this.#endpoint.get(id);
  }

  /** Removes an endpoint; its past deliveries stay (with their `endpoint_id`). True when it existed. */
  deleteEndpoint(id: string): boolean {
    return this.#deleteEndpoint.run(id).changes > 0;
  }

  /** Inserts a delivery and returns it with its `seq`. */
  insertDelivery(row: Omit<DeliveryRow, 'seq'>): DeliveryRow {
    const result = this.#insertDelivery.run(row);
    return { seq: Number(result.lastInsertRowid), ...row };
  }

  byId(id: string): DeliveryRow | undefined {
    return this.#byId.get(id);
  }

  bySeq(seq: number): DeliveryRow | undefined {
    return this.#bySeq.get(seq);
  }

  /** Pending deliveries whose next attempt is due at `now`, earliest first. */
  due(now: number, limit: number): DeliveryRow[] {
    return this.#due.all(now, limit);
  }

  /** The earliest `next_attempt_at` of a pending delivery. */
  nextDueAt(): number | undefined {
    return this.#nextDue.get()?.at ?? undefined;
  }

  update(
    row: Pick<DeliveryRow, 'seq' | 'status' | 'attempts_made' | 'next_attempt_at' | 'request_headers'>,
  ): void {
    this.#update.run({
      seq: row.seq,
      status: row.status,
      attempts_made: row.attempts_made,
      next_attempt_at: row.next_attempt_at,
      request_headers: row.request_headers,
    });
  }

  insertAttempt(row: AttemptRow): void {
    this.#insertAttempt.run(row);
  }

  attempts(seq: number): AttemptRow[] {
    return this.#attempts.all(seq);
  }

  /** Deliveries matching `filter`, by `seq`. */
  list(filter: DeliveryFilter): DeliveryRow[] {
    const clauses = ['seq > ?'];
    const params: unknown[] = [filter.after];
    if (filter.endpointId !== undefined) {
      clauses.push('endpoint_id = ?');
      params.push(filter.endpointId);
    }
    if (filter.orderId !== undefined) {
      clauses.push('order_id = ?');
      params.push(filter.orderId);
    }
    if (filter.eventId !== undefined) {
      clauses.push('event_id = ?');
      params.push(filter.eventId);
    }
    params.push(filter.limit);
    return this.#db
      .prepare<unknown[], DeliveryRow>(
        `SELECT * FROM webhook_deliveries WHERE ${clauses.join(' AND ')}
         ORDER BY seq ${filter.newestFirst ? 'DESC' : 'ASC'} LIMIT ?`,
      )
      .all(...params);
  }

  /** Deletes every delivery and attempt (the admin reset); endpoints are configuration and stay. */
  wipeDeliveries(): void {
    this.#db.exec('DELETE FROM webhook_attempts; DELETE FROM webhook_deliveries;');
  }
}
