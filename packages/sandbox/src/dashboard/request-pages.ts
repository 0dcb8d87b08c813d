/**
 * The API request log on the dashboard: the table of calls (the Requests page and each order's
 * page) and one call in full, with its headers (secrets removed), request body and response.
 */
import { type Html, html } from '../checkout/html.js';
import { row } from '../checkout/layout.js';
import type { ApiRequestRow } from '../store/api-requests.js';
import { type DashboardHeader, dashboardPage, json, orderLink, prettyBody } from './pages.js';
import { readableIst } from './readable-time.js';

/** The fields the Requests page filters on. */
export const REQUEST_FILTERS = [
  { name: 'status', label: 'Status', options: ['2xx', '4xx', '5xx'] },
  { name: 'method', label: 'Method', options: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] },
  { name: 'path', label: 'Path contains', placeholder: '/refunds' },
  { name: 'order_id', label: 'Order id', placeholder: 'order_id' },
] as const;

/** A status code coloured by its class: 2xx green, 4xx and 5xx red. */
export function statusBadge(status: number): Html {
  const tone = status < 300 ? 'SUCCESS' : status < 400 ? 'PENDING' : 'FAILED';
  return html`<span class="badge ${tone}">${status}</span>`;
}

export const requestLink = (r: ApiRequestRow, text: Html | string) =>
  html`<a href="/_sandbox/requests/${r.id}">${text}</a>`;

/** Calls newest first: time, method and path (linked to the call), status, latency, order. */
export function requestsTable(requests: readonly ApiRequestRow[], empty = 'No API requests match.'): Html {
  if (requests.length === 0) return html`<p class="muted">${empty}</p>`;
  return html`<div class="scroll"><table class="list" data-testid="requests">
<tr><th>Time</th><th>Request</th><th>Status</th><th>Latency</th><th>Order</th><th>x-request-id</th></tr>
${requests.map(
  (r) =>
    html`<tr data-request="${r.id}"><td>${readableIst(r.at)}</td><td class="wrap">${requestLink(r, html`<code>${r.method} ${r.path}</code>`)}</td><td>${statusBadge(r.status)}${r.replayed ? html` <span class="muted">replayed</span>` : ''}</td><td>${r.latency_ms} ms</td><td class="wrap">${orderLink(r.order_id)}</td><td class="id">${r.request_id ?? ''}</td></tr>`,
)}
</table></div>`;
}

function headersOf(r: ApiRequestRow): Html {
  try {
    return html`${json(JSON.parse(r.request_headers))}`;
  } catch {
    return html`${r.request_headers}`;
  }
}

/** One call: what was sent and what the sandbox answered. */
export function requestPage(h: DashboardHeader, r: ApiRequestRow): Html {
  return dashboardPage(
    `${r.method} ${r.path}`,
    h,
    html`<section class="card" data-testid="request" data-request="${r.id}">
<h2 class="id">${r.method} ${r.path} ${statusBadge(r.status)}</h2>
${row('Time', readableIst(r.at))}
${row('Latency', `${r.latency_ms} ms`)}
${row('Order', orderLink(r.order_id))}
${row('x-request-id', r.request_id ?? '—')}
${row('x-idempotency-key', r.idempotency_key === null ? '—' : html`${r.idempotency_key}${r.replayed ? ' (replayed a stored response)' : ''}`)}
<details open><summary>Request headers</summary><pre data-testid="request-headers">${headersOf(r)}</pre></details>
<details open><summary>Request body</summary><pre data-testid="request-body">${r.request_body === null ? '(none)' : prettyBody(r.request_body)}</pre></details>
<details open><summary>Response body</summary><pre data-testid="response-body">${r.response_body === null ? '(none)' : prettyBody(r.response_body)}</pre></details>
<p class="muted">The client secret is never stored: <code>x-client-secret</code> shows only that it was sent, and the secrets are removed from everything kept.</p>
</section>
<p><a href="/_sandbox/requests">← all requests</a></p>`,
    'Requests',
  );
}
