/**
 * docs/reliability.md names the test behind every guarantee: each test file it names must exist,
 * and every reliability test must be named there, so the page cannot drift from the suite.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const page = readFileSync(`${root}docs/reliability.md`, 'utf8');

test('every test file docs/reliability.md names exists', () => {
  const named = [...page.matchAll(/`(test\/reliability\/[\w./-]+\.ts)`/g)].map((m) => m[1] as string);
  assert.ok(named.length > 0);
  for (const file of named) assert.ok(existsSync(`${root}${file}`), `${file} (named in docs/reliability.md)`);
});

test('every reliability test is named in docs/reliability.md', () => {
  const files = readdirSync(`${root}test/reliability`).filter((name) => name.endsWith('.test.ts'));
  for (const name of files) {
    assert.ok(
      page.includes(`test/reliability/${name}`),
      `test/reliability/${name} is not in docs/reliability.md`,
    );
  }
});
