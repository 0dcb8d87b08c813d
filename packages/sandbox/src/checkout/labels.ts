import { CHECKOUT_METHODS, type CheckoutMethod } from '../test-instruments/payment-methods.js';
import type { APP_PROVIDERS } from '../test-instruments/wallets.js';

/**
 * The names a customer knows payment methods and wallets by, for the checkout pages: Order Pay's
 * codes (`gpay`, `netbanking`) are the API's, never shown to a customer.
 */
const WALLET_NAMES: Record<(typeof APP_PROVIDERS)[number], string> = {
  gpay: 'Google Pay',
  phonepe: 'PhonePe',
  ola: 'Ola Money',
  paytm: 'Paytm',
  amazon: 'Amazon Pay',
  airtel: 'Airtel Payments Bank',
  freecharge: 'Freecharge',
  mobikwik: 'MobiKwik',
  jio: 'JioMoney',
};

/** `gpay` → `Google Pay`; a code without a name is shown as given. */
export function walletLabel(provider: string): string {
  return (WALLET_NAMES as Record<string, string>)[provider] ?? provider;
}

/** `netbanking` → `Net banking`. */
export function methodLabel(method: CheckoutMethod): string {
  return CHECKOUT_METHODS.find((m) => m.key === method)?.label ?? method;
}
