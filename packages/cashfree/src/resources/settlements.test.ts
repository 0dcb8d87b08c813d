import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { testClient } from '../../test/support.js';
import { errorResponse, jsonResponse, type RecordedRequest } from '../testing/index.js';

/** A fake Cashfree that serves `items` in pages of `limit`, with the cursor being the next index. */
function pagedServer(items: number[]) {
  return (request: RecordedRequest) => {
    const { limit, cursor } = request.json.pagination as { limit: number; cursor: string | null };
    const start = cursor === null ? 0 : Number(cursor);
    const end = start + limit;
    const data = items.slice(start, end).map((n) => ({ cf_settlement_id: String(n) }));
    return jsonResponse({ cursor: end < items.length ? String(end) : null, limit, data });
  };
}

const filters = { start_date: '2025-01-01T00:00:00Z', end_date: '2025-01-31T23:59:59Z' };

test('settlements.forOrder: GET /orders/{order_id}/settlements', async () => {
  const { client, fetch } = testClient(() =>
    jsonResponse({ cf_settlement_id: '1', settlement_amount: 88.2 }),
  );
  assert.deepEqual(await client.settlements.forOrder('order_001'), {
    cf_settlement_id: '1',
    settlement_amount: 88.2,
  });
  assert.equal(fetch.lastCall?.method, 'GET');
  assert.equal(fetch.lastCall?.path, '/pg/orders/order_001/settlements');
});

describe('settlements.list (POST /settlements)', () => {
  test('await gives the first page; the body carries filters and pagination with a null cursor', async () => {
    const { client, fetch } = testClient(pagedServer([1, 2, 3, 4, 5]));
    const page = await client.settlements.list({ pagination: { limit: 2 }, filters });
    assert.deepEqual(page, {
      data: [{ cf_settlement_id: '1' }, { cf_settlement_id: '2' }],
      cursor: '2',
      limit: 2,
    });
    assert.equal(fetch.calls.length, 1);
    assert.equal(fetch.lastCall?.method, 'POST');
    assert.equal(fetch.lastCall?.path, '/pg/settlements');
    assert.deepEqual(fetch.lastCall?.json, { pagination: { limit: 2, cursor: null }, filters });
  });

  test('for await walks every cursor page, sending each cursor back', async () => {
    const { client, fetch } = testClient(pagedServer([1, 2, 3, 4, 5, 6, 7]));
    const ids: string[] = [];
    for await (const settlement of client.settlements.list({ pagination: { limit: 3 }, filters })) {
      ids.push(settlement.cf_settlement_id ?? '');
    }
    assert.deepEqual(ids, ['1', '2', '3', '4', '5', '6', '7']);
    assert.deepEqual(
      fetch.calls.map((call) => call.json.pagination),
      [
        { limit: 3, cursor: null },
        { limit: 3, cursor: '3' },
        { limit: 3, cursor: '6' },
      ],
    );
    assert.equal(
      new Set(fetch.calls.map((call) => call.headers['x-idempotency-key'])).size,
      3,
      'one key per page',
    );
  });

  test('the page size defaults to 10', async () => {
    const { client, fetch } = testClient(pagedServer([1]));
    await client.settlements.list({ filters });
    assert.deepEqual(fetch.lastCall?.json.pagination, { limit: 10, cursor: null });
  });

  test('a single settlement (the contract’s response type) is read as a one-item last page', async () => {
    const { client, fetch } = testClient(() =>
      jsonResponse({ cf_settlement_id: '42', settlement_amount: 88.2 }),
    );
    const all = await client.settlements.list({ filters }).toArray();
    assert.deepEqual(all, [{ cf_settlement_id: '42', settlement_amount: 88.2 }]);
    assert.equal(fetch.calls.length, 1);
  });

  test('a caller idempotency key and request id are used for the first page only', async () => {
    const { client, fetch } = testClient(pagedServer([1, 2, 3]));
    await client.settlements
      .list(
        { pagination: { limit: 1 }, filters },
        { idempotencyKey: 'mine', requestId: 'req-mine', apiVersion: '2023-08-01' },
      )
      .toArray();
    assert.equal(fetch.calls[0]?.headers['x-idempotency-key'], 'mine');
    assert.equal(fetch.calls[0]?.headers['x-request-id'], 'req-mine');
    assert.notEqual(fetch.calls[1]?.headers['x-idempotency-key'], 'mine');
    assert.notEqual(fetch.calls[1]?.headers['x-request-id'], 'req-mine');
    assert.ok(
      fetch.calls.every((call) => call.headers['x-api-version'] === '2023-08-01'),
      'other options apply to every page',
    );
  });

  test('an error on a later page reaches the loop', async () => {
    const serve = pagedServer([1, 2, 3]);
    const { client } = testClient((request, index) =>
      index === 0 ? serve(request) : errorResponse(400, 'cursor invalid', 'request_failed'),
    );
    const seen: unknown[] = [];
    await assert.rejects(async () => {
      for await (const item of client.settlements.list({ pagination: { limit: 1 }, filters }))
        seen.push(item);
    }, /cursor invalid/);
    assert.equal(seen.length, 1);
  });
});

describe('settlements.recon (POST /settlement/recon)', () => {
  const event = (id: string) => ({ event_details: { event_id: id, event_type: 'PAYMENT' } });
  const pages = [
    { cursor: 'p2', limit: 2, data: [event('e1'), event('e2')] },
    { cursor: 'p3', limit: 2, data: [event('e3'), event('e4')] },
    { cursor: null, limit: 2, data: [event('e5')] },
  ];
  const query = { pagination: { limit: 2 }, filters: { cf_settlement_ids: ['1'] } };

  test('await gives the first page', async () => {
    const { client, fetch } = testClient((_request, index) => jsonResponse(pages[index]));
    const first = await client.settlements.recon(query);
    assert.deepEqual(first, pages[0]);
    assert.equal(fetch.calls.length, 1);
  });

  test('for await walks every event across the cursor pages', async () => {
    const { client, fetch } = testClient((_request, index) => jsonResponse(pages[index]));
    const events: string[] = [];
    for await (const item of client.settlements.recon(query)) events.push(item.event_details?.event_id ?? '');
    assert.deepEqual(events, ['e1', 'e2', 'e3', 'e4', 'e5']);
    assert.deepEqual(
      fetch.calls.map((call) => [call.method, call.path, call.json.pagination.cursor]),
      [
        ['POST', '/pg/settlement/recon', null],
        ['POST', '/pg/settlement/recon', 'p2'],
        ['POST', '/pg/settlement/recon', 'p3'],
      ],
    );
    assert.deepEqual(fetch.calls[0]?.json.filters, { cf_settlement_ids: ['1'] });
  });
});
