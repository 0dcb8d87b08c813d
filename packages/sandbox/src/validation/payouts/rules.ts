import {
  CREATE_BENEFICIARY_CHECKS,
  CREATE_TRANSFER_CHECKS,
  type FieldRule,
  VALIDATE_PAYOUT_CHECKS,
} from 'cashfree-kit';
import { badRequest, type SandboxHttpError } from '../../http/errors.js';

/**
 * The patterns the sandbox checks Payouts fields with are the SDK's (its request checks, one home
 * for each limit); only the wording of the answer is the sandbox's, in Cashfree's style.
 */
function patternOf(checks: readonly FieldRule[], field: string): RegExp {
  const rule = checks.find((r) => r.field === field);
  if (rule?.check.kind !== 'pattern')
    throw new Error(`the SDK's Payouts checks have no pattern for ${field}`);
  return new RegExp(rule.check.pattern);
}

/** Field patterns, from the SDK's Payouts checks. */
export const PATTERNS = {
  beneficiaryId: patternOf(CREATE_BENEFICIARY_CHECKS, 'beneficiary_id'),
  beneficiaryName: patternOf(CREATE_BENEFICIARY_CHECKS, 'beneficiary_name'),
  account: patternOf(CREATE_BENEFICIARY_CHECKS, 'beneficiary_instrument_details.bank_account_number'),
  ifsc: patternOf(CREATE_BENEFICIARY_CHECKS, 'beneficiary_instrument_details.bank_ifsc'),
  vpa: patternOf(CREATE_BENEFICIARY_CHECKS, 'beneficiary_instrument_details.vpa'),
  email: patternOf(CREATE_BENEFICIARY_CHECKS, 'beneficiary_contact_details.beneficiary_email'),
  phone: patternOf(CREATE_BENEFICIARY_CHECKS, 'beneficiary_contact_details.beneficiary_phone'),
  postalCode: patternOf(CREATE_BENEFICIARY_CHECKS, 'beneficiary_contact_details.beneficiary_postal_code'),
  transferId: patternOf(CREATE_TRANSFER_CHECKS, 'transfer_id'),
  remarks: patternOf(CREATE_TRANSFER_CHECKS, 'transfer_remarks'),
  validatePhone: patternOf(VALIDATE_PAYOUT_CHECKS, 'phone'),
} as const;

/** Cashfree's field errors: `<path> : <reason>. Value received: <value>`, code `<path>_<suffix>`. */
export function fieldError(path: string, suffix: string, reason: string, value: unknown): SandboxHttpError {
  const shown =
    value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  return badRequest(`${path}_${suffix}`, `${path} : ${reason}. Value received: ${shown}`);
}

/** A present, non-empty string, or undefined; anything else is `<path>_invalid`. */
export function optionalString(
  object: Record<string, unknown>,
  key: string,
  path: string,
): string | undefined {
  const value = object[key];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw fieldError(path, 'invalid', 'should be a string', value);
  return value;
}

/** `path` joined under `prefix` (`transfers[0].` or `beneficiary_details.`). */
export function under(prefix: string, key: string): string {
  return `${prefix}${key}`;
}
