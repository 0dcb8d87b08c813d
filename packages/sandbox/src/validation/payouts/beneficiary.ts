import { badRequest } from '../../http/errors.js';
import { bodyReader, missing } from '../fields.js';
import { type Instrument, parseContact, parseInstrument } from './instrument.js';
import { fieldError, PATTERNS } from './rules.js';

/** A checked `POST /beneficiary` body. */
export interface NewBeneficiary extends Instrument {
  beneficiary_id: string;
  beneficiary_name: string;
  contact: Record<string, string> | null;
}

/** A `beneficiary_id` at `path`, with Cashfree's length and character codes. */
export function checkBeneficiaryId(path: string, value: unknown): string {
  if (value === undefined || value === null || value === '') throw missing(path);
  if (typeof value !== 'string') throw fieldError(path, 'invalid', 'should be a string', value);
  if (value.length > 50) {
    throw badRequest(
      `${path}_length_exceeded`,
      `${path} : should not be more than 50 characters long. value received: ${value}`,
    );
  }
  if (!PATTERNS.beneficiaryId.test(value)) {
    throw fieldError(
      path,
      'invalid',
      'should contain only letters, numbers, hyphen, underscore, pipe, and dot',
      value,
    );
  }
  return value;
}

/** A `beneficiary_name` at `path`: letters and whitespace, at most 100. */
export function checkBeneficiaryName(path: string, value: unknown): string {
  if (value === undefined || value === null || value === '') throw missing(path);
  if (typeof value !== 'string' || !PATTERNS.beneficiaryName.test(value)) {
    throw fieldError(
      path,
      'invalid',
      'should contain only alphabets and whitespace, at most 100 characters',
      value,
    );
  }
  return value;
}

/** Checks `POST /beneficiary` (CreateBeneficiaryRequest) and reports the first problem, as Cashfree does. */
export function parseCreateBeneficiary(body: unknown): NewBeneficiary {
  const r = bodyReader(body);
  const beneficiary_id = checkBeneficiaryId('beneficiary_id', r.raw('beneficiary_id'));
  const beneficiary_name = checkBeneficiaryName('beneficiary_name', r.raw('beneficiary_name'));
  const instrument = parseInstrument(r.raw('beneficiary_instrument_details'), '');
  const contact = parseContact(r.raw('beneficiary_contact_details'), '');
  return { beneficiary_id, beneficiary_name, ...instrument, contact };
}

/** How `GET /beneficiary` names the beneficiary: by id, or by account and IFSC. */
export type BeneficiaryLookup =
  | { by: 'id'; beneficiary_id: string }
  | { by: 'account'; bank_account_number: string; bank_ifsc: string };

/** Checks `GET /beneficiary`'s query: exactly one of the two identifier forms. */
export function parseBeneficiaryLookup(query: Record<string, string | undefined>): BeneficiaryLookup {
  const id = query['beneficiary_id'] || undefined;
  const account = query['bank_account_number'] || undefined;
  const ifsc = query['bank_ifsc'] || undefined;
  if (id !== undefined && (account !== undefined || ifsc !== undefined)) {
    throw badRequest(
      'too_many_parameters_in_request',
      'send either beneficiary_id, or bank_account_number and bank_ifsc, not both',
    );
  }
  if (id !== undefined) return { by: 'id', beneficiary_id: checkBeneficiaryId('beneficiary_id', id) };
  if (account === undefined && ifsc === undefined) {
    throw badRequest(
      'beneficiary_identifiers_missing',
      'beneficiary_id or bank_account_number and bank_ifsc : are missing in the request',
    );
  }
  const instrument = parseInstrument({ bank_account_number: account, bank_ifsc: ifsc }, '');
  return {
    by: 'account',
    bank_account_number: instrument.bank_account_number!,
    bank_ifsc: instrument.bank_ifsc!,
  };
}
