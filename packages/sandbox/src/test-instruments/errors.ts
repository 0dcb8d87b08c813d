import type { ErrorDetails } from '../store/payments.js';

/**
 * `error_details` the sandbox puts on failed payments. TRANSACTION_DECLINED (bank_rejected / bank)
 * and the `auth_declined` card decline are Cashfree's published examples; the other codes are
 * the sandbox's readable choices for the test VPAs' documented reasons, with NPCI response codes
 * (`error_subcode_raw`) where the reason has a well-known one.
 */
export interface ErrorTemplate {
  code: string;
  description: string;
  reason: string;
  source: 'bank' | 'customer' | 'cashfree' | 'network';
  message: string;
  subcode?: string;
}

export const PAYMENT_ERRORS = {
  bankDeclined: {
    code: 'TRANSACTION_DECLINED',
    description: 'transaction is rejected at the remitter bank end. Please reach out to issuer bank',
    reason: 'bank_rejected',
    source: 'bank',
    message: '01::REJECTED',
    subcode: 'U30',
  },
  cardDeclined: {
    code: 'TRANSACTION_DECLINED',
    description: 'issuer bank or payment service provider declined the transaction',
    reason: 'auth_declined',
    source: 'customer',
    message: 'Transaction failed',
  },
  customerDeclined: {
    code: 'TRANSACTION_DECLINED',
    description: 'the customer declined the collect request',
    reason: 'customer_declined',
    source: 'customer',
    message: '01::DECLINED BY USER',
    subcode: 'ZA',
  },
  invalidVpa: {
    code: 'INVALID_VPA',
    description: 'the UPI id entered is invalid',
    reason: 'invalid_vpa',
    source: 'customer',
    message: '01::INVALID VPA',
  },
  instrumentNotSetUp: {
    code: 'INVALID_VPA',
    description: 'UPI is not set up for this account',
    reason: 'instrument_not_setup',
    source: 'customer',
    message: '01::INVALID VPA',
  },
  collectExpired: {
    code: 'TRANSACTION_EXPIRED',
    description: 'the customer did not complete the payment in time',
    reason: 'collect_expired',
    source: 'customer',
    message: '01::COLLECT REQUEST EXPIRED',
    subcode: 'U69',
  },
  issuerUnavailable: {
    code: 'ISSUER_NOT_AVAILABLE',
    description: "the customer's bank is not available",
    reason: 'issuer_not_available',
    source: 'bank',
    message: '01::ISSUER NOT AVAILABLE',
  },
  bankTimeout: {
    code: 'BANK_TIMEOUT',
    description: 'the bank did not respond in time',
    reason: 'bank_timeout',
    source: 'bank',
    message: '01::BANK TIMEOUT',
  },
  insufficientFunds: {
    code: 'INSUFFICIENT_FUNDS',
    description: "insufficient funds in the customer's account",
    reason: 'insufficient_funds',
    source: 'customer',
    message: '01::INSUFFICIENT FUNDS',
    subcode: 'Z9',
  },
  networkError: {
    code: 'NETWORK_ERROR',
    description: 'the UPI network failed to process the transaction',
    reason: 'network_error',
    source: 'network',
    message: '01::NETWORK ERROR',
  },
  invalidPin: {
    code: 'INVALID_PIN',
    description: 'the customer entered a wrong UPI PIN',
    reason: 'invalid_pin',
    source: 'customer',
    message: '01::INCORRECT PIN',
    subcode: 'ZM',
  },
  riskRejected: {
    code: 'RISK_THRESHOLD_EXCEEDED',
    description: 'the transaction was rejected by risk checks',
    reason: 'risk_rejected',
    source: 'bank',
    message: '01::RISK REJECTED',
    subcode: 'U16',
  },
  fingerprintMismatch: {
    code: 'DEVICE_FINGERPRINT_MISMATCH',
    description: "the customer's device could not be verified",
    reason: 'device_fingerprint_mismatch',
    source: 'customer',
    message: '01::DEVICE FINGERPRINT MISMATCH',
  },
  tpvMismatch: {
    code: 'TPV_VALIDATION_FAILED',
    description: 'the payment came from an account other than the one registered for the order',
    reason: 'tpv_validation_failed',
    source: 'customer',
    message: '01::TPV VALIDATION FAILED',
  },
  pspUnregistered: {
    code: 'PSP_NOT_REGISTERED',
    description: "the customer's UPI app is blocked by the network",
    reason: 'psp_not_registered',
    source: 'network',
    message: '01::PSP NOT REGISTERED',
  },
  otpFailed: {
    code: 'AUTHENTICATION_FAILED',
    description: 'the OTP entered was wrong too many times',
    reason: 'otp_invalid',
    source: 'customer',
    message: 'Transaction failed: OTP authentication failed',
  },
} as const satisfies Record<string, ErrorTemplate>;

/** Builds a payment's `error_details` from a template. */
export function errorDetails(template: ErrorTemplate): ErrorDetails {
  return {
    error_code: template.code,
    error_description: template.description,
    error_reason: template.reason,
    error_source: template.source,
    error_code_raw: template.subcode ?? null,
    error_description_raw: template.subcode ? template.description : null,
    error_subcode_raw: template.subcode ?? null,
  };
}

/**
 * The error for `/simulate`'s `payment_error_code`: a known template when the code matches one,
 * otherwise the given code with a generic description (Cashfree's list has hundreds of codes).
 */
export function errorForCode(code: string | undefined): ErrorTemplate {
  if (!code) return PAYMENT_ERRORS.bankDeclined;
  const known = Object.values(PAYMENT_ERRORS).find((e) => e.code === code);
  return (
    known ?? {
      code,
      description: `payment failed with ${code} (simulated)`,
      reason: code.toLowerCase(),
      source: 'bank',
      message: `01::${code}`,
    }
  );
}
