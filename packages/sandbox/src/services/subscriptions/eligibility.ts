import type { SubscriptionEligibilityMethod, SubscriptionPaymentMethodName } from 'cashfree-kit';
import type { SandboxContext } from '../../context.js';
import { subscriptionDetails } from '../../entities/subscription.js';
import type { Complete } from '../../entities/wire.js';
import { TEST_BANK } from '../../test-instruments/netbanking.js';
import { findSubscription } from './subscriptions.js';

/** The test bank, as a mandate bank: every authentication mode of e-NACH. */
const TEST_MANDATE_BANK = {
  bank_id: String(TEST_BANK.code),
  bank_name: TEST_BANK.displayName,
  account_auth_modes: ['DEBIT_CARD', 'NET_BANKING', 'AADHAAR'],
};

function detailsOf(
  method: SubscriptionPaymentMethodName,
): Complete<SubscriptionEligibilityMethod>['entity_details'] {
  const banks = method === 'enach' || method === 'pnach';
  // Lists that do not apply to the method are empty, as the contract types them (arrays).
  return {
    account_types: banks ? ['SAVINGS', 'CURRENT'] : [],
    allowed_card_types: method === 'card' ? ['credit_card', 'debit_card'] : [],
    available_handles: method === 'upi' ? [{ handle: 'gocash', application: 'Sandbox UPI app' }] : [],
    frequent_bank_details: banks ? [TEST_MANDATE_BANK] : [],
    all_bank_details: banks ? [TEST_MANDATE_BANK] : [],
  };
}

/**
 * `POST /subscriptions/eligibility/payment_methods`: the subscription's allowed mandate methods
 * (its `authorization_details.payment_methods`, all four by default), each eligible, narrowed to
 * `filters.payment_methods` when given. A method the subscription does not allow is answered
 * with `eligibility: false`.
 */
export function subscriptionEligibility(
  ctx: SandboxContext,
  subscriptionId: string,
  methods: readonly SubscriptionPaymentMethodName[] | undefined,
): Complete<SubscriptionEligibilityMethod>[] {
  const allowed = subscriptionDetails(findSubscription(ctx, subscriptionId)).payment_methods;
  return (methods ?? allowed).map((method) => ({
    eligibility: allowed.includes(method),
    entity_type: 'payment_methods',
    entity_value: method,
    entity_details: allowed.includes(method) ? detailsOf(method) : null,
  }));
}
