#!/usr/bin/env node
// Runs every test file with node:test. Node 20's runner does not expand globs, so the file list is
// built here. Tests import workspace packages from source through the `cashfree-kit-source`
// export condition, with tsx compiling TypeScript on the fly.
//
//   node scripts/test.mjs                 every *.test.ts in the repository but test/runtimes/
//   node scripts/test.mjs sandbox webhook only files whose path contains one of the words
//
// Under CI (or with CASHFREE_KIT_SCAN_SECRETS=1) the output is scanned for the suites' secret.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSuiteSecret, leakScanner } from '../test/reliability/support/secret-spellings.mjs';

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
// test/runtimes/ runs the SDK and the edge examples on other runtimes (Node 22 and 26, Bun, Deno,
// workerd, Next.js on Node 24), which scripts/ci/runtimes.mjs installs from the npm registry; it
// runs when named (`npm run test:runtimes`, as .ci/run does), not in every `npm test`.
const byDefault = (file) => !file.startsWith(join('test', 'runtimes'));
const files = ['packages', 'examples', 'test', 'bench']
  .flatMap((dir) => {
    try {
      return collect(join(root, dir), []);
    } catch {
      return [];
    }
  })
  .filter((file) => (filters.length === 0 ? byDefault(file) : filters.some((word) => file.includes(word))))
  .sort();

if (files.length === 0) {
  console.error(`[cashfree-kit tests] no test files matched ${filters.join(' ') || '(all)'}`);
  process.exit(1);
}

// A fresh client secret for the suites that use one (test/reliability/support/suite-secret.ts).
// Under CI the whole of stdout and stderr is scanned for it in every spelling the secrets battery
// looks for (verbatim, URL- and form-encoded, JSON-escaped, base64, base64url, hex): no test may
// print it, even while failing.
const suiteSecret = generateSuiteSecret();
const scan = Boolean(process.env.CI) || process.env.CASHFREE_KIT_SCAN_SECRETS === '1';
const scanners = [];

function forward(from, to) {
  const scanner = leakScanner(suiteSecret);
  scanners.push(scanner);
  from.setEncoding('utf8');
  from.on('data', (chunk) => {
    to.write(chunk);
    scanner.scan(chunk);
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
  const leaks = new Set(scanners.flatMap((scanner) => [...scanner.leaks]));
  if (leaks.size > 0) {
    console.error(
      `[cashfree-kit tests] FAILED: the suites' client secret appeared in the test output, spelled ${[...leaks].join(', ')}. ` +
        'Find what printed it (the verbatim, URL-, form- and JSON-spelled forms start cfsk_ma_test_rel_) and fix that.',
    );
    process.exit(1);
  }
  process.exit(signal ? 1 : (code ?? 1));
});
