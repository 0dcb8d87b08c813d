/**
 * The checks every overlay (PG's and Payouts') must pass against the contract it patches: each
 * entry is documented and targets its own place, and still describes the contract today.
 */
import assert from 'node:assert/strict';
import { applyOverlay, type OverlayEntry } from '../overlay.js';
import { valueAt } from './pointer.js';

/** Whether `actual` has every key of `expected` with an equal value (recursively for objects). */
export function hasSubset(actual: unknown, expected: unknown): boolean {
  if (typeof expected !== 'object' || expected === null || Array.isArray(expected)) {
    return JSON.stringify(actual) === JSON.stringify(expected);
  }
  if (typeof actual !== 'object' || actual === null) return false;
  return Object.entries(expected).every(([key, value]) =>
    hasSubset((actual as Record<string, unknown>)[key], value),
  );
}

/** One entry per target, and each says what it changes, why, and where that is known from. */
export function assertEntriesDocumented(entries: readonly OverlayEntry[]): void {
  const targets = entries.map((entry) => entry.target);
  assert.deepEqual(
    targets.filter((target, i) => targets.indexOf(target) !== i),
    [],
    'one entry per target',
  );
  for (const entry of entries) {
    for (const field of ['summary', 'why', 'source'] as const) {
      assert.ok(entry[field].trim().length >= 10, `${entry.target}: "${field}" must say something`);
    }
  }
}

/**
 * The entry's target exists in `contract`, says today what the entry claims (`original`, `absent`),
 * and applying the entry really changes the document.
 */
export function assertEntryStillApplies(contract: unknown, entry: OverlayEntry): void {
  const original = valueAt(contract, entry.target);
  assert.notEqual(original, undefined, `stale: the contract has nothing at ${entry.target}`);
  assert.ok(
    hasSubset(original, entry.original),
    `stale: ${entry.target} no longer has ${JSON.stringify(entry.original)}; it is ${JSON.stringify(original).slice(0, 300)}`,
  );
  for (const keyword of entry.absent ?? []) {
    assert.equal(
      (original as Record<string, unknown>)[keyword],
      undefined,
      `stale: ${entry.target} now has "${keyword}" itself`,
    );
  }
  const patched = applyOverlay(structuredClone(contract), [entry]);
  assert.notDeepEqual(patched, contract, 'the change changes nothing');
}
