/**
 * Every operation tool reaches its row: called with arguments made from the row's own parameters
 * and checks, the SDK client behind it sends the row's method to the row's path (parameters filled
 * in) below the product's base path. So the argument order the tools use (path parameters, body,
 * query) holds for every SDK method, including ones added later.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  Cashfree,
  type FieldCheck,
  type FieldRule,
  isValidationError,
  listOperations,
  PRODUCTS,
} from 'cashfree-kit';
import { CashfreePayouts } from 'cashfree-kit/payouts';
import { createFakeFetch } from 'cashfree-kit/testing';
import { pathParameters } from './json-schema.js';
import { operationTools, toolName } from './operation-tools.js';

/** A value that passes a check, from the check's own parameters. */
function sample(check: FieldCheck): unknown {
  switch (check.kind) {
    case 'id':
      return 'x'.repeat(check.min);
    case 'rupees':
      return check.min + 1;
    case 'text':
      return 'x'.repeat(check.min ?? 1);
    case 'email':
      return 'priya@example.com';
    case 'currency':
      return 'INR';
    case 'phone':
      return '9876543210';
    case 'iso-time':
      return new Date(Date.now() + 86_400_000).toISOString();
    case 'webhook-url':
      return 'https://example.com/webhooks';
    case 'one-of':
      return check.values[0];
    case 'object':
      return {};
    case 'pattern':
      return check.example;
    case 'list':
      return Array.from({ length: check.min }, () => body(check.items, () => true));
  }
}

/** A body with a passing value for each rule `wanted` picks; a rupees field below another is halved. */
function body(rules: readonly FieldRule[], wanted: (rule: FieldRule) => boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const rule of rules.filter(wanted)) {
    const keys = rule.field.split('.');
    let node = out;
    for (const key of keys.slice(0, -1)) {
      node[key] ??= {};
      node = node[key] as Record<string, unknown>;
    }
    const last = keys.at(-1) as string;
    if (node[last] === undefined || rule.check.kind !== 'object') node[last] = sample(rule.check);
  }
  for (const rule of rules.filter(wanted)) {
    if (rule.check.kind === 'rupees' && rule.check.belowField) {
      const keys = rule.field.split('.');
      const parent = keys.slice(0, -1).reduce((node, key) => node[key] as Record<string, unknown>, out);
      parent[keys.at(-1) as string] = rule.check.min + 0.5;
      const limit = rule.check.belowField.split('.');
      const owner = limit.slice(0, -1).reduce((node, key) => node[key] as Record<string, unknown>, out);
      owner[limit.at(-1) as string] = rule.check.min + 10;
    }
  }
  return out;
}

test('each operation tool sends its row’s method and path through the SDK client of its product', async () => {
  const fetch = createFakeFetch();
  const clients = {
    pg: new Cashfree({ appId: 'app_1', secretKey: 'secret_1', environment: 'sandbox', fetch }),
    payouts: new CashfreePayouts({
      clientId: 'app_1',
      clientSecret: 'secret_1',
      environment: 'sandbox',
      fetch,
    }),
  };
  const tools = operationTools(async (product) => clients[product]);
  for (const { call, operation } of listOperations()) {
    const tool = tools.find((candidate) => candidate.name === toolName(call));
    assert.ok(tool, `a tool for ${call}`);
    const params = Object.fromEntries(pathParameters(operation).map((name) => [name, `${name}_1`]));
    const query = Object.entries(operation.query ?? {}).map(([name, parameter]) => [
      name,
      parameter.values?.[0] ?? `${name}_1`,
    ]);
    // All of it first. Then, for the pairs the SDK checks beyond the row (exactly one lookup form
    // of a beneficiary; a transfer_token or a beneficiary, not both): each query parameter alone,
    // the body without one of its fields, and the required fields alone.
    const everything = (_rule: FieldRule) => true;
    const attempts = [
      { query, wanted: everything },
      ...query.map((entry) => ({ query: [entry], wanted: everything })),
      ...(operation.request?.checks ?? []).map((left) => ({
        query,
        wanted: (rule: FieldRule) => rule !== left,
      })),
      { query, wanted: (rule: FieldRule) => rule.required },
    ];
    let sent = false;
    for (const attempt of attempts) {
      const args = {
        ...params,
        ...Object.fromEntries(attempt.query),
        ...(operation.request ? { body: body(operation.request.checks, attempt.wanted) } : {}),
      };
      fetch.reset();
      try {
        await tool.run(args);
      } catch (error) {
        if (isValidationError(error) && fetch.calls.length === 0) continue;
        throw error;
      }
      sent = true;
      break;
    }
    assert.ok(sent, `${call}: the SDK sent it`);
    const [request] = fetch.calls;
    const path = operation.path.replace(/\{([^}]+)\}/g, (_match, name: string) => `${name}_1`);
    assert.equal(request?.method, operation.method, `${call}: method`);
    assert.equal(request?.path, `${PRODUCTS[operation.product].basePath}${path}`, `${call}: path`);
  }
});

test('tool names follow the SDK call', () => {
  assert.equal(toolName('orders.create'), 'orders_create');
  assert.equal(toolName('orders.getExtended'), 'orders_get_extended');
  assert.equal(toolName('payouts.batchTransfers.get'), 'payouts_batch_transfers_get');
});

test('a PG write takes idempotency_key and sends it as x-idempotency-key', async () => {
  const fetch = createFakeFetch();
  const pg = new Cashfree({ appId: 'app_1', secretKey: 'secret_1', environment: 'sandbox', fetch });
  const terminate = operationTools(async () => pg).find((tool) => tool.name === 'orders_terminate');
  assert.ok(terminate?.inputSchema.properties?.['idempotency_key']);
  await terminate.run({ order_id: 'order_1', idempotency_key: 'key_for_retries_1' });
  assert.equal(fetch.lastCall?.headers['x-idempotency-key'], 'key_for_retries_1');
});
