import { createHmac } from 'node:crypto';
import type { StoredAuthorization } from '../entities/subscription.js';
import type { SubscriptionPaymentRow } from '../store/subscriptions/payments.js';
import type { SubscriptionRow } from '../store/subscriptions/subscriptions.js';
import { lookUpCard } from '../test-instruments/cards.js';
import { parseColumn } from '../util/json.js';
import { formatPaise } from '../util/money.js';
import type { MandateInstrument } from '../validation/subscriptions.js';

/**
 * What the hosted mandate page posts to the subscription's `subscription_meta.return_url` when
 * the customer is done, as Cashfree documents it ("Redirection Payload After Authorisation"): a
 * form POST of `cf_*` fields and a `signature`. The browser carries it, so a merchant must confirm
 * the status with `GET /subscriptions/{id}` (or the webhook) before trusting it.
 */
export type MandateReturnFields = Record<string, string>;

/** `cf_mode`: Cashfree's name for the checkout method. */
function checkoutMode(instrument: MandateInstrument | null): string {
  if (!instrument) return '';
  if (instrument.method === 'upi') return 'SBC_UPI';
  if (instrument.method === 'card') {
    return lookUpCard(instrument.reference)?.type === 'debit_card' ? 'SBC_DEBIT_CARD' : 'SBC_CREDIT_CARD';
  }
  return 'NPCI_SBC';
}

/**
 * `cf_checkoutStatus`: SUCCESS once the mandate is live, SUCCESS_DEBIT_PENDING while the bank
 * still has to approve it, FAILED otherwise (refused, or the customer left).
 */
function checkoutStatus(sub: SubscriptionRow, auth: SubscriptionPaymentRow | undefined): string {
  if (auth?.status !== 'SUCCESS') return 'FAILED';
  return sub.status === 'BANK_APPROVAL_PENDING' ? 'SUCCESS_DEBIT_PENDING' : 'SUCCESS';
}

/**
 * The signature of the return payload: every other field sorted by name, their values
 * concatenated, HMAC-SHA256 with the secret key, base64 (the scheme of Cashfree's form-posted
 * signatures; its subscription page does not spell the concatenation out).
 */
export function signMandateReturn(fields: MandateReturnFields, secretKey: string): string {
  const data = Object.keys(fields)
    .filter((name) => name !== 'signature')
    .sort()
    .map((name) => fields[name])
    .join('');
  return createHmac('sha256', secretKey).update(data).digest('base64');
}

/** The fields posted to the return URL for `sub` after its checkout (`auth` may be absent: the customer left). */
export function mandateReturnFields(
  sub: SubscriptionRow,
  auth: SubscriptionPaymentRow | undefined,
  secretKey: string,
  message: string,
): MandateReturnFields {
  const instrument = parseColumn<MandateInstrument>(sub.instrument);
  const stored = auth ? parseColumn<StoredAuthorization>(auth.authorization) : null;
  const reference = stored?.reference ?? '';
  const fields: MandateReturnFields = {
    cf_subReferenceId: String(sub.cf_subscription_id),
    cf_subscriptionId: sub.subscription_id,
    cf_subscriptionPaymentId: auth?.payment_id ?? '',
    cf_referenceId: auth ? String(auth.cf_payment_id) : '',
    cf_authAmount: auth ? formatPaise(auth.amount) : '',
    cf_status: sub.status,
    cf_checkoutStatus: checkoutStatus(sub, auth),
    cf_mode: checkoutMode(instrument),
    cf_message: message,
    cf_umn: instrument?.method === 'upi' ? reference : '',
    cf_umrn: instrument?.method === 'enach' || instrument?.method === 'pnach' ? reference : '',
  };
  return { ...fields, signature: signMandateReturn(fields, secretKey) };
}
