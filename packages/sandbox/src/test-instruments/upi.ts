import { type ErrorTemplate, PAYMENT_ERRORS } from './errors.js';

/** What a test VPA does to a UPI collect request. */
export interface TestVpa {
  outcome: 'SUCCESS' | 'FAILED' | 'USER_DROPPED';
  /** The documented reason, shown in the test-data table of docs/sandbox.md. */
  reason: string;
  error?: ErrorTemplate;
}

const ok = (reason: string): TestVpa => ({ outcome: 'SUCCESS', reason });
const fail = (reason: string, error: ErrorTemplate): TestVpa => ({ outcome: 'FAILED', reason, error });

/**
 * The seed's VPAs (success@cashfree, failure@cashfree) and Cashfree's documented `@gocash` sandbox
 * VPAs with their outcomes. A collect request to any of them is PENDING first and resolves on its
 * own after the sandbox's UPI delay, as the real sandbox resolves test VPAs without a phone.
 *
 * @example
 * const failing = Object.keys(TEST_VPAS).filter((vpa) => TEST_VPAS[vpa]?.outcome === 'FAILED');
 */
export const TEST_VPAS: Readonly<Record<string, TestVpa>> = {
  'success@cashfree': ok('success'),
  'failure@cashfree': fail('failure', PAYMENT_ERRORS.bankDeclined),
  'testsuccess@gocash': ok('success'),
  'testtpvsuccess@gocash': ok('success (TPV: account 1111222233, IFSC TEST0001234)'),
  'testfailure@gocash': fail('failure', PAYMENT_ERRORS.bankDeclined),
  'testinvalid@gocash': fail('invalid VPA', PAYMENT_ERRORS.invalidVpa),
  'testdeclineuser@gocash': fail('declined by the customer', PAYMENT_ERRORS.customerDeclined),
  'testexpired@gocash': fail('customer did not complete in time', PAYMENT_ERRORS.collectExpired),
  'testtimeoutbank@gocash': fail('issuing bank timeout', PAYMENT_ERRORS.bankTimeout),
  'testremitterunavailable@gocash': fail('remitter bank unavailable', PAYMENT_ERRORS.issuerUnavailable),
  'testremitterdispatchfailed@gocash': fail('remitter bank unavailable', PAYMENT_ERRORS.issuerUnavailable),
  'testinsufficientfunds@gocash': fail('insufficient funds', PAYMENT_ERRORS.insufficientFunds),
  'testnetworkerror@gocash': fail('network error', PAYMENT_ERRORS.networkError),
  'testinvalidpin@gocash': fail('wrong UPI PIN', PAYMENT_ERRORS.invalidPin),
  'testbeneficiarytimeout@gocash': fail('beneficiary bank slow to respond', PAYMENT_ERRORS.bankTimeout),
  'testremittertimeout@gocash': fail('remitter bank slow to respond', PAYMENT_ERRORS.bankTimeout),
  'testuserdropped@gocash': { outcome: 'USER_DROPPED', reason: 'customer cancelled / did not attempt' },
  'testtransactionrisk@gocash': fail('risk rejection', PAYMENT_ERRORS.riskRejected),
  'testbankriskrejected@gocash': fail('risk rejection', PAYMENT_ERRORS.riskRejected),
  'testriskflagged@gocash': fail('risk rejection', PAYMENT_ERRORS.riskRejected),
  'testfingerprintmismatch@gocash': fail('device fingerprint mismatch', PAYMENT_ERRORS.fingerprintMismatch),
  'testinvalidvpa@gocash': fail('UPI not set up for the account', PAYMENT_ERRORS.instrumentNotSetUp),
  'testfraud@gocash': fail('issuer / PSP declined', PAYMENT_ERRORS.bankDeclined),
  'testdebitfailed@gocash': fail('issuer / PSP declined', PAYMENT_ERRORS.bankDeclined),
  'testvalidationerror@gocash': fail('TPV: paid from a different account', PAYMENT_ERRORS.tpvMismatch),
  'testtpvfail@gocash': fail('TPV: paid from a different account', PAYMENT_ERRORS.tpvMismatch),
  'testpspunregistered@gocash': fail('blocked by the network', PAYMENT_ERRORS.pspUnregistered),
  'testbankdeclined@gocash': fail('bank declined', PAYMENT_ERRORS.bankDeclined),
};

/** The test VPA for a UPI id (case-insensitive), or `undefined`. */
export function lookUpVpa(upiId: string): TestVpa | undefined {
  return TEST_VPAS[upiId.trim().toLowerCase()];
}
