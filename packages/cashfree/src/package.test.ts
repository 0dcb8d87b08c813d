/**
 * Guards on the package itself: no runtime dependencies, no Node-only imports in the SDK source
 * (it must run on any runtime with fetch and Web Crypto), and a VERSION that matches package.json.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { VERSION } from './version.js';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const srcDir = join(packageDir, 'src');
const pkg = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
  version: string;
  dependencies?: Record<string, string>;
};

/** `from 'node:…'`, `import 'node:…'`, `import('node:…')` and `require('node:…')`. */
const nodeImport = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"]node:/m;

/** The inbox stores are the documented exception: they adapt Node database drivers. */
const allowedNodeImports = `webhooks${sep}inbox${sep}stores${sep}`;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [file] : [];
  });
}

test('package.json has no runtime dependencies', () => {
  assert.deepEqual(pkg.dependencies ?? {}, {});
});

test('no SDK source file imports a node: module', () => {
  const offenders = sourceFiles(srcDir)
    .filter((file) => !relative(srcDir, file).startsWith(allowedNodeImports))
    .filter((file) => nodeImport.test(readFileSync(file, 'utf8')))
    .map((file) => relative(packageDir, file));
  assert.deepEqual(offenders, []);
});

test('the node: import check would catch each form of import', () => {
  for (const line of [
    "import { x } from 'node:fs';",
    'import type { X } from "node:http";',
    "import 'node:crypto';",
    "const m = await import('node:os');",
    "const r = require('node:path');",
  ]) {
    assert.ok(nodeImport.test(line), line);
  }
  assert.ok(!nodeImport.test("import { x } from './node.js';"));
});

test('VERSION matches package.json', () => {
  assert.equal(VERSION, pkg.version);
});
