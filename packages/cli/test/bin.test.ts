/**
 * bin/cashfree.js runs the CLI from its build when there is a fresh one, and from the TypeScript
 * source in a development checkout, from any working directory.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { prerequisite } from '../../../test/support/prerequisites.ts';
import { CLI_VERSION } from '../src/version.ts';
import { BIN, buildIsFresh, childEnv } from './support.ts';

function cashfree(args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, [BIN, ...args], { cwd: tmpdir(), env, encoding: 'utf8' });
}

test('from source: runs through tsx from any working directory', () => {
  const result = cashfree(['--version'], { ...childEnv(), CASHFREE_KIT_CLI_FROM_SOURCE: '1' });
  assert.equal(result.status, 0, result.stderr);
  assert.equal(result.stdout, `${CLI_VERSION}\n`);
  const explain = cashfree(['errors', 'explain', 'order_not_found'], {
    ...childEnv(),
    CASHFREE_KIT_CLI_FROM_SOURCE: '1',
  });
  assert.equal(explain.status, 0, explain.stderr);
  assert.equal(JSON.parse(explain.stdout).code, 'order_not_found');
});

test('built: runs dist/bin.js', (t) => {
  const built = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
  if (
    !prerequisite(
      t,
      existsSync(built) && buildIsFresh(),
      'a fresh build of the CLI, SDK and sandbox',
      'Run `npm run build` (npm test does it first).',
    )
  ) {
    return;
  }
  const env = childEnv();
  delete env['CASHFREE_KIT_CLI_FROM_SOURCE'];
  const result = cashfree(['errors', 'explain', 'order_not_found'], env);
  assert.equal(result.status, 0, result.stderr);
  assert.equal(JSON.parse(result.stdout).code, 'order_not_found');
  const smoke = cashfree(['smoke'], env);
  assert.equal(smoke.status, 0, smoke.stderr);
  assert.equal(JSON.parse(smoke.stdout).ok, true);
});
