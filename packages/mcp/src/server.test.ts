/**
 * With no keys set the server runs a local sandbox, whose state lands in `.cashfree-sandbox/` under
 * its working directory: a call refused before anything is sent (by the SDK's checks or by the
 * tool's own) must not start it and leave that directory behind; the first call that is sent does.
 * A sandbox that cannot start says so, rather than looking like an unreachable Cashfree.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { CashfreeMcp } from './server.js';

const text = (result: { content: unknown }) =>
  (result.content as { type: string; text: string }[]).map((part) => part.text).join('\n');

test('the local sandbox starts on the first call that is sent, not on a refused one', async (t) => {
  const cwd = mkdtempSync(join(tmpdir(), 'cashfree-mcp-lazy-'));
  const lines: string[] = [];
  const mcp = new CashfreeMcp({ env: {}, cwd, log: (line) => lines.push(line) });
  t.after(async () => {
    await mcp.close();
    rmSync(cwd, { recursive: true, force: true });
  });
  assert.equal(mcp.mode.target, 'local');
  const stateDirectory = join(cwd, '.cashfree-sandbox');
  const order = {
    order_id: 'mcp_lazy_1',
    order_amount: 250,
    order_currency: 'INR',
    customer_details: { customer_id: 'c_1', customer_phone: '9876543210' },
  };

  const badAmount = await mcp.call('orders_create', { body: { ...order, order_amount: 0 } });
  assert.equal(badAmount.isError, true);
  assert.match(text(badAmount), /^Not sent: .*order_amount/);
  const noBody = await mcp.call('orders_create', {});
  assert.equal(noBody.isError, true);
  assert.match(text(noBody), /^body: is required/);
  const payoutRefused = await mcp.call('payouts_transfers_create', { body: { transfer_id: '' } });
  assert.equal(payoutRefused.isError, true);
  assert.match(text(payoutRefused), /^Not sent: /);
  assert.equal(existsSync(stateDirectory), false, 'a refused call starts no sandbox');

  const created = await mcp.call('orders_create', { body: order });
  assert.notEqual(created.isError, true, text(created));
  assert.equal(created.structuredContent?.['order_status'], 'ACTIVE');
  assert.equal(existsSync(join(stateDirectory, 'sandbox.db')), true, 'a sent call starts it there');
  const fetched = await mcp.call('orders_get', { order_id: order.order_id });
  assert.equal(fetched.structuredContent?.['order_id'], order.order_id, text(fetched));
});

test('a sandbox that cannot start is reported as such, not as an unreachable Cashfree', async (t) => {
  const parent = mkdtempSync(join(tmpdir(), 'cashfree-mcp-lazy-'));
  const notADirectory = join(parent, 'a-file');
  writeFileSync(notADirectory, 'not a directory');
  const mcp = new CashfreeMcp({ env: {}, cwd: notADirectory, log: () => {} });
  t.after(async () => {
    await mcp.close();
    rmSync(parent, { recursive: true, force: true });
  });
  const created = await mcp.call('orders_create', {
    body: {
      order_id: 'mcp_lazy_2',
      order_amount: 250,
      order_currency: 'INR',
      customer_details: { customer_id: 'c_1', customer_phone: '9876543210' },
    },
  });
  assert.equal(created.isError, true);
  assert.match(text(created), /^The local sandbox could not start: .*ENOTDIR/);
  assert.doesNotMatch(text(created), /127\.0\.0\.1:0/, 'the placeholder origin is not shown');
});
