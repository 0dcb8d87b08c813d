/**
 * The local sandbox's tools and the helpers, through one server over stdio: paying by UPI and net
 * banking, failing a payment, moving the clock past an order's expiry, triggering and resending a
 * webhook, signing a webhook and POSTing it to an app, and the docs and the prompt.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { startLoopbackServer } from '../support/loopback-server.ts';
import { call, dataOf, textOf } from './checkout-flow.ts';
import { stdioClient } from './support.ts';

let count = 0;
async function newOrder(client: Client, extra: Record<string, unknown> = {}): Promise<string> {
  count += 1;
  const orderId = `mcp_tools_${Date.now().toString(36)}_${count}`;
  const created = dataOf(
    await call(client, 'orders_create', {
      body: {
        order_id: orderId,
        order_amount: 250,
        order_currency: 'INR',
        customer_details: { customer_id: 'c_2', customer_phone: '9876543210' },
        ...extra,
      },
    }),
  );
  assert.equal(created['order_status'], 'ACTIVE');
  return orderId;
}

const statusOf = (data: Record<string, unknown>, key: 'order' | 'payment', field: string) =>
  (data[key] as Record<string, unknown>)[field];

test('the sandbox tools and helpers', async (t) => {
  const { client } = await stdioClient(t);

  await t.test('pays by UPI and by net banking, and fails a card payment', async () => {
    const upi = dataOf(
      await call(client, 'sandbox_pay_order', { order_id: await newOrder(client), method: 'upi' }),
    );
    assert.equal(statusOf(upi, 'payment', 'payment_status'), 'SUCCESS');
    assert.equal(statusOf(upi, 'order', 'order_status'), 'PAID');
    const banking = dataOf(
      await call(client, 'sandbox_pay_order', { order_id: await newOrder(client), method: 'netbanking' }),
    );
    assert.equal(statusOf(banking, 'payment', 'payment_status'), 'SUCCESS');
    const failedId = await newOrder(client);
    const failed = dataOf(
      await call(client, 'sandbox_pay_order', { order_id: failedId, outcome: 'failure' }),
    );
    assert.equal(statusOf(failed, 'payment', 'payment_status'), 'FAILED');
    assert.equal(statusOf(failed, 'order', 'order_status'), 'ACTIVE');
    const paidTwice = await call(client, 'sandbox_pay_order', {
      order_id: String(statusOf(upi, 'order', 'order_id')),
    });
    assert.equal(paidTwice.isError, true);
    assert.match(textOf(paidTwice), /order_id: .* is PAID, not ACTIVE/);
  });

  await t.test('a subscription is authorised without a browser and becomes ACTIVE', async () => {
    const subscriptionId = `mcp_sub_${Date.now().toString(36)}`;
    const created = dataOf(
      await call(client, 'subscriptions_create', {
        body: {
          subscription_id: subscriptionId,
          customer_details: {
            customer_name: 'Priya Patel',
            customer_email: 'priya@example.com',
            customer_phone: '9876543210',
          },
          plan_details: {
            plan_name: 'Tea of the month',
            plan_type: 'PERIODIC',
            plan_amount: 499,
            plan_max_amount: 1000,
            plan_intervals: 1,
            plan_interval_type: 'MONTH',
          },
        },
      }),
    );
    assert.equal(created['subscription_status'], 'INITIALIZED');
    const authorised = dataOf(
      await call(client, 'sandbox_authorize_subscription', {
        subscription_id: subscriptionId,
        payment_method: 'card',
      }),
    );
    assert.equal(authorised['subscription_status'], 'ACTIVE');
    const read = dataOf(await call(client, 'subscriptions_get', { subscription_id: subscriptionId }));
    assert.equal(read['subscription_status'], 'ACTIVE');
  });

  await t.test('advancing the clock past an order’s expiry expires it', async () => {
    const expiry = new Date(Date.now() + 20 * 60_000).toISOString();
    const orderId = await newOrder(client, { order_expiry_time: expiry });
    const clock = dataOf(await call(client, 'sandbox_advance_clock', { hours: 1 }));
    assert.ok(Number(clock['advanced_ms']) >= 3_600_000);
    assert.equal(dataOf(await call(client, 'orders_get', { order_id: orderId }))['order_status'], 'EXPIRED');
    const nothing = await call(client, 'sandbox_advance_clock', {});
    assert.equal(nothing.isError, true);
  });

  await t.test('a triggered webhook is delivered to a registered endpoint, and resent', async () => {
    const app = await startLoopbackServer(t, (_request, response) => {
      response.writeHead(500).end('not yet');
    });
    const endpoint = dataOf(
      await call(client, 'sandbox_webhook_endpoint_create', { url: `${app.url}/hooks` }),
    );
    const orderId = await newOrder(client);
    const triggered = dataOf(
      await call(client, 'sandbox_webhook_trigger', { type: 'PAYMENT_SUCCESS_WEBHOOK', order_id: orderId }),
    );
    const deliveries = triggered['deliveries'] as { id: string; endpoint_id: string | null }[];
    const ours = deliveries.find((delivery) => delivery.endpoint_id === endpoint['id']);
    assert.ok(ours, 'a delivery to the registered endpoint');
    const resent = dataOf(await call(client, 'sandbox_webhook_resend', { delivery_id: ours.id }));
    assert.equal(resent['id'], ours.id);
    const listed = dataOf(await call(client, 'sandbox_webhook_deliveries', { endpoint_id: endpoint['id'] }));
    assert.ok((listed['data'] as { id: string }[]).some((delivery) => delivery.id === ours.id));
    const unknown = await call(client, 'sandbox_webhook_trigger', { type: 'NOT_A_TYPE', order_id: orderId });
    assert.equal(unknown.isError, true);
    assert.match(textOf(unknown), /PAYMENT_SUCCESS_WEBHOOK/);
  });

  await t.test(
    'webhooks_sign signs with the sandbox key and POSTs to the app; webhooks_verify accepts it',
    async () => {
      const app = await startLoopbackServer(t, (_request, response) => {
        response.writeHead(200).end('received');
      });
      const body = JSON.stringify({ type: 'PAYMENT_SUCCESS_WEBHOOK', data: { order: { order_id: 'o_1' } } });
      const signed = dataOf(await call(client, 'webhooks_sign', { body, send_to: `${app.url}/hooks` }));
      assert.deepEqual(signed['sent'], { url: `${app.url}/hooks`, status: 200, response_body: 'received' });
      const [received] = app.requests;
      assert.equal(received?.body, body);
      const verified = dataOf(
        await call(client, 'webhooks_verify', { raw_body: received?.body, headers: received?.headers }),
      );
      assert.equal(verified['verified'], true);
      const wrong = dataOf(
        await call(client, 'webhooks_verify', {
          raw_body: body,
          headers: received?.headers,
          secret: 'another_secret_1',
        }),
      );
      assert.equal(wrong['reason'], 'invalid_signature');
      assert.ok(typeof wrong['fix'] === 'string', 'the catalogue’s fix');
      assert.ok(!JSON.stringify(wrong).includes('another_secret_1'), 'the secret given is not echoed');
    },
  );

  await t.test('errors_explain reads the catalogue and names an unknown code', async () => {
    const known = dataOf(await call(client, 'errors_explain', { code: 'refund_not_allowed' }));
    assert.equal(known['code'], 'refund_not_allowed');
    const unknown = await call(client, 'errors_explain', { code: 'no such code at all' });
    assert.equal(unknown.isError, true);
  });

  await t.test('the docs are resources and the prompt walks the flow with the guides attached', async () => {
    const { resources } = await client.listResources();
    const errors = resources.find((resource) => resource.uri === 'cashfree-kit://docs/errors.md');
    assert.ok(errors);
    const read = await client.readResource({ uri: errors.uri });
    assert.match(String((read.contents[0] as { text?: string }).text), /refund_not_allowed/);
    const { prompts } = await client.listPrompts();
    assert.deepEqual(
      prompts.map((prompt) => prompt.name),
      ['integrate_cashfree_checkout'],
    );
    const prompt = await client.getPrompt({
      name: 'integrate_cashfree_checkout',
      arguments: { framework: 'Express' },
    });
    const [steps, ...guides] = prompt.messages;
    assert.ok(steps, 'the steps come first');
    assert.match(String((steps.content as { text?: string }).text), /this Express app[\s\S]*refunds_create/);
    assert.ok(
      guides.some((message) =>
        (message.content as { resource?: { uri: string } }).resource?.uri.endsWith('guides/refunds.md'),
      ),
    );
  });

  // Last: it moves this server's sandbox clock years ahead.
  await t.test('a card payment still succeeds after the sandbox clock moves four years ahead', async () => {
    await call(client, 'sandbox_advance_clock', { days: 4 * 366 });
    const paid = dataOf(
      await call(client, 'sandbox_pay_order', { order_id: await newOrder(client), method: 'card' }),
    );
    assert.equal(statusOf(paid, 'payment', 'payment_status'), 'SUCCESS', 'the test card has not expired');
    assert.equal(statusOf(paid, 'order', 'order_status'), 'PAID');
  });
});
