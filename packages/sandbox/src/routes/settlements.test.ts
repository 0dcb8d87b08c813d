import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../clock/time.js';
import { harness } from '../testing/harness.js';

const h = harness();
const fetchAll = (body: Record<string, unknown>) => h.call('POST', '/pg/settlements', body);
const recon = (body: Record<string, unknown>) => h.call('POST', '/pg/settlement/recon', body);
const range = { start_date: '2025-01-01', end_date: '2025-12-31' };

describe('settlements', () => {
  test('a paid order settles the next day with a 2% service charge and 18% tax on it', async () => {
    const order = await h.paidOrder({ order_amount: 100 });
    const before = await h.call('GET', `/pg/orders/${order.order_id}/settlements`);
    assert.equal(before.status, 200);
    assert.equal(before.body.entity, 'settlement');
    assert.equal(before.body.order_amount, 100);
    assert.equal(before.body.service_charge, 2);
    assert.equal(before.body.service_tax, 0.36);
    assert.equal(before.body.settlement_amount, 97.64);
    assert.equal(before.body.cf_settlement_id, null);
    assert.equal(before.body.transfer_utr, null);

    // 10:00 → next day 09:00 (initiated), 11:00 (transferred)
    await h.advance(23 * HOUR_MS);
    const initiated = (await h.call('GET', `/pg/orders/${order.order_id}/settlements`)).body;
    assert.match(initiated.cf_settlement_id, /^\d+$/);
    assert.equal(initiated.transfer_utr, null);
    await h.advance(2 * HOUR_MS);
    const settled = (await h.call('GET', `/pg/orders/${order.order_id}/settlements`)).body;
    assert.match(settled.transfer_utr, /^CFSBX\d{12}$/);
    assert.equal(settled.transfer_time, '2025-01-16T11:00:00+05:30');
    assert.equal(settled.settlement_id, Number(settled.cf_settlement_id));
  });

  test('an unpaid order has no settlement', async () => {
    const order = await h.createOrder();
    const res = await h.call('GET', `/pg/orders/${order.order_id}/settlements`);
    assert.equal(res.status, 404);
    assert.equal(res.body.code, 'settlement_get_not_found');
  });

  test('POST /settlements pages through settlements with a cursor', async () => {
    // One settlement per day, three days.
    for (let day = 0; day < 3; day++) {
      await h.paidOrder({ order_amount: 200 });
      await h.advance(DAY_MS);
    }
    const first = await fetchAll({ pagination: { limit: 2 }, filters: range });
    assert.equal(first.status, 200);
    assert.equal(first.body.limit, 2);
    assert.equal(first.body.data.length, 2);
    assert.ok(first.body.cursor);
    const s = first.body.data[0];
    assert.equal(s.status, 'SUCCESS');
    assert.match(s.settlement_utr, /^CFSBX/);
    assert.equal(typeof s.amount_settled, 'number');
    const second = await fetchAll({ pagination: { limit: 2, cursor: first.body.cursor }, filters: range });
    assert.ok(second.body.data.length >= 2);
    const ids = [...first.body.data, ...second.body.data].map(
      (x: { cf_settlement_id: string }) => x.cf_settlement_id,
    );
    assert.equal(new Set(ids).size, ids.length, 'pages do not overlap');
    const byId = await fetchAll({
      pagination: { limit: 10 },
      filters: { cf_settlement_ids: [s.cf_settlement_id] },
    });
    assert.deepEqual(byId.body.data, [s]);
    assert.equal(byId.body.cursor, null);
    const byUtr = await fetchAll({
      pagination: { limit: 10 },
      filters: { settlement_utrs: [s.settlement_utr] },
    });
    assert.equal(byUtr.body.data[0].cf_settlement_id, s.cf_settlement_id);
  });

  test('recon lists payment credits and refund debits of a settlement', async () => {
    const order = await h.paidOrder({ order_amount: 500 });
    await h.call('POST', `/pg/orders/${order.order_id}/refunds`, {
      refund_id: 'recon_refund',
      refund_amount: 50,
    });
    await h.advance(10 * MINUTE_MS);
    await h.advance(DAY_MS);
    const item = (await h.call('GET', `/pg/orders/${order.order_id}/settlements`)).body;
    const res = await recon({
      pagination: { limit: 10 },
      filters: { cf_settlement_ids: [item.cf_settlement_id] },
    });
    assert.equal(res.status, 200);
    const events = res.body.data.map(
      (d: { event_details: { event_type: string; sale_type: string; event_amount: number } }) => [
        d.event_details.event_type,
        d.event_details.sale_type,
        d.event_details.event_amount,
      ],
    );
    assert.deepEqual(events, [
      ['PAYMENT', 'CREDIT', 500],
      ['REFUND', 'DEBIT', 50],
    ]);
    const refundEntry = res.body.data[1];
    assert.equal(refundEntry.refund_details.refund_id, 'recon_refund');
    assert.equal(refundEntry.order_details.order_id, order.order_id);
    assert.equal(refundEntry.settlement_details.cf_settlement_id, item.cf_settlement_id);
    const paged = await recon({
      pagination: { limit: 1 },
      filters: { cf_settlement_ids: [item.cf_settlement_id] },
    });
    assert.equal(paged.body.data.length, 1);
    const rest = await recon({
      pagination: { limit: 1, cursor: paged.body.cursor },
      filters: { cf_settlement_ids: [item.cf_settlement_id] },
    });
    assert.equal(rest.body.data[0].event_details.event_type, 'REFUND');
  });

  test('requests are validated', async () => {
    assert.equal((await fetchAll({ filters: range })).body.code, 'pagination_missing');
    assert.equal(
      (await fetchAll({ pagination: { limit: 1001 }, filters: range })).body.code,
      'pagination.limit_invalid',
    );
    assert.equal((await fetchAll({ pagination: { limit: 5 }, filters: {} })).body.code, 'filters_invalid');
    assert.equal(
      (await fetchAll({ pagination: { limit: 5, cursor: 'garbage!' }, filters: range })).body.code,
      'pagination.cursor_invalid',
    );
    assert.equal((await recon({ pagination: { limit: 5 } })).body.code, 'filters_missing');
  });
});
