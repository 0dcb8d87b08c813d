#!/usr/bin/env node
// Runs every test file with node:test. Node 20's runner does not expand globs, so the file list is
// built here. Tests import workspace packages from source through the `cashfree-kit-source`
// export condition, with tsx compiling TypeScript on the fly.
//
//   node scripts/test.mjs                 every *.test.ts in the repository
//   node scripts/test.mjs sandbox webhook only files whose path contains one of the words
//
// Under CI (or with CASHFREE_KIT_SCAN_SECRETS=1) the output is scanned for the suites' secret.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
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

// A fresh client secret for the suites that use one (test/reliability/support/suite-secret.ts).
// Under CI the whole output is scanned for it: no test may print it, even while failing.
const hex = (bytes) => randomBytes(bytes).toString('hex');
const suiteSecret = `cfsk_ma_test_rel_${hex(6)}+${hex(6)}/${hex(4)}`;
const scan = Boolean(process.env.CI) || process.env.CASHFREE_KIT_SCAN_SECRETS === '1';
const spellings = [suiteSecret, encodeURIComponent(suiteSecret), Buffer.from(suiteSecret).toString('base64')];
const leaks = new Set();

function forward(from, to) {
  let tail = '';
  from.setEncoding('utf8');
  from.on('data', (chunk) => {
    to.write(chunk);
    // The end of the previous chunk too, so a secret split across two chunks is still found.
    const text = tail + chunk;
    for (const spelled of spellings)
      if (text.includes(spelled)) leaks.add(spelled === suiteSecret ? 'verbatim' : 'encoded');
    tail = text.slice(-suiteSecret.length * 2);
  });
}

const child = spawn(
  process.execPath,
  ['--conditions=cashfree-kit-source', '--import', 'tsx', '--test', ...files],
  {
    cwd: root,
    env: { ...process.env, CASHFREE_KIT_SUITE_SECRET: suiteSecret },
    stdio: scan ? ['inherit', 'pipe', 'pipe'] : 'inherit',
  },
);
if (scan) {
  forward(child.stdout, process.stdout);
  forward(child.stderr, process.stderr);
}
child.on('close', (code, signal) => {
  if (leaks.size > 0) {
    console.error(
      `[cashfree-kit tests] FAILED: the suites' client secret appeared in the test output (${[...leaks].join(', ')}). ` +
        'Search the output above for cfsk_ma_test_rel_ and fix what printed it.',
    );
    process.exit(1);
  }
  process.exit(signal ? 1 : (code ?? 1));
});
