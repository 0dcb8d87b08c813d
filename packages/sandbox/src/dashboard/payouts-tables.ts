/**
 * The Payouts tables the dashboard's pages share (beneficiaries, transfers, batches), and the
 * links between them: a transfer names its beneficiary and batch, each of those lists its
 * transfers.
 */
import { formatInrFromPaise } from 'cashfree-kit';
import { type Html, html } from '../checkout/html.js';
import { badge } from '../checkout/layout.js';
import type { StoredTransferBeneficiary } from '../entities/payouts.js';
import type { BatchRow } from '../store/payouts/batches.js';
import type { BeneficiaryRow } from '../store/payouts/beneficiaries.js';
import type { TransferRow } from '../store/payouts/transfers.js';
import { readableIst } from './readable-time.js';

const path = (kind: string, id: string) => `/_sandbox/payouts/${kind}/${encodeURIComponent(id)}`;

/** A link to a transfer's page. */
export const transferLink = (transferId: string) =>
  html`<a href="${path('transfers', transferId)}">${transferId}</a>`;
/** A link to a beneficiary's page. */
export const beneficiaryLink = (beneficiaryId: string) =>
  html`<a href="${path('beneficiaries', beneficiaryId)}">${beneficiaryId}</a>`;
/** A link to a batch's page. */
export const batchLink = (batchTransferId: string) =>
  html`<a href="${path('batches', batchTransferId)}">${batchTransferId}</a>`;

/** Where a transfer goes: the saved beneficiary (linked) or the inline account, UPI id. */
export function transferBeneficiary(row: TransferRow): Html {
  const b = JSON.parse(row.beneficiary) as StoredTransferBeneficiary;
  const account =
    b.vpa ?? (b.bank_account_number === null ? '' : `${b.bank_account_number} · ${b.bank_ifsc ?? ''}`);
  const who =
    b.beneficiary_id === null ? html`${b.beneficiary_name ?? ''}` : beneficiaryLink(b.beneficiary_id);
  return html`${who}<br><span class="muted">${account}</span>`;
}

/** The saved beneficiary id a transfer names, if any. */
export function beneficiaryIdOf(row: TransferRow): string | null {
  return (JSON.parse(row.beneficiary) as StoredTransferBeneficiary).beneficiary_id;
}

/** Transfers with status, status_code, amount, beneficiary and times, newest first as given. */
export function transfersTable(
  transfers: readonly TransferRow[],
  batchOf: (row: TransferRow) => string | undefined,
): Html {
  if (transfers.length === 0) return html`<p class="muted">No transfers yet.</p>`;
  return html`<div class="scroll"><table class="list" data-testid="payout-transfers">
<tr><th>Transfer</th><th>Status</th><th>Status code</th><th>Amount</th><th>Beneficiary</th><th>Batch</th><th>Created</th><th>Updated</th></tr>
${transfers.map((t) => {
  const batch = batchOf(t);
  return html`<tr data-transfer="${t.transfer_id}"><td>${transferLink(t.transfer_id)}<br><span class="muted">${t.cf_transfer_id}</span></td><td>${badge(t.status)}</td><td>${t.status_code}</td><td>${formatInrFromPaise(t.amount)}</td><td class="wrap">${transferBeneficiary(t)}</td><td>${batch === undefined ? html`<span class="muted">—</span>` : batchLink(batch)}</td><td>${readableIst(t.added_on)}</td><td>${readableIst(t.updated_on)}</td></tr>`;
})}
</table></div>`;
}

/** Saved beneficiaries with their account or UPI id. */
export function beneficiariesTable(beneficiaries: readonly BeneficiaryRow[]): Html {
  if (beneficiaries.length === 0) return html`<p class="muted">No beneficiaries yet.</p>`;
  return html`<div class="scroll"><table class="list" data-testid="payout-beneficiaries">
<tr><th>Beneficiary</th><th>Name</th><th>Account</th><th>UPI id</th><th>Status</th><th>Added</th></tr>
${beneficiaries.map(
  (b) =>
    html`<tr><td>${beneficiaryLink(b.beneficiary_id)}</td><td>${b.beneficiary_name}</td><td>${b.bank_account_number === null ? '—' : `${b.bank_account_number} · ${b.bank_ifsc ?? ''}`}</td><td>${b.vpa ?? '—'}</td><td>${badge(b.status)}</td><td>${readableIst(b.added_on)}</td></tr>`,
)}
</table></div>`;
}

/** A batch as listed: its id, status and how many transfers it holds. */
export interface BatchSummary {
  row: BatchRow;
  status: string;
  transfers: number;
  amount: number;
}

/** Batches with their status, size and total. */
export function batchesTable(batches: readonly BatchSummary[]): Html {
  if (batches.length === 0) return html`<p class="muted">No batch transfers yet.</p>`;
  return html`<div class="scroll"><table class="list" data-testid="payout-batches">
<tr><th>Batch</th><th>Status</th><th>Transfers</th><th>Total</th><th>Created</th></tr>
${batches.map(
  (b) =>
    html`<tr><td>${batchLink(b.row.batch_transfer_id)}<br><span class="muted">${b.row.cf_batch_transfer_id}</span></td><td>${badge(b.status)}</td><td>${b.transfers}</td><td>${formatInrFromPaise(b.amount)}</td><td>${readableIst(b.row.added_on)}</td></tr>`,
)}
</table></div>`;
}
