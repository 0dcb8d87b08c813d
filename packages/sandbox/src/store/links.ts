import type { CreateLinkRequest, LINK_STATUSES, VendorSplit } from 'cashfree-kit';
import type { Db } from './database.js';

/** A `link_status` the sandbox gives a link: one of the SDK's `LINK_STATUSES`. */
export type LinkStatus = (typeof LINK_STATUSES)[number];

/** A row of `links`. */
export interface LinkRow {
  cf_link_id: number;
  link_id: string;
  /** The short code in `link_url` (`/links/<code>`). */
  link_code: string;
  status: LinkStatus;
  amount: number;
  amount_paid: number;
  currency: string;
  partial_payments: 0 | 1;
  minimum_partial_amount: number | null;
  purpose: string;
  created_at: number;
  expires_at: number;
  /** JSON of {@link LinkDetails}. */
  details: string;
}

/** The request fields a link only echoes back. */
export interface LinkDetails {
  customer_details: Record<string, unknown>;
  link_meta: NonNullable<CreateLinkRequest['link_meta']>;
  link_notes: Record<string, string>;
  link_notify: NonNullable<CreateLinkRequest['link_notify']>;
  link_auto_reminders: boolean;
  order_splits: VendorSplit[];
}

/** Prepared statements for `links`. */
export class LinksTable {
  readonly #insert;
  readonly #byLinkId;
  readonly #byId;
  readonly #byCode;
  readonly #update;
  readonly #recent;

  constructor(db: Db) {
    this.#insert = db.prepare<LinkRow>(
      `INSERT INTO links (cf_link_id, link_id, link_code, status, amount, amount_paid, currency, partial_payments, minimum_partial_amount, purpose, created_at, expires_at, details)
       VALUES (@cf_link_id, @link_id, @link_code, @status, @amount, @amount_paid, @currency, @partial_payments, @minimum_partial_amount, @purpose, @created_at, @expires_at, @details)`,
    );
    this.#byLinkId = db.prepare<[string], LinkRow>('SELECT * FROM links WHERE link_id = ?');
    this.#byId = db.prepare<[number], LinkRow>('SELECT * FROM links WHERE cf_link_id = ?');
    this.#byCode = db.prepare<[string], LinkRow>('SELECT * FROM links WHERE link_code = ?');
    this.#update = db.prepare<Pick<LinkRow, 'cf_link_id' | 'status' | 'amount_paid'>>(
      'UPDATE links SET status = @status, amount_paid = @amount_paid WHERE cf_link_id = @cf_link_id',
    );
    this.#recent = db.prepare<[number], LinkRow>('SELECT * FROM links ORDER BY cf_link_id DESC LIMIT ?');
  }

  insert(row: LinkRow): void {
    this.#insert.run(row);
  }

  byLinkId(linkId: string): LinkRow | undefined {
    return this.#byLinkId.get(linkId);
  }

  byId(cfLinkId: number): LinkRow | undefined {
    return this.#byId.get(cfLinkId);
  }

  byCode(code: string): LinkRow | undefined {
    return this.#byCode.get(code);
  }

  update(row: LinkRow): void {
    this.#update.run({ cf_link_id: row.cf_link_id, status: row.status, amount_paid: row.amount_paid });
  }

  recent(limit: number): LinkRow[] {
    return this.#recent.all(limit);
  }
}
