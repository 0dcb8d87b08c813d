#!/usr/bin/env node
// Benchmark 2 (not a test): what a user installs. Each SDK goes alone into a fresh temporary
// project (`npm install --prefer-offline --no-audit --no-fund`): cashfree-kit as the tarball
// `npm pack` makes of packages/cashfree (what the registry would serve), cashfree-pg at 6.0.6 from
// the registry. Counted: packages npm installed and the bytes of every file under node_modules.
// The counts are deterministic, so one install each is enough.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installedPackages, treeBytes } from './lib/footprint.js';
import { figuresOf, type Target } from './lib/results.js';
import type { Samples } from './lib/rounds.js';
import { runBenchmark } from './lib/run.js';
import { formatNumber } from './lib/table.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const OURS = 'cashfree-kit';
const THEIRS = 'cashfree-pg 6.0.6';

function install(spec: string): { packages: number; bytes: number; allocated: number; files: number } {
  const project = mkdtempSync(join(tmpdir(), 'cashfree-bench-install-'));
  try {
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'footprint', private: true }));
    const result = spawnSync(npm, ['install', '--prefer-offline', '--no-audit', '--no-fund', spec], {
      cwd: project,
      encoding: 'utf8',
      timeout: 180_000,
    });
    if (result.status !== 0) {
      const why = result.error?.message ?? `${result.stderr}`.trim().split('\n').slice(-5).join(' / ');
      throw new Error(`npm install ${spec} failed (${result.status ?? result.signal}): ${why}`);
    }
    return { packages: installedPackages(project).length, ...treeBytes(join(project, 'node_modules')) };
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
}

/** `npm pack` of packages/cashfree into `dir`; returns the tarball's path. */
function packSdk(dir: string): string {
  const out = execFileSync(npm, ['pack', '-w', 'packages/cashfree', '--pack-destination', dir, '--json'], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [packed] = JSON.parse(out) as Array<{ filename: string }>;
  return join(dir, packed!.filename);
}

await runBenchmark('install-footprint', 'Install footprint: what a user installs', async (settings) => {
  const scratch = mkdtempSync(join(tmpdir(), 'cashfree-bench-pack-'));
  const samples: Samples = {};
  const notes: string[] = [];
  try {
    const specs: Array<[string, () => string]> = [
      [OURS, () => packSdk(scratch)],
      [THEIRS, () => 'cashfree-pg@6.0.6'],
    ];
    for (const [name, spec] of specs) {
      settings.log(`install-footprint: installing ${name}`);
      try {
        const got = install(spec());
        samples[name] = {
          packages: [got.packages],
          files: [got.files],
          'MB of files': [got.bytes / 1e6],
          'MB on disk (du)': [got.allocated / 1e6],
        };
      } catch (error) {
        notes.push(`Not measured: ${name}: ${(error as Error).message}`);
        process.exitCode = 1;
      }
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const caseName = 'npm install into an empty project';
  const figures = figuresOf(caseName, samples, [
    { metric: 'packages', better: 'lower' },
    { metric: 'files', better: 'lower' },
    { metric: 'MB of files', better: 'lower', baseline: THEIRS },
    { metric: 'MB on disk (du)', better: 'lower' },
  ]);
  const targets: Target[] = [];
  if (samples[OURS]) {
    targets.push({
      goal: 'the SDK installs no dependencies (one package)',
      measured: `${formatNumber(samples[OURS]!['packages']![0]!)} package(s)`,
      met: samples[OURS]!['packages']![0] === 1,
    });
  }
  for (const note of notes) settings.log(note);
  return {
    setup:
      'Each SDK installed alone into a fresh project with `npm install --prefer-offline --no-audit --no-fund`: ' +
      'cashfree-kit from the tarball `npm pack -w packages/cashfree` makes, cashfree-pg@6.0.6 from the registry. ' +
      'Packages are the entries of `node_modules/.package-lock.json`; bytes are the sizes of every file under `node_modules`, and what `du` counts (whole blocks).',
    figures,
    targets,
    notes,
    rounds: 1,
  };
});
