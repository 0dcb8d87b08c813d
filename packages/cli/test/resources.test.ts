/**
 * The resource commands, run through the real binary against a local sandbox on loopback: JSON
 * output parses and carries the API's fields; text output shows the fields a person checks.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { localSandboxWithClient, payWithTestCard, runCli } from './support.ts';

type Json = Record<string, unknown>;

describe('cashfree resource commands against a local sandbox', () => {
  const local = localSandboxWithClient();

  const pay = (orderId: string) => payWithTestCard(local.client, orderId);

  test('orders create / get / terminate', async () => {
    const created = await runCli(
      [
        'orders',
        'create',
        '--amount',
        '499',
        '--phone',
        '9876543210',
        '--order-id',
        'cli_order_1',
        '--email',
        'priya@example.com',
        '--name',
        'Priya Patel',
        '--return-url',
        'https://example.com/return',
        '--note',
        'from the CLI',
      ],
      { env: local.env },
    );
    assert.equal(created.code, 0, created.stderr);
    const order = created.json();
    assert.equal(order['order_id'], 'cli_order_1');
    assert.equal(order['order_amount'], 499);
    assert.equal(order['order_currency'], 'INR');
    assert.equal(order['order_status'], 'ACTIVE');
    assert.equal(order['order_note'], 'from the CLI');
    assert.deepEqual((order['customer_details'] as Json)['customer_id'], 'cust_9876543210');
    assert.equal((order['order_meta'] as Json)['return_url'], 'https://example.com/return');
    assert.match(String(order['payment_session_id']), /^session_/);

    const fetched = await runCli(['orders', 'get', 'cli_order_1'], { env: local.env });
    assert.equal(fetched.code, 0, fetched.stderr);
    assert.equal(fetched.json()['cf_order_id'], order['cf_order_id']);

    const text = await runCli(['orders', 'get', 'cli_order_1', '--no-json'], { env: local.env });
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /order_status\s+ACTIVE/);
    assert.match(text.stdout, /order_amount\s+₹499\.00/);
    assert.match(text.stdout, /customer\s+cust_9876543210 · Priya Patel · 9876543210 · priya@example\.com/);

    const terminated = await runCli(['orders', 'terminate', 'cli_order_1'], { env: local.env });
    assert.equal(terminated.code, 0, terminated.stderr);
    assert.match(String(terminated.json()['order_status']), /^TERMINAT/);
  });

  test('orders create takes the body from --data (stdin) and lets flags override it', async () => {
    const body = {
      order_id: 'cli_order_data',
      order_amount: 10,
      order_currency: 'INR',
      customer_details: { customer_id: 'cust_data', customer_phone: '9999999999' },
    };
    const result = await runCli(['orders', 'create', '--data', '-', '--amount', '12.50'], {
      env: local.env,
      input: JSON.stringify(body),
    });
    assert.equal(result.code, 0, result.stderr);
    const order = result.json();
    assert.equal(order['order_id'], 'cli_order_data');
    assert.equal(order['order_amount'], 12.5);
    assert.equal((order['customer_details'] as Json)['customer_id'], 'cust_data');
  });

  test('payments list / get, refunds create / get / list, settlements order', async () => {
    assert.equal(
      (
        await runCli(
          ['orders', 'create', '--amount', '250', '--phone', '9876543210', '--order-id', 'cli_paid_1'],
          { env: local.env },
        )
      ).code,
      0,
    );
    const cfPaymentId = await pay('cli_paid_1');

    const list = await runCli(['payments', 'list', 'cli_paid_1'], { env: local.env });
    assert.equal(list.code, 0, list.stderr);
    const payments = list.json<Json[]>();
    assert.equal(payments.length, 1);
    assert.equal(payments[0]?.['cf_payment_id'], cfPaymentId);
    assert.equal(payments[0]?.['payment_status'], 'SUCCESS');

    const table = await runCli(['payments', 'list', 'cli_paid_1', '--no-json'], { env: local.env });
    assert.match(table.stdout, /CF_PAYMENT_ID\s+STATUS\s+AMOUNT/);
    assert.match(table.stdout, new RegExp(`${cfPaymentId}\\s+SUCCESS\\s+₹250\\.00`));

    const one = await runCli(['payments', 'get', 'cli_paid_1', cfPaymentId], { env: local.env });
    assert.equal(one.code, 0, one.stderr);
    assert.equal(one.json()['payment_amount'], 250);

    const refund = await runCli(
      [
        'refunds',
        'create',
        'cli_paid_1',
        '--amount',
        '50',
        '--refund-id',
        'cli_refund_1',
        '--note',
        'size too small',
      ],
      { env: local.env },
    );
    assert.equal(refund.code, 0, refund.stderr);
    assert.equal(refund.json()['refund_id'], 'cli_refund_1');
    assert.equal(refund.json()['refund_amount'], 50);

    const generated = await runCli(['refunds', 'create', 'cli_paid_1', '--amount', '10'], { env: local.env });
    assert.equal(generated.code, 0, generated.stderr);
    assert.match(String(generated.json()['refund_id']), /^refund_/);

    const got = await runCli(['refunds', 'get', 'cli_paid_1', 'cli_refund_1'], { env: local.env });
    assert.equal(got.code, 0, got.stderr);
    assert.equal(got.json()['refund_note'], 'size too small');

    const refunds = await runCli(['refunds', 'list', 'cli_paid_1'], { env: local.env });
    assert.equal(refunds.code, 0, refunds.stderr);
    assert.equal(refunds.json<Json[]>().length, 2);

    const settlement = await runCli(['settlements', 'order', 'cli_paid_1'], { env: local.env });
    assert.equal(settlement.code, 0, settlement.stderr);
    assert.equal(settlement.json()['order_id'], 'cli_paid_1');
    assert.equal(settlement.json()['cf_settlement_id'], null, 'paid today, settled on the next cycle');
  });

  test('links create / get / orders / cancel', async () => {
    const created = await runCli(
      [
        'links',
        'create',
        '--amount',
        '999',
        '--purpose',
        'Course fee',
        '--phone',
        '9876543210',
        '--link-id',
        'cli_link_1',
        '--name',
        'Rahul Sharma',
      ],
      { env: local.env },
    );
    assert.equal(created.code, 0, created.stderr);
    const link = created.json();
    assert.equal(link['link_id'], 'cli_link_1');
    assert.equal(link['link_status'], 'ACTIVE');
    assert.equal(link['link_amount'], 999);
    assert.match(String(link['link_url']), /^http:\/\/127\.0\.0\.1:\d+\/links\//);

    const got = await runCli(['links', 'get', 'cli_link_1', '--no-json'], { env: local.env });
    assert.equal(got.code, 0, got.stderr);
    assert.match(got.stdout, /link_status\s+ACTIVE/);
    assert.match(got.stdout, /link_amount\s+₹999\.00/);

    const orders = await runCli(['links', 'orders', 'cli_link_1', '--status', 'all'], { env: local.env });
    assert.equal(orders.code, 0, orders.stderr);
    assert.ok(Array.isArray(orders.json()));

    const cancelled = await runCli(['links', 'cancel', 'cli_link_1'], { env: local.env });
    assert.equal(cancelled.code, 0, cancelled.stderr);
    assert.equal(cancelled.json()['link_status'], 'CANCELLED');

    const again = await runCli(['links', 'cancel', 'cli_link_1'], { env: local.env });
    assert.equal(again.code, 8, again.stderr);
    assert.equal((again.json()['error'] as Json)['code'], 'link_not_active');
    assert.match(again.stderr, /^cashfree: .*Fix: /m);
  });

  // Moves the sandbox clock two days on, so it is the last test here.
  test('settlements list shows each transfer: status, amounts, UTR', async () => {
    await runCli(
      ['orders', 'create', '--amount', '1000', '--phone', '9876543210', '--order-id', 'cli_settle_1'],
      {
        env: local.env,
      },
    );
    await pay('cli_settle_1');
    const paidOn = new Date().toISOString().slice(0, 10);
    local.sandbox.sandbox.advanceClock(2 * 24 * 60 * 60 * 1000);
    const order = await runCli(['settlements', 'order', 'cli_settle_1'], { env: local.env });
    const cfSettlementId = String(order.json()['cf_settlement_id']);
    assert.match(cfSettlementId, /^\d+$/, 'the cycle settled the order');

    const until = new Date(Date.now() + 3 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
    const range = ['--from', paidOn, '--to', until];
    const result = await runCli(['settlements', 'list', ...range, '--limit', '5'], { env: local.env });
    assert.equal(result.code, 0, result.stderr);
    const page = result.json<{ data: Json[]; cursor: unknown }>();
    const transfer = page.data.find((s) => s['cf_settlement_id'] === cfSettlementId);
    assert.equal(transfer?.['status'], 'SUCCESS');
    assert.equal(typeof transfer?.['amount_settled'], 'number');

    const table = await runCli(['settlements', 'list', ...range, '--no-json'], { env: local.env });
    assert.equal(table.code, 0, table.stderr);
    assert.match(table.stdout, /CF_SETTLEMENT_ID\s+STATUS\s+PAYMENTS\s+CHARGES\s+SETTLED\s+UTR/);
    assert.match(
      table.stdout,
      new RegExp(
        `${cfSettlementId}\\s+SUCCESS\\s+₹[\\d,.]+\\s+₹[\\d,.]+\\s+₹[\\d,.]+\\s+${String(transfer?.['settlement_utr'])}`,
      ),
    );

    const all = await runCli(['settlements', 'list', ...range, '--all'], { env: local.env });
    assert.equal(all.code, 0, all.stderr);
    assert.equal(all.json()['cursor'], null);
  });
});
