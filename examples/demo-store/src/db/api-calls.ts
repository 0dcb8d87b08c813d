import type { StoreDatabase } from './database.js';

/** One Cashfree API call the store made, as the "what happened" panels show it. */
export interface ApiCall {
  id: number;
  at: number;
  /** The order or link id the call was about. */
  subject: string;
  subjectKind: 'order' | 'link';
  /** Which part of the shop made it: `shop`, `return page`, `admin`, `webhook`. */
  source: string;
  /** The SDK method, e.g. `orders.create`. */
  operation: string;
  method: string;
  url: string;
  /** As the SDK's `onRequest` hook saw them: credential headers are `[REDACTED]`. */
  requestHeaders: Record<string, string> | null;
  requestBody: unknown;
  /** `null` when no response arrived (or nothing was sent: a `ValidationError`). */
  status: number | null;
  responseBody: unknown;
  durationMs: number | null;
  attempts: number;
  /** The error's name and message when the call failed. */
  error: string | null;
  /** How many times this read was made with this same answer (1 for every write). */
  repeats: number;
  /** When it was last made (`at` for a call made once). */
  lastAt: number;
}

interface Row {
  id: number;
  at: number;
  subject: string;
  subject_kind: 'order' | 'link';
  source: string;
  operation: string;
  method: string;
  url: string;
  request_headers: string | null;
  request_body: string | null;
  status: number | null;
  response_body: string | null;
  duration_ms: number | null;
  attempts: number;
  error: string | null;
  repeats: number;
  last_at: number | null;
}

const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));
const parse = (text: string | null) => (text === null ? undefined : (JSON.parse(text) as unknown));

/** The subject's calls, newest first, and how many there are in all. */
export interface CallPage {
  calls: ApiCall[];
  total: number;
}

/** The log of Cashfree calls. */
export class ApiCallsTable {
  /**
   * @param withoutSecret applied to every text column before it is stored: the SDK redacts the
   *   credential headers, but a body or an error can quote what a customer typed, whatever it was.
   */
  constructor(
    private readonly db: StoreDatabase,
    private readonly withoutSecret: (text: string) => string = (text) => text,
  ) {}

  #json(value: unknown): string | null {
    const text = json(value);
    return text === null ? null : this.withoutSecret(text);
  }

  /**
   * Records a call. A GET that gets the same answer as the last time the same part of the shop
   * asked the same thing is counted on that row instead: the return page re-asks every 3 s while
   * a payment is pending, and its panel should grow by one step per new answer, not per refresh.
   */
  record(call: Omit<ApiCall, 'id' | 'repeats' | 'lastAt'>): void {
    const status = call.status;
    const responseBody = this.#json(call.responseBody);
    const error = call.error === null ? null : this.withoutSecret(call.error);
    if (call.method === 'GET') {
      const last = this.db
        .prepare(
          `SELECT id, status, response_body, error FROM api_calls
           WHERE subject = ? AND source = ? AND operation = ? AND url = ? ORDER BY id DESC LIMIT 1`,
        )
        .get(call.subject, call.source, call.operation, call.url) as
        | Pick<Row, 'id' | 'status' | 'response_body' | 'error'>
        | undefined;
      if (last && last.status === status && last.response_body === responseBody && last.error === error) {
        this.db
          .prepare('UPDATE api_calls SET repeats = repeats + 1, last_at = ? WHERE id = ?')
          .run(call.at, last.id);
        return;
      }
    }
    this.db
      .prepare(
        `INSERT INTO api_calls (at, subject, subject_kind, source, operation, method, url, request_headers,
           request_body, status, response_body, duration_ms, attempts, error)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        call.at,
        call.subject,
        call.subjectKind,
        call.source,
        call.operation,
        call.method,
        call.url,
        this.#json(call.requestHeaders),
        this.#json(call.requestBody),
        status,
        responseBody,
        call.durationMs,
        call.attempts,
        error,
      );
  }

  /** The latest `limit` calls about one order or link, newest first, and their number. */
  forSubject(subject: string, limit = 100): CallPage {
    const calls = (
      this.db
        .prepare('SELECT * FROM api_calls WHERE subject = ? ORDER BY id DESC LIMIT ?')
        .all(subject, limit) as Row[]
    ).map(fromRow);
    const { total } = this.db
      .prepare('SELECT COUNT(*) AS total FROM api_calls WHERE subject = ?')
      .get(subject) as { total: number };
    return { calls, total };
  }

  /** The latest calls, newest first. */
  recent(limit = 20): ApiCall[] {
    return (this.db.prepare('SELECT * FROM api_calls ORDER BY id DESC LIMIT ?').all(limit) as Row[]).map(
      fromRow,
    );
  }
}

function fromRow(row: Row): ApiCall {
  return {
    id: row.id,
    at: row.at,
    subject: row.subject,
    subjectKind: row.subject_kind,
    source: row.source,
    operation: row.operation,
    method: row.method,
    url: row.url,
    requestHeaders: (parse(row.request_headers) as Record<string, string> | undefined) ?? null,
    requestBody: parse(row.request_body),
    status: row.status,
    responseBody: parse(row.response_body),
    durationMs: row.duration_ms,
    attempts: row.attempts,
    error: row.error,
    repeats: row.repeats,
    lastAt: row.last_at ?? row.at,
  };
}
