/**
 * `GET /admin/payouts`: pay the tea estate. Save it as a beneficiary, pay it an amount in rupees,
 * send a batch from CSV, and see each transfer's status as the Payouts webhooks move it.
 */
import { formatInrFromPaise } from 'cashfree-kit';
import type { PayoutEventRow, ShopBatch, ShopBeneficiary, ShopTransfer } from '../db/payouts.js';
import type { CsvProblem } from '../payouts/batch-csv.js';
import { SUPPLIER } from '../payouts/supplier.js';
import { badge, formatTime } from './format.js';
import { html, type SafeHtml, trusted } from './html.js';
import { page, type ShopInfo } from './layout.js';
import { dataTable } from './table.js';

/** What the section shows about the Payouts account, or why it is off. */
export type PayoutsStatus =
  | { configured: true; apiBase: string; webhookUrl: string; webhookNote: string }
  | { configured: false; why: string };

export interface PayoutsPageInput {
  info: ShopInfo;
  status: PayoutsStatus;
  beneficiary: ShopBeneficiary | undefined;
  transfers: ShopTransfer[];
  batches: ShopBatch[];
  events: PayoutEventRow[];
  /** The CSV as last typed, kept when it had problems. */
  csv: string;
  problems?: CsvProblem[] | undefined;
  error?: string | undefined;
  notice?: string | undefined;
}

export const payoutHref = (transferId: string) =>
  `/admin/payouts/transfers/${encodeURIComponent(transferId)}`;
export const batchHref = (batchId: string) => `/admin/payouts/batches/${encodeURIComponent(batchId)}`;

/** A transfer's status pill, with its `status_code` beneath when it says more. */
export function transferStatus(t: Pick<ShopTransfer, 'status' | 'status_code'>): SafeHtml {
  const code = t.status_code && t.status_code !== t.status ? t.status_code : '';
  return html`<div data-testid="transfer-status" data-status="${t.status}">${badge(t.status)}${code ? html`<div class="small muted">${code}</div>` : ''}</div>`;
}

export function transfersTable(testId: string, transfers: ShopTransfer[]): SafeHtml {
  const columns = [
    { label: 'Transfer' },
    { label: 'To' },
    { label: 'Status' },
    { label: 'Amount', numeric: true },
  ];
  return dataTable(
    testId,
    columns,
    transfers.map((t) => ({
      attributes: html`data-transfer-id="${t.transfer_id}"`,
      cells: [
        html`<div><a href="${payoutHref(t.transfer_id)}"><code>${t.transfer_id}</code></a><div class="small muted">${formatTime(t.created_at)}</div></div>`,
        t.beneficiary,
        transferStatus(t),
        formatInrFromPaise(t.amount_paise),
      ],
    })),
  );
}

export function eventsTable(events: PayoutEventRow[]): SafeHtml {
  if (events.length === 0)
    return html`<p class="muted" data-testid="payout-events-none">No Payouts webhooks yet.</p>`;
  const columns = [{ label: 'Received' }, { label: 'Event' }, { label: 'About' }, { label: 'Status' }];
  return dataTable(
    'payout-events',
    columns,
    events.map((e) => ({
      attributes: html`data-type="${e.type}"`,
      cells: [
        html`<span class="small">${formatTime(e.received_at)}</span>${e.deliveries > 1 ? html`<div class="small muted">delivered ${e.deliveries}×</div>` : ''}`,
        html`<code>${e.type}</code>`,
        e.subject ? html`<code>${e.subject}</code>` : '—',
        e.status ? transferStatus({ status: e.status, status_code: e.status_code }) : '—',
      ],
    })),
  );
}

function supplierCard(beneficiary: ShopBeneficiary | undefined, enabled: boolean): SafeHtml {
  const bank = SUPPLIER.beneficiary_instrument_details;
  const details = html`<dl class="kv">
<dt>Name</dt><dd>${SUPPLIER.beneficiary_name}</dd>
<dt>Beneficiary id</dt><dd><code>${SUPPLIER.beneficiary_id}</code></dd>
<dt>Bank account</dt><dd><code>${bank.bank_account_number}</code> · IFSC <code>${bank.bank_ifsc}</code></dd>
<dt>Saved</dt><dd data-testid="beneficiary-status">${beneficiary ? html`${badge(beneficiary.status)} <span class="small muted">${formatTime(beneficiary.added_at)}</span>` : 'not yet'}</dd>
</dl>`;
  const add = beneficiary
    ? ''
    : html`<form method="post" action="/admin/payouts/beneficiary"><button class="primary" type="submit" data-testid="add-beneficiary"${enabled ? '' : trusted(' disabled')}>Add the estate as a beneficiary</button></form>`;
  return html`<section class="card" data-testid="supplier"><h2>The supplier</h2><p class="small muted">The Darjeeling estate our first flush comes from. Cashfree pays a saved beneficiary by its id.</p>${details}${add}</section>`;
}

function payCard(beneficiary: ShopBeneficiary | undefined): SafeHtml {
  if (!beneficiary) {
    return html`<section class="card"><h2>Pay the estate</h2><p class="muted">Add the estate as a beneficiary first.</p></section>`;
  }
  return html`<section class="card"><h2>Pay the estate</h2><form method="post" action="/admin/payouts/transfers" class="stack" data-testid="pay-form">
<label>Amount (₹)<input name="amount" type="number" inputmode="decimal" step="0.01" min="1" value="12500" required></label>
<button class="primary" type="submit">Pay ${SUPPLIER.beneficiary_name}</button>
</form><p class="small muted">A bank transfer (IMPS/NEFT, as Cashfree picks). Its status moves as Payouts webhooks arrive; a transfer's page refreshes itself while it is open.</p></section>`;
}

// Loads a chosen file into the textarea; the form posts the text, so no upload parsing is needed.
const FILE_SCRIPT = `document.getElementById('csv-file')?.addEventListener('change',async(e)=>{const f=e.target.files&&e.target.files[0];if(f)document.getElementById('csv').value=await f.text();});`;

function batchCard(input: PayoutsPageInput, enabled: boolean): SafeHtml {
  const problems = input.problems ?? [];
  return html`<section class="card" data-testid="batch"><h2>Batch payout from CSV</h2>
<p class="small muted">One header line, then a row per payment: <code>beneficiary_id,amount,remarks</code> for saved beneficiaries, or <code>name,bank_account_number,bank_ifsc,amount,remarks</code>. Amounts in rupees. Every row is checked first; if any is wrong, nothing is sent.</p>
${
  problems.length > 0
    ? html`<div class="alert bad" role="alert" data-testid="csv-problems"><strong>Nothing was sent.</strong> Fix ${problems.length === 1 ? 'this line' : 'these lines'} and send again:<ul class="problems">${problems.map((p) => html`<li data-line="${p.line}">Line ${p.line}: ${p.message}</li>`)}</ul></div>`
    : ''
}
<form method="post" action="/admin/payouts/batches" class="stack" data-testid="batch-form">
<label>CSV file<input id="csv-file" type="file" accept=".csv,text/csv"></label>
<label>…or paste it<textarea id="csv" class="csv" name="csv" rows="6" spellcheck="false" required>${input.csv}</textarea></label>
<button class="primary" type="submit"${enabled ? '' : trusted(' disabled')}>Check and send the batch</button>
</form><script>${trusted(FILE_SCRIPT)}</script></section>`;
}

function batchesTable(batches: ShopBatch[]): SafeHtml {
  if (batches.length === 0) return html`<p class="muted">No batches yet.</p>`;
  const columns = [
    { label: 'Batch' },
    { label: 'Status' },
    { label: 'Transfers', numeric: true },
    { label: 'Amount', numeric: true },
  ];
  return dataTable(
    'batches',
    columns,
    batches.map((b) => ({
      attributes: html`data-batch-id="${b.batch_transfer_id}"`,
      cells: [
        html`<div><a href="${batchHref(b.batch_transfer_id)}"><code>${b.batch_transfer_id}</code></a><div class="small muted">${formatTime(b.created_at)}</div></div>`,
        badge(b.status),
        b.transfer_count,
        formatInrFromPaise(b.amount_paise),
      ],
    })),
  );
}

/** Whether a transfer may still change by itself soon (the page keeps refreshing). */
export function isOpen(t: Pick<ShopTransfer, 'status'>): boolean {
  return t.status === 'RECEIVED' || t.status === 'PENDING' || t.status === 'APPROVAL_PENDING';
}

/** A `<meta>` that reloads the page every few seconds while something is open. */
export function refreshWhile(open: boolean): SafeHtml {
  return open ? html`<meta http-equiv="refresh" content="2">` : html``;
}

export function payoutsPage(input: PayoutsPageInput): SafeHtml {
  const { status } = input;
  const intro = status.configured
    ? html`<p class="muted">Payments to the estate through Cashfree Payouts at <code>${status.apiBase}</code>. Payouts webhooks arrive at <code data-testid="payouts-webhook-url">${status.webhookUrl}</code>: ${status.webhookNote}</p>`
    : html`<div class="alert info" role="status" data-testid="payouts-off">${status.why}</div>`;
  const body = html`<h1>Pay a supplier</h1>
${intro}
${input.notice ? html`<div class="alert warn" role="status" data-testid="notice">${input.notice}</div>` : ''}
${input.error ? html`<div class="alert bad" role="alert" data-testid="error">${input.error}</div>` : ''}
<div class="grid2">${supplierCard(input.beneficiary, status.configured)}${payCard(status.configured ? input.beneficiary : undefined)}</div>
<section class="card"><h2>Transfers</h2>${input.transfers.length === 0 ? html`<p class="muted">No transfers yet.</p>` : transfersTable('transfers', input.transfers)}</section>
${batchCard(input, status.configured)}
<section class="card"><h2>Batches</h2>${batchesTable(input.batches)}</section>
<section class="card"><h2>Payouts webhooks received</h2>${eventsTable(input.events)}</section>`;
  // No self-refresh here, it would wipe a half-typed amount or CSV: each transfer's page has it.
  return page({ title: 'Pay a supplier', info: input.info, section: 'payouts', body });
}
