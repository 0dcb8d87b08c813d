import type { EligibilityPaymentMethodsEntity, PaymentModeDetails } from 'cashfree-kit';
import type { MethodEligibility } from '../services/eligibility.js';
import { TEST_CARDS, type TestCard } from '../test-instruments/cards.js';
import { TEST_BANK } from '../test-instruments/netbanking.js';
import type { CheckoutCode } from '../test-instruments/payment-methods.js';
import { APP_PROVIDERS } from '../test-instruments/wallets.js';

const NETWORK_NAMES: Readonly<Record<TestCard['network'], string>> = {
  visa: 'Visa',
  mastercard: 'Mastercard',
  rupay: 'RuPay',
  amex: 'American Express',
};

/** The card networks of the test cards that pay as `code`, in the order the cards are listed. */
function networksOf(code: 'cc' | 'dc' | 'ccc'): { nick: string; display: string }[] {
  const networks = new Set(
    Object.values(TEST_CARDS)
      .filter((card) =>
        code === 'dc'
          ? card.type === 'debit_card'
          : card.type === 'credit_card' && (card.subType === 'C') === (code === 'ccc'),
      )
      .map((card) => card.network),
  );
  return [...networks].map((network) => ({ nick: network, display: NETWORK_NAMES[network] }));
}

/**
 * The instruments behind an emulated method: the networks of its test cards, the test bank (with
 * the code Order Pay takes), the wallet providers. UPI takes any VPA, so it lists none.
 */
function instrumentsOf(code: CheckoutCode): PaymentModeDetails[] {
  switch (code) {
    case 'cc':
    case 'dc':
    case 'ccc':
      return networksOf(code);
    case 'nb':
      return [
        {
          nick: TEST_BANK.displayName.toLowerCase().replaceAll(' ', '_'),
          display: TEST_BANK.displayName,
          code: TEST_BANK.code,
        },
      ];
    case 'app':
      return APP_PROVIDERS.map((provider) => ({ nick: provider, display: provider }));
    case 'upi':
      return [];
  }
}

/**
 * `EligibilityPaymentMethodsEntity`: one method type, whether it can pay, and its instruments,
 * each with the same eligibility.
 * @see https://www.cashfree.com/docs/api-reference/payments/latest/eligibility/get-eligible-payment-methods
 */
export function eligibilityEntity(answer: MethodEligibility): EligibilityPaymentMethodsEntity {
  const instruments = answer.code === undefined ? [] : instrumentsOf(answer.code);
  return {
    eligibility: answer.eligible,
    entity_type: 'payment_methods',
    entity_value: answer.type,
    entity_details: {
      payment_method_details: instruments.map((i) => ({ ...i, eligibility: answer.eligible })),
    },
  };
}
