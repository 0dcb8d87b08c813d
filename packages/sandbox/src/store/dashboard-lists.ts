import type { ApiRequestRow, ApiRequestsTable } from './api-requests.js';
import type { Db } from './database.js';
import type { LinkRow } from './links.js';
import type { OrderRow } from './orders.js';
import type { PaymentRow } from './payments.js';
import type { RefundRow } from './refunds.js';
import type { SettlementRow } from './settlements.js';

/**
 * Where a page of a list starts: `before` an id (towards older rows), `after` one (towards newer
 * rows), or at the newest. Keyset paging on each table's integer key, so a page costs the same at
 * the millionth row as at the first, and rows arriving meanwhile do not shift the pages.
 */
export interface Cursor {
  before?: number | undefined;
  after?: number | undefined;
  limit: number;
}

/** One page, newest first, with the cursors of its neighbours when they exist. */
export interface Page<Row> {
  rows: Row[];
  /** `after` for the page of newer rows. */
  newer: number | undefined;
  /** `before` for the page of older rows. */
  older: number | undefined;
}

/** A payment as listed, with the `order_id` of its order. */
export type PaymentListRow = PaymentRow & { order_id: string };
/** A refund as listed, with its order's `order_id` and the refunded payment's method. */
export type RefundListRow = RefundRow & { order_id: string; payment_group: string | null };

interface Query {
  /** `SELECT … FROM …` with the alias `t` for the listed table. */
  from: string;
  /** The integer key of `t` the pages follow. */
  key: string;
  where: Array<[clause: string, value: string | number | undefined]>;
}

/** A filter value, or `undefined` when the field was left empty. */
const given = (value: string | undefined) => (value === undefined || value === '' ? undefined : value);

/**
 * The dashboard's list pages (orders, payments, refunds, links, settlements, webhook deliveries):
 * each filtered by its columns and paged with a {@link Cursor}.
 */
export class DashboardLists {
  constructor(
    private readonly db: Db,
    private readonly requestLog: ApiRequestsTable,
  ) {}

  /** The API request log; `statusClass` 2, 4 or 5 for 2xx, 4xx or 5xx. */
  requests(
    filter: {
      statusClass?: number | undefined;
      pathContains?: string | undefined;
      orderId?: string | undefined;
      method?: string | undefined;
    },
    cursor: Cursor,
  ): Page<ApiRequestRow> {
    this.requestLog.flush();
    return this.#page<ApiRequestRow>(
      {
        from: 'SELECT t.* FROM api_requests t',
        key: 'id',
        where: [
          ['t.status / 100 = ?', filter.statusClass],
          ['instr(t.path, ?) > 0', given(filter.pathContains)],
          ['t.order_id = ?', given(filter.orderId)],
          ['t.method = ?', given(filter.method)?.toUpperCase()],
        ],
      },
      cursor,
    );
  }

  orders(
    filter: { status?: string | undefined; orderId?: string | undefined },
    cursor: Cursor,
  ): Page<OrderRow> {
    return this.#page<OrderRow>(
      {
        from: 'SELECT t.* FROM orders t',
        key: 'cf_order_id',
        where: [
          ['t.status = ?', given(filter.status)],
          ['t.order_id = ?', given(filter.orderId)],
        ],
      },
      cursor,
    );
  }

  payments(
    filter: { status?: string | undefined; method?: string | undefined; orderId?: string | undefined },
    cursor: Cursor,
  ): Page<PaymentListRow> {
    return this.#page<PaymentListRow>(
      {
        from: 'SELECT t.*, o.order_id FROM payments t JOIN orders o ON o.cf_order_id = t.cf_order_id',
        key: 'cf_payment_id',
        where: [
          ['t.status = ?', given(filter.status)],
          // The method the customer chose (card, upi…) or its group (credit_card, net_banking…).
          ['? IN (t.method, t.payment_group)', given(filter.method)?.toLowerCase()],
          ['o.order_id = ?', given(filter.orderId)],
        ],
      },
      cursor,
    );
  }

  refunds(
    filter: {
      status?: string | undefined;
      method?: string | undefined;
      speed?: string | undefined;
      orderId?: string | undefined;
    },
    cursor: Cursor,
  ): Page<RefundListRow> {
    return this.#page<RefundListRow>(
      {
        from: `SELECT t.*, o.order_id, p.payment_group FROM refunds t
          JOIN orders o ON o.cf_order_id = t.cf_order_id
          LEFT JOIN payments p ON p.cf_payment_id = t.cf_payment_id`,
        key: 'cf_refund_id',
        where: [
          ['t.status = ?', given(filter.status)],
          ['? IN (p.method, p.payment_group)', given(filter.method)?.toLowerCase()],
          ['t.speed = ?', given(filter.speed)?.toUpperCase()],
          ['o.order_id = ?', given(filter.orderId)],
        ],
      },
      cursor,
    );
  }

  links(filter: { status?: string | undefined }, cursor: Cursor): Page<LinkRow> {
    return this.#page<LinkRow>(
      { from: 'SELECT t.* FROM links t', key: 'cf_link_id', where: [['t.status = ?', given(filter.status)]] },
      cursor,
    );
  }

  settlements(filter: { status?: string | undefined }, cursor: Cursor): Page<SettlementRow> {
    return this.#page<SettlementRow>(
      {
        from: 'SELECT t.* FROM settlements t',
        key: 'cf_settlement_id',
        where: [['t.status = ?', given(filter.status)]],
      },
      cursor,
    );
  }

  /** Webhook deliveries (rows of `webhook_deliveries`, whose type the webhooks module owns). */
  deliveries<Row extends { seq: number }>(
    filter: { status?: string | undefined; eventType?: string | undefined; orderId?: string | undefined },
    cursor: Cursor,
  ): Page<Row> {
    return this.#page<Row>(
      {
        from: 'SELECT t.* FROM webhook_deliveries t',
        key: 'seq',
        where: [
          ['t.status = ?', given(filter.status)],
          ['t.event_type = ?', given(filter.eventType)?.toUpperCase()],
          ['t.order_id = ?', given(filter.orderId)],
        ],
      },
      cursor,
    );
  }

  /**
   * One page: a row more than asked for tells whether the list goes on in the direction of
   * travel; the other direction goes on whenever the page was reached from a cursor (the row the
   * cursor names matched the same filter).
   */
  #page<Row>(query: Query, cursor: Cursor): Page<Row> {
    const key = `t.${query.key}`;
    const clauses: string[] = [];
    const args: Array<string | number> = [];
    for (const [clause, value] of query.where) {
      if (value === undefined) continue;
      clauses.push(clause);
      args.push(value);
    }
    const towardsNewer = cursor.before === undefined && cursor.after !== undefined;
    if (cursor.before !== undefined) {
      clauses.push(`${key} < ?`);
      args.push(cursor.before);
    } else if (cursor.after !== undefined) {
      clauses.push(`${key} > ?`);
      args.push(cursor.after);
    }
    const sql = `${query.from} ${clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''}
      ORDER BY ${key} ${towardsNewer ? 'ASC' : 'DESC'} LIMIT ?`;
    const fetched = this.db.prepare<Array<string | number>, Row>(sql).all(...args, cursor.limit + 1);
    const more = fetched.length > cursor.limit;
    const rows = fetched.slice(0, cursor.limit);
    if (towardsNewer) rows.reverse();
    const keyOf = (row: Row | undefined) =>
      row === undefined ? undefined : ((row as Record<string, unknown>)[query.key] as number);
    const first = keyOf(rows[0]);
    const last = keyOf(rows.at(-1));
    const fromCursor = cursor.before !== undefined || cursor.after !== undefined;
    return {
      rows,
      newer: (towardsNewer ? more : cursor.before !== undefined) ? first : undefined,
      older: (towardsNewer ? fromCursor : more) ? last : undefined,
    };
  }
}
