#!/usr/bin/env node
// `npm run bench`: runs the benchmarks in bench/ (each *.ts or *.mjs file at its top level), one
// after another, on the Node that runs this script, and merges each one's figures into
// bench/results/latest.json under the benchmark's name and that Node's major version, so a run on
// Node 24 sits beside Node 20's instead of replacing it. Benchmarks print numbers; they are not
// tests and never fail a build.
//
// On another Node, put it first on PATH: `PATH=/path/to/node24/bin:$PATH npm run bench`. On Node
// 22.13+ the sandbox opens SQLite with node:sqlite, so the same node_modules serves; a native
// module built for another Node (better-sqlite3 installed for Node 20) is never loaded there.
//
//   npm run bench                          all of them (about 5 minutes on 2 cores)
//   npm run bench -- cold-start webhook    only those whose file name contains a word
//   npm run bench -- --quick               shorter rounds and smaller counts: a quick look
//   npm run bench -- --rounds 7            more rounds (default 5); other options go to each benchmark
//   npm run bench -- payouts               a 1,000-transfer batch beside create-order (--transfers N: fewer)
//   npm run bench:readme                   puts bench/results/latest.json into docs/performance.md
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = join(root, 'bench');
const args = process.argv.slice(2);
// Words select benchmarks; options (and the values of those that take one) go to each benchmark.
const TAKES_VALUE = new Set(['--rounds', '--out', '--orders', '--transfers', '--subscriptions']);
const words = [];
const options = [];
for (let i = 0; i < args.length; i++) {
  const arg = args[i];
  if (!arg.startsWith('--')) words.push(arg);
  else {
    options.push(arg);
    if (TAKES_VALUE.has(arg) && i + 1 < args.length) options.push(args[++i]);
  }
}
const files = readdirSync(dir)
  .filter((f) => /\.(mjs|ts)$/.test(f) && !f.endsWith('.test.ts') && !f.endsWith('.d.ts'))
  .filter((f) => words.length === 0 || words.some((w) => f.includes(w)))
  .sort();
if (files.length === 0) {
  console.error(`[cashfree-kit bench] no benchmark in bench/ matches ${words.join(' ') || '(all)'}`);
  process.exit(1);
}

/** Newest modification time of the files under `path`, in ms. */
function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

// The benchmarks measure the SDK as users install it, so its build must be current.
const sdk = join(root, 'packages', 'cashfree');
let built = 0;
try {
  built = statSync(join(sdk, 'dist', 'index.js')).mtimeMs;
} catch {}
if (built < newest(join(sdk, 'src'))) {
  console.log('[cashfree-kit bench] building packages/cashfree (its dist is missing or older than src)');
  const build = spawnSync('npm', ['run', 'build', '-w', 'packages/cashfree', '--silent'], {
    cwd: root,
    encoding: 'utf8',
  });
  if (build.status !== 0) {
    process.stderr.write(`${build.stdout}${build.stderr}`);
    process.exit(build.status ?? 1);
  }
}

const started = Date.now();
for (const file of files) {
  console.log(`\n# ${file}\n`);
  const result = spawnSync(
    process.execPath,
    // No source condition: a benchmark imports the SDK as users do (dist); its helper processes
    // that run the sandbox load the workspace source themselves (bench/lib/processes.ts).
    ['--import', 'tsx', join(dir, file), ...options],
    { cwd: root, stdio: 'inherit' },
  );
  if (result.status !== 0) {
    console.error(`[cashfree-kit bench] ${file} failed (exit ${result.status ?? result.signal})`);
    process.exitCode = 1;
  }
}
console.log(
  `\n[cashfree-kit bench] ${files.length} benchmark(s) in ${Math.round((Date.now() - started) / 1000)} s`,
);
