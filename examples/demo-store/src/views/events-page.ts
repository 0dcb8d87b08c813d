import type { InboxEntry } from 'cashfree-kit/webhooks/inbox';
import type { WebhookRejection } from '../db/rejections.js';
import type { LoggedWebhook } from '../db/webhook-log.js';
import { statusReported, subjectOf } from '../webhooks/subject.js';
import { badge, formatTime } from './format.js';
import { html, type SafeHtml } from './html.js';
import { page, type ShopInfo, subjectHref } from './layout.js';
import { dataTable } from './table.js';
import { webhookAnswers } from './what-happened.js';

/** Which page of the events this is. */
export interface Paging {
  /** 1 is the newest. */
  page: number;
  perPage: number;
  /** Events the inbox holds in all. */
  total: number;
}

function subjectLink(entry: InboxEntry): SafeHtml {
  const subject = subjectOf(entry.event);
  if (!subject) return html`<span class="muted">—</span>`;
  return html`<a href="${subjectHref(subject.kind, subject.id)}"><code>${subject.id}</code></a>`;
}

function eventCell({ entry, answers }: LoggedWebhook, index: number): SafeHtml {
  const type = entry.event.type === 'unknown' ? entry.event.receivedType : entry.event.type;
  const { delivery, ...payload } = entry.event;
  const reported = statusReported(entry.event);
  return html`<div class="event"><strong>${type}</strong>${reported ? html` <span class="small">${reported}</span>` : ''}
<div class="small muted">${formatTime(entry.receivedAt)} · version ${delivery.version ?? '—'} · attempt ${delivery.attempt ?? '—'}</div>
<div class="small muted">Answered ${webhookAnswers(answers)}</div>
<details><summary class="small">Payload</summary><div class="copyable"><pre class="payload" id="event-${index}">${JSON.stringify({ ...payload, delivery }, null, 2)}</pre><button type="button" class="ghost" data-copy="event-${index}">Copy</button></div></details></div>`;
}

function eventsTable(webhooks: LoggedWebhook[]): SafeHtml {
  const columns = [
    { label: 'Event' },
    { label: 'About' },
    { label: 'Handler' },
    { label: 'Received', numeric: true },
    { label: 'Runs', numeric: true },
  ];
  const type = (entry: InboxEntry) =>
    entry.event.type === 'unknown' ? entry.event.receivedType : entry.event.type;
  return dataTable(
    'events',
    columns,
    webhooks.map((webhook, index) => ({
      attributes: html`data-type="${type(webhook.entry)}" data-key="${webhook.entry.key}"`,
      cells: [
        eventCell(webhook, index),
        subjectLink(webhook.entry),
        html`<div>${badge(webhook.entry.status)}${webhook.entry.lastError ? html`<div class="small muted">${webhook.entry.lastError}</div>` : ''}</div>`,
        html`<span data-testid="deliveries">${webhook.entry.deliveries}</span>`,
        html`<span data-testid="runs">${webhook.entry.attempts}</span>`,
      ],
    })),
  );
}

/** "Showing 51–100 of 10,002, newest first", with links to the newer and older pages. */
function pager({ page, perPage, total }: Paging, shown: number): SafeHtml {
  const first = (page - 1) * perPage + 1;
  const count = new Intl.NumberFormat('en-IN');
  const range = shown === 0 ? 'none' : `${count.format(first)}–${count.format(first + shown - 1)}`;
  const newer =
    page > 1 ? html`<a href="/events?page=${page - 1}" rel="prev" data-testid="newer">← Newer</a>` : '';
  const older =
    first + shown - 1 < total
      ? html`<a href="/events?page=${page + 1}" rel="next" data-testid="older">Older →</a>`
      : '';
  return html`<nav class="pager" aria-label="Pages of webhooks"><span data-testid="events-range" data-total="${total}">Showing ${range} of ${count.format(total)}, newest first</span>${newer}${older}</nav>`;
}

/** `GET /events`: a page of the verified webhooks the inbox holds, newest first, and refused deliveries. */
export function eventsPage(
  info: ShopInfo,
  webhooks: LoggedWebhook[],
  rejections: WebhookRejection[],
  paging: Paging,
): SafeHtml {
  const body = html`<h1>Webhooks received</h1>
<p class="muted">Cashfree posts to <code>/webhooks/cashfree</code>. cashfree-kit's Express adapter verifies each signature against the secret key, the inbox stores the event under its dedupe key and answers 200, and the handler runs once per event: a retried delivery only adds to <em>Received</em>.</p>
<section class="card">
${
  paging.total === 0
    ? html`<p class="muted" data-testid="no-events">No webhooks yet. Buy something, refund it or pay a link.</p>`
    : html`${pager(paging, webhooks.length)}${eventsTable(webhooks)}`
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
