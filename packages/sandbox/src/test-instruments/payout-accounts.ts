/**
 * Cashfree's documented Payouts test data ("Data to Test Integration"): which bank account and
 * IFSC, or which VPA, leads to which outcome. Cashfree's sandbox fails transfers to any other
 * details, and so does this one.
 *
 * @see https://cashfree.com/docs/payouts/payouts/integrations/data-to-test
 */

/**
 * What happens to a transfer, decided by where it goes:
 * - `success`: RECEIVED → PENDING → SUCCESS (SENT_TO_BENEFICIARY) → SUCCESS (COMPLETED);
 * - `invalid_ifsc` / `invalid_account` / `invalid_vpa` / `unknown_instrument`: RECEIVED → PENDING → FAILED;
 * - `pending`: stays PENDING;
 * - `pending_then_success` / `pending_then_failure`: a long PENDING, then SUCCESS or FAILED;
 * - `success_then_reversed`: SUCCESS (SENT_TO_BENEFICIARY), then REVERSED;
 * - `slow_success`: the create call answers after a delay (Cashfree's 25 s timeout test), then as `success`.
 */
export type PayoutOutcome =
  | 'success'
  | 'invalid_ifsc'
  | 'invalid_account'
  | 'invalid_vpa'
  | 'unknown_instrument'
  | 'pending'
  | 'pending_then_success'
  | 'pending_then_failure'
  | 'success_then_reversed'
  | 'slow_success';

/** The documented test accounts: `account|IFSC` → outcome. */
const BANK_ACCOUNTS: ReadonlyMap<string, PayoutOutcome> = new Map([
  ['026291800001191|YESB0000262', 'success'],
  ['00011020001772|HDFC0000001', 'success'],
  ['1233943142|ICIC0000009', 'success'],
  ['388108022658|ICIC0000009', 'success'],
  ['000890289871772|SCBL0036078', 'success'],
  ['000100289877623|SBIN0008752', 'success'],
  ['2640101002729|CNRR0002640', 'invalid_ifsc'],
  ['026291800001190|YESB0000262', 'invalid_account'],
  ['234005000876|ICIC0000007', 'invalid_account'],
  ['1234567890|ICIC0000001', 'invalid_ifsc'],
  ['007711000031|HDFC0000077', 'pending'],
  ['00224412311300|YESB0000001', 'pending_then_success'],
  ['7766666351000|YESB0000001', 'pending_then_failure'],
  ['7766671735000|SBIN0000004', 'success_then_reversed'],
  ['02014457596969|CITI0000001', 'success_then_reversed'],
  ['34978321547298|KKBK0000001', 'slow_success'],
]);

/** Wallet numbers Cashfree documents for the `paytm` and `amazonpay` modes; each succeeds. */
const WALLET_NUMBERS: ReadonlySet<string> = new Set(['9999999999', '8888888888', '7777777777', '6666666666']);

/**
 * Test VPAs. `success@upi` is documented; the failing ones are `failure@upi` in one copy of the
 * test data and `incorrect@upi` / `invalid@upi` in Cashfree's vendor test data, so all three fail.
 */
const VPAS: ReadonlyMap<string, PayoutOutcome> = new Map([
  ['success@upi', 'success'],
  ['failure@upi', 'invalid_vpa'],
  ['incorrect@upi', 'invalid_vpa'],
  ['invalid@upi', 'invalid_vpa'],
]);

/** Where a transfer goes, as far as the outcome is concerned. */
export interface PayoutInstrument {
  bank_account_number?: string | null | undefined;
  bank_ifsc?: string | null | undefined;
  vpa?: string | null | undefined;
}

/**
 * The outcome of a transfer to `instrument` in `mode`. UPI modes read the VPA, wallet modes the
 * documented wallet numbers (sent as the account number), every other mode the account and IFSC.
 */
export function payoutOutcome(mode: string, instrument: PayoutInstrument): PayoutOutcome {
  if (mode === 'upi') return VPAS.get(instrument.vpa ?? '') ?? 'unknown_instrument';
  if (mode === 'paytm' || mode === 'amazonpay') {
    return WALLET_NUMBERS.has(instrument.bank_account_number ?? '') ? 'success' : 'unknown_instrument';
  }
  const key = `${instrument.bank_account_number ?? ''}|${instrument.bank_ifsc ?? ''}`;
  return BANK_ACCOUNTS.get(key) ?? 'unknown_instrument';
}

/**
 * The names a test VPA or phone validates to in `POST /validatePayout`: `success@upi` is Cashfree's
 * documented example (`JOHN SNOW`); the documented wallet phone numbers resolve to it too (a choice:
 * Cashfree documents no phone test data for this call).
 */
export const VALIDATED_VPAS: ReadonlyMap<string, string> = new Map([['success@upi', 'JOHN SNOW']]);

/** A phone number `POST /validatePayout` resolves to `success@upi`, or `undefined`. */
export function vpaForPhone(phone: string): string | undefined {
  const digits = phone.replace(/^\+91/, '');
  return WALLET_NUMBERS.has(digits) ? 'success@upi' : undefined;
}
