/**
 * Every overlay entry must still describe the contract: its target exists, says today what the
 * entry claims (`original`, `absent`), and the change really changes it. When Cashfree fixes or
 * moves something, the entry fails here as stale instead of silently masking a difference.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyOverlay, type OverlayEntry, overlay, pointerAfterOverlay } from './overlay.js';
import { loadContract, requireContract } from './support/contract.js';
import { valueAt } from './support/pointer.js';
import { ContractValidator, contractValidator } from './support/validator.js';

/** Whether `actual` has every key of `expected` with an equal value (recursively for objects). */
function hasSubset(actual: unknown, expected: unknown): boolean {
  if (typeof expected !== 'object' || expected === null || Array.isArray(expected)) {
    return JSON.stringify(actual) === JSON.stringify(expected);
  }
  if (typeof actual !== 'object' || actual === null) return false;
  return Object.entries(expected).every(([key, value]) =>
    hasSubset((actual as Record<string, unknown>)[key], value),
  );
}

describe('overlay', () => {
  test('entries are documented and target distinct places', () => {
    const targets = overlay.map((entry) => entry.target);
    assert.deepEqual(
      targets.filter((target, i) => targets.indexOf(target) !== i),
      [],
      'one entry per target',
    );
    for (const entry of overlay) {
      for (const field of ['summary', 'why', 'source'] as const) {
        assert.ok(entry[field].trim().length >= 10, `${entry.target}: "${field}" must say something`);
      }
    }
  });

  for (const entry of overlay) {
    test(`still applies: ${entry.target}`, (t) => {
      if (!requireContract(t)) return;
      const contract = loadContract();
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
      if (entry.change.kind === 'nullable') assertNullableNow(entry.target);
      if (entry.change.kind === 'nullable-properties') {
        for (const property of entry.change.properties) {
          assertNullableNow(`${entry.target}/properties/${property}`);
        }
      }
    });
  }

  test('a target that is not in the document is reported, not skipped', () => {
    const entry: OverlayEntry = {
      target: '/components/schemas/Missing/properties/x',
      original: {},
      change: { kind: 'nullable' },
      summary: 'test entry',
      why: 'proves stale targets fail',
      source: 'this test',
    };
    assert.throws(() => applyOverlay({ components: { schemas: {} } }, [entry]), /Missing/);
  });
});

let raw: ContractValidator | undefined;

/** A nullable change must turn a schema that rejected `null` into one that accepts it. */
function assertNullableNow(target: string) {
  raw ??= new ContractValidator(structuredClone(loadContract()));
  assert.notEqual(raw.validate(target, null).length, 0, `stale: ${target} already accepts null`);
  assert.deepEqual(
    contractValidator().validate(pointerAfterOverlay(target), null),
    [],
    `${target}: null still rejected with the overlay`,
  );
}
