import { formatInr, type OrderEntity, type PaymentEntity } from 'cashfree-kit';
import { attemptsInOrder, type Outcome, outcomeOf } from '../cashfree/outcome.js';
import type { ShopOrder } from '../db/orders.js';
import { badge, formatTime } from './format.js';
import { html, type SafeHtml, trusted } from './html.js';
import { page, type ShopInfo } from './layout.js';
import { cashfreeScript } from './product-page.js';
import { RETRY_SCRIPT } from './scripts.js';
import { dataTable } from './table.js';
import { type Step, whatHappened } from './what-happened.js';

/** "Visa ···· 1111", "UPI success@cashfree", … */
export function paymentMethodText(payment: PaymentEntity): string {
  const method = payment.payment_method;
  if (method?.card) {
    const network = (method.card.card_network ?? 'card').replace(/^\w/, (c) => c.toUpperCase());
    return `${network} ···· ${(method.card.card_number ?? '').slice(-4)}`;
  }
  if (method?.upi) return `UPI ${method.upi.upi_id ?? method.upi.channel ?? ''}`.trim();
  if (method?.netbanking) return `Netbanking ${method.netbanking.netbanking_bank_name ?? ''}`.trim();
  if (method?.app) return `Wallet ${method.app.provider ?? ''}`.trim();
  return payment.payment_group ?? 'Payment';
}

const HEADLINES: Record<Outcome, { icon: string; title: string }> = {
  paid: { icon: '✓', title: 'Payment received. Thank you!' },
  failed: { icon: '!', title: 'Payment failed' },
  pending: { icon: '…', title: 'Waiting for your bank' },
  unpaid: { icon: '…', title: 'Not paid yet' },
  expired: { icon: '×', title: 'This order is closed' },
};

/** Cashfree's reason as a sentence: "Issuer bank … declined the transaction." */
function sentence(text: string): string {
  const trimmed = text.trim();
  return `${trimmed.charAt(0).toUpperCase()}${trimmed.slice(1)}${/[.!?]$/.test(trimmed) ? '' : '.'}`;
}

function heroText(outcome: Outcome, shop: ShopOrder, last: PaymentEntity | undefined): SafeHtml {
  const first = shop.customer_name.split(' ')[0];
  switch (outcome) {
    case 'paid':
      return html`${first}, your First Flush Darjeeling is packed and ships within 2 days. A receipt is on its way to ${shop.customer_email}.`;
    case 'failed':
      return html`${sentence(last?.error_details?.error_description ?? last?.payment_message ?? 'The payment did not go through')} No money was taken; the order is still open, so you can try again.`;
    case 'pending':
      return html`Cashfree has not heard back from your bank yet. This page checks again every few seconds.`;
    case 'unpaid':
      return html`No payment was made on this order. It stays open until it expires.`;
    case 'expired':
      return html`The order expired or was cancelled before it was paid. Nothing was charged.`;
  }
}

function paymentsTable(payments: PaymentEntity[]): SafeHtml {
  if (payments.length === 0) return html`<p class="muted">No payment attempts yet.</p>`;
  const columns = [
    { label: 'Payment' },
    { label: 'Method' },
    { label: 'Status' },
    { label: 'Amount', numeric: true },
  ];
  return dataTable(
    'payments',
    columns,
    payments.map((p) => ({
      attributes: html`data-payment-status="${p.payment_status}"`,
      cells: [
        html`<div><code>${p.cf_payment_id}</code><div class="small muted">${p.payment_time ? formatTime(Date.parse(p.payment_time)) : ''}</div></div>`,
        html`<div>${paymentMethodText(p)}${p.error_details?.error_description ? html`<div class="small muted">${p.error_details.error_description}</div>` : ''}</div>`,
        badge(p.payment_status),
        formatInr(p.payment_amount ?? 0),
      ],
    })),
  );
}

export interface OrderPageInput {
  info: ShopInfo;
  scriptUrl: string;
  shop: ShopOrder;
  order: OrderEntity;
  payments: PaymentEntity[];
  steps: Step[];
  /** Older steps the panel leaves out. */
  omitted: number;
}

/** `GET /return?order_id=`: the order as Cashfree reports it, fetched on the server. */
export function orderPage(input: OrderPageInput): SafeHtml {
  const { shop, order } = input;
  // Oldest first, so the table reads as it happened and the last row is the latest attempt.
  const payments = attemptsInOrder(input.payments);
  const outcome = outcomeOf(order, payments);
  const last = payments.at(-1);
  const { icon, title } = HEADLINES[outcome];
  const canPay = outcome === 'failed' || outcome === 'unpaid';
  const body = html`<section class="card hero ${outcome}" data-testid="order-status" data-status="${outcome}">
<div class="icon" aria-hidden="true">${icon}</div>
<h1>${title}</h1>
<p>${heroText(outcome, shop, last)}</p>
${canPay ? html`<div class="actions" style="justify-content:center"><button class="primary" id="pay-again" data-session="${shop.payment_session_id}">${outcome === 'failed' ? 'Try again' : 'Pay now'}</button><a class="button secondary" href="/">Back to the shop</a></div>` : html`<a class="button secondary" href="/">Back to the shop</a>`}
</section>
<div class="grid2">
<section class="card"><h2>Order</h2><dl class="facts">
<dt>Order</dt><dd><code data-testid="order-id">${order.order_id}</code></dd>
<dt>Amount</dt><dd>${formatInr(order.order_amount)}</dd>
<dt>Cashfree says</dt><dd data-testid="cashfree-status">${badge(String(order.order_status))}</dd>
<dt>Shop record</dt><dd data-testid="shop-status">${badge(shop.status)} <span class="small muted">${shop.paid_at ? `paid ${formatTime(shop.paid_at)}, learnt by ${shop.paid_via === 'return page' ? "this page's check with Cashfree" : 'webhook'}` : "moved by verified webhooks, or by this page's check with Cashfree"}</span></dd>
<dt>Customer</dt><dd>${shop.customer_name} · ${shop.customer_phone}</dd>
</dl></section>
<section class="card"><h2>Payment attempts</h2>${paymentsTable(payments)}</section>
</div>
${whatHappened(input.steps, 'Every step of this order, oldest first: the server creating it, the browser opening checkout, the webhooks Cashfree sent, and this page asking Cashfree for the result.', input.omitted)}
${canPay ? html`<script>${trusted(RETRY_SCRIPT)}</script>` : ''}`;
  const head = html`${cashfreeScript(input.scriptUrl)}${outcome === 'pending' ? trusted('<meta http-equiv="refresh" content="3">') : ''}`;
  return page({ title: `Order ${order.order_id}`, info: input.info, section: 'shop', body, head });
}
