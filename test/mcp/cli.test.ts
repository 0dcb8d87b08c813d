/**
 * `cashfree mcp` (the CLI's binary, run from source as in a checkout) serves the same server over
 * stdio: its stdout carries only the MCP channel, the tools are listed and a helper answers.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { call, dataOf } from './checkout-flow.ts';
import { scratchDirectory, serverEnvironment } from './support.ts';

const CASHFREE = fileURLToPath(new URL('../../packages/cli/bin/cashfree.js', import.meta.url));

test('cashfree mcp serves the MCP server over stdio', async (t) => {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [CASHFREE, 'mcp'],
    cwd: scratchDirectory(t),
    env: serverEnvironment({ CASHFREE_KIT_CLI_FROM_SOURCE: '1' }),
    stderr: 'pipe',
  });
  const client = new Client({ name: 'cashfree-kit-test', version: '0.0.0' });
  await client.connect(transport);
  t.after(() => client.close());
  const { tools } = await client.listTools();
  assert.ok(tools.some((tool) => tool.name === 'orders_create'));
  assert.ok(
    tools.some((tool) => tool.name === 'sandbox_pay_order'),
    'no keys: the sandbox tools',
  );
  const explained = dataOf(await call(client, 'errors_explain', { code: 'order_already_exists' }));
  assert.equal(explained['code'], 'order_already_exists');
});
