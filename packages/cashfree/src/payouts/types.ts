/**
 * The Payouts v2 wire types (`x-api-version: 2024-01-01`), snake_case as Cashfree sends them, from
 * Cashfree's Payouts OpenAPI file. Where the file and Cashfree's own examples disagree the types
 * follow the examples (test/contract/payouts-overlay.ts records each choice): a transfer carries
 * `status_code` and `status_description`, and its bank details' IFSC is `bank_ifsc` (the schema's
 * `ifsc` is accepted too).
 *
 * @module
 */
import type { TRANSFER_MODES } from '../operations/payouts-checks.js';
import type {
  BATCH_TRANSFER_STATUSES,
  BENEFICIARY_STATUSES,
  TRANSFER_STATUS_CODES,
  TRANSFER_STATUSES,
} from '../operations/statuses.js';

/**
 * A transfer's `status`.
 *
 * @example
 * const open: TransferStatus[] = ['RECEIVED', 'APPROVAL_PENDING', 'PENDING'];
 */
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];

/**
 * A transfer's `status_code`: one of the known values, or any other string Cashfree adds (the list
 * is not closed).
 *
 * @example
 * const code: TransferStatusCode = 'SENT_TO_BENEFICIARY';
 */
export type TransferStatusCode = (typeof TRANSFER_STATUS_CODES)[number] | (string & {});

/**
 * A batch transfer's `status`.
 *
 * @example
 * const done: BatchTransferStatus = 'PROCESSED';
 */
export type BatchTransferStatus = (typeof BATCH_TRANSFER_STATUSES)[number];

/**
 * A beneficiary's `beneficiary_status`.
 *
 * @example
 * const payable: BeneficiaryStatus = 'VERIFIED';
 */
export type BeneficiaryStatus = (typeof BENEFICIARY_STATUSES)[number];

/**
 * A `transfer_mode` of `POST /transfers`; `banktransfer` when left out.
 *
 * @example
 * const mode: TransferMode = 'imps';
 */
export type TransferMode = (typeof TRANSFER_MODES)[number];

/**
 * Where the money goes: a bank account with its IFSC, or a UPI VPA.
 *
 * @example
 * const bank: BeneficiaryInstrumentDetails = { bank_account_number: '026291800001191', bank_ifsc: 'YESB0000262' };
 */
export interface BeneficiaryInstrumentDetails {
  /** 4–25 letters and digits; needs `bank_ifsc`. */
  bank_account_number?: string | undefined;
  /** `^[A-Z]{4}0[A-Z0-9]{6}$`, e.g. `YESB0000262`; needs `bank_account_number`. */
  bank_ifsc?: string | undefined;
  /** A UPI VPA such as `success@upi`. */
  vpa?: string | undefined;
}

/**
 * A beneficiary's contact details; all optional.
 *
 * @example
 * const contact: BeneficiaryContactDetails = { beneficiary_phone: '9876543210', beneficiary_email: 'accounts@example.com' };
 */
export interface BeneficiaryContactDetails {
  beneficiary_email?: string | undefined;
  /** 8–12 digits of a registered Indian number, optionally after `+91`. */
  beneficiary_phone?: string | undefined;
  /** `+91`. */
  beneficiary_country_code?: string | undefined;
  beneficiary_address?: string | undefined;
  beneficiary_city?: string | undefined;
  beneficiary_state?: string | undefined;
  /** 6 digits. */
  beneficiary_postal_code?: string | undefined;
}

/**
 * Body of `POST /beneficiary` (`CreateBeneficiaryRequest`).
 *
 * @example
 * const beneficiary: CreateBeneficiaryRequest = {
 *   beneficiary_id: 'tea_estate_01',
 *   beneficiary_name: 'Darjeeling Tea Estate',
 *   beneficiary_instrument_details: { bank_account_number: '026291800001191', bank_ifsc: 'YESB0000262' },
 * };
 */
export interface CreateBeneficiaryRequest {
  /** Your id: up to 50 letters, digits, `_`, `|`, `.`, `-`. */
  beneficiary_id: string;
  /** Letters and spaces, up to 100 characters. */
  beneficiary_name: string;
  beneficiary_instrument_details?: BeneficiaryInstrumentDetails | undefined;
  beneficiary_contact_details?: BeneficiaryContactDetails | undefined;
}

/**
 * A saved beneficiary, as create, get and remove answer it.
 *
 * @example
 * const { beneficiary_status } = await payouts.beneficiaries.get({ beneficiary_id: 'tea_estate_01' });
 */
export interface Beneficiary {
  beneficiary_id: string;
  beneficiary_name?: string;
  beneficiary_instrument_details?: BeneficiaryInstrumentDetails;
  beneficiary_contact_details?: BeneficiaryContactDetails;
  beneficiary_status?: BeneficiaryStatus;
  /** UTC ISO time, e.g. `2023-12-04T15:50:00Z`. */
  added_on?: string;
}

/**
 * How to find a beneficiary: by its id, or by bank account and IFSC together.
 *
 * @example
 * const byAccount: BeneficiaryLookup = { bank_account_number: '026291800001191', bank_ifsc: 'YESB0000262' };
 */
export type BeneficiaryLookup =
  | { beneficiary_id: string; bank_account_number?: undefined; bank_ifsc?: undefined }
  | { beneficiary_id?: undefined; bank_account_number: string; bank_ifsc: string };

/**
 * Whom a transfer pays: a saved beneficiary by `beneficiary_id`, or one given inline.
 *
 * @example
 * const saved: TransferBeneficiaryDetails = { beneficiary_id: 'tea_estate_01' };
 */
export interface TransferBeneficiaryDetails {
  beneficiary_id?: string | undefined;
  /** Needed when there is no `beneficiary_id`: letters and spaces, up to 100. */
  beneficiary_name?: string | undefined;
  beneficiary_instrument_details?: BeneficiaryInstrumentDetails | undefined;
  beneficiary_contact_details?: BeneficiaryContactDetails | undefined;
}

/**
 * Body of `POST /transfers` (`CreateTransferRequest`). `transfer_id` is the only idempotency key
 * Payouts has: keep it for every attempt of one payment, and never reuse it for another.
 *
 * @example
 * const transfer: CreateTransferRequest = {
 *   transfer_id: 'payout_0001',
 *   transfer_amount: 1250.5,
 *   beneficiary_details: { beneficiary_id: 'tea_estate_01' },
 * };
 */
export interface CreateTransferRequest {
  /** Up to 40 letters, digits and `_`. */
  transfer_id: string;
  /** Rupees (not paise), at least 1.00, at most 2 decimals. */
  transfer_amount: number;
  /** `INR`. */
  transfer_currency?: string | undefined;
  transfer_mode?: TransferMode | undefined;
  /** Absent only for a transfer that spends a `transfer_token`. */
  beneficiary_details?: TransferBeneficiaryDetails | undefined;
  /** Up to 70 letters, digits and spaces. */
  transfer_remarks?: string | undefined;
  fundsource_id?: string | undefined;
  /** The single-use token of `transfers.validate` for the same `transfer_id`; the mode must be `upi`. */
  transfer_token?: string | undefined;
}

/**
 * A transfer, as create and get answer it and as an item of a batch.
 *
 * @example
 * const transfer: Transfer = await payouts.transfers.get({ transfer_id: 'payout_0001' });
 * if (transfer.status === 'SUCCESS') console.log(transfer.transfer_utr);
 */
export interface Transfer {
  transfer_id: string;
  /** Cashfree's id, a numeric string. */
  cf_transfer_id?: string;
  status: TransferStatus;
  /** Why the transfer is in its status; not in Cashfree's schema but in every example. */
  status_code?: TransferStatusCode;
  /** The status in words; not in Cashfree's schema but in every example. */
  status_description?: string;
  beneficiary_details?: {
    beneficiary_id?: string;
    /** Cashfree's examples send `bank_ifsc`; its schema names it `ifsc`. */
    beneficiary_instrument_details?: BeneficiaryInstrumentDetails & { ifsc?: string };
  };
  transfer_amount?: number;
  /** Once `SUCCESS`. */
  transfer_service_charge?: number;
  /** Once `SUCCESS`: 18% GST on the charge. */
  transfer_service_tax?: number;
  /** As Cashfree echoes it: `BANK` for a bank transfer. */
  transfer_mode?: string;
  transfer_utr?: string;
  fundsource_id?: string;
  added_on?: string;
  updated_on?: string;
}

/**
 * How to find a transfer: your `transfer_id` or Cashfree's `cf_transfer_id`.
 *
 * @example
 * const lookup: TransferLookup = { transfer_id: 'payout_0001' };
 */
export type TransferLookup =
  | { transfer_id: string; cf_transfer_id?: undefined }
  | { transfer_id?: undefined; cf_transfer_id: string };

/**
 * One transfer of a batch: a single transfer's fields without a token or card details.
 *
 * @example
 * const item: BatchTransferItem = { transfer_id: 'salary_001', transfer_amount: 15000, beneficiary_details: { beneficiary_id: 'emp_001' } };
 */
export type BatchTransferItem = Omit<CreateTransferRequest, 'transfer_token'>;

/**
 * Body of `POST /transfers/batch` (`CreateBatchTransferRequest`).
 *
 * @example
 * const batch: CreateBatchTransferRequest = {
 *   batch_transfer_id: 'salaries_2026_12',
 *   transfers: [{ transfer_id: 'salary_001', transfer_amount: 15000, beneficiary_details: { beneficiary_id: 'emp_001' } }],
 * };
 */
export interface CreateBatchTransferRequest {
  /** Up to 60 letters, digits and `_`; the batch's idempotency key. */
  batch_transfer_id: string;
  /** 1 to 5,000 transfers (1,000 on a test account). */
  transfers: BatchTransferItem[];
}

/**
 * A batch, as create answers it (`RECEIVED`, no transfers) and as get answers it.
 *
 * @example
 * const batch: BatchTransfer = await payouts.batchTransfers.get({ batch_transfer_id: 'salaries_2026_12' });
 * if (batch.status === 'PROCESSED') for (const t of batch.transfers ?? []) console.log(t.transfer_id, t.status);
 */
export interface BatchTransfer {
  batch_transfer_id: string;
  cf_batch_transfer_id?: string;
  status: BatchTransferStatus;
  /** Read them once `status` is `PROCESSED`. */
  transfers?: Transfer[];
}

/**
 * How to find a batch: your `batch_transfer_id` or Cashfree's `cf_batch_transfer_id`.
 *
 * @example
 * const lookup: BatchTransferLookup = { batch_transfer_id: 'salaries_2026_12' };
 */
export type BatchTransferLookup =
  | { batch_transfer_id: string; cf_batch_transfer_id?: undefined }
  | { batch_transfer_id?: undefined; cf_batch_transfer_id: string };

/**
 * Body of `POST /validatePayout`: the transfer you mean to make and exactly one of `vpa` or `phone`.
 *
 * @example
 * const check: ValidatePayoutRequest = { transfer_id: 'payout_0002', vpa: 'success@upi' };
 */
export interface ValidatePayoutRequest {
  /** The transfer_id the token will be spent with: up to 40 letters, digits and `_`. */
  transfer_id: string;
  /** The UPI VPA to check; give this or `phone`, not both. */
  vpa?: string | undefined;
  /** The phone whose UPI account to check; give this or `vpa`, not both. */
  phone?: string | undefined;
}

/**
 * What `POST /validatePayout` answers: the account's status, the name its bank holds, and a
 * single-use `transfer_token` (valid 1 hour) for a `upi` transfer with the same `transfer_id`.
 *
 * @example
 * const { transfer_token, name_at_bank } = await payouts.transfers.validate({ transfer_id: 'payout_0002', vpa: 'success@upi' });
 */
export interface ValidatePayoutResponse {
  transfer_token?: string;
  vpa?: string;
  phone?: string;
  /** `VALID` when the account can be paid. */
  account_status?: string;
  name_at_bank?: string;
}
