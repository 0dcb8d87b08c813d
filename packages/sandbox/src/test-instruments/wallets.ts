/** App / wallet providers Order Pay accepts (PayOrderRequest `app.provider`). */
export const APP_PROVIDERS = [
  'gpay',
  'phonepe',
  'ola',
  'paytm',
  'amazon',
  'airtel',
  'freecharge',
  'mobikwik',
  'jio',
] as const;

/**
 * Cashfree's sandbox has a single test wallet. Every provider above opens it: the payment is
 * PENDING until the sandbox's wallet page (or `/simulate`) decides. The documented phone is the
 * one to use in examples.
 *
 * @example
 * const method = { app: { channel: 'link', provider: TEST_WALLET.provider, phone: TEST_WALLET.phone } };
 */
export const TEST_WALLET = {
  provider: 'phonepe',
  phone: '9999999999',
  displayName: 'Sandbox Test Wallet',
} as const;
