import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { OrderEntity, PaymentEntity } from 'cashfree-kit';
import { attemptsInOrder, latestAttempt, outcomeOf } from './outcome.js';

const active = { order_id: 'order_1', order_status: 'ACTIVE' } as OrderEntity;

function attempt(id: string, status: string, time: string | null): PaymentEntity {
  return { cf_payment_id: id, payment_status: status, payment_time: time } as PaymentEntity;
}

const declined = attempt('5114910796410', 'FAILED', '2025-02-14T10:00:05+05:30');
const retried = attempt('5114910796411', 'PENDING', '2025-02-14T10:01:30+05:30');

test('the latest attempt is the one made last, whatever order the list came in', () => {
  // Newest first, as a list sorted the other way would come: the last element is the oldest.
  const newestFirst = [retried, declined];
  assert.equal(latestAttempt(newestFirst), retried);
  assert.equal(outcomeOf(active, newestFirst), 'pending', 'not "failed" from the older attempt');
  assert.equal(outcomeOf(active, [declined, retried]), 'pending');
  assert.deepEqual(
    attemptsInOrder(newestFirst).map((p) => p.payment_status),
    ['FAILED', 'PENDING'],
  );
});

test('payment_time is compared as a time, not as text (time zones differ)', () => {
  // 10:30 UTC is 16:00 IST: later than 11:00 IST although "10:30" sorts before "11:00".
  const utc = attempt('2', 'FAILED', '2025-02-14T10:30:00Z');
  const ist = attempt('1', 'PENDING', '2025-02-14T11:00:00+05:30');
  assert.equal(latestAttempt([utc, ist]), utc);
  assert.equal(outcomeOf(active, [utc, ist]), 'failed');
});

test('attempts in the same second are ordered by cf_payment_id as a number; missing times sort first', () => {
  const same = '2025-02-14T10:00:05+05:30';
  const a = attempt('99', 'FAILED', same);
  const b = attempt('100', 'USER_DROPPED', same);
  assert.equal(latestAttempt([b, a]), b, '100 > 99 although "100" < "99" as text');
  const untimed = attempt('101', 'PENDING', null);
  assert.deepEqual(
    attemptsInOrder([b, untimed, a]).map((p) => p.cf_payment_id),
    ['101', '99', '100'],
  );
});

test("Cashfree's order status decides first: PAID or closed whatever the attempts say; no attempt is unpaid", () => {
  assert.equal(outcomeOf({ ...active, order_status: 'PAID' }, [declined]), 'paid');
  assert.equal(outcomeOf({ ...active, order_status: 'EXPIRED' }, [retried]), 'expired');
  assert.equal(outcomeOf(active, []), 'unpaid');
  assert.equal(outcomeOf(active, [attempt('3', 'NOT_ATTEMPTED', null)]), 'pending');
});
