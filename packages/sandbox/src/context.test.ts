import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SandboxAppInternals } from './sandbox-app.js';
import { harness } from './testing/harness.js';

const h = harness();
const ctx = (h.sandbox as SandboxAppInternals).context;
const event = (orderId: string) => ({
  type: 'PAYMENT_SUCCESS_WEBHOOK',
  order_id: orderId,
  cf_payment_id: null,
  cf_refund_id: null,
  link_id: null,
  cf_settlement_id: null,
  data: {},
});

test('changes committed together each get their own result; a failing one fails alone and leaves nothing', async () => {
  const before = ctx.store.events.after(0, 1_000).length;
  const results = await Promise.allSettled([
    ctx.commit(() => {
      ctx.appendEvent(event('a'));
      return 'a';
    }),
    ctx.commit(() => {
      ctx.appendEvent(event('b'));
      throw new Error('b failed after writing');
    }),
    ctx.commit(() => {
      ctx.appendEvent(event('c'));
      return 'c';
    }),
  ]);
  assert.deepEqual(
    results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message)),
    ['a', 'b failed after writing', 'c'],
  );
  const stored = ctx.store.events
    .after(0, 1_000)
    .slice(before)
    .map((e) => e.order_id);
  assert.deepEqual(stored, ['a', 'c'], 'the failed change wrote nothing; the others were committed once');
});

test('concurrent API requests commit together and still answer individually', async () => {
  const body = (id: string) => ({
    order_id: id,
    order_amount: 10,
    order_currency: 'INR',
    customer_details: { customer_id: 'cust_001', customer_phone: '9876543210' },
  });
  const responses = await Promise.all(
    ['order_gc_1', 'order_gc_2', 'order_gc_1', 'order_gc_3'].map((id) =>
      h.call('POST', '/pg/orders', body(id)),
    ),
  );
  assert.deepEqual(
    responses.map((r) => r.status),
    [200, 200, 409, 200],
  );
  for (const id of ['order_gc_1', 'order_gc_2', 'order_gc_3']) {
    assert.equal((await h.call('GET', `/pg/orders/${id}`)).status, 200);
  }
});
