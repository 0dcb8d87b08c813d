import {
  formatInr,
  formatInrFromPaise,
  type LinkEntity,
  type PaymentLinkOrderEntity,
  rupeesToPaise,
} from 'cashfree-kit';
import type { ShopLink } from '../db/links.js';
import { badge, formatIsoTime } from './format.js';
import { html, type SafeHtml } from './html.js';
import { page, type ShopInfo } from './layout.js';
import { dataTable } from './table.js';
import { type Step, whatHappened } from './what-happened.js';

export interface AdminLinkPageInput {
  info: ShopInfo;
  shop: ShopLink;
  link: LinkEntity;
  orders: PaymentLinkOrderEntity[];
  /** The QR code of `link_url`, as SVG markup made by the `qrcode` package. */
  qrSvg: SafeHtml;
  steps: Step[];
  /** Older steps the panel leaves out. */
  omitted: number;
}

function linkOrdersTable(orders: PaymentLinkOrderEntity[]): SafeHtml {
  if (orders.length === 0) return html`<p class="muted">Nobody has opened the link's checkout yet.</p>`;
  const columns = [{ label: 'Order' }, { label: 'Status' }, { label: 'Amount', numeric: true }];
  return dataTable(
    'link-orders',
    columns,
    orders.map((o) => ({
      cells: [html`<code>${o.order_id}</code>`, badge(String(o.order_status)), formatInr(o.order_amount)],
    })),
  );
}

/** What a link no longer taking payments says instead of "Scan to pay", by Cashfree's status. */
const CLOSED: Record<string, string> = {
  PAID: 'Paid in full: the link takes no more payments.',
  EXPIRED: 'This link has expired: it takes no more payments.',
  CANCELLED: 'This link was cancelled: it takes no more payments.',
};

/**
 * The link's URL, and while it takes payments the amount still due and its QR code; once Cashfree
 * says it is paid, expired or cancelled, that instead of an invitation to pay.
 */
function shareCard(input: AdminLinkPageInput): SafeHtml {
  const { shop, link } = input;
  const closed = CLOSED[String(link.link_status)];
  const due = rupeesToPaise(link.link_amount) - rupeesToPaise(link.link_amount_paid ?? 0);
  const localOnly =
    input.info.target === 'local-sandbox'
      ? ' (The local sandbox listens on this machine only, so a phone cannot open it.)'
      : '';
  return html`<section class="card"><h2>${closed ? 'The link' : 'Share it'}</h2>
<div class="url"><code id="link-url" data-testid="link-url">${link.link_url}</code><button type="button" class="ghost" data-copy="link-url">Copy</button><a class="button secondary" href="${link.link_url}" id="open-link">Open</a></div>
${
  closed
    ? html`<p data-testid="link-closed">${closed}</p>`
    : html`<p class="small muted" data-testid="link-due">Scan to pay ${formatInrFromPaise(due > 0 ? due : shop.amount_paise)}.${localOnly}</p>
<div class="qr" data-testid="link-qr">${input.qrSvg}</div>`
}
</section>`;
}

/** `GET /admin/links/:linkId`: the link's URL and QR code, its status and its orders. */
export function adminLinkPage(input: AdminLinkPageInput): SafeHtml {
  const { shop, link } = input;
  const body = html`<p><a href="/admin">← All orders and links</a></p>
<h1>${shop.purpose}</h1>
<div class="grid2">
${shareCard(input)}
<section class="card"><h2>Status</h2><dl class="facts">
<dt>Link</dt><dd><code>${link.link_id}</code></dd>
<dt>Cashfree says</dt><dd data-testid="cashfree-link-status">${badge(String(link.link_status))} ${formatInr(link.link_amount_paid ?? 0)} of ${formatInr(link.link_amount)} paid</dd>
<dt>Shop record</dt><dd data-testid="shop-link-status">${badge(shop.status)} ${formatInrFromPaise(shop.amount_paid_paise)} paid <span class="small muted">(moved by PAYMENT_LINK_EVENT)</span></dd>
<dt>For</dt><dd>${shop.customer_name} · ${shop.customer_phone}</dd>
<dt>Expires</dt><dd data-testid="link-expires">${formatIsoTime(link.link_expiry_time)}</dd>
</dl>
<h3 style="margin-top:1rem">Orders on this link</h3>${linkOrdersTable(input.orders)}
</section>
</div>
${whatHappened(input.steps, 'Every step of this link: the server creating it, the webhooks Cashfree sent as it was paid, and this page asking Cashfree for its status.', input.omitted)}`;
  return page({ title: `Link ${link.link_id}`, info: input.info, section: 'admin', body });
}
