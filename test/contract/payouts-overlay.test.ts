/**
 * Every Payouts overlay entry must still describe Cashfree's Payouts contract: its target exists,
 * says today what the entry claims (`original`, `absent`), and the change really changes it. When
 * Cashfree fixes the contract (declares `status_code`, renames `ifsc`, adds a 401), the entry fails
 * here as stale instead of silently masking a difference.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { payoutsOverlay } from './payouts-overlay.js';
import { assertEntriesDocumented, assertEntryStillApplies } from './support/overlay-checks.js';
import { loadPayoutsContract, payoutsValidator, requirePayoutsContract } from './support/payouts-contract.js';
import { ContractValidator } from './support/validator.js';

const transfer = {
  transfer_id: 'JUNOB2018',
  cf_transfer_id: '123456',
  status: 'SUCCESS',
  status_code: 'COMPLETED',
  status_description: 'Credited to the beneficiary.',
  beneficiary_details: {
    beneficiary_id: 'JOHN18011',
    beneficiary_instrument_details: { bank_account_number: '7766671501729', bank_ifsc: 'SBIN0000003' },
  },
  transfer_amount: 1,
};

describe('Payouts overlay', () => {
  test('entries are documented and target distinct places', () => {
    assertEntriesDocumented(payoutsOverlay);
  });

  for (const entry of payoutsOverlay) {
    test(`still applies: ${entry.target}`, (t) => {
      if (!requirePayoutsContract(t)) return;
      const contract = loadPayoutsContract();
      assertEntryStillApplies(contract, entry);
    });
  }

  test("the examples' transfer passes with the overlay; a wrong status_code type and an empty error do not", (t) => {
    if (!requirePayoutsContract(t)) return;
    const validator = payoutsValidator();
    const raw = new ContractValidator(structuredClone(loadPayoutsContract()));
    const schema = '/components/schemas/CreateTransferResponse';
    assert.deepEqual(validator.validate(schema, transfer), []);
    assert.notDeepEqual(validator.validate(schema, { ...transfer, status_code: 7 }), []);
    // Without the overlay the contract types nothing of the kind: a number passes.
    assert.deepEqual(raw.validate(schema, { ...transfer, status_code: 7 }), []);
    const error = '/components/schemas/ErrorV2';
    assert.notDeepEqual(validator.validate(error, {}), []);
    assert.deepEqual(raw.validate(error, {}), []);
    assert.deepEqual(
      validator.validate(error, { type: 'invalid_request_error', code: 'transfer_id_missing', message: 'x' }),
      [],
    );
  });
});
