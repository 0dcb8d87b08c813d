/**
 * The order_id lengths the error catalogue quotes (so docs/errors.md and `cashfree errors explain
 * order_id_invalid`) are the ones enforced: 3–45 by the contract and the local sandbox, 3–50 by the
 * SDK's own check (docs/decisions/0001-order-id-length.md), which lets 46–50 through to the API.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { explainErrorCode, isValidationError, validateCreateOrderRequest } from 'cashfree-kit';
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

test('order_id_invalid quotes the lengths the sandbox and the SDK enforce', async () => {
  const [sandboxMin, sandboxMax] = await acceptedRange(sandboxVerdict);
  const [sdkMin, sdkMax] = await acceptedRange(sdkVerdict);
  assert.deepEqual([sandboxMin, sandboxMax, sdkMin, sdkMax], [3, 45, 3, 50]);
  assert.equal(await sandboxVerdict('o'.repeat(sandboxMax + 1)), 'order_id_invalid');
  const row = explainErrorCode('order_id_invalid');
  assert.ok(row);
  assert.ok(row.cause.includes(`${sandboxMin}–${sandboxMax}`), row.cause);
  assert.ok(row.cause.includes(`${sandboxMax + 1}–${sdkMax}`), row.cause);
  assert.ok(row.fix.includes(`Send ${sandboxMin}–${sandboxMax} characters`), row.fix);
});
