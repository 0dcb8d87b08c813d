import { TRANSFER_MODES } from 'cashfree-kit';
import { badRequest } from '../../http/errors.js';
import { isJsonObject } from '../../util/json.js';
import { toPaise } from '../../util/money.js';
import { missing } from '../fields.js';
import { checkBeneficiaryId, checkBeneficiaryName } from './beneficiary.js';
import { type Instrument, parseContact, parseInstrument } from './instrument.js';
import { fieldError, optionalString, PATTERNS } from './rules.js';

/** A checked transfer, alone or as an item of a batch. */
export interface NewTransfer {
  transfer_id: string;
  /** Paise. */
  amount: number;
  mode: string;
  /** A saved beneficiary's id, or the inline details (then `beneficiary_name` and an instrument). */
  beneficiary: {
    beneficiary_id: string | null;
    beneficiary_name: string | null;
    instrument: Instrument;
    contact: Record<string, string> | null;
  };
  remarks: string | null;
  fundsource_id: string | null;
  transfer_token: string | null;
}

/** A `transfer_id` at `path`: at most 40 letters, digits and `_`. */
export function checkTransferId(path: string, value: unknown): string {
  if (value === undefined || value === null || value === '') throw missing(path);
  if (typeof value !== 'string' || !PATTERNS.transferId.test(value)) {
    throw fieldError(
      path,
      'invalid',
      'should be alphanumeric (letters, digits and _), at most 40 characters',
      value,
    );
  }
  return value;
}

/**
 * Checks one transfer at `prefix` (`` for POST /transfers, `transfers[3].` in a batch): Cashfree's
 * codes carry the item's place, `transfers[0].transfer_amount_invalid`.
 */
export function parseTransfer(
  value: unknown,
  prefix: string,
  options: { tokenAllowed: boolean },
): NewTransfer {
  if (!isJsonObject(value)) {
    const path = prefix === '' ? 'request body' : prefix.slice(0, -1);
    throw badRequest(
      prefix === '' ? 'request_body_invalid' : `${path}_invalid`,
      `${path} : should be a JSON object`,
    );
  }
  const transfer_id = checkTransferId(`${prefix}transfer_id`, value['transfer_id']);
  const amountPath = `${prefix}transfer_amount`;
  const rawAmount = value['transfer_amount'];
  if (rawAmount === undefined || rawAmount === null || rawAmount === '') throw missing(amountPath);
  const amount = typeof rawAmount === 'number' ? toPaise(rawAmount) : undefined;
  // Cashfree's wording, typo included: "transfer_amount should be greater then 1.00".
  if (amount === undefined || amount < 100) {
    throw badRequest(
      `${amountPath}_invalid`,
      `${amountPath} should be greater then 1.00, in rupees with at most two decimals. Value received: ${String(rawAmount)}`,
    );
  }
  const currency = optionalString(value, 'transfer_currency', `${prefix}transfer_currency`);
  if (currency !== undefined && currency !== 'INR') {
    throw fieldError(`${prefix}transfer_currency`, 'invalid', 'should be INR', currency);
  }
  const mode = optionalString(value, 'transfer_mode', `${prefix}transfer_mode`) ?? 'banktransfer';
  if (!(TRANSFER_MODES as readonly string[]).includes(mode)) {
    throw fieldError(
      `${prefix}transfer_mode`,
      'invalid',
      `allowed values are : ${TRANSFER_MODES.join(', ')}`,
      mode,
    );
  }
  const token = options.tokenAllowed
    ? optionalString(value, 'transfer_token', `${prefix}transfer_token`)
    : undefined;
  const beneficiary = parseBeneficiaryDetails(
    value['beneficiary_details'],
    `${prefix}beneficiary_details.`,
    mode,
    token !== undefined,
  );
  const remarks = optionalString(value, 'transfer_remarks', `${prefix}transfer_remarks`);
  if (remarks !== undefined && !PATTERNS.remarks.test(remarks)) {
    throw fieldError(
      `${prefix}transfer_remarks`,
      'invalid',
      'should be alphanumeric with whitespace, at most 70 characters',
      remarks,
    );
  }
  const fundsource = optionalString(value, 'fundsource_id', `${prefix}fundsource_id`);
  return {
    transfer_id,
    amount,
    mode,
    beneficiary,
    remarks: remarks ?? null,
    fundsource_id: fundsource ?? null,
    transfer_token: token ?? null,
  };
}

/**
 * `beneficiary_details`: a saved `beneficiary_id`, or a name and the instrument the mode needs
 * (an account and IFSC for bank modes, a VPA for upi). A token transfer takes its VPA from the token.
 */
function parseBeneficiaryDetails(
  value: unknown,
  prefix: string,
  mode: string,
  hasToken: boolean,
): NewTransfer['beneficiary'] {
  const path = prefix.slice(0, -1);
  if (value === undefined || value === null) {
    if (hasToken) {
      return {
        beneficiary_id: null,
        beneficiary_name: null,
        instrument: parseInstrument(undefined, ''),
        contact: null,
      };
    }
    throw missing(path);
  }
  if (!isJsonObject(value)) throw fieldError(path, 'invalid', 'should be an object', value);
  const rawId = value['beneficiary_id'];
  const beneficiary_id =
    rawId === undefined || rawId === null || rawId === ''
      ? null
      : checkBeneficiaryId(`${prefix}beneficiary_id`, rawId);
  const rawName = value['beneficiary_name'];
  const beneficiary_name =
    beneficiary_id !== null && (rawName === undefined || rawName === null || rawName === '')
      ? null
      : hasToken && (rawName === undefined || rawName === null || rawName === '')
        ? null
        : checkBeneficiaryName(`${prefix}beneficiary_name`, rawName);
  const instrumentPrefix = `${prefix}beneficiary_instrument_details.`;
  const instrument = parseInstrument(value['beneficiary_instrument_details'], instrumentPrefix);
  if (beneficiary_id === null && !hasToken) {
    if (mode === 'upi' && instrument.vpa === null) throw missing(`${instrumentPrefix}vpa`);
    if (mode !== 'upi' && instrument.bank_account_number === null)
      throw missing(`${instrumentPrefix}bank_account_number`);
  }
  const contact = parseContact(value['beneficiary_contact_details'], prefix);
  return { beneficiary_id, beneficiary_name, instrument, contact };
}
