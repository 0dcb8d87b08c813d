/**
 * The dashboard's list pages: orders, payments, refunds, payment links, settlements and webhook
 * deliveries, each with its filters and pages, every row linked to its order's page.
 */
import { formatInrFromPaise } from 'cashfree-kit';
import { type Html, html } from '../checkout/html.js';
import { badge } from '../checkout/layout.js';
import type { Cursor, Page, PaymentListRow, RefundListRow } from '../store/dashboard-lists.js';
import { type FilterField, filterForm, pagingLinks } from './list-ui.js';
import { type DashboardHeader, dashboardPage, type NavSection, orderLink } from './pages.js';
import { readableIst } from './readable-time.js';

/** What a list page shows around its table. */
export interface ListView {
  title: string;
  section: NavSection;
  path: string;
  fields: readonly FilterField[];
  values: Record<string, string | undefined>;
  page: Page<unknown>;
  cursor: Cursor;
  /** A line under the title: what the list holds. */
  intro?: Html | string | undefined;
}

/** A list page: title, filters, the table, and the links to the newer and older pages. */
export function listPage(h: DashboardHeader, view: ListView, table: Html): Html {
  return dashboardPage(
    view.title,
    h,
    html`<section class="card" data-testid="list">
<h2>${view.title}</h2>
${view.intro ? html`<p class="muted">${view.intro}</p>` : ''}
${filterForm(view.path, view.fields, view.values)}
${table}
${pagingLinks(view.path, view.values, view.page, view.cursor)}
</section>`,
    view.section,
  );
}

/** Payments with their order, method, amount, outcome and time. */
export function paymentsListTable(payments: readonly PaymentListRow[]): Html {
  if (payments.length === 0) return html`<p class="muted">No payments match.</p>`;
  return html`<div class="scroll"><table class="list" data-testid="payments">
<tr><th>cf_payment_id</th><th>Order</th><th>Status</th><th>Method</th><th>Amount</th><th>Message</th><th>Created</th></tr>
${payments.map(
  (p) =>
    html`<tr data-payment="${p.cf_payment_id}"><td class="id">${p.cf_payment_id}</td><td class="wrap">${orderLink(p.order_id)}</td><td>${badge(p.status)}</td><td>${p.payment_group} <span class="muted">(${p.channel})</span></td><td>${formatInrFromPaise(p.amount)}</td><td>${p.message}</td><td>${readableIst(p.created_at)}</td></tr>`,
)}
</table></div>`;
}

/** Refunds with their order, the refunded payment's method, speed, amount and ARN. */
export function refundsListTable(refunds: readonly RefundListRow[]): Html {
  if (refunds.length === 0) return html`<p class="muted">No refunds match.</p>`;
  return html`<div class="scroll"><table class="list" data-testid="refunds">
<tr><th>refund_id</th><th>Order</th><th>Status</th><th>Amount</th><th>Method</th><th>Type</th><th>ARN</th><th>Created</th></tr>
${refunds.map(
  (r) =>
    html`<tr data-refund="${r.refund_id}"><td class="wrap">${r.refund_id}<br><span class="muted">${r.cf_refund_id}</span></td><td class="wrap">${orderLink(r.order_id)}</td><td>${badge(r.status)}</td><td>${formatInrFromPaise(r.amount)}</td><td>${r.payment_group ?? '—'}</td><td>${r.refund_type} · ${r.speed}</td><td class="id">${r.arn ?? '—'}</td><td>${readableIst(r.created_at)}</td></tr>`,
)}
</table></div>`;
}
