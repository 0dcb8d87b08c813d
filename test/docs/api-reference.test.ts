/**
 * The API reference (docs/api/, built by `npm run docs`, not committed) builds from the TSDoc of
 * every public entry point with TypeDoc's warnings as errors: an undocumented export, a broken
 * `{@link}` or a type the reference cannot show fails here, so CI cannot ship a broken reference.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ReflectionKind } from 'typedoc';
import { buildApiReference } from '../../scripts/docs/api-reference.ts';
import { publicEntries } from '../../scripts/docs/public-api.ts';

test('the API reference builds without a warning, with a module per entry point', async () => {
  const out = mkdtempSync(join(tmpdir(), 'cashfree-kit-api-'));
  try {
    const { project, warnings } = await buildApiReference(out);
    assert.deepEqual(warnings, []);
    const modules = project
      ?.getChildrenByKind(ReflectionKind.Module)
      .map((m) => m.name)
      .sort();
    assert.deepEqual(
      modules,
      publicEntries()
        .map((entry) => entry.specifier)
        .sort(),
    );
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    assert.match(index, /cashfree-kit/);
    assert.ok(existsSync(join(out, 'classes', 'cashfree-kit.Cashfree.html')), 'a page for the client');
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
