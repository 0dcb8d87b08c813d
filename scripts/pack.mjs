#!/usr/bin/env node
// `npm run pack`: builds the publishable packages of the workspace (every one not marked private:
// cashfree-kit, @cashfree-kit/sandbox, @cashfree-kit/cli, …) and packs each as `npm publish` would,
// into dist-packages/, so an app outside this repository can install them before they are on the
// npm registry:
//
//   npm install /path/to/cashfree-kit/dist-packages/*.tgz
//
// Given together, the tarballs satisfy each other: @cashfree-kit/sandbox's dependency on
// cashfree-kit 0.1.0 is met by cashfree-kit-0.1.0.tgz, so npm fetches only third-party packages.
// This script checks that before packing.
//
//   node scripts/pack.mjs [--out DIR] [--no-build] [--json] [NAME…]
//     NAME         only these packages (default: every publishable one)
//     --out DIR    where the tarballs go (default dist-packages/; emptied first)
//     --no-build   pack the existing dist/ folders (the tests do: `npm test` has just built them)
//     --json       print the packed packages as JSON ([{ name, version, tarball }]) instead of text
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/**
 * The workspaces npm would publish, in the root package.json's order.
 *
 * @returns {Array<{ dir: string, manifest: { name: string, version: string, main?: string, exports?: unknown, dependencies?: Record<string, string> } }>}
 */
export function publishableWorkspaces() {
  const rootManifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  return rootManifest.workspaces
    .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')) }))
    .filter(({ manifest }) => manifest.private !== true);
}

/**
 * Whether `version` satisfies `range`, for the forms this workspace pins its own packages with:
 * an exact version, `^x.y.z`, `~x.y.z` or `*`. Anything else (such as `workspace:*`, which npm
 * cannot install) is reported as not satisfied, so the pack fails and says why.
 */
export function satisfies(version, range) {
  if (range === '*' || range === version) return true;
  const match = /^([~^])(\d+)\.(\d+)\.(\d+)$/.exec(range);
  const have = /^(\d+)\.(\d+)\.(\d+)$/.exec(version);
  if (!match || !have) return false;
  const [, op, ...wantParts] = match;
  const [want, got] = [wantParts.map(Number), have.slice(1).map(Number)];
  const atLeast =
    got[0] !== want[0] ? got[0] > want[0] : got[1] !== want[1] ? got[1] > want[1] : got[2] >= want[2];
  if (!atLeast) return false;
  if (op === '~') return got[0] === want[0] && got[1] === want[1];
  // Caret: the left-most non-zero part stays.
  if (want[0] !== 0) return got[0] === want[0];
  if (want[1] !== 0) return got[0] === 0 && got[1] === want[1];
  return got[0] === 0 && got[1] === 0 && got[2] === want[2];
}

/** Every dependency of one packed package on another that the packed version would not satisfy. */
export function unresolvedInternalDependencies(workspaces) {
  const versions = new Map(workspaces.map(({ manifest }) => [manifest.name, manifest.version]));
  const problems = [];
  for (const { manifest } of workspaces) {
    for (const [name, range] of Object.entries(manifest.dependencies ?? {})) {
      const version = versions.get(name);
      if (version !== undefined && !satisfies(version, range)) {
        problems.push(
          `${manifest.name} depends on ${name}@${range}, but this workspace packs ${name}@${version}: ` +
            `set the dependency to "${version}" (changesets keeps it in step when versions move).`,
        );
      }
    }
  }
  return problems;
}

function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      out: { type: 'string', default: join(root, 'dist-packages') },
      'no-build': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  const out = resolve(values.out);
  const say = values.json ? () => {} : (line) => console.log(line);
  const publishable = publishableWorkspaces();
  const unknown = positionals.filter((name) => !publishable.some(({ manifest }) => manifest.name === name));
  if (unknown.length > 0) {
    fail(
      `no publishable package named ${unknown.join(', ')}; there are ${publishable.map(({ manifest }) => manifest.name).join(', ')}`,
    );
  }
  const workspaces =
    positionals.length === 0
      ? publishable
      : publishable.filter(({ manifest }) => positionals.includes(manifest.name));
  const names = workspaces.map(({ manifest }) => manifest.name);
  const selected = names.flatMap((name) => ['--workspace', name]);

  const problems = unresolvedInternalDependencies(workspaces);
  if (problems.length > 0) fail(problems.join('\n'));

  if (!values['no-build']) {
    say(`[pack] building ${names.join(', ')}`);
    // Build output goes to stderr so that --json leaves stdout to the result.
    try {
      execFileSync(npm, ['run', 'build', '--if-present', ...selected], {
        cwd: root,
        stdio: ['ignore', 2, 'inherit'],
      });
    } catch {
      fail('the build failed (its output is above); nothing was packed.');
    }
  }
  for (const { dir, manifest } of workspaces) {
    const entry = manifest.main ?? firstExportTarget(manifest.exports);
    if (entry && !existsSync(join(root, dir, entry))) {
      fail(
        `${manifest.name}: ${join(dir, entry)} is missing, so its tarball would be empty of code. ` +
          'Run `npm run pack` without --no-build (or `npm run build`) first.',
      );
    }
  }

  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const packed = JSON.parse(
    execFileSync(npm, ['pack', '--json', '--pack-destination', out, ...selected], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    }),
  ).map(({ name, version, filename }) => ({ name, version, tarball: join(out, filename) }));

  if (values.json) {
    console.log(JSON.stringify(packed, null, 2));
    return;
  }
  const shown = relative(process.cwd(), out) || '.';
  for (const { name, version, tarball } of packed)
    say(`[pack] ${name}@${version}  ${relative(process.cwd(), tarball)}`);
  say('');
  say('Install them into your app (from its folder), all together so they satisfy each other:');
  say(`  npm install ${packed.map(({ tarball }) => tarball).join(' ')}`);
  say(`(or only the ones you need, with cashfree-kit's tarball always among them; they are in ${shown}/)`);
}

/** The first file an `exports` map points at, to check that the build exists. */
function firstExportTarget(exportsMap) {
  let target = exportsMap?.['.'] ?? exportsMap;
  while (target && typeof target === 'object')
    target = target.import ?? target.default ?? Object.values(target)[0];
  return typeof target === 'string' ? target : undefined;
}

function fail(message) {
  console.error(`[pack] ${message}`);
  process.exit(1);
}

if (resolve(process.argv[1] ?? '') === fileURLToPath(import.meta.url)) main();
