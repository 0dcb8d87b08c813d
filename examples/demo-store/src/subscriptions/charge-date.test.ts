/** The earliest date of an on-demand charge, from the SDK's lead days and the given clock. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Cashfree, isValidationError, SUBSCRIPTION_CHARGE_LEAD_DAYS } from 'cashfree-kit';
import { chargeLeadDays, earliestChargeTime } from './charge-date.js';
import { istTime } from './tea-plan.js';

test('a UPI or card charge: the start of the next day in India, across UTC’s date line and a year end', () => {
  assert.equal(chargeLeadDays('upi'), SUBSCRIPTION_CHARGE_LEAD_DAYS.upi);
  assert.equal(chargeLeadDays('card'), SUBSCRIPTION_CHARGE_LEAD_DAYS.card);
  // 7 Dec, 13:00 UTC is 18:30 in India: tomorrow is 8 Dec.
  assert.equal(
    istTime(earliestChargeTime(Date.parse('2026-12-07T13:00:00Z'), 'upi')),
    '2026-12-08T00:00:00+05:30',
  );
  // 7 Dec, 20:00 UTC is already 8 Dec, 01:30 in India: tomorrow there is 9 Dec.
  assert.equal(
    istTime(earliestChargeTime(Date.parse('2026-12-07T20:00:00Z'), 'card')),
    '2026-12-09T00:00:00+05:30',
  );
  assert.equal(
    istTime(earliestChargeTime(Date.parse('2026-12-31T19:00:00Z'), 'upi')),
    '2027-01-02T00:00:00+05:30',
  );
});

test('a mandate with no stated lead time (e-NACH, or none known) is charged from now', () => {
  const now = Date.parse('2026-12-07T13:00:00Z');
  assert.equal(chargeLeadDays('enach'), 0);
  assert.equal(chargeLeadDays(null), 0);
  assert.equal(chargeLeadDays('toString'), 0, 'not an inherited name');
  assert.equal(earliestChargeTime(now, 'enach'), now);
});

test('the SDK takes the earliest date and refuses the day before it, without a request', async () => {
  const calls: string[] = [];
  const client = new Cashfree({
    appId: 'TEST_APP',
    secretKey: 'cfsk_test_not_a_secret',
    environment: 'sandbox',
    fetch: async (url: string | URL | Request) => {
      calls.push(String(url));
      return new Response(JSON.stringify({ payment_id: 'charge_1', payment_status: 'INITIALIZED' }), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    },
  });
  const earliest = earliestChargeTime(Date.now(), 'upi');
  const body = {
    subscription_id: 'sub_1',
    payment_id: 'charge_1',
    payment_type: 'CHARGE' as const,
    payment_amount: 499,
    payment_method: { upi: {} },
  };
  await client.subscriptions.payments.create({ ...body, payment_schedule_date: istTime(earliest) });
  assert.equal(calls.length, 1);
  await assert.rejects(
    client.subscriptions.payments.create({ ...body, payment_schedule_date: istTime(earliest - 60_000) }),
    (error: unknown) => isValidationError(error) && error.field === 'payment_schedule_date',
  );
  assert.equal(calls.length, 1, 'refused before the wire');
});
