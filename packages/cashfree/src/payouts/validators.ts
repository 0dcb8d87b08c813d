/**
 * The Payouts create checks as functions, for a caller who wants to check a body before it reaches
 * the client (a form, a CSV of transfers, a queue consumer). Each runs its row's checks, the ones
 * `payouts.transfers.create()` and `payouts.batchTransfers.create()` run themselves.
 */
import { BATCH_TRANSFER_OPERATIONS, TRANSFER_OPERATIONS } from '../operations/payouts.js';
import { checkRequest } from '../validation/request.js';

/**
 * Checks a transfer body before it is sent (the checks of `PAYOUT_OPERATIONS.transfers.create`):
 * `transfer_id` (up to 40 letters, digits and `_`), `transfer_amount` (rupees ≥ 1.00, 2 decimals),
 * and when given `transfer_currency`, `transfer_mode`, the beneficiary's id, name, account, IFSC,
 * VPA and contact details, `transfer_remarks` (up to 70) and `transfer_token`.
 *
 * @throws ValidationError naming the first bad field, the value received and the fix
 * @example
 * import { validateCreateTransferRequest } from 'cashfree-kit/payouts';
 *
 * validateCreateTransferRequest({
 *   transfer_id: 'payout_0001', transfer_amount: 100,
 *   beneficiary_details: { beneficiary_id: 'tea_estate_01' },
 * }); // passes; `transfer_amount: 0.5` would throw, naming the fix
 */
export function validateCreateTransferRequest(body: unknown): void {
  checkRequest(TRANSFER_OPERATIONS.create, body);
}

/**
 * Checks a batch body before it is sent (the checks of `PAYOUT_OPERATIONS.batchTransfers.create`):
 * `batch_transfer_id` (up to 60 letters, digits and `_`), `transfers` (1 to 5,000) and each
 * transfer as a single one, its errors naming `transfers[3].transfer_amount`.
 *
 * @throws ValidationError naming the first bad field, the value received and the fix
 * @example
 * import { validateCreateBatchTransferRequest } from 'cashfree-kit/payouts';
 *
 * validateCreateBatchTransferRequest({
 *   batch_transfer_id: 'batch_2026_12_01',
 *   transfers: [{ transfer_id: 'payout_0001', transfer_amount: 100, beneficiary_details: { beneficiary_id: 'tea_estate_01' } }],
 * });
 */
export function validateCreateBatchTransferRequest(body: unknown): void {
  checkRequest(BATCH_TRANSFER_OPERATIONS.create, body);
}
