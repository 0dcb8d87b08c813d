/**
 * The server over stdio, driven by the MCP SDK's Client in a fresh process with no keys set: the
 * tool listing follows the operation table, and the checkout flow runs against the local sandbox
 * the server starts on first use (its state in the working directory's .cashfree-sandbox/).
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { checkCheckoutFlow, checkToolListing } from './checkout-flow.ts';
import { scratchDirectory, stdioClient } from './support.ts';

test('over stdio with no keys: tools from the operation table, and the checkout flow on the local sandbox', async (t) => {
  const cwd = scratchDirectory(t);
  const { client, stderr } = await stdioClient(t, { cwd });
  await checkToolListing(client);
  assert.equal(existsSync(join(cwd, '.cashfree-sandbox')), false, 'listing tools starts no sandbox');
  await checkCheckoutFlow(t, client, stderr);
  assert.equal(
    existsSync(join(cwd, '.cashfree-sandbox', 'sandbox.db')),
    true,
    'the sandbox keeps its state under the cwd',
  );
});
