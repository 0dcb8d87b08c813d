import { formatInrFromPaise } from 'cashfree-kit';
import type { OrderRow } from '../store/orders.js';
import type { PaymentRow } from '../store/payments.js';
import { type Html, html, scriptJson } from './html.js';
import { badge, page, row } from './layout.js';

/** `source` of the messages the checkout iframe posts to the cashfree.js stand-in. */
export const MODAL_MESSAGE_SOURCE = 'cashfree-sandbox-checkout';

/** What the checkout tells the merchant page when it runs in the stand-in's modal. */
export interface ModalMessage {
  source: typeof MODAL_MESSAGE_SOURCE;
  /** `completed`: a payment reached an outcome (any); `dropped`: the customer cancelled. */
  type: 'completed' | 'dropped';
  order_id: string;
  payment_status: string | null;
  payment_message: string | null;
}

const HEADLINES: Record<string, string> = {
  SUCCESS: 'Payment successful',
  FAILED: 'Payment failed',
  USER_DROPPED: 'Payment cancelled',
  PENDING: 'Payment pending',
  CANCELLED: 'Payment cancelled and refunded',
};

/** Where a payment ended, for an order without a return URL. */
export function resultPage(order: OrderRow, payment: PaymentRow | undefined, merchant: string): Html {
  const status = payment?.status ?? 'NOT_ATTEMPTED';
  const body = html`<section class="card" data-testid="result" data-status="${status}">
<div class="muted">${merchant}</div>
<h1>${HEADLINES[status] ?? 'No payment was made'}</h1>
<div class="amount">${formatInrFromPaise(order.amount)}</div>
${row('Order', order.order_id)}
${row('Order status', badge(order.status))}
${payment ? html`${row('Payment', payment.cf_payment_id)}${row('Payment status', badge(payment.status))}${row('Message', payment.message)}` : ''}
<p class="muted">The order has no <code>order_meta.return_url</code>, so the checkout ends here.</p>
</section>`;
  return page({ title: `${HEADLINES[status] ?? 'Checkout closed'} · Cashfree sandbox`, body });
}

/** The last page of a modal checkout: reports the result to the merchant page and says so. */
export function modalResultPage(message: ModalMessage): Html {
  const script = html`<script>(function(){var m=${scriptJson(message)};if(window.parent&&window.parent!==window){window.parent.postMessage(m,'*');}})();</script>`;
  const body = html`<section class="card" data-testid="result" data-status="${message.payment_status ?? ''}">
<h1>${message.type === 'dropped' ? 'Checkout closed' : (HEADLINES[message.payment_status ?? ''] ?? 'Done')}</h1>
<p class="muted">${message.payment_message ?? ''}</p>
</section>${script}`;
  return page({ title: 'Checkout finished · Cashfree sandbox', body });
}
