#!/usr/bin/env node
// Benchmark 1 (not a test): a fresh Node process that imports the SDK, against `node -e 0` (the
// floor: starting Node at all) and against importing Cashfree's official cashfree-pg. Wall time
// (spawn to exit, seen by this process), CPU time and RSS (reported by the child after its
// import). Both SDKs are imported as a user's project would: the built package, no loaders.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { figuresOf, findFigure } from './lib/results.js';
import { interleave } from './lib/rounds.js';
import { runBenchmark } from './lib/run.js';
import { median } from './lib/stats.js';
import { formatRatio } from './lib/table.js';

const root = fileURLToPath(new URL('..', import.meta.url));

const REPORT =
  'const u = process.cpuUsage(); process.stdout.write(JSON.stringify({ cpu: (u.user + u.system) / 1000, rss: process.memoryUsage().rss }));';

const CONTENDERS = {
  'node -e 0': '',
  'cashfree-kit': "import { Cashfree } from 'cashfree-kit';",
  'cashfree-pg 6.0.6': "import { Cashfree } from 'cashfree-pg';",
  'cashfree-pg, new Cashfree() (analytics default)':
    "import { Cashfree, CFEnvironment } from 'cashfree-pg'; new Cashfree(CFEnvironment.SANDBOX, 'app', 'secret');",
} as const;
type Contender = keyof typeof CONTENDERS;
const BASE: Contender = 'node -e 0';
const OURS: Contender = 'cashfree-kit';
const THEIRS: Contender = 'cashfree-pg 6.0.6';

/** Starts `node -e <code>` (ESM) in the repository root; resolves with wall ms and the child's report. */
function launch(code: string): Promise<{ wall: number; cpu: number; rss: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--input-type=module', '-e', `${code}\n${REPORT}`], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
      // Sentry reads these; keep a developer's own settings out of the measurement.
      env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '' },
    });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      const wall = performance.now() - started;
      if (code !== 0) return reject(new Error(`[bench] cold start child exited with ${code}: ${out}`));
      const report = JSON.parse(out) as { cpu: number; rss: number };
      resolve({ wall, cpu: report.cpu, rss: report.rss / 2 ** 20 });
    });
  });
}

await runBenchmark('cold-start', 'Cold start: a fresh process importing the SDK', async (settings) => {
  const launches = settings.quick ? 1 : 3;
  const names = Object.keys(CONTENDERS) as Contender[];
  // One throwaway launch each, so the page cache holds every file before timing starts.
  for (const name of names) await launch(CONTENDERS[name]);
  const samples = await interleave(
    names,
    settings.rounds,
    async (name) => {
      const runs = [];
      for (let i = 0; i < launches; i++) runs.push(await launch(CONTENDERS[name]));
      return {
        'wall ms': median(runs.map((r) => r.wall)),
        'CPU ms': median(runs.map((r) => r.cpu)),
        'RSS MiB': median(runs.map((r) => r.rss)),
      };
    },
    (round) => settings.log(`cold-start: round ${round + 1}/${settings.rounds}`),
  );
  // The cost of the import itself: each round's figure minus that round's `node -e 0`.
  for (const name of names) {
    const own = samples[name]!;
    const base = samples[BASE]!;
    own['import wall ms'] = own['wall ms']!.map((v, i) => v - base['wall ms']![i]!);
    own['import CPU ms'] = own['CPU ms']!.map((v, i) => v - base['CPU ms']![i]!);
    own['RSS MiB added'] = own['RSS MiB']!.map((v, i) => v - base['RSS MiB']![i]!);
  }
  delete samples[BASE]!['import wall ms'];
  delete samples[BASE]!['import CPU ms'];
  delete samples[BASE]!['RSS MiB added'];
  const caseName = 'process start + import';
  const figures = figuresOf(caseName, samples, [
    { metric: 'wall ms', better: 'lower' },
    { metric: 'CPU ms', better: 'lower' },
    { metric: 'RSS MiB', better: 'lower' },
    { metric: 'import wall ms', better: 'lower', baseline: THEIRS },
    { metric: 'import CPU ms', better: 'lower' },
    { metric: 'RSS MiB added', better: 'lower' },
  ]);
  const cost = findFigure(figures, caseName, OURS, 'import wall ms').ratio!;
  return {
    setup:
      `Contenders: \`node -e 0\` (the floor: starting Node), \`import { Cashfree } from 'cashfree-kit'\` (built package), ` +
      `\`import { Cashfree } from 'cashfree-pg'\` (6.0.6), and cashfree-pg with \`new Cashfree(...)\` at its defaults ` +
      `(error analytics on: Sentry starts). Each is a fresh \`node --input-type=module -e …\` in the repository root, ` +
      `${launches} launch(es) per round; "import" columns subtract the same round's \`node -e 0\`.`,
    figures,
    targets: [
      {
        goal: "cold start ≤ 1/10 of cashfree-pg's import cost above `node -e 0` (wall time)",
        measured: formatRatio(cost),
        met: cost.median <= 0.1,
      },
    ],
  };
});
