import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatIst } from '../clock/time.js';
import type { SettlementItemRow } from '../store/settlements.js';
import {
  nextSettlementStatus,
  serviceCharges,
  settlementCycle,
  settlementTotals,
  transferTime,
} from './settlement-rules.js';

test('service charge is 2% plus 18% GST on it', () => {
  assert.deepEqual(serviceCharges(10_000), { serviceCharge: 200, serviceTax: 36 });
  assert.deepEqual(serviceCharges(1_033), { serviceCharge: 21, serviceTax: 4 });
});

test('an IST day settles the next morning', () => {
  const cycle = settlementCycle(Date.parse('2025-01-15T23:59:00+05:30'));
  assert.equal(cycle.day, '2025-01-15');
  assert.equal(formatIst(cycle.cutoff), '2025-01-16T00:00:00+05:30');
  assert.equal(formatIst(cycle.initiateAt), '2025-01-16T09:00:00+05:30');
  assert.equal(formatIst(transferTime(cycle.initiateAt)), '2025-01-16T11:00:00+05:30');
});

test('totals net refunds and charges out of payments', () => {
  const item = (
    kind: 'PAYMENT' | 'REFUND',
    amount: number,
    charge: number,
    tax: number,
    t: number,
  ): SettlementItemRow => ({
    id: t,
    kind,
    cf_order_id: 1,
    cf_payment_id: 1,
    cf_refund_id: null,
    amount,
    service_charge: charge,
    service_tax: tax,
    event_time: t,
    cf_settlement_id: null,
  });
  const totals = settlementTotals([item('PAYMENT', 10_000, 200, 36, 5), item('REFUND', 2_500, 0, 0, 9)]);
  assert.deepEqual(totals, {
    paymentAmount: 10_000,
    refundAmount: 2_500,
    serviceCharge: 200,
    serviceTax: 36,
    amountSettled: 7_264,
    paymentFrom: 5,
    paymentTill: 9,
  });
});

test('a settlement goes from PENDING to SUCCESS only', () => {
  assert.deepEqual(nextSettlementStatus('PENDING', 'SUCCESS'), {
    ok: true,
    status: 'SUCCESS',
    changed: true,
  });
  assert.equal(nextSettlementStatus('SUCCESS', 'PENDING').ok, false);
});
