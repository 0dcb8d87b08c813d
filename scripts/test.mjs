#!/usr/bin/env node
// Runs every test file with node:test. Node 20's runner does not expand globs, so the file list is
// built here. Tests import workspace packages from source through the `cashfree-kit-source`
// export condition, with tsx compiling TypeScript on the fly.
//
//   node scripts/test.mjs                 every *.test.ts in the repository
//   node scripts/test.mjs sandbox webhook only files whose path contains one of the words
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const skipDirs = new Set(['node_modules', 'dist', '.git', '.cashfree-sandbox', 'test-results']);

function collect(dir, out) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!skipDirs.has(entry.name)) collect(join(dir, entry.name), out);
    } else if (entry.name.endsWith('.test.ts')) {
      out.push(relative(root, join(dir, entry.name)));
    }
  }
  return out;
}

const filters = process.argv.slice(2);
const files = ['packages', 'examples', 'test', 'bench']
  .flatMap((dir) => {
    try {
      return collect(join(root, dir), []);
    } catch {
      return [];
    }
  })
  .filter((file) => filters.length === 0 || filters.some((word) => file.includes(word)))
  .sort();

if (files.length === 0) {
  console.error(`[cashfree-kit tests] no test files matched ${filters.join(' ') || '(all)'}`);
  process.exit(1);
}

const child = spawn(
  process.execPath,
  ['--conditions=cashfree-kit-source', '--import', 'tsx', '--test', ...files],
  { cwd: root, stdio: 'inherit' },
);
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
