import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ValidationError } from '../core/errors.js';
import { validateCreateBatchTransferRequest, validateCreateTransferRequest } from './validators.js';

const transfer = {
  transfer_id: 'payout_0001',
  transfer_amount: 100,
  beneficiary_details: { beneficiary_id: 'tea_estate_01' },
};

test('validateCreateTransferRequest passes a good transfer and names the bad field with the fix', () => {
  validateCreateTransferRequest(transfer);
  assert.throws(
    () => validateCreateTransferRequest({ ...transfer, transfer_amount: 0.5 }),
    (error: unknown) =>
      error instanceof ValidationError &&
      error.field === 'transfer_amount' &&
      /transfer_amount/.test(error.message),
  );
  assert.throws(
    () => validateCreateTransferRequest({ ...transfer, transfer_id: 'has-dash' }),
    (error: unknown) => error instanceof ValidationError && error.field === 'transfer_id',
  );
});

test('validateCreateBatchTransferRequest checks the batch id and each transfer by its index', () => {
  validateCreateBatchTransferRequest({ batch_transfer_id: 'batch_1', transfers: [transfer] });
  assert.throws(
    () =>
      validateCreateBatchTransferRequest({
        batch_transfer_id: 'batch_1',
        transfers: [transfer, { ...transfer, transfer_mode: 'cheque' }],
      }),
    (error: unknown) => error instanceof ValidationError && error.field === 'transfers[1].transfer_mode',
  );
  assert.throws(
    () => validateCreateBatchTransferRequest({ batch_transfer_id: 'batch 1', transfers: [transfer] }),
    (error: unknown) => error instanceof ValidationError && error.field === 'batch_transfer_id',
  );
});
