/**
 * Reads a stopped sandbox's SQLite file directly, bypassing its API, so that the reliability
 * suites check what was durably stored rather than what an endpoint chooses to show. Amounts are
 * integer paise, as the sandbox stores them. Opened through the sandbox's SQLite seam, so it reads
 * with the driver the sandbox wrote with (node:sqlite on Node 22.13+, else better-sqlite3).
 */
import { openSqlite } from '../../../packages/sandbox/src/store/sqlite/index.ts';

export interface LedgerOrder {
  cf_order_id: number;
  order_id: string;
  status: string;
  amount: number;
  payment_session_id: string;
  order_tags: Record<string, string> | null;
  notify_url: string | null;
}

export interface LedgerPayment {
  cf_payment_id: number;
  cf_order_id: number;
  status: string;
  amount: number;
}

export interface LedgerRefund {
  cf_refund_id: number;
  cf_order_id: number;
  cf_payment_id: number;
  refund_id: string;
  status: string;
  amount: number;
  refund_type: string;
}

export interface LedgerEvent {
  id: number;
  type: string;
  order_id: string | null;
}

export interface LedgerDelivery {
  event_id: number;
  url: string;
  status: string;
  idempotency_key: string | null;
  attempts_made: number;
}

export interface Ledger {
  orders: LedgerOrder[];
  payments: LedgerPayment[];
  refunds: LedgerRefund[];
  /** The webhook outbox. */
  events: LedgerEvent[];
  webhookDeliveries: LedgerDelivery[];
}

/** Orders, payments, refunds, outbox events and webhook deliveries of `file` (the sandbox must be stopped). */
export function readLedger(file: string): Ledger {
  const db = openSqlite(file, { readonly: true });
  try {
    const orders = db
      .prepare('SELECT cf_order_id, order_id, status, amount, payment_session_id, details FROM orders')
      .all() as Array<Omit<LedgerOrder, 'order_tags' | 'notify_url'> & { details: string }>;
    return {
      orders: orders.map(({ details, ...order }) => {
        const parsed = JSON.parse(details) as {
          order_tags: Record<string, string> | null;
          order_meta: { notify_url?: string } | null;
        };
        return { ...order, order_tags: parsed.order_tags, notify_url: parsed.order_meta?.notify_url ?? null };
      }),
      payments: db
        .prepare('SELECT cf_payment_id, cf_order_id, status, amount FROM payments')
        .all() as LedgerPayment[],
      refunds: db
        .prepare(
          'SELECT cf_refund_id, cf_order_id, cf_payment_id, refund_id, status, amount, refund_type FROM refunds',
        )
        .all() as LedgerRefund[],
      events: db.prepare('SELECT id, type, order_id FROM events').all() as LedgerEvent[],
      webhookDeliveries: db
        .prepare('SELECT event_id, url, status, idempotency_key, attempts_made FROM webhook_deliveries')
        .all() as LedgerDelivery[],
    };
  } finally {
    db.close();
  }
}

/** Groups rows by a key. */
export function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}
