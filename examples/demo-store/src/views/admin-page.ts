import { formatInrFromPaise } from 'cashfree-kit';
import type { ApiCall } from '../db/api-calls.js';
import type { ShopLink } from '../db/links.js';
import type { ShopOrder } from '../db/orders.js';
import type { RefundTotals } from '../db/refunds.js';
import { badge, formatTime } from './format.js';
import { html, type SafeHtml } from './html.js';
import { page, type ShopInfo, subjectHref } from './layout.js';
import { dataTable } from './table.js';

export interface AdminPageInput {
  info: ShopInfo;
  orders: Array<ShopOrder & { refunds: RefundTotals }>;
  links: ShopLink[];
  calls: ApiCall[];
  error?: string | undefined;
}

/** SUCCESS refunds, and below them what is asked for but not final: they are not the same money. */
function refundedCell({ refunded, pending }: RefundTotals): SafeHtml | string {
  if (refunded === 0 && pending === 0) return '—';
  return html`<div><span data-testid="refunded">${formatInrFromPaise(refunded)}</span>${pending > 0 ? html`<div class="small muted" data-testid="refund-pending">+ ${formatInrFromPaise(pending)} pending</div>` : ''}</div>`;
}

function ordersTable(orders: AdminPageInput['orders']): SafeHtml {
  if (orders.length === 0) return html`<p class="muted">No orders yet. <a href="/">Buy some tea</a>.</p>`;
  const columns = [
    { label: 'Order' },
    { label: 'Customer' },
    { label: 'Status' },
    { label: 'Amount', numeric: true },
    { label: 'Refunded', numeric: true },
  ];
  return dataTable(
    'orders',
    columns,
    orders.map((o) => ({
      attributes: html`data-order-id="${o.order_id}"`,
      cells: [
        html`<div><a href="${subjectHref('order', o.order_id)}"><code>${o.order_id}</code></a><div class="small muted">${formatTime(o.created_at)}</div></div>`,
        o.customer_name,
        badge(o.status),
        formatInrFromPaise(o.amount_paise),
        refundedCell(o.refunds),
      ],
    })),
  );
}

function linksTable(links: ShopLink[]): SafeHtml {
  if (links.length === 0) return html`<p class="muted">No payment links yet.</p>`;
  const columns = [
    { label: 'Link' },
    { label: 'For' },
    { label: 'Status' },
    { label: 'Paid', numeric: true },
  ];
  return dataTable(
    'links',
    columns,
    links.map((l) => ({
      attributes: html`data-link-id="${l.link_id}"`,
      cells: [
        html`<div><a href="${subjectHref('link', l.link_id)}"><code>${l.link_id}</code></a><div class="small muted">${l.purpose}</div></div>`,
        l.customer_name,
        badge(l.status),
        `${formatInrFromPaise(l.amount_paid_paise)} of ${formatInrFromPaise(l.amount_paise)}`,
      ],
    })),
  );
}

function linkForm(): SafeHtml {
  return html`<form method="post" action="/admin/links" class="stack" data-testid="link-form">
<label>What it is for<input name="purpose" value="Tea subscription · 3 months" maxlength="500" required></label>
<div class="row2">
<label>Amount (₹)<input name="amount" type="number" inputmode="decimal" step="0.01" min="1" value="1497" required></label>
<label>Customer name<input name="customer_name" value="Rahul Sharma" required></label>
</div>
<div class="row2">
<label>Mobile (10 digits)<input name="customer_phone" inputmode="numeric" value="9876543210" required></label>
<label>Email<input name="customer_email" type="email" value="rahul@example.com"></label>
</div>
<button class="primary" type="submit">Create payment link</button>
</form>`;
}

function callsList(calls: ApiCall[]): SafeHtml {
  if (calls.length === 0) return html`<p class="muted">No calls yet.</p>`;
  const columns = [
    { label: 'When' },
    { label: 'Call' },
    { label: 'From' },
    { label: 'Status', numeric: true },
  ];
  return dataTable(
    'calls',
    columns,
    calls.map((c) => ({
      cells: [
        html`<span class="small">${formatTime(c.at)}</span>`,
        html`<a href="${subjectHref(c.subjectKind, c.subject)}"><code>${c.method} ${new URL(c.url).pathname}</code></a>`,
        html`<span class="small">${c.source}</span>`,
        c.status ?? '—',
      ],
    })),
  );
}

/** `GET /admin`: orders, payment links and the latest Cashfree calls. */
export function adminPage(input: AdminPageInput): SafeHtml {
  const body = html`<h1>Orders &amp; refunds</h1>
<p class="muted">The shop's own records. An order's status moves when a verified webhook arrives or when its return page confirms the payment with Cashfree; refunds and links move by webhook. Open an order to refund it.</p>
${input.error ? html`<div class="alert bad" role="alert" data-testid="error">${input.error}</div>` : ''}
<section class="card"><h2>Orders</h2>${ordersTable(input.orders)}</section>
<div class="grid2">
<section class="card"><h2>New payment link</h2><p class="small muted">No checkout needed: Cashfree hosts the payment page. Share its URL or QR code by SMS, email or chat.</p>${linkForm()}</section>
<section class="card"><h2>Payment links</h2>${linksTable(input.links)}</section>
</div>
<section class="card" data-testid="pay-supplier"><h2>Pay a supplier</h2><p class="small muted">Pay the tea estate with Cashfree Payouts, one transfer or a batch from CSV, and watch each transfer's status arrive by webhook.</p><a class="button secondary" href="/admin/payouts">Pay Kanchan Valley Tea Estate</a></section>
<section class="card"><h2>Latest Cashfree calls</h2>${callsList(input.calls)}</section>`;
  return page({ title: 'Orders & refunds', info: input.info, section: 'admin', body });
}
