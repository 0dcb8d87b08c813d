/**
 * The dashboard's Payouts pages: the overview (balance, 2FA key, beneficiaries, transfers,
 * batches), one transfer, one beneficiary, one batch, and the summary card of the home page.
 */
import { formatInr, formatInrFromPaise } from 'cashfree-kit';
import { type Html, html } from '../checkout/html.js';
import { badge, row } from '../checkout/layout.js';
import type { BeneficiaryRow } from '../store/payouts/beneficiaries.js';
import type { TransferRow } from '../store/payouts/transfers.js';
import { copyButton, type DashboardHeader, dashboardPage } from './pages.js';
import {
  type BatchSummary,
  batchesTable,
  batchLink,
  beneficiariesTable,
  transferBeneficiary,
  transfersTable,
} from './payouts-tables.js';
import { readableIst } from './readable-time.js';

/** What the Payouts overview shows besides the tables. */
export interface PayoutsSettingsView {
  /** Paise. */
  balance: number;
  apiBase: string;
  clientId: string;
  /** Rupees; transfers of at least this much wait for approval. */
  approvalThreshold: number | undefined;
  /** The 2FA public key (PEM) when 2FA is on. */
  publicKey: string | undefined;
  windowSeconds: number;
}

function json(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

function twoFactorCard(s: PayoutsSettingsView): Html {
  if (s.publicKey === undefined) {
    return html`<section class="card" data-testid="payouts-2fa"><h2>2FA</h2>
<p class="muted">Off, as in Cashfree's sandbox: requests need no <code>x-cf-signature</code>. Start the sandbox with <code>payouts: { twoFactor: true }</code> or <code>CASHFREE_SANDBOX_PAYOUTS_2FA=1</code> to test signing.</p></section>`;
  }
  return html`<section class="card" data-testid="payouts-2fa"><h2>2FA public key</h2>
<p>Every <code>/payout</code> request must carry <code>x-cf-signature</code> made with this key, at most ${s.windowSeconds} s old. Give it to the SDK as <code>publicKey</code> or <code>CASHFREE_PAYOUTS_PUBLIC_KEY</code>.</p>
<pre data-testid="payouts-public-key">${s.publicKey}</pre>
<div class="actions" style="justify-content:flex-start">${copyButton('public key', s.publicKey, 'Copy public key')}</div>
</section>`;
}

/** The home page's Payouts card: balance, counts and the way to the Payouts page. */
export function payoutsSummaryCard(
  balance: number,
  counts: { transfers: number; beneficiaries: number },
): Html {
  return html`<section class="card" data-testid="payouts-summary"><h2>Payouts</h2>
${row('Balance', formatInrFromPaise(balance))}
${row('Transfers', counts.transfers)}
${row('Beneficiaries', counts.beneficiaries)}
<p><a href="/_sandbox/payouts">Beneficiaries, transfers, batches and the balance →</a></p></section>`;
}

/** The Payouts overview. */
export function payoutsPage(
  h: DashboardHeader,
  data: {
    settings: PayoutsSettingsView;
    beneficiaries: readonly BeneficiaryRow[];
    transfers: readonly TransferRow[];
    batchOf: (row: TransferRow) => string | undefined;
    batches: readonly BatchSummary[];
  },
): Html {
  const s = data.settings;
  return dashboardPage(
    'Payouts',
    h,
    html`<div style="display:grid;gap:14px;grid-template-columns:repeat(auto-fit,minmax(300px,1fr))">
<section class="card" data-testid="payouts-balance"><h2>Balance ${formatInrFromPaise(s.balance)}</h2>
${row('API base', html`<code>${s.apiBase}</code>`)}
${row('Client id', html`<code>${s.clientId}</code>`)}
${row('Approval', s.approvalThreshold === undefined ? 'none needed' : `transfers of ${formatInr(s.approvalThreshold)} or more wait for approval`)}
<p class="muted">Top up: <code>POST /_sandbox/payouts/balance/topup {"amount"}</code>. A successful transfer takes its amount, a service charge and 18% tax on it.</p>
</section>
${twoFactorCard(s)}</div>
<section class="card"><h2>Transfers</h2>${transfersTable(data.transfers, data.batchOf)}</section>
<section class="card"><h2>Batch transfers</h2>${batchesTable(data.batches)}</section>
<section class="card"><h2>Beneficiaries</h2>${beneficiariesTable(data.beneficiaries)}</section>`,
    'Payouts',
  );
}

/** One transfer: its status and codes, amount and charges, beneficiary, batch and times. */
export function transferPage(
  h: DashboardHeader,
  data: { transfer: TransferRow; entity: Record<string, unknown>; batch: string | undefined },
): Html {
  const t = data.transfer;
  const admin = `/_sandbox/payouts/transfers/${encodeURIComponent(t.transfer_id)}`;
  const charge = t.service_charge === null ? '—' : formatInrFromPaise(t.service_charge);
  const tax = t.service_tax === null ? '—' : formatInrFromPaise(t.service_tax);
  return dashboardPage(
    t.transfer_id,
    h,
    html`<section class="card" data-testid="payout-transfer" data-transfer-id="${t.transfer_id}">
<h2>Transfer ${t.transfer_id} ${badge(t.status)}</h2>
${row('Status code', html`${t.status_code} <span class="muted">${t.status_description}</span>`)}
${row('Amount', formatInrFromPaise(t.amount))}
${row('Service charge / tax', `${charge} / ${tax}`)}
${row('Beneficiary', transferBeneficiary(t))}
${row('Batch', data.batch === undefined ? '—' : batchLink(data.batch))}
${row('Mode', t.mode)}
${row('UTR', t.utr ?? '—')}
${row('cf_transfer_id', t.cf_transfer_id)}
${row('Created', readableIst(t.added_on))}
${row('Updated', readableIst(t.updated_on))}
${
  t.status === 'APPROVAL_PENDING'
    ? html`<div class="actions" style="justify-content:flex-start"><button type="button" class="small" data-action="post" data-label="Approving" data-path="${admin}/approve">Approve</button> <button type="button" class="small secondary" data-action="post" data-label="Rejecting" data-path="${admin}/reject">Reject</button></div>`
    : ''
}
<details><summary>Transfer entity (GET /payout/transfers?transfer_id=${t.transfer_id})</summary><pre>${json(data.entity)}</pre></details>
</section>
<p><a href="/_sandbox/payouts">← all Payouts</a></p>`,
    'Payouts',
  );
}

/** One saved beneficiary and the transfers made to it. */
export function beneficiaryPage(
  h: DashboardHeader,
  data: {
    beneficiary: BeneficiaryRow;
    transfers: readonly TransferRow[];
    batchOf: (row: TransferRow) => string | undefined;
  },
): Html {
  const b = data.beneficiary;
  return dashboardPage(
    b.beneficiary_id,
    h,
    html`<section class="card" data-testid="payout-beneficiary">
<h2>Beneficiary ${b.beneficiary_id} ${badge(b.status)}</h2>
${row('Name', b.beneficiary_name)}
${row('Account', b.bank_account_number === null ? '—' : `${b.bank_account_number} · ${b.bank_ifsc ?? ''}`)}
${row('UPI id', b.vpa ?? '—')}
${row('Added', readableIst(b.added_on))}
</section>
<section class="card"><h2>Transfers to ${b.beneficiary_id}</h2>${transfersTable(data.transfers, data.batchOf)}</section>
<p><a href="/_sandbox/payouts">← all Payouts</a></p>`,
    'Payouts',
  );
}

/** One batch and its transfers. */
export function batchPage(
  h: DashboardHeader,
  data: { batch: BatchSummary; transfers: readonly TransferRow[] },
): Html {
  const { row: batch, status } = data.batch;
  return dashboardPage(
    batch.batch_transfer_id,
    h,
    html`<section class="card" data-testid="payout-batch">
<h2>Batch ${batch.batch_transfer_id} ${badge(status)}</h2>
${row('cf_batch_transfer_id', batch.cf_batch_transfer_id)}
${row('Transfers', data.batch.transfers)}
${row('Total', formatInrFromPaise(data.batch.amount))}
${row('Created', readableIst(batch.added_on))}
</section>
<section class="card"><h2>Transfers</h2>${transfersTable(data.transfers, () => batch.batch_transfer_id)}</section>
<p><a href="/_sandbox/payouts">← all Payouts</a></p>`,
    'Payouts',
  );
}
