/**
 * One order_id limit everywhere (docs/decisions/0001-order-id-length.md): the lengths the SDK
 * accepts before sending are the lengths the local sandbox accepts, both read from the
 * create-order row, and the ones the error catalogue (so docs/errors.md and `cashfree errors
 * explain order_id_invalid`) quotes. Measured, not compared: each side is asked about 1–60.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { explainErrorCode, isValidationError, OPERATIONS, validateCreateOrderRequest } from 'cashfree-kit';
import { sandboxCalls } from '../reliability/support/sandbox-calls.ts';

const sandbox = sandboxCalls();
after(() => sandbox.close());

function order(orderId: string) {
  return {
    order_id: orderId,
    order_amount: 499,
    order_currency: 'INR',
    customer_details: { customer_id: 'cust_001', customer_phone: '9876543210' },
  };
}

/** The sandbox's answer to creating an order with this id: 200, or the error code. */
async function sandboxVerdict(orderId: string): Promise<string> {
  const response = await sandbox.call('POST', '/pg/orders', order(orderId));
  return response.status === 200 ? 'accepted' : String((response.json as { code?: string }).code);
}

function sdkVerdict(orderId: string): string {
  try {
    validateCreateOrderRequest(order(orderId));
    return 'accepted';
  } catch (error) {
    return isValidationError(error) ? `refused ${error.field}` : String(error);
  }
}

/** The smallest and largest id lengths a verdict accepts, over 1–60 (each id unique: `ooo12`). */
async function acceptedRange(verdict: (id: string) => string | Promise<string>): Promise<[number, number]> {
  const accepted: number[] = [];
  for (let length = 1; length <= 60; length += 1) {
    if ((await verdict(String(length).padStart(length, 'o'))) === 'accepted') accepted.push(length);
  }
  return [Math.min(...accepted), Math.max(...accepted)];
}

test('the SDK and the sandbox accept the same order_id lengths, the row’s, and order_id_invalid quotes them', async () => {
  const [sandboxMin, sandboxMax] = await acceptedRange(sandboxVerdict);
  const [sdkMin, sdkMax] = await acceptedRange(sdkVerdict);
  assert.deepEqual([sdkMin, sdkMax], [sandboxMin, sandboxMax], 'validated before sending never fails after');
  const rule = OPERATIONS.orders.create.request?.checks.find((r) => r.field === 'order_id')?.check;
  assert.deepEqual(rule, { kind: 'id', min: sdkMin, max: sdkMax });
  assert.equal(sdkVerdict('o'.repeat(sdkMax + 1)), 'refused order_id');
  assert.equal(await sandboxVerdict('o'.repeat(sandboxMax + 1)), 'order_id_invalid');
  const row = explainErrorCode('order_id_invalid');
  assert.ok(row);
  assert.ok(row.cause.includes(`${sandboxMin}–${sandboxMax}`), row.cause);
  assert.ok(row.fix.includes(`Send ${sandboxMin}–${sandboxMax} characters`), row.fix);
});
