import type { ApiCall } from '../db/api-calls.js';
import type { ShopLink } from '../db/links.js';
import type { ShopOrder } from '../db/orders.js';
import { badge, formatInr, formatTime } from './format.js';
import { html, type SafeHtml } from './html.js';
import { page, type ShopInfo } from './layout.js';

export interface AdminPageInput {
  info: ShopInfo;
  orders: Array<ShopOrder & { refunded_paise: number }>;
  links: ShopLink[];
  calls: ApiCall[];
  error?: string | undefined;
}

function ordersTable(orders: AdminPageInput['orders']): SafeHtml {
  if (orders.length === 0) return html`<p class="muted">No orders yet. <a href="/">Buy some tea</a>.</p>`;
  return html`<div class="table"><table data-testid="orders">
<thead><tr><th>Order</th><th>Customer</th><th>Status</th><th class="num">Amount</th><th class="num">Refunded</th></tr></thead>
<tbody>${orders.map(
    (
      o,
    ) => html`<tr data-order-id="${o.order_id}"><td><a href="/admin/orders/${encodeURIComponent(o.order_id)}"><code>${o.order_id}</code></a><div class="small muted">${formatTime(o.created_at)}</div></td>
<td>${o.customer_name}</td><td>${badge(o.status)}</td><td class="num">${formatInr(o.amount_paise)}</td><td class="num">${o.refunded_paise ? formatInr(o.refunded_paise) : '—'}</td></tr>`,
  )}</tbody></table></div>`;
}

function linksTable(links: ShopLink[]): SafeHtml {
  if (links.length === 0) return html`<p class="muted">No payment links yet.</p>`;
  return html`<div class="table"><table data-testid="links">
<thead><tr><th>Link</th><th>For</th><th>Status</th><th class="num">Paid</th></tr></thead>
<tbody>${links.map(
    (
      l,
    ) => html`<tr data-link-id="${l.link_id}"><td><a href="/admin/links/${encodeURIComponent(l.link_id)}"><code>${l.link_id}</code></a><div class="small muted">${l.purpose}</div></td>
<td>${l.customer_name}</td><td>${badge(l.status)}</td><td class="num">${formatInr(l.amount_paid_paise)} / ${formatInr(l.amount_paise)}</td></tr>`,
  )}</tbody></table></div>`;
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
  return html`<div class="table"><table data-testid="calls"><thead><tr><th>When</th><th>Call</th><th>From</th><th class="num">Status</th></tr></thead>
<tbody>${calls.map((c) => {
    const href = c.subject.startsWith('link_')
      ? `/admin/links/${encodeURIComponent(c.subject)}`
      : `/admin/orders/${encodeURIComponent(c.subject)}`;
    return html`<tr><td class="small">${formatTime(c.at)}</td><td><a href="${href}"><code>${c.method} ${new URL(c.url).pathname}</code></a></td><td class="small">${c.source}</td><td class="num">${c.status ?? '—'}</td></tr>`;
  })}</tbody></table></div>`;
}

/** `GET /admin`: orders, payment links and the latest Cashfree calls. */
export function adminPage(input: AdminPageInput): SafeHtml {
  const body = html`<h1>Orders &amp; refunds</h1>
<p class="muted">The shop's own records. Statuses here move only when a verified webhook arrives; open an order to refund it.</p>
${input.error ? html`<div class="alert bad" role="alert" data-testid="error">${input.error}</div>` : ''}
<section class="card"><h2>Orders</h2>${ordersTable(input.orders)}</section>
<div class="grid2">
<section class="card"><h2>New payment link</h2><p class="small muted">No checkout needed: Cashfree hosts the payment page. Share its URL or QR code by SMS, email or chat.</p>${linkForm()}</section>
<section class="card"><h2>Payment links</h2>${linksTable(input.links)}</section>
</div>
<section class="card"><h2>Latest Cashfree calls</h2>${callsList(input.calls)}</section>`;
  return page({ title: 'Orders & refunds', info: input.info, section: 'admin', body });
}
