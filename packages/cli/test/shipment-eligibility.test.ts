/**
 * `cashfree orders update-extended` and `cashfree eligibility payment-methods`, run through the real
 * binary against a local sandbox: the flags build the request body, JSON output carries the API's
 * answer, and text output shows the fields a person checks.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { EXIT } from '../src/output/exit-codes.ts';
import { localSandboxWithClient, payWithTestCard, runCli } from './support.ts';

type Json = Record<string, unknown>;

describe('cashfree orders update-extended and eligibility payment-methods', () => {
  const local = localSandboxWithClient();

  test('orders update-extended: one parcel and the delivery status from flags', async () => {
    await local.client.orders.create({
      order_id: 'cli_ship_1',
      order_amount: 250,
      order_currency: 'INR',
      customer_details: { customer_id: 'cust_ship', customer_phone: '9876543210' },
    });
    await payWithTestCard(local.client, 'cli_ship_1');
    const args = [
      'orders',
      'update-extended',
      'cli_ship_1',
      '--company',
      'DHL',
      '--tracking-numbers',
      'TRACK1, TRACK2',
      '--tracking-urls',
      'https://dhl.com/track/1',
      '--status',
      'shipped',
      '--reason',
      'handed to DHL',
    ];
    const result = await runCli(args, { env: local.env });
    assert.equal(result.code, 0, result.stderr);
    const update = result.json();
    assert.equal(update['order_id'], 'cli_ship_1');
    assert.deepEqual(update['shipment_details'], [
      {
        tracking_company: 'DHL',
        tracking_urls: ['https://dhl.com/track/1'],
        tracking_numbers: ['TRACK1', 'TRACK2'],
      },
    ]);
    assert.deepEqual(update['order_delivery_status'], { status: 'SHIPPED', reason: 'handed to DHL' });

    const text = await runCli(
      ['orders', 'update-extended', 'cli_ship_1', '--status', 'DELIVERED', '--no-json'],
      { env: local.env },
    );
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /delivery_status\s+DELIVERED/);
    // The parcel sent before is kept by the sandbox and shown.
    assert.match(text.stdout, /shipment 1\s+DHL · TRACK1, TRACK2 · https:\/\/dhl\.com\/track\/1/);
  });

  test('orders update-extended: a status outside the contract is refused before anything is sent', async () => {
    const result = await runCli(['orders', 'update-extended', 'cli_ship_1', '--status', 'ARRIVED'], {
      env: local.env,
    });
    // The SDK's ValidationError (the usage exit code), not the sandbox's 400 (rejected).
    assert.equal(result.code, EXIT.usage, result.stderr);
    assert.match(result.stderr, /order_delivery_status\.status/);
  });

  test('eligibility payment-methods: an amount, narrowed by --methods', async () => {
    const result = await runCli(
      ['eligibility', 'payment-methods', '--amount', '499', '--methods', 'netbanking,paypal'],
      { env: local.env },
    );
    assert.equal(result.code, 0, result.stderr);
    const methods = result.json<Json[]>();
    assert.deepEqual(
      methods.map((m) => [m['entity_value'], m['eligibility']]),
      [
        ['netbanking', true],
        ['paypal', false],
      ],
    );

    const text = await runCli(['eligibility', 'payment-methods', '--amount', '499', '--no-json'], {
      env: local.env,
    });
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /netbanking\s+yes\s+TEST Bank \(3333\)/);
    assert.match(text.stdout, /cardless_emi\s+no/);
  });

  test('eligibility payment-methods: an order that is paid can pay with nothing more', async () => {
    const result = await runCli(['eligibility', 'payment-methods', '--order-id', 'cli_ship_1'], {
      env: local.env,
    });
    assert.equal(result.code, 0, result.stderr);
    assert.ok(result.json<Json[]>().every((m) => m['eligibility'] === false));
  });

  test('eligibility payment-methods: an amount below ₹1 is refused before anything is sent', async () => {
    const result = await runCli(['eligibility', 'payment-methods', '--amount', '0.5'], { env: local.env });
    assert.equal(result.code, EXIT.usage, result.stderr);
    assert.match(result.stderr, /queries\.amount/);
  });
});
