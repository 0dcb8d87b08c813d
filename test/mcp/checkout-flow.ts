/**
 * The flow an agent runs against the server, as one client sees it: list the tools and check what
 * the operation table says they are, create an order, pay it with the sandbox tool, read it PAID,
 * receive its signed webhook on a loopback endpoint, refund it, and meet a validation error that
 * names the field. Run over stdio and over Streamable HTTP by the tests beside it.
 */
import assert from 'node:assert/strict';
import { DEFAULT_SECRET_KEY } from '@cashfree-kit/sandbox';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { listOperations } from 'cashfree-kit';
import { startLoopbackServer, type Teardown } from '../support/loopback-server.ts';

/** Calls a tool and returns its result, typed as the tool-call result it is. */
export async function call(
  client: Client,
  name: string,
  args: Record<string, unknown>,
): Promise<CallToolResult> {
  return (await client.callTool({ name, arguments: args })) as CallToolResult;
}

/** The single line of text of a result. */
export function textOf(result: CallToolResult): string {
  const [first] = result.content;
  assert.equal(first?.type, 'text');
  return first.type === 'text' ? first.text : '';
}

/** The structured content of a successful result, failing with its text when it is an error. */
export function dataOf(result: CallToolResult): Record<string, unknown> {
  assert.notEqual(result.isError, true, `the tool failed: ${JSON.stringify(result.content)}`);
  assert.ok(result.structuredContent, 'no structuredContent');
  return result.structuredContent as Record<string, unknown>;
}

async function until<T>(what: string, read: () => Promise<T | undefined>): Promise<T> {
  for (let tries = 0; tries < 200; tries += 1) {
    const found = await read();
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`gave up waiting for ${what}`);
}

/** Every operation of the table is a tool whose listing follows its row. */
export async function checkToolListing(client: Client): Promise<void> {
  const { tools } = await client.listTools();
  for (const { call: sdkCall, operation } of listOperations()) {
    const tool = tools.find(
      (candidate) =>
        candidate.description?.startsWith(`${operation.method} ${operation.path}: `) &&
        candidate.annotations?.title?.startsWith(`${sdkCall} `),
    );
    assert.ok(tool, `no tool for ${sdkCall} (${operation.method} ${operation.path})`);
    assert.ok(tool.description?.includes(operation.summary), `${tool.name}: the row's summary`);
    assert.equal(tool.annotations?.readOnlyHint, operation.effect === 'read', `${tool.name} readOnlyHint`);
    assert.equal(
      tool.annotations?.destructiveHint,
      operation.effect === 'destructive',
      `${tool.name} destructiveHint`,
    );
    assert.equal(typeof tool.annotations?.idempotentHint, 'boolean', `${tool.name} idempotentHint`);
    assert.equal(tool.outputSchema?.type, 'object', `${tool.name} outputSchema`);
    for (const name of operation.path.match(/\{[^}]+\}/g) ?? []) {
      assert.ok(tool.inputSchema.required?.includes(name.slice(1, -1)), `${tool.name} requires ${name}`);
    }
    const body = (
      tool.inputSchema.properties as
        | Record<string, { required?: string[]; properties?: Record<string, unknown> }>
        | undefined
    )?.['body'];
    for (const rule of operation.request?.checks ?? []) {
      const [top] = rule.field.split('.');
      assert.ok(top && body?.properties?.[top], `${tool.name}: body.${top} is in the schema`);
      if (rule.required)
        assert.ok(body?.required?.includes(top as string), `${tool.name}: body.${top} is required`);
    }
  }
  const names = tools.map((tool) => tool.name);
  for (const name of [
    'orders_create',
    'orders_get',
    'refunds_create',
    'sandbox_pay_order',
    'errors_explain',
  ]) {
    assert.ok(names.includes(name), `${name} is listed`);
  }
  const create = tools.find((tool) => tool.name === 'orders_create');
  assert.ok(create, 'orders_create is listed');
  const body = (
    create.inputSchema.properties as Record<string, { properties?: Record<string, { maxLength?: number }> }>
  )['body'];
  const idRule = listOperations()
    .find(({ call: c }) => c === 'orders.create')
    ?.operation.request?.checks.find((rule) => rule.field === 'order_id');
  assert.equal(idRule?.check.kind, 'id');
  assert.equal(
    body?.properties?.['order_id']?.maxLength,
    idRule?.check.kind === 'id' ? idRule.check.max : undefined,
  );
}

/** Create → pay → PAID → signed webhook received and verified → refund → a validation error. */
export async function checkCheckoutFlow(t: Teardown, client: Client, stderr: () => string): Promise<void> {
  const receiver = await startLoopbackServer(t, (_request, response) => {
    response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
  });
  const endpoint = dataOf(
    await call(client, 'sandbox_webhook_endpoint_create', { url: `${receiver.url}/webhooks` }),
  );
  assert.match(String(endpoint['id']), /^we_/);

  const orderId = `mcp_${Date.now().toString(36)}`;
  const created = await call(client, 'orders_create', {
    body: {
      order_id: orderId,
      order_amount: 499,
      order_currency: 'INR',
      customer_details: { customer_id: 'c_1', customer_phone: '9876543210' },
    },
  });
  assert.equal(dataOf(created)['order_status'], 'ACTIVE');
  assert.equal(created.content.length, 1);
  assert.match(textOf(created), new RegExp(`${orderId}.*ACTIVE`));

  const paid = dataOf(await call(client, 'sandbox_pay_order', { order_id: orderId, method: 'card' }));
  assert.equal((paid['payment'] as { payment_status?: string }).payment_status, 'SUCCESS');

  const read = dataOf(await call(client, 'orders_get', { order_id: orderId }));
  assert.equal(read['order_status'], 'PAID');

  const delivered = await until('the PAYMENT_SUCCESS_WEBHOOK at the loopback endpoint', async () =>
    receiver.requests.find(
      (request) => request.body.includes('PAYMENT_SUCCESS_WEBHOOK') && request.body.includes(orderId),
    ),
  );
  assert.ok(delivered.headers['x-webhook-signature'], 'the delivery is signed');
  const verified = dataOf(
    await call(client, 'webhooks_verify', {
      raw_body: delivered.body,
      headers: delivered.headers,
      check_timestamp: false,
    }),
  );
  assert.equal(verified['verified'], true);
  assert.equal(verified['type'], 'PAYMENT_SUCCESS_WEBHOOK');
  const tampered = dataOf(
    await call(client, 'webhooks_verify', {
      raw_body: `${delivered.body} `,
      headers: delivered.headers,
      check_timestamp: false,
    }),
  );
  assert.equal(tampered['verified'], false);
  assert.equal(tampered['reason'], 'invalid_signature');

  const deliveries = await until('the delivery recorded with its 200', async () => {
    const page = dataOf(
      await call(client, 'sandbox_webhook_deliveries', { order_id: orderId, endpoint_id: endpoint['id'] }),
    );
    const list = page['data'] as { event_type: string; attempts: { status_code: number | null }[] }[];
    const success = list.find((entry) => entry.event_type === 'PAYMENT_SUCCESS_WEBHOOK');
    return success?.attempts.some((attempt) => attempt.status_code === 200) ? success : undefined;
  });
  assert.equal(deliveries.event_type, 'PAYMENT_SUCCESS_WEBHOOK');

  const refund = dataOf(
    await call(client, 'refunds_create', {
      order_id: orderId,
      body: { refund_id: `r_${orderId}`, refund_amount: 100 },
    }),
  );
  assert.equal(refund['refund_id'], `r_${orderId}`);
  assert.ok(
    ['PENDING', 'SUCCESS'].includes(String(refund['refund_status'])),
    `refund_status ${String(refund['refund_status'])}`,
  );

  const invalid = await call(client, 'orders_create', {
    body: {
      order_id: `${orderId}_bad`,
      order_amount: 499,
      order_currency: 'INR',
      customer_details: { customer_id: 'c_1', customer_phone: '+91 98765 43210' },
    },
  });
  assert.equal(invalid.isError, true);
  assert.match(textOf(invalid), /customer_details\.customer_phone/);
  const missing = dataOf(await call(client, 'sandbox_webhook_deliveries', { order_id: `${orderId}_bad` }));
  assert.deepEqual(missing['data'], [], 'nothing was sent for the invalid order');

  assert.match(stderr(), /orders_create\(body\) ok/);
  assert.ok(!stderr().includes(DEFAULT_SECRET_KEY), 'the sandbox key is not logged');
  assert.ok(!JSON.stringify([created, paid, read, verified, refund, invalid]).includes(DEFAULT_SECRET_KEY));
}
