import type { CatalogueRow } from './entry.js';

/** The `error_details.error_code`s of a failed payment. */
export const PAYMENT_FAILURE_CODES: readonly CatalogueRow[] = [
  {
    code: 'TRANSACTION_DECLINED',
    status: [],
    meaning: 'The bank or the customer declined the payment.',
    cause:
      'Insufficient funds, a wrong PIN or OTP, a blocked card, or a risk check (error_reason and error_source say which).',
    fix: 'Let the customer retry or choose another method; the order stays ACTIVE until it expires.',
  },
  {
    code: 'GATEWAY_ERROR',
    status: [],
    meaning: 'The payment failed at the gateway or bank network.',
    cause: 'A downstream outage or a gateway rejection (error_reason names it, e.g. invalid_amount).',
    fix: 'Let the customer retry, perhaps with another method.',
  },
  {
    code: 'ISSUER_NOT_AVAILABLE',
    status: [],
    meaning: 'The issuing bank did not respond.',
    cause: 'The customer’s bank is down or slow.',
    fix: 'Let the customer retry later or choose another method.',
  },
  {
    code: 'INVALID_VPA',
    status: [],
    meaning: 'The UPI id does not exist or has no UPI set up.',
    cause: 'A typo in the VPA, or an account without UPI.',
    fix: 'Ask the customer to check the UPI id or pay another way.',
  },
  {
    code: 'TRANSACTION_EXPIRED',
    status: [],
    meaning: 'The customer did not complete the payment in time.',
    cause: 'A UPI collect request left unapproved until it expired (upi_expiry_minutes).',
    fix: 'Let the customer try again; a longer upi_expiry_minutes (up to 15) gives more time.',
  },
  {
    code: 'BANK_TIMEOUT',
    status: [],
    meaning: 'The bank did not respond in time.',
    cause: 'A slow or overloaded remitter or beneficiary bank.',
    fix: 'Let the customer retry; check the order status before retrying, as a late success is still possible.',
  },
  {
    code: 'INSUFFICIENT_FUNDS',
    status: [],
    meaning: 'The customer’s account has insufficient funds.',
    cause: 'The balance is below the payment amount.',
    fix: 'Let the customer pay with another account or method.',
  },
  {
    code: 'NETWORK_ERROR',
    status: [],
    meaning: 'The payment network failed to process the transaction.',
    cause: 'A UPI or card network outage.',
    fix: 'Let the customer retry in a few minutes.',
  },
  {
    code: 'INVALID_PIN',
    status: [],
    meaning: 'The customer entered a wrong UPI PIN.',
    cause: 'A mistyped PIN.',
    fix: 'Let the customer retry with the right PIN.',
  },
  {
    code: 'RISK_THRESHOLD_EXCEEDED',
    status: [],
    meaning: 'The payment was rejected by a risk check.',
    cause: 'The bank’s or Cashfree’s fraud rules flagged the transaction.',
    fix: 'Let the customer pay another way; contact Cashfree support if genuine payments are blocked.',
  },
  {
    code: 'DEVICE_FINGERPRINT_MISMATCH',
    status: [],
    meaning: 'The customer’s device could not be verified.',
    cause: 'The UPI app’s device binding failed.',
    fix: 'Let the customer re-register the UPI app or pay another way.',
  },
  {
    code: 'TPV_VALIDATION_FAILED',
    status: [],
    meaning: 'The payment came from an account other than the one registered for the order (TPV).',
    cause: 'Third-party validation is on and the customer paid from another bank account.',
    fix: 'Ask the customer to pay from the account sent in customer_bank_account_number / customer_bank_ifsc.',
  },
  {
    code: 'PSP_NOT_REGISTERED',
    status: [],
    meaning: 'The customer’s UPI app is not allowed by the network.',
    cause: 'The payment service provider is blocked or not registered.',
    fix: 'Let the customer pay with another UPI app or method.',
  },
  {
    code: 'AUTHENTICATION_FAILED',
    status: [],
    meaning: 'The customer failed authentication (OTP or 3-D Secure).',
    cause: 'A wrong OTP entered too many times.',
    fix: 'Let the customer retry the payment; in sandbox the card OTP is 111000.',
  },
];
