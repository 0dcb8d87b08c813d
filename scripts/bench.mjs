#!/usr/bin/env node
// `npm run bench`: runs every benchmark in bench/ (*.mjs, *.ts), one after another. Benchmarks
// print numbers; they are not tests and never fail a build. Extra arguments go to each benchmark.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = join(root, 'bench');
const files = readdirSync(dir)
  .filter((f) => /\.(mjs|ts)$/.test(f) && !f.endsWith('.test.ts'))
  .sort();
if (files.length === 0) console.error('[cashfree-kit bench] bench/ holds no benchmarks');
for (const file of files) {
  console.log(`\n# ${file}`);
  const result = spawnSync(
    process.execPath,
    ['--conditions=cashfree-kit-source', '--import', 'tsx', join(dir, file), ...process.argv.slice(2)],
    { cwd: root, stdio: 'inherit' },
  );
  if (result.status !== 0) process.exitCode = 1;
}
