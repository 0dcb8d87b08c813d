import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkPaymentAllowed, nextOrderStatus } from './order-machine.js';

test('a successful payment pays an active, expired or terminating order', () => {
  for (const from of ['ACTIVE', 'EXPIRED', 'TERMINATION_REQUESTED'] as const) {
    assert.deepEqual(nextOrderStatus(from, { type: 'PAYMENT_SUCCEEDED' }), {
      ok: true,
      status: 'PAID',
      changed: true,
    });
  }
});

test('a second success on a paid order is refused', () => {
  const t = nextOrderStatus('PAID', { type: 'PAYMENT_SUCCEEDED' });
  assert.equal(t.ok, false);
  assert.equal(!t.ok && t.code, 'order_already_paid');
  assert.equal(nextOrderStatus('TERMINATED', { type: 'PAYMENT_SUCCEEDED' }).ok, false);
});

test('expiry only moves an active order', () => {
  assert.deepEqual(nextOrderStatus('ACTIVE', { type: 'EXPIRY_REACHED' }), {
    ok: true,
    status: 'EXPIRED',
    changed: true,
  });
  assert.deepEqual(nextOrderStatus('PAID', { type: 'EXPIRY_REACHED' }), {
    ok: true,
    status: 'PAID',
    changed: false,
  });
});

test('termination waits for in-flight payments', () => {
  assert.deepEqual(nextOrderStatus('ACTIVE', { type: 'TERMINATE', pendingPayments: 0 }), {
    ok: true,
    status: 'TERMINATED',
    changed: true,
  });
  assert.deepEqual(nextOrderStatus('ACTIVE', { type: 'TERMINATE', pendingPayments: 1 }), {
    ok: true,
    status: 'TERMINATION_REQUESTED',
    changed: true,
  });
  assert.deepEqual(nextOrderStatus('TERMINATION_REQUESTED', { type: 'PENDING_PAYMENTS_CLOSED' }), {
    ok: true,
    status: 'TERMINATED',
    changed: true,
  });
  const paid = nextOrderStatus('PAID', { type: 'TERMINATE', pendingPayments: 0 });
  assert.equal(!paid.ok && paid.code, 'order_already_paid');
  const expired = nextOrderStatus('EXPIRED', { type: 'TERMINATE', pendingPayments: 0 });
  assert.equal(!expired.ok && expired.code, 'order_inactive');
});

test('only an active order takes new payment attempts', () => {
  assert.deepEqual(checkPaymentAllowed('ACTIVE'), { ok: true });
  assert.equal((checkPaymentAllowed('PAID') as { code: string }).code, 'order_already_paid');
  for (const s of ['EXPIRED', 'TERMINATED', 'TERMINATION_REQUESTED'] as const) {
    assert.equal((checkPaymentAllowed(s) as { code: string }).code, 'order_inactive');
  }
});
