import type { SETTLEMENT_STATUSES } from 'cashfree-kit';
import type { Db } from './database.js';

/** Settlement statuses the sandbox moves through (SETTLEMENT_INITIATED → SETTLEMENT_SUCCESS). */
export type SettlementStatus = Extract<(typeof SETTLEMENT_STATUSES)[number], 'PENDING' | 'SUCCESS'>;

/** A row of `settlements`: one settlement cycle's transfer to the merchant. */
export interface SettlementRow {
  cf_settlement_id: number;
  status: SettlementStatus;
  utr: string;
  /** The IST day whose payments this settlement carries (`YYYY-MM-DD`). */
  cycle_day: string;
  payment_from: number;
  payment_till: number;
  initiated_at: number;
  processed_at: number | null;
  payment_amount: number;
  refund_amount: number;
  service_charge: number;
  service_tax: number;
  amount_settled: number;
}

/** A row of `settlement_items`: a captured payment (CREDIT) or a processed refund (DEBIT). */
export interface SettlementItemRow {
  id: number;
  kind: 'PAYMENT' | 'REFUND';
  cf_order_id: number;
  cf_payment_id: number;
  cf_refund_id: number | null;
  amount: number;
  service_charge: number;
  service_tax: number;
  event_time: number;
  cf_settlement_id: number | null;
}

/** Which settlements a `POST /settlements` or `/settlement/recon` call asks for. */
export interface SettlementFilter {
  cfSettlementIds?: number[];
  utrs?: string[];
  from?: number;
  till?: number;
}

function whereClause(filter: SettlementFilter, params: unknown[]): string {
  const clauses: string[] = [];
  if (filter.cfSettlementIds?.length) {
    clauses.push(`s.cf_settlement_id IN (${filter.cfSettlementIds.map(() => '?').join(',')})`);
    params.push(...filter.cfSettlementIds);
  }
  if (filter.utrs?.length) {
    clauses.push(`s.utr IN (${filter.utrs.map(() => '?').join(',')})`);
    params.push(...filter.utrs);
  }
  if (filter.from !== undefined) {
    clauses.push('s.initiated_at >= ?');
    params.push(filter.from);
  }
  if (filter.till !== undefined) {
    clauses.push('s.initiated_at <= ?');
    params.push(filter.till);
  }
  return clauses.length ? clauses.join(' AND ') : '1 = 1';
}

/** Prepared statements for `settlements` and `settlement_items`. */
export class SettlementsTable {
  readonly #db: Db;
  readonly #insert;
  readonly #byId;
  readonly #complete;
  readonly #insertItem;
  readonly #unsettledBefore;
  readonly #assign;
  readonly #itemsOf;
  readonly #paymentItemOf;
  readonly #recent;

  constructor(db: Db) {
    this.#db = db;
    this.#insert = db.prepare<SettlementRow>(
      `INSERT INTO settlements (cf_settlement_id, status, utr, cycle_day, payment_from, payment_till, initiated_at, processed_at, payment_amount, refund_amount, service_charge, service_tax, amount_settled)
       VALUES (@cf_settlement_id, @status, @utr, @cycle_day, @payment_from, @payment_till, @initiated_at, @processed_at, @payment_amount, @refund_amount, @service_charge, @service_tax, @amount_settled)`,
    );
    this.#byId = db.prepare<[number], SettlementRow>('SELECT * FROM settlements WHERE cf_settlement_id = ?');
    this.#complete = db.prepare<[number, number]>(
      "UPDATE settlements SET status = 'SUCCESS', processed_at = ? WHERE cf_settlement_id = ?",
    );
    this.#insertItem = db.prepare<Omit<SettlementItemRow, 'id' | 'cf_settlement_id'>>(
      `INSERT INTO settlement_items (kind, cf_order_id, cf_payment_id, cf_refund_id, amount, service_charge, service_tax, event_time)
       VALUES (@kind, @cf_order_id, @cf_payment_id, @cf_refund_id, @amount, @service_charge, @service_tax, @event_time)`,
    );
    this.#unsettledBefore = db.prepare<[number], SettlementItemRow>(
      'SELECT * FROM settlement_items WHERE cf_settlement_id IS NULL AND event_time < ? ORDER BY id',
    );
    this.#assign = db.prepare<[number, number]>(
      'UPDATE settlement_items SET cf_settlement_id = ? WHERE id = ?',
    );
    this.#itemsOf = db.prepare<[number], SettlementItemRow>(
      'SELECT * FROM settlement_items WHERE cf_settlement_id = ? ORDER BY id',
    );
    this.#paymentItemOf = db.prepare<[number], SettlementItemRow>(
      "SELECT * FROM settlement_items WHERE cf_order_id = ? AND kind = 'PAYMENT' ORDER BY id DESC LIMIT 1",
    );
    this.#recent = db.prepare<[number], SettlementRow>(
      'SELECT * FROM settlements ORDER BY cf_settlement_id DESC LIMIT ?',
    );
  }

  insert(row: SettlementRow): void {
    this.#insert.run(row);
  }

  byId(cfSettlementId: number): SettlementRow | undefined {
    return this.#byId.get(cfSettlementId);
  }

  markSuccess(cfSettlementId: number, processedAt: number): void {
    this.#complete.run(processedAt, cfSettlementId);
  }

  addItem(item: Omit<SettlementItemRow, 'id' | 'cf_settlement_id'>): void {
    this.#insertItem.run(item);
  }

  /** Items no settlement has carried yet, with an event time before `cutoff`. */
  unsettledBefore(cutoff: number): SettlementItemRow[] {
    return this.#unsettledBefore.all(cutoff);
  }

  assignItem(itemId: number, cfSettlementId: number): void {
    this.#assign.run(cfSettlementId, itemId);
  }

  itemsOf(cfSettlementId: number): SettlementItemRow[] {
    return this.#itemsOf.all(cfSettlementId);
  }

  /** The settlement item of an order's captured payment. */
  paymentItemOfOrder(cfOrderId: number): SettlementItemRow | undefined {
    return this.#paymentItemOf.get(cfOrderId);
  }

  /** A page of settlements matching `filter`, in id order, after the cursor id. */
  page(filter: SettlementFilter, afterId: number, limit: number): SettlementRow[] {
    const params: unknown[] = [];
    const where = whereClause(filter, params);
    return this.#db
      .prepare(
        `SELECT s.* FROM settlements s WHERE ${where} AND s.cf_settlement_id > ? ORDER BY s.cf_settlement_id LIMIT ?`,
      )
      .all(...params, afterId, limit) as SettlementRow[];
  }

  /** A page of settlement items whose settlement matches `filter`, after the cursor item id. */
  itemPage(filter: SettlementFilter, afterId: number, limit: number): SettlementItemRow[] {
    const params: unknown[] = [];
    const where = whereClause(filter, params);
    return this.#db
      .prepare(
        `SELECT i.* FROM settlement_items i JOIN settlements s ON s.cf_settlement_id = i.cf_settlement_id
         WHERE ${where} AND i.id > ? ORDER BY i.id LIMIT ?`,
      )
      .all(...params, afterId, limit) as SettlementItemRow[];
  }

  recent(limit: number): SettlementRow[] {
    return this.#recent.all(limit);
  }
}
