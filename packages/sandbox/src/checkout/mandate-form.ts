import { istDay } from '../clock/time.js';
import { lookUpCard } from '../test-instruments/cards.js';
import type { MandateInstrument } from '../validation/subscriptions.js';
import type { HostedMandateMethod } from './mandate-page.js';

/** The mandate page's form, read: the instrument to authorise, or what to fix. */
export type MandateForm = { ok: true; instrument: MandateInstrument } | { ok: false; error: string };

const VPA = /^[A-Za-z0-9._-]{2,256}@[A-Za-z][A-Za-z0-9.-]{1,63}$/;
const IFSC = /^[A-Z]{4}0[A-Z0-9]{6}$/;
const ACCOUNT = /^\d{9,18}$/;

const fail = (error: string): MandateForm => ({ ok: false, error });

/** True when a card expiring `mm/yy` is still valid on the IST day of `now`. */
function notExpired(mm: number, yy: number, now: number): boolean {
  const [year, month] = istDay(now).split('-').map(Number) as [number, number];
  const expiryYear = 2000 + yy;
  return expiryYear > year || (expiryYear === year && mm >= month);
}

function readCard(get: (name: string) => string | undefined, now: number): MandateForm {
  const digits = (get('card_number') ?? '').replace(/[\s-]/g, '');
  if (lookUpCard(digits) === undefined) {
    return fail('Card number: enter the 12 to 19 digits on the card (test card 4111 1111 1111 1111).');
  }
  const expiry = /^(\d{1,2})\s*\/\s*(\d{2}|\d{4})$/.exec(get('card_expiry') ?? '');
  const mm = expiry ? Number(expiry[1]) : 0;
  const yy = expiry ? Number(expiry[2]!.slice(-2)) : 0;
  if (!expiry || mm < 1 || mm > 12) return fail('Expiry: enter the month and year as MM/YY, e.g. 03/30.');
  if (!notExpired(mm, yy, now)) return fail('Expiry: this card has expired; use a future expiry.');
  if (!/^\d{3,4}$/.test(get('card_cvv') ?? ''))
    return fail('CVV: enter the 3 or 4 digits on the card (test CVV 123).');
  return { ok: true, instrument: { method: 'card', reference: digits, channel: null } };
}

/**
 * Reads the form of one method on the mandate page (its `method` field and that method's fields),
 * checking what a real checkout would before sending the customer on.
 */
export function parseMandateForm(
  get: (name: string) => string | undefined,
  allowed: readonly HostedMandateMethod[],
  now: number,
): MandateForm {
  const method = get('method') as HostedMandateMethod | undefined;
  if (method === undefined || !allowed.includes(method)) {
    return fail(`Choose one of the methods on this page (${allowed.join(', ') || 'none is allowed'}).`);
  }
  switch (method) {
    case 'upi': {
      const vpa = get('upi_id') ?? '';
      if (!VPA.test(vpa)) return fail('UPI ID: enter a VPA such as success@cashfree.');
      return { ok: true, instrument: { method: 'upi', reference: vpa, channel: null } };
    }
    case 'enach': {
      if (!get('account_holder')) return fail('Account holder name: enter the name on the bank account.');
      const account = (get('account_number') ?? '').replace(/\s/g, '');
      if (!ACCOUNT.test(account)) return fail('Bank account number: enter 9 to 18 digits.');
      if (!IFSC.test((get('ifsc') ?? '').toUpperCase())) {
        return fail("IFSC: enter the branch's 11-character code, e.g. TEST0001234.");
      }
      return { ok: true, instrument: { method: 'enach', reference: account, channel: null } };
    }
    case 'card':
      return readCard(get, now);
  }
}
