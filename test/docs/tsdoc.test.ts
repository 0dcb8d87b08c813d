/**
 * Every export of the published packages (each `exports` entry of `cashfree-kit` and the entries of
 * `@cashfree-kit/sandbox` and `@cashfree-kit/cli`), each public method of an exported class and each
 * entry's module comment has TSDoc with a summary and an `@example`, and every example compiles
 * against the packages.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { compileExamples, PublicSurface } from './support/tsdoc.ts';

const surface = new PublicSurface();
const items = surface.items();

describe('TSDoc of the public surface', () => {
  test('covers every entry point', () => {
    assert.ok(surface.entries.length >= 11, `${surface.entries.length} entry points`);
    assert.ok(items.length >= 250, `${items.length} documented items`);
  });

  test('every export, public method and module comment has a summary', () => {
    const missing = items
      .filter((item) => item.summary.trim() === '')
      .map((item) => `${item.name} (${item.where})`);
    assert.deepEqual(missing, []);
  });

  test('every export, public method and module comment has an @example', () => {
    const missing = items
      .filter((item) => item.examples.length === 0)
      .map((item) => `${item.name} (${item.where})`);
    assert.deepEqual(missing, [], `${missing.length} without an @example`);
  });

  test('every @example compiles', () => {
    const failures = compileExamples(surface, items);
    assert.deepEqual(
      failures.map((f) => `${f.item} (${f.where}):\n${f.messages.join('\n')}\n--- example ---\n${f.code}`),
      [],
    );
  });
});
