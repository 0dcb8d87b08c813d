/** The version `initialize` reports is the package's. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { MCP_VERSION } from './version.js';

test('MCP_VERSION is package.json’s version', () => {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  assert.equal(MCP_VERSION, pkg.version);
});
