import type { Operation } from './operation.js';
import {
  CREATE_BATCH_TRANSFER_CHECKS,
  CREATE_BENEFICIARY_CHECKS,
  CREATE_TRANSFER_CHECKS,
  VALIDATE_PAYOUT_CHECKS,
} from './payouts-checks.js';
import { BATCH_TRANSFER_STATUSES, BENEFICIARY_STATUSES, TRANSFER_STATUSES } from './statuses.js';

/*
 * Payouts v2 (`x-api-version: 2024-01-01`), below `PRODUCTS.payouts.basePath` (`/payout`); paths
 * have no `/v2` prefix. Source: Cashfree's Payouts OpenAPI file (`cashfree-payouts-openapi-2024-01-01`)
 * and, where it lags the live docs (`/validatePayout`, `transfer_id_already_exists`), the docs'
 * pages. Cashfree documents a per-minute limit for Payouts only through `x-ratelimit-limit` (its
 * example: 200); no per-operation figures are published, so each resource counts in its own bucket
 * of 200 per app id.
 */

const transferStatuses = { field: 'status', values: TRANSFER_STATUSES };
const batchStatuses = { field: 'status', values: BATCH_TRANSFER_STATUSES };
const beneficiaryStatuses = { field: 'beneficiary_status', values: BENEFICIARY_STATUSES };

const OVERVIEW = 'https://www.cashfree.com/docs/api-reference/payouts/v2/overview';
const STANDARD_TRANSFER =
  'https://www.cashfree.com/docs/api-reference/payouts/v2/transfers-v2/standard-transfer-v2';
const TRANSFER_STATUS =
  'https://www.cashfree.com/docs/api-reference/payouts/v2/transfers-v2/get-transfer-status-v2';

const beneficiaryLimit = { bucket: 'payout_beneficiary', perMinute: 200, per: 'app_id' } as const;
const transferLimit = { bucket: 'payout_transfer', perMinute: 200, per: 'app_id' } as const;
const batchLimit = { bucket: 'payout_batch', perMinute: 200, per: 'app_id' } as const;

/** Format errors of a beneficiary id, wherever one is sent. */
const BENEFICIARY_ID_ERRORS = ['beneficiary_id_length_exceeded', 'beneficiary_id_invalid'] as const;

/** Format errors of a bank account and its IFSC, as `POST /beneficiary` and `GET /beneficiary` answer them. */
const BANK_ERRORS = [
  'bank_account_number_missing',
  'bank_ifsc_missing',
  'bank_account_number_length_exceeded',
  'bank_account_number_length_short',
  'bank_account_number_invalid',
  'bank_ifsc_invalid',
] as const;

/**
 * The `cashfree.payouts.beneficiaries` operations.
 *
 * @example
 * const { method, path } = BENEFICIARY_OPERATIONS.remove; // 'DELETE', '/beneficiary'
 */
export const BENEFICIARY_OPERATIONS = {
  create: {
    operationId: 'PayoutCreateBeneficiary',
    product: 'payouts',
    method: 'POST',
    path: '/beneficiary',
    summary: 'Saves a beneficiary (bank account and IFSC, or a UPI VPA) to pay by its beneficiary_id.',
    request: { entity: 'CreateBeneficiaryRequest', root: 'beneficiary', checks: CREATE_BENEFICIARY_CHECKS },
    query: undefined,
    successStatus: 201,
    response: 'Beneficiary',
    statuses: beneficiaryStatuses,
    errors: [
      ...BENEFICIARY_ID_ERRORS,
      ...BANK_ERRORS,
      'apis_not_enabled',
      'beneficiary_id_already_exists',
      'beneficiary_already_exists',
      'beneficiary_account_same_as_source',
      'vba_bene_not_allowed',
    ],
    effect: 'write',
    auth: 'api-keys',
    rateLimit: beneficiaryLimit,
    docs: OVERVIEW,
  },
  get: {
    operationId: 'PayoutFetchBeneficiary',
    product: 'payouts',
    method: 'GET',
    path: '/beneficiary',
    summary: 'Fetches a beneficiary by beneficiary_id, or by bank_account_number and bank_ifsc together.',
    request: undefined,
    query: {
      beneficiary_id: { required: false },
      bank_account_number: { required: false },
      bank_ifsc: { required: false },
    },
    response: 'Beneficiary',
    statuses: beneficiaryStatuses,
    errors: [
      ...BENEFICIARY_ID_ERRORS,
      ...BANK_ERRORS,
      'too_many_parameters_in_request',
      'beneficiary_identifiers_missing',
      'beneficiary_not_found',
      'apis_not_enabled',
    ],
    effect: 'read',
    auth: 'api-keys',
    rateLimit: beneficiaryLimit,
    docs: OVERVIEW,
  },
  remove: {
    operationId: 'PayoutDeleteBeneficiary',
    product: 'payouts',
    method: 'DELETE',
    path: '/beneficiary',
    summary: 'Removes a beneficiary; the answer is the beneficiary with beneficiary_status DELETED.',
    request: undefined,
    query: { beneficiary_id: { required: true } },
    response: 'Beneficiary',
    statuses: beneficiaryStatuses,
    errors: [...BENEFICIARY_ID_ERRORS, 'beneficiary_not_found', 'apis_not_enabled'],
    effect: 'destructive',
    auth: 'api-keys',
    rateLimit: beneficiaryLimit,
    docs: OVERVIEW,
  },
} as const satisfies Record<string, Operation>;

/**
 * The `cashfree.payouts.transfers` operations: a transfer, its lookup, and `/validatePayout`, whose
 * single-use `transfer_token` a UPI transfer then spends.
 *
 * @example
 * const { method, path, effect } = TRANSFER_OPERATIONS.create; // 'POST', '/transfers', 'destructive'
 */
export const TRANSFER_OPERATIONS = {
  create: {
    operationId: 'PayoutInitiateTransfer',
    product: 'payouts',
    method: 'POST',
    path: '/transfers',
    summary:
      'Pays a beneficiary (saved, or given inline); transfer_id is the only idempotency key, so after a timeout look it up before sending again.',
    request: { entity: 'CreateTransferRequest', root: 'transfer', checks: CREATE_TRANSFER_CHECKS },
    query: undefined,
    response: 'Transfer',
    statuses: transferStatuses,
    // Besides these, Cashfree names a nested field's code by its path, as the checks do:
    // `beneficiary_details.beneficiary_instrument_details.bank_ifsc_invalid`.
    errors: [
      'transfer_id_missing',
      'transfer_id_invalid',
      'transfer_amount_missing',
      'transfer_amount_invalid',
      'transfer_mode_invalid',
      'beneficiary_not_found',
      'transfer_id_already_exists',
      'apis_not_enabled',
    ],
    effect: 'destructive',
    auth: 'api-keys',
    rateLimit: transferLimit,
    docs: STANDARD_TRANSFER,
  },
  get: {
    operationId: 'PayoutFetchTransfer',
    product: 'payouts',
    method: 'GET',
    path: '/transfers',
    summary: 'Fetches a transfer by transfer_id or cf_transfer_id: its status, status_code and UTR.',
    request: undefined,
    query: { transfer_id: { required: false }, cf_transfer_id: { required: false } },
    response: 'Transfer',
    statuses: transferStatuses,
    errors: ['transfer_id_not_found', 'cf_transfer_id_not_found', 'apis_not_enabled'],
    effect: 'read',
    auth: 'api-keys',
    rateLimit: transferLimit,
    docs: TRANSFER_STATUS,
  },
  validate: {
    // Not in Cashfree's OpenAPI file (it lags the docs): the id is cashfree-kit's, in the contract's style.
    operationId: 'PayoutValidatePayout',
    product: 'payouts',
    method: 'POST',
    path: '/validatePayout',
    summary:
      'Checks a UPI VPA or phone before paying it and returns a single-use transfer_token (valid 1 hour) for a upi transfer with the same transfer_id.',
    request: { entity: 'ValidatePayoutRequest', root: 'validation', checks: VALIDATE_PAYOUT_CHECKS },
    query: undefined,
    response: 'ValidatePayoutResponse',
    statuses: undefined,
    errors: [
      'transfer_id_missing',
      'transfer_id_invalid',
      'vpa_invalid',
      'phone_invalid',
      'apis_not_enabled',
    ],
    effect: 'write',
    auth: 'api-keys',
    rateLimit: transferLimit,
    docs: 'https://www.cashfree.com/docs/api-reference/payouts/v2/validate-payout-v2',
  },
} as const satisfies Record<string, Operation>;

/**
 * The `cashfree.payouts.batchTransfers` operations.
 *
 * @example
 * const { path } = BATCH_TRANSFER_OPERATIONS.create; // '/transfers/batch'
 */
export const BATCH_TRANSFER_OPERATIONS = {
  create: {
    operationId: 'PayoutInitiateBatchTransfer',
    product: 'payouts',
    method: 'POST',
    path: '/transfers/batch',
    summary:
      'Pays up to 5,000 transfers in one request (1,000 on a test account); batch_transfer_id is its idempotency key.',
    request: { entity: 'CreateBatchTransferRequest', root: 'batch', checks: CREATE_BATCH_TRANSFER_CHECKS },
    query: undefined,
    response: 'BatchTransfer',
    statuses: batchStatuses,
    errors: [
      'batch_transfer_id_missing',
      'batch_transfer_id_invalid',
      'batch_transfer_id_already_exists',
      'apis_not_enabled',
    ],
    effect: 'destructive',
    auth: 'api-keys',
    rateLimit: batchLimit,
    docs: OVERVIEW,
  },
  get: {
    operationId: 'PayoutFetchBatchTransfer',
    product: 'payouts',
    method: 'GET',
    path: '/transfers/batch',
    summary:
      'Fetches a batch by batch_transfer_id or cf_batch_transfer_id; read its transfers once status is PROCESSED.',
    request: undefined,
    query: { batch_transfer_id: { required: false }, cf_batch_transfer_id: { required: false } },
    response: 'BatchTransfer',
    statuses: batchStatuses,
    // `cf_batch_transfer_id` (no `_not_found`) is the code Cashfree's contract gives an unknown cf id.
    errors: ['batch_transfer_id_not_found', 'cf_batch_transfer_id', 'apis_not_enabled'],
    effect: 'read',
    auth: 'api-keys',
    rateLimit: batchLimit,
    docs: OVERVIEW,
  },
} as const satisfies Record<string, Operation>;

/**
 * Every Payouts operation, grouped like the Payouts client: `PAYOUT_OPERATIONS.transfers.create` is
 * what `payouts.transfers.create()` calls. `listOperations()` lists them as `payouts.transfers.create`.
 *
 * @example
 * const { product, method, path } = PAYOUT_OPERATIONS.transfers.get; // 'payouts', 'GET', '/transfers'
 */
export const PAYOUT_OPERATIONS = {
  beneficiaries: BENEFICIARY_OPERATIONS,
  transfers: TRANSFER_OPERATIONS,
  batchTransfers: BATCH_TRANSFER_OPERATIONS,
} as const satisfies Record<string, Record<string, Operation>>;
