import type { LinkStatus } from '../store/links.js';
import { formatPaise } from '../util/money.js';
import { move, refuse, stay, type Transition } from './result.js';

/** The amounts of a link that its status depends on (paise). */
export interface LinkAmounts {
  status: LinkStatus;
  amount: number;
  amountPaid: number;
  partialPayments: boolean;
  minimumPartialAmount: number | null;
}

/**
 * ACTIVE (on creation) → PAID when the full amount is collected, PARTIALLY_PAID after a part
 * payment (more payments allowed), EXPIRED at `link_expiry_time`, CANCELLED by the merchant.
 * @see https://cashfree.com/docs/payments/no-code/payment-link
 */
export function afterLinkPayment(
  link: LinkAmounts,
  paid: number,
): { status: LinkStatus; amountPaid: number } {
  const amountPaid = link.amountPaid + paid;
  return { status: amountPaid >= link.amount ? 'PAID' : 'PARTIALLY_PAID', amountPaid };
}

/** Only an ACTIVE link can be cancelled (Cashfree's `link_not_active`). */
export function cancelLink(status: LinkStatus): Transition<LinkStatus> {
  return status === 'ACTIVE'
    ? move(status, 'CANCELLED')
    : refuse('link_not_active', 'Only link in ACTIVE state can be cancelled');
}

/** An ACTIVE or PARTIALLY_PAID link expires; PAID and CANCELLED links stay as they are. */
export function expireLink(status: LinkStatus): Transition<LinkStatus> {
  return status === 'ACTIVE' || status === 'PARTIALLY_PAID' ? move(status, 'EXPIRED') : stay(status);
}

/**
 * The amount the next payment on a link may be: the whole remainder, or with partial payments at
 * least `link_minimum_partial_amount` for the first instalment (and never more than what remains).
 */
export function checkLinkPayment(
  link: LinkAmounts,
  requested: number | undefined,
): { ok: true; amount: number } | { ok: false; code: string; message: string } {
  if (link.status !== 'ACTIVE' && link.status !== 'PARTIALLY_PAID') {
    return {
      ok: false,
      code: 'link_not_active',
      message: `link is ${link.status}; it accepts no more payments`,
    };
  }
  const remaining = link.amount - link.amountPaid;
  if (requested === undefined) return { ok: true, amount: remaining };
  if (!link.partialPayments && requested !== remaining) {
    return {
      ok: false,
      code: 'amount_invalid',
      message: `amount : should be ${formatPaise(remaining)}, as this link does not take partial payments. Value received: ${formatPaise(requested)}`,
    };
  }
  if (requested > remaining) {
    return {
      ok: false,
      code: 'amount_invalid',
      message: `amount : should be at most the remaining ${formatPaise(remaining)}. Value received: ${formatPaise(requested)}`,
    };
  }
  const minimum = link.amountPaid === 0 ? (link.minimumPartialAmount ?? 0) : 0;
  if (requested < Math.min(minimum, remaining)) {
    return {
      ok: false,
      code: 'amount_invalid',
      message: `amount : the first payment should be at least ${formatPaise(minimum)}. Value received: ${formatPaise(requested)}`,
    };
  }
  return { ok: true, amount: requested };
}
