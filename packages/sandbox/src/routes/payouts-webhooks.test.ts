import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { test } from 'node:test';
import { startLoopbackServer } from '../../../../test/support/loopback-server.js';
import { HOUR_MS } from '../clock/time.js';
import { harness } from '../testing/harness.js';
import { payoutCalls } from '../testing/payouts.js';

// Separate Payouts keys, so the test tells the Payouts secret from PG's.
const h = harness({
  webhookRetrySchedule: 'fast',
  payouts: { clientId: 'TESTpayouts', clientSecret: 'payouts-secret' },
});
const p = payoutCalls(h);
const keys = { 'x-client-id': 'TESTpayouts', 'x-client-secret': 'payouts-secret' };

test('a registered endpoint receives a transfer’s Payouts webhooks, signed, in Cashfree’s V2 envelope', async (t) => {
  const receiver = await startLoopbackServer(t, (_req, res) => {
    res.end('ok');
  });
  await h.call('POST', '/_sandbox/webhooks/endpoints', { url: `${receiver.url}/payouts` });
  await p.call(
    'POST',
    '/transfers',
    {
      transfer_id: 'hooked_1',
      transfer_amount: 75,
      beneficiary_details: {
        beneficiary_name: 'Tea Estate',
        beneficiary_instrument_details: { bank_account_number: '026291800001191', bank_ifsc: 'YESB0000262' },
      },
    },
    keys,
  );
  await h.advance(HOUR_MS);
  // Delivery runs after the clock moved, outside the request: wait until both have arrived.
  const deadline = Date.now() + 10_000;
  while (receiver.requests.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  const bodies = receiver.requests.map(
    (r) => JSON.parse(r.body) as { type: string; data: Record<string, unknown>; event_time: string },
  );
  assert.deepEqual(
    bodies.map((b) => `${b.type} ${b.data['status']}/${b.data['status_code']}`),
    ['TRANSFER_SUCCESS SUCCESS/SENT_TO_BENEFICIARY', 'TRANSFER_ACKNOWLEDGED SUCCESS/COMPLETED'],
  );
  assert.equal(bodies[0]?.data['transfer_id'], 'hooked_1');
  assert.equal(bodies[0]?.data['transfer_amount'], 75);
  for (const request of receiver.requests) {
    const timestamp = String(request.headers['x-webhook-timestamp']);
    // Payouts V2 signs as PG does, with the Payouts secret (by default the sandbox's secret key).
    const expected = createHmac('sha256', 'payouts-secret')
      .update(timestamp + request.body)
      .digest('base64');
    assert.equal(request.headers['x-webhook-signature'], expected);
  }
});
