import { formatInrFromPaise, paiseToRupees } from 'cashfree-kit';
import type { ShopOrder } from '../db/orders.js';
import { type RefundTotals, refundablePaise, type ShopRefund } from '../db/refunds.js';
import { badge, formatTime } from './format.js';
import { html, type SafeHtml } from './html.js';
import { page, type ShopInfo } from './layout.js';
import { dataTable } from './table.js';
import { type Step, whatHappened } from './what-happened.js';

export interface AdminOrderPageInput {
  info: ShopInfo;
  order: ShopOrder;
  refunds: ShopRefund[];
  totals: RefundTotals;
  steps: Step[];
  /** Older steps the panel leaves out. */
  omitted: number;
  error?: string | undefined;
}

function refundsTable(refunds: ShopRefund[]): SafeHtml {
  if (refunds.length === 0) return html`<p class="muted">No refunds.</p>`;
  const columns = [
    { label: 'Refund' },
    { label: 'Speed' },
    { label: 'Status' },
    { label: 'Amount', numeric: true },
  ];
  return dataTable(
    'refunds',
    columns,
    refunds.map((r) => ({
      attributes: html`data-refund-id="${r.refund_id}"`,
      cells: [
        html`<div><code>${r.refund_id}</code><div class="small muted">${formatTime(r.created_at)}${r.updated_at !== r.created_at ? ` · updated ${formatTime(r.updated_at)}` : ''}</div></div>`,
        r.speed,
        html`<span data-testid="refund-status">${badge(r.status)}</span>`,
        formatInrFromPaise(r.amount_paise),
      ],
    })),
  );
}

function refundForm(order: ShopOrder, refundable: number, totals: RefundTotals, info: ShopInfo): SafeHtml {
  const rupees = paiseToRupees(refundable);
  const clock = info.sandboxDashboard
    ? html` On the local sandbox INSTANT refunds complete after 30 seconds and STANDARD after 10 minutes of sandbox time: <a href="${info.sandboxDashboard}">advance its clock</a> to skip ahead.`
    : '';
  return html`<form method="post" action="/admin/orders/${encodeURIComponent(order.order_id)}/refunds" class="stack" data-testid="refund-form">
<div class="row2">
<label>Amount (₹, up to ${formatInrFromPaise(refundable)}${totals.pending > 0 ? `; ${formatInrFromPaise(totals.pending)} already pending` : ''})<input name="amount" id="refund-amount" type="number" inputmode="decimal" step="0.01" min="1" max="${rupees}" value="${rupees}" required></label>
<label>Speed<select name="speed" id="refund-speed"><option value="INSTANT">INSTANT</option><option value="STANDARD">STANDARD</option></select></label>
</div>
<div class="actions"><button class="primary" type="submit" id="refund-submit">Refund this amount</button><button class="secondary" type="submit" name="full" value="1" id="refund-full">${refundable === order.amount_paise ? 'Refund in full' : 'Refund the rest'} (${formatInrFromPaise(refundable)})</button></div>
<p class="small muted">The refund starts PENDING. Its status here follows REFUND_STATUS_WEBHOOK.${clock}</p>
</form>`;
}

/** The refund card: the form, or why there is none. */
function refundSection(input: AdminOrderPageInput): SafeHtml {
  const { order, totals } = input;
  const refundable = refundablePaise(order.amount_paise, totals);
  if (order.status !== 'PAID') return html`<p class="muted">Only a paid order can be refunded.</p>`;
  if (refundable > 0) return refundForm(order, refundable, totals, input.info);
  if (totals.pending > 0) {
    // Not "fully refunded" yet: the customer has the money only once Cashfree reports SUCCESS.
    return html`<p class="muted" data-testid="nothing-left">Nothing left to refund: ${formatInrFromPaise(totals.pending)} is still being refunded; its status follows REFUND_STATUS_WEBHOOK.</p>`;
  }
  return html`<p class="muted" data-testid="fully-refunded">Fully refunded.</p>`;
}

/** `GET /admin/orders/:orderId`: one order, its refunds and the refund form. */
export function adminOrderPage(input: AdminOrderPageInput): SafeHtml {
  const { order, refunds, totals } = input;
  const body = html`<p><a href="/admin">← All orders</a></p>
<h1>Order <code>${order.order_id}</code> ${badge(order.status)}</h1>
${input.error ? html`<div class="alert bad" role="alert" data-testid="error">${input.error}</div>` : ''}
<div class="grid2">
<section class="card"><h2>Details</h2><dl class="facts">
<dt>Amount</dt><dd>${formatInrFromPaise(order.amount_paise)}</dd>
<dt>Refunded</dt><dd data-testid="refunded">${formatInrFromPaise(totals.refunded)}</dd>
${totals.pending > 0 ? html`<dt>Refund pending</dt><dd data-testid="refund-pending">${formatInrFromPaise(totals.pending)} <span class="small muted">(asked for, not SUCCESS yet)</span></dd>` : ''}
<dt>Customer</dt><dd>${order.customer_name} · ${order.customer_phone} · ${order.customer_email}</dd>
<dt>Created</dt><dd>${formatTime(order.created_at)}</dd>
<dt>Paid</dt><dd data-testid="paid">${order.paid_at ? `${formatTime(order.paid_at)} (learnt by ${order.paid_via ?? 'webhook'})` : 'not yet'}</dd>
<dt>Customer view</dt><dd><a href="/return?order_id=${encodeURIComponent(order.order_id)}">return page</a></dd>
</dl></section>
<section class="card"><h2>Refund</h2>${refundSection(input)}</section>
</div>
<section class="card"><h2>Refunds</h2>${refundsTable(refunds)}</section>
${whatHappened(input.steps, 'Every step of this order: creation, checkout, webhooks, the checks the pages made, and refunds.', input.omitted)}`;
  return page({ title: `Admin · ${order.order_id}`, info: input.info, section: 'admin', body });
}
