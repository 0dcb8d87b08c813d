import { formatInrFromPaise } from 'cashfree-kit';
import { type Html, html, trusted } from '../checkout/html.js';
import { badge, page, row } from '../checkout/layout.js';
import type { LinkRow } from '../store/links.js';
import type { OrderRow } from '../store/orders.js';
import type { PaymentRow } from '../store/payments.js';
import type { RefundRow } from '../store/refunds.js';
import type { SettlementRow } from '../store/settlements.js';
import { WEBHOOK_PRODUCTS } from '../webhooks/endpoint-products.js';
import type { DeliveryView, EndpointView } from '../webhooks/views.js';
import { readableIsoText, readableIst } from './readable-time.js';

/**
 * The dashboard's one script: buttons carry `data-action` (copy, resend, advance, or post to the
 * admin path in `data-path`, e.g. approve a transfer) and the script
 * calls the JSON admin API, then reloads. Everything else works without script.
 */
const SCRIPT = trusted(`<script>
document.addEventListener('click', function (event) {
  var button = event.target.closest('[data-action]');
  if (!button) return;
  var action = button.getAttribute('data-action');
  var status = document.getElementById('action-status');
  function say(text) { if (status) status.textContent = text; }
  function post(path, body) {
    button.disabled = true;
    return fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body || {}) })
      .then(function (r) { if (!r.ok) return r.text().then(function (t) { throw new Error(t); }); })
      .then(function () { location.reload(); }, function (e) { button.disabled = false; say('Failed: ' + e.message); });
  }
  if (action === 'copy') {
    var value = button.getAttribute('data-value') || '';
    var done = function () { say('Copied ' + (button.getAttribute('data-label') || '') + '.'); button.textContent = 'Copied'; };
    if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(value).then(done, function () { say('Copy failed; select the text instead.'); });
    else { var area = document.createElement('textarea'); area.value = value; document.body.appendChild(area); area.select(); document.execCommand('copy'); area.remove(); done(); }
  } else if (action === 'resend') {
    say('Resending…');
    post('/_sandbox/webhooks/deliveries/' + encodeURIComponent(button.getAttribute('data-id')) + '/resend');
  } else if (action === 'advance') {
    say('Advancing the clock…');
    post('/_sandbox/clock/advance', { ms: Number(button.getAttribute('data-ms')) });
  } else if (action === 'post') {
    say((button.getAttribute('data-label') || 'Sending') + '…');
    post(button.getAttribute('data-path'));
  }
});
</script>`);

/** What every dashboard page shows in its header. */
export interface DashboardHeader {
  now: number;
  frozen: boolean;
  query?: string | undefined;
  message?: string | undefined;
}

/**
 * The dashboard's sections, in the order of the nav bar on every page: the lists a developer moves
 * between, as in Cashfree's and Stripe's test-mode dashboards.
 */
export const NAV_SECTIONS = [
  ['Home', '/_sandbox/'],
  ['Orders', '/_sandbox/orders'],
  ['Payments', '/_sandbox/payments'],
  ['Refunds', '/_sandbox/refunds'],
  ['Links', '/_sandbox/links'],
  ['Settlements', '/_sandbox/settlements'],
  ['Webhooks', '/_sandbox/deliveries'],
  ['Requests', '/_sandbox/requests'],
  ['Clock', '/_sandbox/advances'],
  ['Payouts', '/_sandbox/payouts'],
  ['Subscriptions', '/_sandbox/subscriptions'],
] as const;

/** A section of {@link NAV_SECTIONS}, by its label. */
export type NavSection = (typeof NAV_SECTIONS)[number][0];

/** The dashboard's own styles, beside the sandbox pages' stylesheet: the nav bar and paging. */
const DASHBOARD_CSS = trusted(`<style>
nav.sections{display:flex;flex-wrap:wrap;gap:4px;margin:0 0 14px;padding:0;list-style:none}
nav.sections a{display:inline-block;padding:6px 10px;border-radius:8px;background:#e8eaf3;color:#1d2433;text-decoration:none;font-size:14px;font-weight:600}
nav.sections a[aria-current=page]{background:#3b4fd8;color:#fff}
form.filters{display:flex;flex-wrap:wrap;gap:8px;align-items:flex-end;margin:0 0 10px}
form.filters label{margin:0;font-weight:600;font-size:12px;flex:1 1 140px}
form.filters input,form.filters select{padding:6px 8px;margin-top:2px}
.paging{display:flex;flex-wrap:wrap;gap:12px;justify-content:space-between;align-items:center;margin-top:10px}
/* Ids (a 45-character order_id has nowhere to break) wrap anywhere rather than widen a phone's screen. */
.id,h2,summary,code{overflow-wrap:anywhere}
</style>`);

function nav(current: NavSection | undefined): Html {
  return html`<nav class="sections" aria-label="Dashboard sections" data-testid="nav">${NAV_SECTIONS.map(
    ([label, path]) =>
      html`<a href="${path}"${label === current ? trusted(' aria-current="page"') : ''}>${label}</a>`,
  )}</nav>`;
}

function header(h: DashboardHeader, current: NavSection | undefined): Html {
  return html`<nav class="top">
<h1 style="margin:0"><a href="/_sandbox/" style="text-decoration:none;color:inherit">Sandbox dashboard</a></h1>
<form method="get" action="/_sandbox/search" role="search">
<input name="q" value="${h.query ?? ''}" placeholder="order_id, cf_payment_id, link_id, refund_id, transfer_id, beneficiary_id, delivery id…" aria-label="Search by id">
<button type="submit">Search</button>
</form>
</nav>
${nav(current)}
${h.message ? html`<div class="error" role="alert" data-testid="message">${h.message}</div>` : ''}
<p class="muted" id="action-status" role="status"></p>`;
}

/**
 * A dashboard page: its title, the header with search and the nav bar (`section` marked as the
 * current one), `body`, and the one script.
 */
export function dashboardPage(title: string, h: DashboardHeader, body: Html, section?: NavSection): Html {
  return page({
    title: `${title} · Cashfree sandbox dashboard`,
    wide: true,
    head: DASHBOARD_CSS,
    banner: `sandbox time ${readableIst(h.now)}${h.frozen ? ' (frozen)' : ''}`,
    body: html`${header(h, section)}${body}${SCRIPT}`,
  });
}

/** A link to an order's page, or a dash. */
export const orderLink = (orderId: string | null) =>
  orderId
    ? html`<a class="id" href="/_sandbox/orders/${encodeURIComponent(orderId)}">${orderId}</a>`
    : html`<span class="muted">—</span>`;

export function json(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

/** A JSON text indented for reading; any other text as it is. */
export function prettyBody(text: string): string {
  try {
    return json(JSON.parse(text));
  } catch {
    return text;
  }
}

/** A button that copies `value` (labelled `label` in the status line). */
export function copyButton(label: string, value: string, text = 'Copy'): Html {
  return html`<button type="button" class="small secondary" data-action="copy" data-label="${label}" data-value="${value}">${text}</button>`;
}

/** The credentials block: API base, app id and (for the built-in test key only) the secret. */
export function credentialsCard(c: { apiBase: string; appId: string; secretKey: string | undefined }): Html {
  const line = (label: string, value: string | undefined, shown: string) =>
    html`<div class="row"><span class="muted">${label}</span><span><code data-testid="cred-${label.replace(/\W+/g, '-')}">${shown}</code> ${value === undefined ? '' : copyButton(label, value)}</span></div>`;
  const env = [
    `CASHFREE_BASE_URL=${c.apiBase}`,
    `CASHFREE_APP_ID=${c.appId}`,
    ...(c.secretKey === undefined ? [] : [`CASHFREE_SECRET_KEY=${c.secretKey}`]),
    'CASHFREE_ENV=TEST',
  ].join('\n');
  return html`<section class="card" data-testid="credentials">
<h2>Credentials</h2>
${line('API base', c.apiBase, c.apiBase)}
${line('App id', c.appId, c.appId)}
${line('Secret key', c.secretKey, c.secretKey ?? 'from your environment (not shown)')}
<div class="actions" style="justify-content:flex-start">${copyButton('.env lines', env, 'Copy .env lines')}</div>
</section>`;
}

/**
 * The clock and its advance buttons; `last` is what the latest advance ran (so it shows right
 * after an advance, whose button reloads the page).
 */
export function clockCard(h: DashboardHeader, last?: Html): Html {
  const steps = [
    ['+1 min', 60_000],
    ['+10 min', 600_000],
    ['+30 min', 1_800_000],
    ['+1 hour', 3_600_000],
    ['+1 day', 86_400_000],
  ] as const;
  return html`<section class="card" data-testid="clock">
<h2>Clock</h2>
${row('Sandbox time', html`${readableIst(h.now)}${h.frozen ? ' (frozen)' : ''}`)}
<div class="actions">${steps.map(
    ([label, ms]) =>
      html`<button type="button" class="secondary small" data-action="advance" data-ms="${ms}">${label}</button>`,
  )}</div>
<p class="muted">Advancing runs what became due: expiries, UPI resolution, refunds, settlements, Payouts transfers, subscription charges and webhook retries.</p>
${last ? html`<div data-testid="last-advance"><b>Last advance</b> ${last}</div>` : ''}
<p><a href="/_sandbox/advances">Every advance and what it ran →</a></p>
</section>`;
}

/** The orders table the home page and the list pages share. */
export function ordersTable(orders: readonly OrderRow[], customerOf: (o: OrderRow) => unknown): Html {
  if (orders.length === 0) return html`<p class="muted">No orders yet.</p>`;
  return html`<div class="scroll"><table class="list" data-testid="orders">
<tr><th>Order</th><th>Status</th><th>Amount</th><th>Customer</th><th>Created</th></tr>
${orders.map(
  (o) =>
    html`<tr><td>${orderLink(o.order_id)}</td><td>${badge(o.status)}</td><td>${formatInrFromPaise(o.amount)}</td><td>${customerOf(o)}</td><td>${readableIst(o.created_at)}</td></tr>`,
)}
</table></div>`;
}

/** The links table the home page and the list pages share. */
export function linksTable(links: readonly LinkRow[]): Html {
  if (links.length === 0) return html`<p class="muted">No payment links yet.</p>`;
  return html`<div class="scroll"><table class="list" data-testid="links">
<tr><th>Link</th><th>Purpose</th><th>Status</th><th>Paid</th><th>Page</th></tr>
${links.map(
  (l) =>
    html`<tr><td><a href="/_sandbox/links/${encodeURIComponent(l.link_id)}">${l.link_id}</a></td><td>${l.purpose}</td><td>${badge(l.status)}</td><td>${formatInrFromPaise(l.amount_paid)} / ${formatInrFromPaise(l.amount)}</td><td><a href="/links/${l.link_code}">/links/${l.link_code}</a></td></tr>`,
)}
</table></div>`;
}

/** The settlements table the home page and the list pages share. */
export function settlementsTable(settlements: readonly SettlementRow[]): Html {
  if (settlements.length === 0)
    return html`<p class="muted">No settlements yet (a paid order settles in the next cycle).</p>`;
  return html`<div class="scroll"><table class="list" data-testid="settlements">
<tr><th>Settlement</th><th>Status</th><th>Payments</th><th>Refunds</th><th>Settled</th><th>UTR</th><th>Initiated</th></tr>
${settlements.map(
  (s) =>
    html`<tr><td>${s.cf_settlement_id}</td><td>${badge(s.status)}</td><td>${formatInrFromPaise(s.payment_amount)}</td><td>${formatInrFromPaise(s.refund_amount)}</td><td>${formatInrFromPaise(s.amount_settled)}</td><td>${s.utr}</td><td>${readableIst(s.initiated_at)}</td></tr>`,
)}
</table></div>`;
}

function attemptsOf(d: DeliveryView): Html {
  if (d.attempts.length === 0) return html`<span class="muted">not sent yet</span>`;
  const last = d.attempts.at(-1)!;
  return html`${d.attempts.length} · last ${last.status_code ?? last.error ?? 'no answer'} in ${last.latency_ms} ms`;
}

/** The deliveries table the home page and the list pages share. */
export function deliveriesTable(deliveries: readonly DeliveryView[]): Html {
  if (deliveries.length === 0) return html`<p class="muted">No webhook deliveries.</p>`;
  return html`<div class="scroll"><table class="list" data-testid="deliveries">
<tr><th>Delivery</th><th>Event</th><th>Order</th><th>To</th><th>Status</th><th>Attempts</th><th></th></tr>
${deliveries.map(
  (d) =>
    html`<tr data-delivery="${d.id}"><td><a href="/_sandbox/deliveries/${d.id}">${d.id}</a></td><td>${d.event_type}</td><td class="wrap">${orderLink(d.order_id)}</td><td class="wrap">${d.url}<br><span class="muted">${d.endpoint_id ?? 'notify_url'} · ${d.version}</span></td><td>${badge(d.status)}${d.next_attempt_at ? html`<br><span class="muted">next ${readableIsoText(d.next_attempt_at)}</span>` : ''}</td><td>${attemptsOf(d)}</td><td><button type="button" class="small secondary" data-action="resend" data-id="${d.id}">Resend</button></td></tr>`,
)}
</table></div>`;
}

/** One delivery in full: the request as sent and every attempt with the receiver's answer. */
export function deliveryDetails(d: DeliveryView): Html {
  return html`<section class="card" data-testid="delivery" data-delivery="${d.id}">
<h2>${d.event_type} → ${d.url} ${badge(d.status)}</h2>
${row('Delivery', d.id)}
${row('Event', d.event_id)}
${row('Order', orderLink(d.order_id))}
${row('Endpoint', d.endpoint_id ?? 'the order or link notify_url')}
${row('Version', d.version)}
${row('Next attempt', d.next_attempt_at === null ? '—' : readableIsoText(d.next_attempt_at))}
<div class="actions" style="justify-content:flex-start"><button type="button" class="small" data-action="resend" data-id="${d.id}">Resend</button></div>
<details open><summary>Request headers</summary><pre>${json(d.request.headers)}</pre></details>
<details open><summary>Request body</summary><pre data-testid="request-body">${prettyBody(d.request.body)}</pre></details>
<h2>Attempts</h2>
${
  d.attempts.length === 0
    ? html`<p class="muted">Not sent yet.</p>`
    : d.attempts.map(
        (
          a,
        ) => html`<details open><summary>Attempt ${a.attempt} at ${readableIsoText(a.at)}: ${a.status_code ?? 'no answer'} · ${a.latency_ms} ms</summary>
${a.error ? html`<div class="error">${a.error}</div>` : ''}
<pre data-testid="response-body">${a.response_body ?? ''}</pre></details>`,
      )
}
</section>`;
}

/** `, pg events only` for an endpoint that asked for some products' events, else nothing. */
function eventsOnly(e: EndpointView): string {
  return e.products.length < WEBHOOK_PRODUCTS.length ? `, ${e.products.join(' and ')} events only` : '';
}

/** The home page: credentials, clock, endpoints, recent orders, links, settlements and deliveries. */
export function homePage(
  h: DashboardHeader,
  data: {
    credentials: Html;
    orders: readonly OrderRow[];
    customerOf: (o: OrderRow) => unknown;
    links: readonly LinkRow[];
    settlements: readonly SettlementRow[];
    deliveries: readonly DeliveryView[];
    endpoints: readonly EndpointView[];
    /** The Payouts summary card (balance, counts, link to the Payouts page). */
    payouts?: Html | undefined;
    /** What the latest clock advance ran. */
    lastAdvance?: Html | undefined;
    /** The latest API requests (request-pages.ts's table). */
    requests?: Html | undefined;
    /** The Subscriptions summary card (counts, link to the Subscriptions page). */
    subscriptions?: Html | undefined;
  },
): Html {
  return dashboardPage(
    'Home',
    h,
    html`<div style="display:grid;gap:14px;grid-template-columns:repeat(auto-fit,minmax(300px,1fr))">${data.credentials}${clockCard(h, data.lastAdvance)}
<section class="card" data-testid="endpoints"><h2>Webhook endpoints</h2>${
      data.endpoints.length === 0
        ? html`<p class="muted">None registered. <code>POST /_sandbox/webhooks/endpoints {"url"}</code> or <code>cashfree webhooks listen</code>; orders' <code>notify_url</code> get webhooks too.</p>`
        : data.endpoints.map((e) => row(`${e.id} (${e.version}${eventsOnly(e)})`, e.url))
    }</section>${data.payouts ?? ''}${data.subscriptions ?? ''}</div>
<section class="card"><h2>Orders</h2>${ordersTable(data.orders, data.customerOf)}</section>
<section class="card"><h2>Webhook deliveries</h2>${deliveriesTable(data.deliveries)}</section>
${data.requests ? html`<section class="card"><h2>API requests</h2>${data.requests}<p><a href="/_sandbox/requests">Every request, with filters →</a></p></section>` : ''}
<section class="card"><h2>Payment links</h2>${linksTable(data.links)}</section>
<section class="card"><h2>Settlements</h2>${settlementsTable(data.settlements)}</section>`,
    'Home',
  );
}

/** One order: its fields, payments, refunds, settlement, link and webhook deliveries. */
export function orderPage(
  h: DashboardHeader,
  data: {
    order: OrderRow;
    entity: Record<string, unknown>;
    payments: readonly PaymentRow[];
    refunds: readonly RefundRow[];
    settlement: SettlementRow | undefined;
    link: LinkRow | undefined;
    deliveries: readonly DeliveryView[];
    /** The API calls about this order (request-pages.ts's table). */
    requests?: Html | undefined;
  },
): Html {
  const { order, entity } = data;
  const customer = (entity['customer_details'] ?? {}) as Record<string, unknown>;
  return dashboardPage(
    order.order_id,
    h,
    html`<section class="card" data-testid="order" data-order-id="${order.order_id}">
<h2>Order ${order.order_id} ${badge(order.status)}</h2>
${row('Amount', formatInrFromPaise(order.amount))}
${row('cf_order_id', order.cf_order_id)}
${row('Customer', html`${customer['customer_name'] ?? ''} ${customer['customer_phone'] ?? ''}`)}
${row('Note', entity['order_note'] ?? '—')}
${row('Created', readableIst(order.created_at))}
${row('Expires', readableIst(order.expires_at))}
${data.link ? row('Payment link', html`<a href="/_sandbox/links/${encodeURIComponent(data.link.link_id)}">${data.link.link_id}</a>`) : ''}
${order.status === 'ACTIVE' ? row('Checkout', html`<a href="/checkout/pay?session=${encodeURIComponent(order.payment_session_id)}">open the hosted checkout</a>`) : ''}
<details><summary>Order entity (GET /pg/orders/${order.order_id})</summary><pre>${json(entity)}</pre></details>
</section>
<section class="card"><h2>Payments</h2>${
      data.payments.length === 0
        ? html`<p class="muted">No payment attempts.</p>`
        : html`<div class="scroll"><table class="list" data-testid="payments"><tr><th>cf_payment_id</th><th>Status</th><th>Method</th><th>Amount</th><th>Message</th><th>Time</th></tr>${data.payments.map(
            (p) =>
              html`<tr><td>${p.cf_payment_id}</td><td>${badge(p.status)}</td><td>${p.payment_group} (${p.channel})</td><td>${formatInrFromPaise(p.amount)}</td><td>${p.message}</td><td>${readableIst(p.created_at)}</td></tr>`,
          )}</table></div>`
    }</section>
<section class="card"><h2>Refunds</h2>${
      data.refunds.length === 0
        ? html`<p class="muted">No refunds.</p>`
        : html`<div class="scroll"><table class="list" data-testid="refunds"><tr><th>refund_id</th><th>Status</th><th>Amount</th><th>Type</th><th>ARN</th><th>Created</th></tr>${data.refunds.map(
            (r) =>
              html`<tr><td>${r.refund_id}</td><td>${badge(r.status)}</td><td>${formatInrFromPaise(r.amount)}</td><td>${r.refund_type} · ${r.speed}</td><td>${r.arn ?? '—'}</td><td>${readableIst(r.created_at)}</td></tr>`,
          )}</table></div>`
    }</section>
<section class="card"><h2>Settlement</h2>${data.settlement ? settlementsTable([data.settlement]) : html`<p class="muted">Not settled yet.</p>`}</section>
<section class="card"><h2>Webhook deliveries</h2>${deliveriesTable(data.deliveries)}</section>
${data.requests ? html`<section class="card" data-testid="order-requests"><h2>API requests</h2>${data.requests}<p><a href="/_sandbox/requests?order_id=${encodeURIComponent(order.order_id)}">All of this order's requests →</a></p></section>` : ''}
${data.deliveries.map(deliveryDetails)}`,
    'Orders',
  );
}

/** One payment link and the orders opened to pay it. */
export function linkDetailsPage(
  h: DashboardHeader,
  data: {
    link: LinkRow;
    entity: Record<string, unknown>;
    orders: readonly OrderRow[];
    customerOf: (o: OrderRow) => unknown;
  },
): Html {
  const { link } = data;
  return dashboardPage(
    link.link_id,
    h,
    html`<section class="card" data-testid="link-details">
<h2>Payment link ${link.link_id} ${badge(link.status)}</h2>
${row('Purpose', link.purpose)}
${row('Amount', formatInrFromPaise(link.amount))}
${row('Paid', formatInrFromPaise(link.amount_paid))}
${row('Partial payments', link.partial_payments === 1 ? `yes (first at least ${link.minimum_partial_amount === null ? '—' : formatInrFromPaise(link.minimum_partial_amount)})` : 'no')}
${row('Page', html`<a href="/links/${link.link_code}">/links/${link.link_code}</a>`)}
<details><summary>Link entity</summary><pre>${json(data.entity)}</pre></details>
</section>
<section class="card"><h2>Orders</h2>${ordersTable(data.orders, data.customerOf)}</section>`,
    'Links',
  );
}

/** One delivery (for events without an order, such as settlements). */
export function deliveryPage(h: DashboardHeader, delivery: DeliveryView): Html {
  return dashboardPage(delivery.id, h, deliveryDetails(delivery), 'Webhooks');
}

/** Nothing matched a search, or an id does not exist. */
export function notFoundPage(h: DashboardHeader, what: string): Html {
  return dashboardPage(
    'Not found',
    h,
    html`<section class="card"><h2>Not found</h2><p>${what}</p></section>`,
  );
}
