/**
 * Cashfree Payouts (v2): a typed client that never pays twice, its types, and its errors.
 *
 * @example
 * import { CashfreePayouts, isPayoutOutcomeUnknownError } from 'cashfree-kit/payouts';
 *
 * const payouts = CashfreePayouts.fromEnv();
 * try {
 *   await payouts.transfers.create({ transfer_id: 'payout_0001', transfer_amount: 100, beneficiary_details: { beneficiary_id: 'tea_estate_01' } });
 * } catch (error) {
 *   if (isPayoutOutcomeUnknownError(error)) console.log(`look up ${error.id} before paying again`);
 * }
 *
 * @module cashfree-kit/payouts
 */
export { BatchTransfers } from './batch-transfers.js';
export { Beneficiaries } from './beneficiaries.js';
export { CashfreePayouts } from './client.js';
export {
  isPayoutIdConflictError,
  isPayoutOutcomeUnknownError,
  PayoutIdConflictError,
  PayoutOutcomeUnknownError,
} from './errors.js';
export type { CashfreePayoutsOptions } from './options.js';
export { createPayoutSigner } from './signature.js';
export { Transfers } from './transfers.js';
export type {
  BatchTransfer,
  BatchTransferItem,
  BatchTransferLookup,
  BatchTransferStatus,
  Beneficiary,
  BeneficiaryContactDetails,
  BeneficiaryInstrumentDetails,
  BeneficiaryLookup,
  BeneficiaryStatus,
  CreateBatchTransferRequest,
  CreateBeneficiaryRequest,
  CreateTransferRequest,
  Transfer,
  TransferBeneficiaryDetails,
  TransferLookup,
  TransferMode,
  TransferStatus,
  TransferStatusCode,
  ValidatePayoutRequest,
  ValidatePayoutResponse,
} from './types.js';
export { validateCreateBatchTransferRequest, validateCreateTransferRequest } from './validators.js';
