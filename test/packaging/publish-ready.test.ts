/**
 * Every package `changeset publish` (npm run release) would publish is ready to: the metadata npm
 * shows and provenance checks, a tarball that holds what its package.json points at and nothing
 * of the repository's tests, and versions of each other that the packed versions satisfy.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { publishableWorkspaces, satisfies, unresolvedInternalDependencies } from '../../scripts/pack.mjs';
import { prerequisite } from '../support/prerequisites.ts';
import { REPO_ROOT } from './support/packed-app.ts';

const workspaces = publishableWorkspaces();
const firstRepositoryUrl = (workspaces[0]?.manifest['repository'] as { url?: string } | undefined)?.url;

/** Every file a manifest points at: main, module, types, bin and the leaves of exports. */
function pointedAt(manifest: Record<string, unknown>): string[] {
  const files: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') files.push(value);
    else if (value && typeof value === 'object') for (const inner of Object.values(value)) walk(inner);
  };
  const { exports, bin, main, module, types } = manifest;
  walk([main, module, types, bin]);
  // The source condition is for this repository's tests only; npm users never resolve it.
  walk(
    JSON.parse(
      JSON.stringify(exports ?? {}, (key, value) => (key === 'cashfree-kit-source' ? undefined : value)),
    ),
  );
  return [...new Set(files.map((file) => file.replace(/^\.\//, '')))];
}

describe('publishable packages', () => {
  test('are the SDK, the sandbox and the CLI at least', () => {
    const names = workspaces.map(({ manifest }) => manifest.name);
    for (const name of ['cashfree-kit', '@cashfree-kit/sandbox', '@cashfree-kit/cli'])
      assert.ok(names.includes(name), name);
  });

  for (const { dir, manifest } of workspaces) {
    test(`${manifest.name}: repository, homepage, bugs, license, files and publishConfig for a provenance release`, () => {
      const fix = `set it in ${dir}/package.json as packages/cashfree/package.json does`;
      const repository = manifest['repository'] as
        | { type?: string; url?: string; directory?: string }
        | undefined;
      assert.equal(repository?.type, 'git', `repository.type: ${fix}`);
      // Provenance ties the package to the repository it was built from: one URL for all of them.
      assert.equal(repository?.url, firstRepositoryUrl, `repository.url: ${fix}`);
      assert.match(
        repository?.url ?? '',
        /^git\+https:\/\/github\.com\/[^/]+\/[^/]+\.git$/,
        `repository.url: ${fix}`,
      );
      assert.equal(repository?.directory, dir, `repository.directory is the package's folder: ${fix}`);
      assert.match(String(manifest['homepage']), new RegExp(`/${dir}#readme$`), `homepage: ${fix}`);
      assert.match(
        String((manifest['bugs'] as { url?: string } | undefined)?.url),
        /\/issues$/,
        `bugs.url: ${fix}`,
      );
      assert.equal(manifest['license'], 'MIT', `license: ${fix}`);
      assert.deepEqual(
        manifest['publishConfig'],
        { access: 'public', provenance: true },
        `publishConfig: ${fix}`,
      );
      assert.match(manifest.version, /^\d+\.\d+\.\d+(-[\w.]+)?$/, 'version');
      assert.ok(
        Array.isArray(manifest['files']) && (manifest['files'] as string[]).includes('dist'),
        `files lists dist: ${fix}`,
      );
    });

    test(`${manifest.name}: its tarball holds every file package.json points at, and no tests`, (t) => {
      const targets = pointedAt(manifest);
      const isBuilt = targets.every(
        (file) => !file.startsWith('dist/') || existsSync(join(REPO_ROOT, dir, file)),
      );
      if (
        !prerequisite(
          t,
          isBuilt,
          `the build of ${manifest.name} (${dir}/dist)`,
          'Run `npm run build` first (npm test does it for you).',
        )
      ) {
        return;
      }
      const [packed] = JSON.parse(
        execFileSync('npm', ['pack', '--dry-run', '--json', '--workspace', manifest.name], {
          cwd: REPO_ROOT,
          encoding: 'utf8',
        }),
      ) as [{ files: Array<{ path: string }> }];
      const paths = packed.files.map(({ path }) => path);
      for (const file of [...targets, 'package.json', 'README.md'])
        assert.ok(paths.includes(file), `${manifest.name}'s tarball has ${file}`);
      const unwanted = paths.filter((path) =>
        /(^|\/)(test|src)\/|\.test\.[cm]?[jt]s$|tsdown\.config/.test(path),
      );
      assert.deepEqual(
        unwanted,
        [],
        `${manifest.name}'s tarball holds only what users run: fix "files" in ${dir}/package.json`,
      );
    });
  }

  test('their dependencies on each other are met by the versions packed together', () => {
    assert.deepEqual(unresolvedInternalDependencies(workspaces), []);
  });
});

describe('scripts/pack.mjs version check', () => {
  test('exact, caret, tilde and star ranges as npm reads them', () => {
    const cases: Array<[version: string, range: string, expected: boolean]> = [
      ['0.1.0', '0.1.0', true],
      ['0.1.1', '0.1.0', false],
      ['0.1.4', '^0.1.0', true],
      ['0.2.0', '^0.1.0', false],
      ['0.0.3', '^0.0.3', true],
      ['0.0.4', '^0.0.3', false],
      ['1.9.0', '^1.2.3', true],
      ['1.2.2', '^1.2.3', false],
      ['2.0.0', '^1.2.3', false],
      ['1.2.9', '~1.2.3', true],
      ['1.3.0', '~1.2.3', false],
      ['3.0.0', '*', true],
      ['0.1.0', 'workspace:*', false],
    ];
    for (const [version, range, expected] of cases)
      assert.equal(satisfies(version, range), expected, `${version} in ${range}`);
  });

  test('a pin the packed version misses is named with its fix', () => {
    const problems = unresolvedInternalDependencies([
      { dir: 'packages/cashfree', manifest: { name: 'cashfree-kit', version: '0.2.0' } },
      {
        dir: 'packages/sandbox',
        manifest: {
          name: '@cashfree-kit/sandbox',
          version: '0.1.0',
          dependencies: { 'cashfree-kit': '0.1.0', hono: '^4.0.0' },
        },
      },
    ]);
    assert.deepEqual(problems, [
      '@cashfree-kit/sandbox depends on cashfree-kit@0.1.0, but this workspace packs cashfree-kit@0.2.0: set the dependency to "0.2.0" (changesets keeps it in step when versions move).',
    ]);
  });
});
