import type { CatalogueRow } from './entry.js';

/*
 * Payouts v2 error codes, from Cashfree's Payouts OpenAPI file and its docs' response codes
 * (`transfer_id_already_exists` is not in the file: Cashfree's v1 and integrators' mocks answer a
 * reused transfer_id with 409, which the local sandbox follows). Cashfree names nested fields by
 * path (`beneficiary_details.beneficiary_instrument_details.bank_ifsc_invalid`, and in a batch
 * `transfers[0].transfer_amount_invalid`); those are answered by the row of their last segment.
 */

const bad = (status: number[] = [400]) =>
  ({
    status,
    type: 'invalid_request_error',
    sdkError: status[0] === 404 ? 'NotFoundError' : status[0] === 409 ? 'ConflictError' : 'BadRequestError',
  }) as const;

/** A `<field>_invalid` row for a Payouts field: what it must be and an example. */
function invalid(field: string, must: string, example: string): CatalogueRow {
  return {
    code: `${field}_invalid`,
    ...bad(),
    meaning: `The ${field} is not in the form Cashfree accepts.`,
    cause: `It must be ${must}; the message quotes the value received.`,
    fix: `Send e.g. ${example}. cashfree-kit checks this before sending.`,
  };
}

/** A `<field>_missing` row for a required Payouts field. */
function missing(field: string, why: string): CatalogueRow {
  return {
    code: `${field}_missing`,
    ...bad(),
    meaning: `The request has no ${field}.`,
    cause: `${field} was left out or empty.`,
    fix: `Send ${field}: ${why}.`,
  };
}

/** The error codes of Payouts: beneficiaries, transfers, batches and validatePayout. */
export const PAYOUT_CODES: readonly CatalogueRow[] = [
  {
    code: 'apis_not_enabled',
    status: [403],
    type: 'invalid_request_error',
    sdkError: 'ApiError',
    meaning: 'Payouts APIs are not enabled on this Cashfree account.',
    cause: 'The account has not been activated for Payouts API access, or the keys are from another account.',
    fix: 'Fill in Cashfree’s support form to enable Payouts APIs, and check that the keys are Payouts keys of this account.',
  },
  {
    // Cashfree documents no v2 body for a 2FA failure (v1 says "IP not whitelisted" with subCode
    // 403); this code is the local sandbox's, which answers it when its Payouts 2FA is on.
    code: 'two_factor_authentication_failed',
    status: [403],
    type: 'authentication_error',
    sdkError: 'ApiError',
    meaning:
      'The request passed neither Payouts 2FA check: the caller’s IP is not whitelisted and it has no valid x-cf-signature.',
    cause:
      'No publicKey given to the client, a public key of another account or an older one, or a signature older than 10 minutes (a clock that is off).',
    fix: 'Whitelist the server’s IPv4 address, or pass the 2FA public key (publicKey or CASHFREE_PAYOUTS_PUBLIC_KEY) so every request is signed; check the server clock. On the local sandbox the key is at GET /_sandbox/payouts/two-factor.',
  },
  invalid('beneficiary_id', 'up to 50 letters, digits, `_`, `|`, `.`, `-`', '`tea_estate_01`'),
  missing('beneficiary_id', 'your own id for the beneficiary, which transfers then name'),
  {
    code: 'beneficiary_id_length_exceeded',
    ...bad(),
    meaning: 'The beneficiary_id is longer than 50 characters.',
    cause: 'An id built from long parts (a name and an account number).',
    fix: 'Use at most 50 letters, digits, `_`, `|`, `.`, `-`.',
  },
  invalid('beneficiary_name', 'letters and spaces only, up to 100 characters', '`Darjeeling Tea Estate`'),
  missing('beneficiary_name', 'the account holder’s name, letters and spaces'),
  invalid('bank_account_number', '4–25 letters and digits, no spaces', '`026291800001191`'),
  missing('bank_account_number', 'it goes with bank_ifsc; send both or neither'),
  {
    code: 'bank_account_number_length_exceeded',
    ...bad(),
    meaning: 'The bank_account_number is longer than 25 characters.',
    cause: 'Spaces, dashes or an extra prefix copied with the number.',
    fix: 'Send the account number alone: 4–25 letters and digits.',
  },
  {
    code: 'bank_account_number_length_short',
    ...bad(),
    meaning: 'The bank_account_number is shorter than 4 characters.',
    cause: 'A truncated or placeholder account number.',
    fix: 'Send the full account number: 4–25 letters and digits.',
  },
  invalid('bank_ifsc', 'an IFSC: 4 capital letters, `0`, then 6 capital letters or digits', '`YESB0000262`'),
  missing('bank_ifsc', 'it goes with bank_account_number; send both or neither'),
  invalid('vpa', 'a UPI VPA, name@handle', '`success@upi`'),
  invalid('beneficiary_email', 'an email address of up to 200 characters', '`accounts@example.com`'),
  invalid(
    'beneficiary_phone',
    '8–12 digits of a registered Indian number, optionally after +91',
    '`9876543210`',
  ),
  invalid('beneficiary_country_code', '`+91`', '`+91`'),
  invalid('beneficiary_address', 'up to 150 letters, digits and spaces', '`12 Hill Cart Road`'),
  invalid('beneficiary_city', 'up to 50 letters, digits and spaces', '`Darjeeling`'),
  invalid('beneficiary_state', 'up to 50 letters, digits and spaces', '`West Bengal`'),
  invalid('beneficiary_postal_code', 'a 6-digit PIN code', '`734101`'),
  {
    code: 'beneficiary_id_already_exists',
    ...bad([409]),
    meaning: 'A beneficiary with this beneficiary_id already exists.',
    cause:
      'The same id created twice: a retry of a create whose answer was lost, or an id reused for someone else.',
    fix: 'Fetch it with beneficiaries.get({ beneficiary_id }); cashfree-kit returns it when its details match. Use a new id for a new beneficiary.',
  },
  {
    code: 'beneficiary_already_exists',
    ...bad([409]),
    meaning: 'A beneficiary with this bank account and IFSC already exists under another beneficiary_id.',
    cause: 'The same account saved twice under two ids.',
    fix: 'Find it with beneficiaries.get({ bank_account_number, bank_ifsc }) and pay its beneficiary_id.',
  },
  {
    code: 'beneficiary_account_same_as_source',
    status: [422],
    type: 'invalid_request_error',
    sdkError: 'ApiError',
    meaning: 'The beneficiary’s account is the account Payouts debits.',
    cause: 'Your own funding account added as a beneficiary.',
    fix: 'Pay another account; move your own funds with a self-withdrawal instead.',
  },
  {
    code: 'vba_bene_not_allowed',
    status: [422],
    type: 'invalid_request_error',
    sdkError: 'ApiError',
    meaning: 'A virtual bank account cannot be a beneficiary.',
    cause: 'The account number belongs to a virtual account (Cashfree’s or another provider’s).',
    fix: 'Use the beneficiary’s real bank account.',
  },
  {
    code: 'too_many_parameters_in_request',
    ...bad(),
    meaning: 'The beneficiary lookup gave beneficiary_id and bank details together.',
    cause: 'All three query parameters sent at once.',
    fix: 'Look up by beneficiary_id alone, or by bank_account_number and bank_ifsc together.',
  },
  {
    code: 'beneficiary_identifiers_missing',
    ...bad(),
    meaning: 'The beneficiary lookup named no beneficiary.',
    cause: 'No beneficiary_id and no bank_account_number with bank_ifsc.',
    fix: 'Pass { beneficiary_id } or { bank_account_number, bank_ifsc }.',
  },
  {
    code: 'beneficiary_not_found',
    ...bad([404]),
    meaning: 'No beneficiary matches (by id, or by account and IFSC).',
    cause:
      'A typo, a beneficiary removed, another account’s keys, or the account saved with a different IFSC.',
    fix: 'Check the id (or account and IFSC), and create the beneficiary before paying it by id.',
  },
  invalid('transfer_id', 'up to 40 letters, digits and `_`', '`payout_0001`'),
  missing('transfer_id', 'your own id for the payment; it is the only idempotency key Payouts has'),
  invalid('transfer_amount', 'rupees (not paise), at least 1.00, at most 2 decimals', '`1250.50`'),
  missing('transfer_amount', 'rupees, at least 1.00'),
  invalid('transfer_currency', '`INR`', '`INR`'),
  invalid(
    'transfer_mode',
    'one of banktransfer, imps, neft, rtgs, upi, paytm, amazonpay, card, cardupi (lower case), enabled on the account',
    '`banktransfer`',
  ),
  invalid('transfer_remarks', 'up to 70 letters, digits and spaces', '`Tea leaves December`'),
  invalid('fundsource_id', 'the id of a fund source of the account', '`CASHFREE_1`'),
  invalid(
    'transfer_token',
    'the unspent token of validatePayout for the same transfer_id, within an hour',
    'the token validatePayout answered',
  ),
  {
    code: 'transfer_id_already_exists',
    ...bad([409]),
    meaning: 'A transfer with this transfer_id already exists.',
    cause: 'The same payment sent again (its first answer was lost), or an id reused for another payment.',
    fix: 'Fetch it with transfers.get({ transfer_id }); cashfree-kit returns it when amount and beneficiary match, and never pays twice. Use a new transfer_id for a new payment.',
  },
  {
    code: 'transfer_id_not_found',
    ...bad([404]),
    meaning: 'No transfer has this transfer_id.',
    cause:
      'The transfer was never received (so it can be sent again with the same id), a typo, or another account’s keys.',
    fix: 'Check the id; after a timeout this answer means the payment was not made and may be sent again with the same transfer_id.',
  },
  {
    code: 'transfer_status_invalid',
    ...bad(),
    meaning: 'The local sandbox was asked to move a transfer to a status its life cycle does not allow.',
    cause:
      'An admin approve or reject of a transfer that is not APPROVAL_PENDING, or a reversal of one that is not SUCCESS (sandbox only; Cashfree decides these itself).',
    fix: 'Fetch the transfer and act on it only in the status the action needs.',
  },
  {
    code: 'cf_transfer_id_not_found',
    ...bad([404]),
    meaning: 'No transfer has this cf_transfer_id.',
    cause: 'A typo, or an id from another account or environment.',
    fix: 'Check the id, or look the transfer up by your transfer_id.',
  },
  invalid('batch_transfer_id', 'up to 60 letters, digits and `_`', '`salaries_2026_12`'),
  missing('batch_transfer_id', 'your own id for the batch; it is the batch’s idempotency key'),
  invalid(
    'transfers',
    'a list of 1 to 5,000 transfers (1,000 on a test account)',
    'smaller batches of at most 1,000 while testing',
  ),
  missing('transfers', 'the list of transfers, each with its own transfer_id'),
  {
    code: 'batch_transfer_id_already_exists',
    ...bad([409]),
    meaning: 'A batch with this batch_transfer_id already exists.',
    cause: 'The same batch sent again (its first answer was lost), or an id reused for another batch.',
    fix: 'Fetch it with batchTransfers.get({ batch_transfer_id }); cashfree-kit returns it when its transfers match. Use a new id for a new batch.',
  },
  {
    code: 'batch_transfer_id_not_found',
    ...bad([404]),
    meaning: 'No batch has this batch_transfer_id.',
    cause: 'The batch was never received, a typo, or another account’s keys.',
    fix: 'Check the id; after a timeout this answer means the batch was not made and may be sent again with the same id.',
  },
  {
    code: 'cf_batch_transfer_id',
    ...bad([404]),
    meaning: 'No batch has this cf_batch_transfer_id (Cashfree’s code for it, without `_not_found`).',
    cause: 'A typo, or an id from another account or environment.',
    fix: 'Check the id, or look the batch up by your batch_transfer_id.',
  },
];
