import type { StoreDatabase } from './database.js';

/** A payment link the shop created. */
export interface ShopLink {
  link_id: string;
  link_url: string;
  purpose: string;
  amount_paise: number;
  amount_paid_paise: number;
  customer_name: string;
  customer_phone: string;
  /** ACTIVE when created; PAYMENT_LINK_EVENT moves it (PARTIALLY_PAID, PAID, EXPIRED, CANCELLED). */
  status: string;
  created_at: number;
  updated_at: number;
}

/** The shop's payment links table. */
export class LinksTable {
  constructor(private readonly db: StoreDatabase) {}

  insert(link: ShopLink): void {
    this.db
      .prepare(
        `INSERT INTO links (link_id, link_url, purpose, amount_paise, amount_paid_paise, customer_name,
           customer_phone, status, created_at, updated_at)
         VALUES (@link_id, @link_url, @purpose, @amount_paise, @amount_paid_paise, @customer_name,
           @customer_phone, @status, @created_at, @updated_at)`,
      )
      .run(link);
  }

  get(linkId: string): ShopLink | undefined {
    return this.db.prepare('SELECT * FROM links WHERE link_id = ?').get(linkId) as ShopLink | undefined;
  }

  /** Newest first. */
  recent(limit = 50): ShopLink[] {
    return this.db
      .prepare('SELECT * FROM links ORDER BY created_at DESC, rowid DESC LIMIT ?')
      .all(limit) as ShopLink[];
  }

  update(linkId: string, status: string, amountPaidPaise: number, at: number): void {
    this.db
      .prepare('UPDATE links SET status = ?, amount_paid_paise = ?, updated_at = ? WHERE link_id = ?')
      .run(status, amountPaidPaise, at, linkId);
  }
}
