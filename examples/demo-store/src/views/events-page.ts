import type { InboxEntry } from 'cashfree-kit/webhooks/inbox';
import type { WebhookRejection } from '../db/rejections.js';
import { statusReported, subjectOf } from '../webhooks/subject.js';
import { badge, formatTime } from './format.js';
import { html, type SafeHtml } from './html.js';
import { page, type ShopInfo, subjectHref } from './layout.js';
import { dataTable } from './table.js';

function subjectLink(entry: InboxEntry): SafeHtml {
  const subject = subjectOf(entry.event);
  if (!subject) return html`<span class="muted">—</span>`;
  return html`<a href="${subjectHref(subject.kind, subject.id)}"><code>${subject.id}</code></a>`;
}

function eventCell(entry: InboxEntry, index: number): SafeHtml {
  const type = entry.event.type === 'unknown' ? entry.event.receivedType : entry.event.type;
  const { delivery, ...payload } = entry.event;
  const reported = statusReported(entry.event);
  return html`<div class="event"><strong>${type}</strong>${reported ? html` <span class="small">${reported}</span>` : ''}
<div class="small muted">${formatTime(entry.receivedAt)} · version ${delivery.version ?? '—'} · attempt ${delivery.attempt ?? '—'}</div>
<details><summary class="small">Payload</summary><div class="copyable"><pre class="payload" id="event-${index}">${JSON.stringify({ ...payload, delivery }, null, 2)}</pre><button type="button" class="ghost" data-copy="event-${index}">Copy</button></div></details></div>`;
}

function eventsTable(entries: InboxEntry[]): SafeHtml {
  const columns = [
    { label: 'Event' },
    { label: 'About' },
    { label: 'Handler' },
    { label: 'Received', numeric: true },
    { label: 'Runs', numeric: true },
  ];
  return dataTable(
    'events',
    columns,
    entries.map((entry, index) => ({
      attributes: html`data-type="${entry.event.type === 'unknown' ? entry.event.receivedType : entry.event.type}" data-key="${entry.key}"`,
      cells: [
        eventCell(entry, index),
        subjectLink(entry),
        html`<div>${badge(entry.status)}${entry.lastError ? html`<div class="small muted">${entry.lastError}</div>` : ''}</div>`,
        html`<span data-testid="deliveries">${entry.deliveries}</span>`,
        html`<span data-testid="runs">${entry.attempts}</span>`,
      ],
    })),
  );
}

/** `GET /events`: every verified webhook the inbox holds, newest first, and refused deliveries. */
export function eventsPage(info: ShopInfo, entries: InboxEntry[], rejections: WebhookRejection[]): SafeHtml {
  const body = html`<h1>Webhooks received</h1>
<p class="muted">Cashfree posts to <code>/webhooks/cashfree</code>. cashfree-kit's Express adapter verifies each signature against the secret key, the inbox stores the event under its dedupe key and answers 200, and the handler runs once per event: a retried delivery only adds to <em>Received</em>.</p>
<section class="card">
${
  entries.length === 0
    ? html`<p class="muted" data-testid="no-events">No webhooks yet. Buy something, refund it or pay a link.</p>`
    : eventsTable(entries)
}
</section>
<section class="card"><h2>Refused deliveries</h2>
${
  rejections.length === 0
    ? html`<p class="muted" data-testid="no-rejections">None: every delivery so far had a valid signature.</p>`
    : dataTable(
        'rejections',
        [{ label: 'When' }, { label: 'Reason' }, { label: 'Message' }],
        rejections.map((r) => ({
          cells: [
            formatTime(r.at),
            html`<code>${r.reason}</code>`,
            html`<span class="small">${r.message}</span>`,
          ],
        })),
      )
}
</section>`;
  return page({ title: 'Webhooks', info, section: 'events', body });
}
