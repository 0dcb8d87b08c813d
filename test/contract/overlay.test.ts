/**
 * Every overlay entry must still describe the contract: its target exists, says today what the
 * entry claims (`original`, `absent`), and the change really changes it. When Cashfree fixes or
 * moves something, the entry fails here as stale instead of silently masking a difference.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyOverlay, type OverlayEntry, overlay, pointerAfterOverlay } from './overlay.js';
import { loadContract, requireContract } from './support/contract.js';
import { assertEntriesDocumented, assertEntryStillApplies } from './support/overlay-checks.js';
import { ContractValidator, contractValidator } from './support/validator.js';

describe('overlay', () => {
  test('entries are documented and target distinct places', () => {
    assertEntriesDocumented(overlay);
  });

  for (const entry of overlay) {
    test(`still applies: ${entry.target}`, (t) => {
      if (!requireContract(t)) return;
      const contract = loadContract();
      assertEntryStillApplies(contract, entry);
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
