/**
 * The input schema carries the row's rules: nested fields under their parents, required ones
 * (and their parents) listed, each check kind's limits as JSON Schema keywords.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type FieldRule, OPERATIONS } from 'cashfree-kit';
import { inputSchema, objectSchema, outputSchema } from './json-schema.js';

test('dotted fields nest, and a required child makes its parent required', () => {
  const rules: FieldRule[] = [
    { field: 'customer_details', required: true, check: { kind: 'object' } },
    { field: 'customer_details.customer_phone', required: true, check: { kind: 'phone' } },
    { field: 'meta.note', required: false, check: { kind: 'text', max: 20 } },
    {
      field: 'cart.items',
      required: true,
      check: {
        kind: 'list',
        min: 1,
        max: 3,
        items: [{ field: 'sku', required: true, check: { kind: 'id', min: 1, max: 9 } }],
      },
    },
  ];
  const schema = objectSchema(rules);
  assert.deepEqual(schema.required, ['customer_details', 'cart']);
  assert.deepEqual(schema.properties?.['customer_details']?.required, ['customer_phone']);
  assert.equal(schema.properties?.['customer_details']?.type, 'object');
  assert.equal(schema.properties?.['customer_details']?.properties?.['customer_phone']?.type, 'string');
  assert.equal(schema.properties?.['meta']?.required, undefined);
  assert.equal(schema.properties?.['meta']?.properties?.['note']?.maxLength, 20);
  const items = schema.properties?.['cart']?.properties?.['items'];
  assert.equal(items?.type, 'array');
  assert.equal(items?.maxItems, 3);
  assert.equal(items?.items?.properties?.['sku']?.maxLength, 9);
});

test('each check kind maps to its limits', () => {
  const one = (rule: FieldRule) => objectSchema([rule]).properties?.[rule.field];
  assert.deepEqual(one({ field: 'a', required: true, check: { kind: 'one-of', values: ['X', 'Y'] } })?.enum, [
    'X',
    'Y',
  ]);
  const rupees = one({ field: 'a', required: true, check: { kind: 'rupees', min: 1, exclusive: true } });
  assert.equal(rupees?.exclusiveMinimum, 1);
  assert.equal(
    one({ field: 'a', required: true, check: { kind: 'rupees', min: 1, exclusive: false } })?.minimum,
    1,
  );
  const pattern = one({
    field: 'a',
    required: true,
    check: { kind: 'pattern', pattern: '^[0-9]+$', means: 'digits', example: '12' },
  });
  assert.equal(pattern?.pattern, '^[0-9]+$');
  assert.deepEqual(pattern?.examples, ['12']);
  const text = one({ field: 'a', required: true, check: { kind: 'text', max: 5, fix: 'Send a name.' } });
  assert.equal(text?.description, 'Send a name.');
});

test('a tool’s input: path parameters, query values, the body, idempotency_key for PG writes only', () => {
  const refund = inputSchema(OPERATIONS.refunds.create);
  assert.deepEqual(refund.required, ['order_id', 'body']);
  assert.ok(refund.properties?.['idempotency_key']);
  const orders = inputSchema(OPERATIONS.links.orders);
  assert.deepEqual(orders.properties?.['status']?.enum, OPERATIONS.links.orders.query.status.values);
  assert.equal(inputSchema(OPERATIONS.orders.get).properties?.['idempotency_key'], undefined);
});

test('output: the status field’s values, or items for a list', () => {
  assert.match(String(outputSchema(OPERATIONS.orders.get).properties?.['order_status']?.description), /PAID/);
  assert.deepEqual(outputSchema(OPERATIONS.refunds.list).required, ['items']);
});
