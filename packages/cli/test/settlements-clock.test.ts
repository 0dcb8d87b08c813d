/**
 * `cashfree settlements list` on a local sandbox whose clock was advanced: the default date range
 * ends at the sandbox's "now", not this machine's, so a settlement made a week ahead is listed.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { localSandboxWithClient, payWithTestCard, runCli } from './support.ts';

describe('cashfree settlements list after a clock advance', () => {
  const local = localSandboxWithClient();

  async function advance(days: number): Promise<void> {
    const response = await fetch(`${local.sandbox.url}/_sandbox/clock/advance`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ days }),
    });
    assert.equal(response.status, 200);
  }

  test('lists the settlement of an order paid and settled a week ahead of this machine', async () => {
    await advance(7);
    await local.client.orders.create({
      order_id: 'settle_week_ahead',
      order_amount: 300,
      order_currency: 'INR',
      customer_details: { customer_id: 'cust_settle', customer_phone: '9999999999' },
    });
    await payWithTestCard(local.client, 'settle_week_ahead');
    await advance(2);
    const settlement = await local.client.settlements.forOrder('settle_week_ahead');
    assert.ok(settlement.cf_settlement_id, 'the order settled');

    const listed = await runCli(['settlements', 'list'], { env: local.env });
    assert.equal(listed.code, 0, listed.stderr);
    const ids = listed
      .json<{ data: { cf_settlement_id: unknown }[] }>()
      .data.map((s) => String(s.cf_settlement_id));
    assert.ok(ids.includes(String(settlement.cf_settlement_id)), `listed: ${ids.join(', ') || 'none'}`);
  });
});
