/**
 * Every package npm installs from the lockfile runs on the oldest Node the workspace supports, so
 * `npm install` on it prints no EBADENGINE warning (light-my-request 6.8, under fastify, brought
 * cookie 2, which wants Node 22: the root package.json's `overrides` pins 6.6.0, whose cookie 1 runs on 20).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import semver from 'semver';
import { REPO_ROOT } from './support/packed-app.ts';

const json = (path: string) => JSON.parse(readFileSync(join(REPO_ROOT, path), 'utf8'));

test('every locked package admits the oldest Node the workspace supports', () => {
  const range: string = json('package.json').engines.node;
  const oldest = semver.minVersion(range);
  assert.ok(oldest, `engines.node '${range}' has a minimum`);
  const lock = json('package-lock.json') as {
    packages: Record<string, { engines?: Record<string, string> | string[]; optional?: boolean }>;
  };
  const refused = Object.entries(lock.packages)
    .filter(([, entry]) => entry.engines && !Array.isArray(entry.engines) && entry.engines['node'])
    .filter(
      ([, entry]) => !semver.satisfies(oldest, (entry.engines as Record<string, string>)['node'] as string),
    )
    .map(([path, entry]) => `${path} wants node ${(entry.engines as Record<string, string>)['node']}`);
  assert.deepEqual(refused, [], `on Node ${oldest.version} npm install would warn EBADENGINE for these`);
});
