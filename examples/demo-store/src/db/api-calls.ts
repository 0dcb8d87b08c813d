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
}

const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));
const parse = (text: string | null) => (text === null ? undefined : (JSON.parse(text) as unknown));

/** The log of Cashfree calls. */
export class ApiCallsTable {
  constructor(private readonly db: StoreDatabase) {}

  insert(call: Omit<ApiCall, 'id'>): void {
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
        json(call.requestHeaders),
        json(call.requestBody),
        call.status,
        json(call.responseBody),
        call.durationMs,
        call.attempts,
        call.error,
      );
  }

  /** The calls about one order or link, oldest first. */
  forSubject(subject: string): ApiCall[] {
    return (
      this.db.prepare('SELECT * FROM api_calls WHERE subject = ? ORDER BY id').all(subject) as Row[]
    ).map(fromRow);
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
  };
}
