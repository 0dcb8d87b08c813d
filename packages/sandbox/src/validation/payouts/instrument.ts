import { badRequest } from '../../http/errors.js';
import { isJsonObject } from '../../util/json.js';
import { fieldError, optionalString, PATTERNS } from './rules.js';

/** Bank account, IFSC and VPA of a beneficiary, as sent. */
export interface Instrument {
  bank_account_number: string | null;
  bank_ifsc: string | null;
  vpa: string | null;
}

/**
 * `beneficiary_instrument_details` at `prefix` (`` for POST /beneficiary, whose codes are the bare
 * field names as Cashfree's table gives them; `beneficiary_details.beneficiary_instrument_details.`
 * for a transfer). An account needs its IFSC and the other way round.
 */
export function parseInstrument(value: unknown, prefix: string): Instrument {
  if (value === undefined || value === null) return { bank_account_number: null, bank_ifsc: null, vpa: null };
  const objectPath = prefix === '' ? 'beneficiary_instrument_details' : prefix.slice(0, -1);
  if (!isJsonObject(value)) throw fieldError(objectPath, 'invalid', 'should be an object', value);
  const account = optionalString(value, 'bank_account_number', `${prefix}bank_account_number`);
  const ifsc = optionalString(value, 'bank_ifsc', `${prefix}bank_ifsc`);
  const vpa = optionalString(value, 'vpa', `${prefix}vpa`);
  if (account !== undefined) checkAccount(account, prefix);
  if (ifsc !== undefined && !PATTERNS.ifsc.test(ifsc)) {
    throw badRequest(
      `${prefix}bank_ifsc_invalid`,
      `${prefix}bank_ifsc : please provide a valid IFSC. value received: ${ifsc}`,
    );
  }
  if (account !== undefined && ifsc === undefined) {
    throw badRequest(
      `${prefix}bank_ifsc_missing`,
      `${prefix}bank_ifsc : should be provided with the request if bank_account_number is provided`,
    );
  }
  if (ifsc !== undefined && account === undefined) {
    throw badRequest(
      `${prefix}bank_account_number_missing`,
      `${prefix}bank_account_number : should be provided with the request if bank_ifsc is provided`,
    );
  }
  if (vpa !== undefined && !PATTERNS.vpa.test(vpa)) {
    throw fieldError(`${prefix}vpa`, 'invalid', 'should be a valid VPA such as success@upi', vpa);
  }
  return { bank_account_number: account ?? null, bank_ifsc: ifsc ?? null, vpa: vpa ?? null };
}

/** 4 to 25 letters and digits, with Cashfree's three codes. */
function checkAccount(account: string, prefix: string): void {
  const path = `${prefix}bank_account_number`;
  if (account.length > 25) {
    throw badRequest(
      `${path}_length_exceeded`,
      `${path} : should not be more than 25 characters long. value received: ${account}`,
    );
  }
  if (account.length < 4) {
    throw badRequest(
      `${path}_length_short`,
      `${path} : should be at least 4 characters long. value received: ${account}`,
    );
  }
  if (!PATTERNS.account.test(account)) throw fieldError(path, 'invalid', 'should be alphanumeric', account);
}

/** `beneficiary_contact_details` at `prefix`, checked and kept as sent. */
export function parseContact(value: unknown, prefix: string): Record<string, string> | null {
  if (value === undefined || value === null) return null;
  const objectPath = `${prefix}beneficiary_contact_details`;
  if (!isJsonObject(value)) throw fieldError(objectPath, 'invalid', 'should be an object', value);
  const checks: Array<[string, RegExp | undefined, string]> = [
    ['beneficiary_email', PATTERNS.email, 'should be a valid email address'],
    ['beneficiary_phone', PATTERNS.phone, 'should be a valid Indian phone number of 8 to 12 digits'],
    ['beneficiary_country_code', /^\+91$/, 'should be +91'],
    ['beneficiary_address', /^[\s\S]{1,150}$/, 'should be at most 150 characters'],
    ['beneficiary_city', /^[\s\S]{1,50}$/, 'should be at most 50 characters'],
    ['beneficiary_state', /^[\s\S]{1,50}$/, 'should be at most 50 characters'],
    ['beneficiary_postal_code', PATTERNS.postalCode, 'should be 6 digits'],
  ];
  const out: Record<string, string> = {};
  for (const [key, pattern, reason] of checks) {
    const v = optionalString(value, key, `${objectPath}.${key}`);
    if (v === undefined) continue;
    if (pattern && !pattern.test(v)) throw fieldError(`${objectPath}.${key}`, 'invalid', reason, v);
    out[key] = v;
  }
  return out;
}
