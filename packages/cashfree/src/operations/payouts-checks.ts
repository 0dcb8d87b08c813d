import type { FieldCheck, FieldRule } from '../validation/checks.js';

/**
 * What the Payouts calls check before anything is sent: the limits Cashfree's Payouts v2 contract
 * and its error messages state, one rule per field. Patterns are written as text (a RegExp source)
 * so the docs can print them and an MCP tool's input schema can carry them.
 *
 * @module
 */

/**
 * The `transfer_mode` values `POST /transfers` accepts (the contract's enum, lower case);
 * `banktransfer` when left out. The account must have a mode enabled to use it.
 *
 * @example
 * const mode = TRANSFER_MODES.includes('imps') ? 'imps' : 'banktransfer';
 */
export const TRANSFER_MODES = [
  'banktransfer',
  'imps',
  'neft',
  'rtgs',
  'upi',
  'paytm',
  'amazonpay',
  'card',
  'cardupi',
] as const;

/**
 * Cashfree's batch limit: 5,000 transfers in production; an account in test mode is held to 1,000
 * by default (the operation's description), which only Cashfree knows, so the SDK checks the
 * production limit.
 */
const BATCH_MAX_TRANSFERS = 5000;

const beneficiaryId: FieldCheck = {
  kind: 'pattern',
  pattern: '^[A-Za-z0-9_|.-]{1,50}$',
  means: 'up to 50 letters, digits, `_`, `|`, `.`, `-`',
  example: 'supplier_tea_estate_01',
};

const transferId: FieldCheck = {
  kind: 'pattern',
  pattern: '^[A-Za-z0-9_]{1,40}$',
  means: 'up to 40 letters, digits and `_`',
  example: 'payout_2026_0001',
};

const batchTransferId: FieldCheck = {
  kind: 'pattern',
  pattern: '^[A-Za-z0-9_]{1,60}$',
  means: 'up to 60 letters, digits and `_`',
  example: 'batch_2026_12_01',
};

const name: FieldCheck = {
  kind: 'pattern',
  pattern: '^[A-Za-z][A-Za-z ]{0,99}$',
  means: 'letters and spaces, up to 100 characters',
  example: 'Darjeeling Tea Estate',
};

const accountNumber: FieldCheck = {
  kind: 'pattern',
  pattern: '^[A-Za-z0-9]{4,25}$',
  means: '4–25 letters and digits, no spaces',
  example: '026291800001191',
};

const ifsc: FieldCheck = {
  kind: 'pattern',
  pattern: '^[A-Z]{4}0[A-Z0-9]{6}$',
  means: 'an IFSC: 4 capital letters, `0`, then 6 capital letters or digits',
  example: 'YESB0000262',
};

const vpa: FieldCheck = {
  kind: 'pattern',
  // Letters, digits, `.`, `-`, `_` before the `@`; a hyphen is not allowed in the handle after it.
  pattern: '^[A-Za-z0-9._-]+@[A-Za-z0-9._]+$',
  means: 'a UPI VPA: name@handle (letters, digits, `.`, `_`; `-` only before `@`)',
  example: 'success@upi',
};

const phone: FieldCheck = {
  kind: 'pattern',
  // Cashfree strips +91 and wants 8–12 digits of a registered Indian number.
  pattern: '^(\\+91)?[0-9]{8,12}$',
  means: '8–12 digits, optionally after `+91`',
  example: '9876543210',
};

const email: FieldCheck = {
  kind: 'pattern',
  pattern: '^(?=.{3,200}$)[^\\s@]+@[^\\s@]+\\.[^\\s@]+$',
  means: 'an email address of up to 200 characters',
  example: 'accounts@example.com',
};

const postalCode: FieldCheck = {
  kind: 'pattern',
  pattern: '^[0-9]{6}$',
  means: 'a 6-digit PIN code',
  example: '734101',
};

const address = (max: number, example: string): FieldCheck => ({
  kind: 'pattern',
  pattern: `^[A-Za-z0-9\\s,./#-]{1,${max}}$`,
  means: `up to ${max} letters, digits, spaces and \`, . / # -\``,
  example,
});

const remarks: FieldCheck = {
  kind: 'pattern',
  pattern: '^[A-Za-z0-9\\s]{1,70}$',
  means: 'up to 70 letters, digits and spaces',
  example: 'Tea leaves December',
};

/** Instrument and contact rules under `prefix` (`` or `beneficiary_details.`). */
function beneficiaryRules(prefix: string): FieldRule[] {
  const instrument = `${prefix}beneficiary_instrument_details`;
  const contact = `${prefix}beneficiary_contact_details`;
  return [
    { field: `${instrument}.bank_account_number`, required: false, check: accountNumber },
    { field: `${instrument}.bank_ifsc`, required: false, check: ifsc },
    { field: `${instrument}.vpa`, required: false, check: vpa },
    { field: `${contact}.beneficiary_email`, required: false, check: email },
    { field: `${contact}.beneficiary_phone`, required: false, check: phone },
    {
      field: `${contact}.beneficiary_country_code`,
      required: false,
      check: { kind: 'one-of', values: ['+91'] },
    },
    { field: `${contact}.beneficiary_address`, required: false, check: address(150, '12 Hill Cart Road') },
    { field: `${contact}.beneficiary_city`, required: false, check: address(50, 'Darjeeling') },
    { field: `${contact}.beneficiary_state`, required: false, check: address(50, 'West Bengal') },
    { field: `${contact}.beneficiary_postal_code`, required: false, check: postalCode },
  ];
}

/**
 * What `payouts.beneficiaries.create` checks before anything is sent, in order.
 *
 * @example
 * const checked = CREATE_BENEFICIARY_CHECKS.map((rule) => rule.field); // ['beneficiary_id', 'beneficiary_name', …]
 */
export const CREATE_BENEFICIARY_CHECKS: readonly FieldRule[] = [
  { field: 'beneficiary_id', required: true, check: beneficiaryId },
  { field: 'beneficiary_name', required: true, check: name },
  ...beneficiaryRules(''),
];

/** The fields of one transfer, whether sent alone or as an item of a batch. */
const TRANSFER_RULES: readonly FieldRule[] = [
  { field: 'transfer_id', required: true, check: transferId },
  { field: 'transfer_amount', required: true, check: { kind: 'rupees', min: 1, exclusive: false } },
  { field: 'transfer_currency', required: false, check: { kind: 'one-of', values: ['INR'] } },
  { field: 'transfer_mode', required: false, check: { kind: 'one-of', values: TRANSFER_MODES } },
  { field: 'beneficiary_details.beneficiary_id', required: false, check: beneficiaryId },
  { field: 'beneficiary_details.beneficiary_name', required: false, check: name },
  ...beneficiaryRules('beneficiary_details.'),
  { field: 'transfer_remarks', required: false, check: remarks },
  { field: 'fundsource_id', required: false, check: { kind: 'text', max: 50 } },
];

/**
 * What `payouts.transfers.create` checks before anything is sent, in order. A transfer that spends
 * a `/validatePayout` token carries `transfer_token` and needs no `beneficiary_details`.
 *
 * @example
 * const required = CREATE_TRANSFER_CHECKS.filter((rule) => rule.required).map((rule) => rule.field); // ['transfer_id', 'transfer_amount']
 */
export const CREATE_TRANSFER_CHECKS: readonly FieldRule[] = [
  ...TRANSFER_RULES,
  { field: 'transfer_token', required: false, check: { kind: 'text', max: 100 } },
];

/**
 * What `payouts.batchTransfers.create` checks before anything is sent: the batch id, the number of
 * transfers, then each transfer as a single one (its errors name `transfers[3].transfer_amount`).
 *
 * @example
 * const [, list] = CREATE_BATCH_TRANSFER_CHECKS; // { field: 'transfers', check: { kind: 'list', max: 5000, … } }
 */
export const CREATE_BATCH_TRANSFER_CHECKS: readonly FieldRule[] = [
  { field: 'batch_transfer_id', required: true, check: batchTransferId },
  {
    field: 'transfers',
    required: true,
    check: { kind: 'list', min: 1, max: BATCH_MAX_TRANSFERS, items: TRANSFER_RULES },
  },
];

/**
 * What `payouts.transfers.validate` (`POST /validatePayout`) checks before anything is sent. It
 * takes exactly one of `vpa` and `phone`; the resource checks that pair, the rules their shapes.
 *
 * @example
 * const fields = VALIDATE_PAYOUT_CHECKS.map((rule) => rule.field); // ['transfer_id', 'vpa', 'phone']
 */
export const VALIDATE_PAYOUT_CHECKS: readonly FieldRule[] = [
  { field: 'transfer_id', required: true, check: transferId },
  { field: 'vpa', required: false, check: vpa },
  { field: 'phone', required: false, check: phone },
];

/**
 * The query parameters' checks, by name, applied by the Payouts resources before a lookup is sent.
 *
 * @example
 * const { kind } = PAYOUT_QUERY_CHECKS.transfer_id; // 'pattern'
 */
export const PAYOUT_QUERY_CHECKS = {
  beneficiary_id: beneficiaryId,
  bank_account_number: accountNumber,
  bank_ifsc: ifsc,
  transfer_id: transferId,
  batch_transfer_id: batchTransferId,
} as const satisfies Record<string, FieldCheck>;
