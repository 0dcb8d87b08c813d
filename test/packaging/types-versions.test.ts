/**
 * scripts/build/types-versions.mjs, which cashfree-kit's build runs as --check: typesVersions is
 * written from exports, and a package.json whose exports gained a subpath fails the check with
 * the command that fixes it.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { typesVersionsFromExports } from '../../scripts/build/types-versions.mjs';
import { REPO_ROOT } from './support/packed-app.ts';

const script = join(REPO_ROOT, 'scripts/build/types-versions.mjs');
const entry = (name: string) => ({
  'cashfree-kit-source': `./src/${name}.ts`,
  import: { types: `./dist/${name}.d.ts`, default: `./dist/${name}.js` },
  require: { types: `./dist/${name}.d.cts`, default: `./dist/${name}.cjs` },
});

test('one entry per subpath, to its CommonJS types; the root and package.json are left out', () => {
  assert.deepEqual(
    typesVersionsFromExports({
      '.': entry('index'),
      './testing': entry('testing/index'),
      './webhooks/express': entry('webhooks/express'),
      './package.json': './package.json',
    }),
    {
      '*': { testing: ['./dist/testing/index.d.cts'], 'webhooks/express': ['./dist/webhooks/express.d.cts'] },
    },
  );
  assert.equal(typesVersionsFromExports({ '.': entry('index') }), undefined);
  assert.throws(
    () => typesVersionsFromExports({ './payouts': { import: { types: './dist/payouts.d.ts' } } }),
    /exports\["\.\/payouts"\] has no require\.types/,
  );
});

test('--check fails on a subpath added to exports alone; --write makes it pass', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'cashfree-kit-types-versions-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'package.json');
  const sdk = JSON.parse(readFileSync(join(REPO_ROOT, 'packages/cashfree/package.json'), 'utf8'));
  const run = (mode: string) => spawnSync(process.execPath, [script, mode, file], { encoding: 'utf8' });

  writeFileSync(file, JSON.stringify(sdk));
  assert.equal(run('--check').status, 0, "cashfree-kit's own package.json is in step");

  writeFileSync(
    file,
    JSON.stringify({ ...sdk, exports: { ...sdk.exports, './subscriptions': entry('subscriptions/index') } }),
  );
  const failed = run('--check');
  assert.equal(failed.status, 1);
  assert.match(failed.stderr, /typesVersions does not match exports/);
  assert.match(failed.stderr, /types-versions\.mjs --write/);

  assert.equal(run('--write').status, 0);
  assert.equal(run('--check').status, 0);
  const written = JSON.parse(readFileSync(file, 'utf8'));
  assert.deepEqual(written.typesVersions['*'].subscriptions, ['./dist/subscriptions/index.d.cts']);
  assert.deepEqual(
    Object.keys(written).indexOf('typesVersions'),
    Object.keys(written).indexOf('exports') + 1,
  );
});
