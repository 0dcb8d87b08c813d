/**
 * The README's demo-store screenshots cannot rot silently: the committed set is exactly the set the
 * browser suite takes (which refreshes them with DEMO_STORE_SCREENSHOTS=1), and the README's Demo
 * store section shows every one of them.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { README_IMAGE_DIR, readmeShotFiles } from './demo-store.support.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

test('docs/images/demo-store holds exactly the screenshots the browser suite takes', () => {
  const committed = readdirSync(README_IMAGE_DIR).sort();
  assert.deepEqual(
    committed,
    readmeShotFiles().map((name) => `${name}.jpg`),
  );
});

test("the README's Demo store section shows each screenshot, and every image it names exists", () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const start = readme.indexOf('\n## Demo store\n');
  assert.ok(start >= 0, 'README has a ## Demo store section');
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end === -1 ? undefined : end);
  const shown = [...section.matchAll(/src="(docs\/images\/demo-store\/[^"]+)"/g)].map((m) => m[1] ?? '');
  assert.deepEqual(
    [...shown].sort(),
    readmeShotFiles().map((name) => `docs/images/demo-store/${name}.jpg`),
  );
  const files = new Set(readdirSync(README_IMAGE_DIR));
  for (const image of shown) assert.ok(files.has(image.split('/').pop() ?? ''), image);
});
