import { formatInrFromPaise } from 'cashfree-kit';
import { formatIst } from '../clock/time.js';
import type { LinkDetails, LinkRow } from '../store/links.js';
import { formatPaise } from '../util/money.js';
import { type Html, html } from './html.js';
import { badge, page, row } from './layout.js';

/** True while a link takes payments. */
export function linkIsPayable(link: LinkRow): boolean {
  return link.status === 'ACTIVE' || link.status === 'PARTIALLY_PAID';
}

/** The smallest amount the next payment on the link may be (paise). */
export function minimumNextPayment(link: LinkRow): number {
  const remaining = link.amount - link.amount_paid;
  if (link.partial_payments !== 1) return remaining;
  // Only the first instalment has a minimum (Cashfree's link_minimum_partial_amount).
  const minimum = link.amount_paid === 0 ? (link.minimum_partial_amount ?? 100) : 100;
  return Math.min(minimum, remaining);
}

function payForm(link: LinkRow): Html {
  const remaining = link.amount - link.amount_paid;
  if (link.partial_payments !== 1) {
    return html`<form method="post" action="/links/${link.link_code}/pay">
<button class="block" type="submit">Pay ${formatInrFromPaise(remaining)}</button></form>`;
  }
  const minimum = minimumNextPayment(link);
  return html`<form method="post" action="/links/${link.link_code}/pay">
<label for="amount">Amount to pay now (₹)</label>
<input id="amount" name="amount" type="number" inputmode="decimal" step="0.01" min="${formatPaise(minimum)}" max="${formatPaise(remaining)}" value="${formatPaise(remaining)}" required>
<p class="muted">This link takes part payments: at least ${formatInrFromPaise(minimum)}, at most the ${formatInrFromPaise(remaining)} that remains.</p>
<button class="block" type="submit">Continue to pay</button></form>`;
}

const CLOSED: Record<string, string> = {
  PAID: 'This link is fully paid. Thank you!',
  EXPIRED: 'This link has expired and takes no more payments.',
  CANCELLED: 'The merchant cancelled this link; it takes no more payments.',
};

/** The payment link page at `link_url`. */
export function linkPage(link: LinkRow, merchant: string, error?: string): Html {
  const details = JSON.parse(link.details) as LinkDetails;
  const name = details.customer_details['customer_name'];
  const body = html`<section class="card" data-testid="link" data-status="${link.status}">
<div class="muted">Payment request from ${merchant}</div>
<h1>${link.purpose}</h1>
<div class="amount">${formatInrFromPaise(link.amount)}</div>
${row('Status', badge(link.status))}
${row('Amount paid', html`<span data-testid="amount-paid">${formatInrFromPaise(link.amount_paid)}</span>`)}
${row('Remaining', formatInrFromPaise(link.amount - link.amount_paid))}
${typeof name === 'string' ? row('For', name) : ''}
${row('Link', link.link_id)}
${row('Expires', formatIst(link.expires_at))}
</section>
<section class="card">
${error ? html`<div class="error" role="alert" data-testid="error">${error}</div>` : ''}
${linkIsPayable(link) ? payForm(link) : html`<p data-testid="closed">${CLOSED[link.status] ?? link.status}</p>`}
</section>`;
  return page({ title: `${link.purpose} · Cashfree sandbox payment link`, body });
}
