import type { InboxEntry } from 'cashfree-kit/webhooks/inbox';
import type { WebhookRejection } from '../db/rejections.js';
import { subjectOf } from '../webhooks/subject.js';
import { badge, formatTime } from './format.js';
import { html, type SafeHtml } from './html.js';
import { page, type ShopInfo } from './layout.js';

function subjectLink(entry: InboxEntry): SafeHtml {
  const subject = subjectOf(entry.event);
  if (!subject) return html`<span class="muted">—</span>`;
  const href =
    subject.kind === 'link'
      ? `/admin/links/${encodeURIComponent(subject.id)}`
      : `/admin/orders/${encodeURIComponent(subject.id)}`;
  return html`<a href="${href}"><code>${subject.id}</code></a>`;
}

function eventRow(entry: InboxEntry, index: number): SafeHtml {
  const type = entry.event.type === 'unknown' ? entry.event.receivedType : entry.event.type;
  const { delivery, ...payload } = entry.event;
  return html`<tr data-type="${type}" data-key="${entry.key}">
<td>${formatTime(entry.receivedAt)}</td>
<td><strong>${type}</strong><div class="small muted">version ${delivery.version ?? '—'} · attempt ${delivery.attempt ?? '—'}</div></td>
<td>${subjectLink(entry)}</td>
<td>${badge(entry.status)}${entry.lastError ? html`<div class="small muted">${entry.lastError}</div>` : ''}</td>
<td class="num" data-testid="deliveries">${entry.deliveries}</td>
<td class="num" data-testid="runs">${entry.attempts}</td>
</tr>
<tr><td colspan="6"><details><summary class="small">Payload</summary><div class="copyable"><pre id="event-${index}" style="white-space:pre-wrap;overflow-wrap:anywhere;background:var(--code);padding:.6rem;border-radius:8px">${JSON.stringify({ ...payload, delivery }, null, 2)}</pre><button type="button" class="ghost" data-copy="event-${index}">Copy</button></div></details></td></tr>`;
}

/** `GET /events`: every verified webhook the inbox holds, newest first, and refused deliveries. */
export function eventsPage(info: ShopInfo, entries: InboxEntry[], rejections: WebhookRejection[]): SafeHtml {
  const body = html`<h1>Webhooks received</h1>
<p class="muted">Cashfree posts to <code>/webhooks/cashfree</code>. cashfree-kit's Express adapter verifies each signature against the secret key, the inbox stores the event under its dedupe key and answers 200, and the handler runs once per event: a retried delivery only adds to <em>Received</em>.</p>
<section class="card">
${
  entries.length === 0
    ? html`<p class="muted" data-testid="no-events">No webhooks yet. Buy something, refund it or pay a link.</p>`
    : html`<div class="table"><table data-testid="events">
<thead><tr><th>Received</th><th>Event</th><th>About</th><th>Handler</th><th class="num">Received</th><th class="num">Runs</th></tr></thead>
<tbody>${entries.map(eventRow)}</tbody></table></div>`
}
</section>
<section class="card"><h2>Refused deliveries</h2>
${
  rejections.length === 0
    ? html`<p class="muted" data-testid="no-rejections">None: every delivery so far had a valid signature.</p>`
    : html`<div class="table"><table data-testid="rejections"><thead><tr><th>When</th><th>Reason</th><th>Message</th></tr></thead>
<tbody>${rejections.map((r) => html`<tr><td>${formatTime(r.at)}</td><td><code>${r.reason}</code></td><td class="small">${r.message}</td></tr>`)}</tbody></table></div>`
}
</section>`;
  return page({ title: 'Webhooks', info, section: 'events', body });
}
