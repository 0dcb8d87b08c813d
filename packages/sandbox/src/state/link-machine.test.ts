import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  afterLinkPayment,
  cancelLink,
  checkLinkPayment,
  expireLink,
  type LinkAmounts,
} from './link-machine.js';

const link: LinkAmounts = {
  status: 'ACTIVE',
  amount: 10_000,
  amountPaid: 0,
  partialPayments: true,
  minimumPartialAmount: 2_000,
};

test('payments move a link to PARTIALLY_PAID, then PAID', () => {
  const first = afterLinkPayment(link, 4_000);
  assert.deepEqual(first, { status: 'PARTIALLY_PAID', amountPaid: 4_000 });
  assert.deepEqual(afterLinkPayment({ ...link, status: first.status, amountPaid: first.amountPaid }, 6_000), {
    status: 'PAID',
    amountPaid: 10_000,
  });
});

test('only an ACTIVE link can be cancelled', () => {
  assert.deepEqual(cancelLink('ACTIVE'), { ok: true, status: 'CANCELLED', changed: true });
  for (const s of ['PAID', 'PARTIALLY_PAID', 'EXPIRED', 'CANCELLED'] as const) {
    const t = cancelLink(s);
    assert.equal(!t.ok && t.code, 'link_not_active', s);
    assert.equal(!t.ok && t.message, 'Only link in ACTIVE state can be cancelled');
  }
});

test('expiry moves open links only', () => {
  assert.deepEqual(expireLink('PARTIALLY_PAID'), { ok: true, status: 'EXPIRED', changed: true });
  assert.deepEqual(expireLink('PAID'), { ok: true, status: 'PAID', changed: false });
});

test('link payment amounts respect partial-payment rules', () => {
  assert.deepEqual(checkLinkPayment(link, undefined), { ok: true, amount: 10_000 });
  assert.equal(checkLinkPayment(link, 1_000).ok, false, 'below the first-instalment minimum');
  assert.deepEqual(checkLinkPayment(link, 2_000), { ok: true, amount: 2_000 });
  assert.equal(checkLinkPayment(link, 10_001).ok, false, 'above the remainder');
  assert.deepEqual(checkLinkPayment({ ...link, amountPaid: 9_500 }, 500), { ok: true, amount: 500 });
  assert.equal(checkLinkPayment({ ...link, partialPayments: false }, 5_000).ok, false);
  assert.equal(checkLinkPayment({ ...link, status: 'CANCELLED' }, undefined).ok, false);
});
