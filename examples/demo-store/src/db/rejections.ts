import type { StoreDatabase } from './database.js';

/** A delivery to the webhook route that failed verification. */
export interface WebhookRejection {
  id: number;
  at: number;
  /** `WebhookVerificationError.reason`, e.g. `invalid_signature`. */
  reason: string;
  message: string;
}

/** Deliveries the webhook route refused, so the events page can show them. */
export class RejectionsTable {
  constructor(private readonly db: StoreDatabase) {}

  insert(reason: string, message: string, at: number): void {
    this.db
      .prepare('INSERT INTO webhook_rejections (at, reason, message) VALUES (?, ?, ?)')
      .run(at, reason, message);
  }

  /** Newest first. */
  recent(limit = 20): WebhookRejection[] {
    return this.db
      .prepare('SELECT * FROM webhook_rejections ORDER BY id DESC LIMIT ?')
      .all(limit) as WebhookRejection[];
  }
}
