import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DAY_MS } from '../clock/time.js';
import { checkRefund, nextRefundStatus } from './refund-machine.js';

const paid = { orderStatus: 'PAID' as const, captured: { amount: 10_000, completedAt: 0 }, now: DAY_MS };

test('refund statuses: pending and on-hold refunds move, final ones do not', () => {
  assert.deepEqual(nextRefundStatus('PENDING', 'SUCCESS'), { ok: true, status: 'SUCCESS', changed: true });
  assert.deepEqual(nextRefundStatus('PENDING', 'ONHOLD'), { ok: true, status: 'ONHOLD', changed: true });
  assert.deepEqual(nextRefundStatus('ONHOLD', 'PENDING'), { ok: true, status: 'PENDING', changed: true });
  assert.deepEqual(nextRefundStatus('ONHOLD', 'CANCELLED'), { ok: true, status: 'CANCELLED', changed: true });
  assert.equal(nextRefundStatus('SUCCESS', 'CANCELLED').ok, false);
  assert.equal(nextRefundStatus('CANCELLED', 'PENDING').ok, false);
});

test('a refund needs a paid order', () => {
  const r = checkRefund({
    ...paid,
    orderStatus: 'ACTIVE',
    captured: undefined,
    alreadyRefunded: 0,
    requested: 100,
  });
  assert.deepEqual(r.ok ? null : r.code, 'refund_invalid');
});

test('refunds never exceed the captured amount in total', () => {
  assert.deepEqual(checkRefund({ ...paid, alreadyRefunded: 4_000, requested: 6_000 }), { ok: true });
  const over = checkRefund({ ...paid, alreadyRefunded: 4_000, requested: 6_001 });
  assert.equal(over.ok ? null : over.code, 'refund_amount_invalid');
  assert.match(over.ok ? '' : over.message, /refundable amount of 60\.00\. Value received: 60\.01/);
});

test('refunds are accepted for 180 days after the payment', () => {
  assert.deepEqual(checkRefund({ ...paid, now: 180 * DAY_MS, alreadyRefunded: 0, requested: 1 }), {
    ok: true,
  });
  const late = checkRefund({ ...paid, now: 180 * DAY_MS + 1, alreadyRefunded: 0, requested: 1 });
  assert.match(late.ok ? '' : late.message, /within 180 days/);
});
