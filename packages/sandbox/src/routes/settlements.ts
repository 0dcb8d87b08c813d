import { OPERATIONS } from 'cashfree-kit';
import { orderSettlementEntity, reconEntry, settlementSummary } from '../entities/settlement.js';
import { jsonBody } from '../http/body.js';
import { notFound } from '../http/errors.js';
import { type OperationRoute, route } from '../http/mount.js';
import { json } from '../http/respond.js';
import { findOrder } from '../services/orders.js';
import { encodeCursor, parseSettlementQuery } from '../validation/settlements.js';

/** A page of rows and the cursor of the next page (null on the last page). */
function paginate<T>(
  rows: T[],
  limit: number,
  idOf: (row: T) => number,
): { cursor: string | null; page: T[] } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { cursor: rows.length > limit && last !== undefined ? encodeCursor(idOf(last)) : null, page };
}

/** Settlements: of one order, all settlements (paginated), and the reconciliation ledger. */
export const SETTLEMENT_ROUTES: readonly OperationRoute[] = [
  route(OPERATIONS.settlements.forOrder, (ctx) => (c) => {
    const order = findOrder(ctx, c.req.param('order_id'));
    const item = ctx.store.settlements.paymentItemOfOrder(order.cf_order_id);
    if (!item) {
      throw notFound(
        'settlement_get_not_found',
        `no settlement for order ${order.order_id}: only a PAID order settles (order_status is ${order.status})`,
      );
    }
    const settlement =
      item.cf_settlement_id === null ? undefined : ctx.store.settlements.byId(item.cf_settlement_id);
    return json(c, orderSettlementEntity(order, item, settlement));
  }),
  route(OPERATIONS.settlements.list, (ctx) => async (c) => {
    const q = parseSettlementQuery(await jsonBody(c));
    const rows = ctx.store.settlements.page(q.filter, q.afterId, q.limit + 1);
    const { cursor, page } = paginate(rows, q.limit, (s) => s.cf_settlement_id);
    return json(c, { cursor, limit: q.limit, data: page.map(settlementSummary) });
  }),
  route(OPERATIONS.settlements.recon, (ctx) => async (c) => {
    const q = parseSettlementQuery(await jsonBody(c));
    const rows = ctx.store.settlements.itemPage(q.filter, q.afterId, q.limit + 1);
    const { cursor, page } = paginate(rows, q.limit, (i) => i.id);
    const data = page.map((item) => {
      const settlement = ctx.store.settlements.byId(item.cf_settlement_id ?? 0);
      const order = ctx.store.orders.byCfId(item.cf_order_id);
      const payment = ctx.store.payments.byId(item.cf_payment_id);
      if (!settlement || !order || !payment)
        throw new Error(`settlement item ${item.id} lost its settlement, order or payment`);
      const refund = item.cf_refund_id === null ? undefined : ctx.store.refunds.byId(item.cf_refund_id);
      return reconEntry(item, settlement, order, payment, refund);
    });
    return json(c, { cursor, limit: q.limit, data });
  }),
];
