/**
 * One transfer (`/admin/payouts/transfers/{id}`) and one batch (`/admin/payouts/batches/{id}`):
 * the shop's record, the Payouts webhooks about it, and a button to ask Cashfree. Each reloads
 * itself every 2 s while something is still open, so a webhook's change shows without a click.
 */
import { formatInrFromPaise } from 'cashfree-kit';
import type { PayoutEventRow, ShopBatch, ShopTransfer } from '../db/payouts.js';
import { badge, formatTime } from './format.js';
import { html, type SafeHtml } from './html.js';
import { page, type ShopInfo } from './layout.js';
import {
  batchHref,
  eventsTable,
  isOpen,
  payoutHref,
  refreshWhile,
  transferStatus,
  transfersTable,
} from './payouts-page.js';

export interface TransferPageInput {
  info: ShopInfo;
  transfer: ShopTransfer;
  events: PayoutEventRow[];
  error?: string | undefined;
}

function askCashfree(action: string): SafeHtml {
  return html`<form method="post" action="${action}"><button class="secondary" type="submit">Ask Cashfree now</button></form>`;
}

const back = html`<p><a href="/admin/payouts">← Pay a supplier</a></p>`;

export function payoutTransferPage(input: TransferPageInput): SafeHtml {
  const t = input.transfer;
  const body = html`${back}<h1>Transfer <code>${t.transfer_id}</code></h1>
${input.error ? html`<div class="alert bad" role="alert" data-testid="error">${input.error}</div>` : ''}
<section class="card" data-testid="transfer"><dl class="kv">
<dt>Status</dt><dd>${transferStatus(t)}${t.status_description ? html`<div class="small muted">${t.status_description}</div>` : ''}</dd>
<dt>Amount</dt><dd data-testid="transfer-amount">${formatInrFromPaise(t.amount_paise)}</dd>
<dt>To</dt><dd>${t.beneficiary}</dd>
${t.batch_transfer_id ? html`<dt>Batch</dt><dd><a href="${batchHref(t.batch_transfer_id)}"><code>${t.batch_transfer_id}</code></a></dd>` : ''}
<dt>Cashfree id</dt><dd>${t.cf_transfer_id ? html`<code>${t.cf_transfer_id}</code>` : '—'}</dd>
<dt>UTR</dt><dd>${t.utr ? html`<code>${t.utr}</code>` : '—'}</dd>
<dt>Sent</dt><dd>${formatTime(t.created_at)}</dd>
<dt>Updated</dt><dd>${formatTime(t.updated_at)}</dd>
</dl>${askCashfree(`${payoutHref(t.transfer_id)}/refresh`)}
${isOpen(t) ? html`<p class="small muted">Waiting for Cashfree's Payouts webhooks; this page refreshes itself.</p>` : ''}</section>
<section class="card"><h2>Payouts webhooks about it</h2>${eventsTable(input.events)}</section>`;
  return page({
    title: `Transfer ${t.transfer_id}`,
    info: input.info,
    section: 'payouts',
    body,
    head: refreshWhile(isOpen(t)),
  });
}

export interface BatchPageInput {
  info: ShopInfo;
  batch: ShopBatch;
  transfers: ShopTransfer[];
  events: PayoutEventRow[];
  error?: string | undefined;
}

export function payoutBatchPage(input: BatchPageInput): SafeHtml {
  const b = input.batch;
  const open = b.status !== 'REJECTED' && input.transfers.some(isOpen);
  const body = html`${back}<h1>Batch <code>${b.batch_transfer_id}</code></h1>
${input.error ? html`<div class="alert bad" role="alert" data-testid="error">${input.error}</div>` : ''}
<section class="card" data-testid="batch-summary"><dl class="kv">
<dt>Status</dt><dd data-testid="batch-status">${badge(b.status)}</dd>
<dt>Transfers</dt><dd>${b.transfer_count}, ${formatInrFromPaise(b.amount_paise)} in all</dd>
<dt>Cashfree id</dt><dd>${b.cf_batch_transfer_id ? html`<code>${b.cf_batch_transfer_id}</code>` : '—'}</dd>
<dt>Sent</dt><dd>${formatTime(b.created_at)}</dd>
</dl>${askCashfree(`${batchHref(b.batch_transfer_id)}/refresh`)}</section>
<section class="card"><h2>Its transfers</h2>${transfersTable('batch-transfers', input.transfers)}</section>
<section class="card"><h2>Payouts webhooks about the batch</h2>${eventsTable(input.events)}</section>`;
  return page({
    title: `Batch ${b.batch_transfer_id}`,
    info: input.info,
    section: 'payouts',
    body,
    head: refreshWhile(open),
  });
}
