import type { WebhookEvent } from 'cashfree-kit/webhooks';
import type { InboxEntry, WebhookInbox } from 'cashfree-kit/webhooks/inbox';
import { type Subject, subjectOf } from '../webhooks/subject.js';
import type { StoreDatabase } from './database.js';

/** A page of inbox keys, newest first, and how many there are in all. */
export interface KeyPage {
  keys: string[];
  total: number;
}

/**
 * The shop's index of the webhooks its inbox holds: which order or link each is about, and the
 * HTTP status the store answered each delivery with. The inbox can only list everything oldest
 * first; this lets a page ask for one order's events, or the newest 50, in SQL.
 */
export class WebhookLog {
  constructor(private readonly db: StoreDatabase) {}

  /** Indexes an event the inbox stored under `key` (a repeat delivery changes nothing). */
  received(key: string, event: WebhookEvent, at: number): void {
    const subject = subjectOf(event);
    this.db
      .prepare(
        `INSERT OR IGNORE INTO webhook_events (inbox_key, type, subject_kind, subject_id, received_at)
         VALUES (?, ?, ?, ?, ?)`,
      )
      .run(
        key,
        event.type === 'unknown' ? event.receivedType : event.type,
        subject?.kind ?? null,
        subject?.id ?? null,
        at,
      );
  }

  /** Records the status the store answered one delivery of `key` with. */
  answered(key: string, status: number, at: number): void {
    this.db
      .prepare('INSERT INTO webhook_answers (inbox_key, at, status) VALUES (?, ?, ?)')
      .run(key, at, status);
  }

  /** Every event, newest first: `limit` of them after skipping `offset`. */
  newest(limit: number, offset = 0): KeyPage {
    const rows = this.db
      .prepare('SELECT inbox_key FROM webhook_events ORDER BY rowid DESC LIMIT ? OFFSET ?')
      .all(limit, offset) as Array<{ inbox_key: string }>;
    const { total } = this.db.prepare('SELECT COUNT(*) AS total FROM webhook_events').get() as {
      total: number;
    };
    return { keys: rows.map((row) => row.inbox_key), total };
  }

  /** The latest `limit` events about one order or link, newest first. */
  about(subject: Subject, limit: number): KeyPage {
    const where = 'WHERE subject_kind = ? AND subject_id = ?';
    const rows = this.db
      .prepare(`SELECT inbox_key FROM webhook_events ${where} ORDER BY rowid DESC LIMIT ?`)
      .all(subject.kind, subject.id, limit) as Array<{ inbox_key: string }>;
    const { total } = this.db
      .prepare(`SELECT COUNT(*) AS total FROM webhook_events ${where}`)
      .get(subject.kind, subject.id) as { total: number };
    return { keys: rows.map((row) => row.inbox_key), total };
  }

  /** The statuses the store answered each delivery of `key` with, oldest first. */
  answers(key: string): number[] {
    const rows = this.db
      .prepare('SELECT status FROM webhook_answers WHERE inbox_key = ? ORDER BY id')
      .all(key) as Array<{ status: number }>;
    return rows.map((row) => row.status);
  }

  /**
   * Indexes what an inbox holds, once, for a database made before this index existed; its past
   * answers were not recorded, and the pages say so rather than guess them.
   */
  async backfill(inbox: Pick<WebhookInbox, 'list'>): Promise<number> {
    if (this.db.prepare('SELECT 1 FROM webhook_events LIMIT 1').get() !== undefined) return 0;
    const entries = await inbox.list();
    this.db.transaction(() => {
      for (const entry of entries) this.received(entry.key, entry.event, entry.receivedAt);
    });
    return entries.length;
  }
}

/** An inbox entry with the answers the store gave its deliveries. */
export interface LoggedWebhook {
  entry: InboxEntry;
  answers: number[];
}

/** The inbox entries of `keys`, in that order, with their answers (a key the inbox lost is skipped). */
export async function loadWebhooks(
  inbox: Pick<WebhookInbox, 'get'>,
  log: WebhookLog,
  keys: readonly string[],
): Promise<LoggedWebhook[]> {
  const found: LoggedWebhook[] = [];
  for (const key of keys) {
    const entry = await inbox.get(key);
    if (entry) found.push({ entry, answers: log.answers(key) });
  }
  return found;
}
