/**
 * `GET /admin/subscriptions`: every "Tea of the month" subscription with its status, its mandate,
 * when it is next charged, and each charge and refund as Cashfree's webhooks report them; Pause,
 * Resume and Cancel (`subscriptions.manage`), "Charge now" (`subscriptions.payments.create`),
 * "Refund" of a charge (`subscriptions.refunds.create`) and "Ask Cashfree now" (`subscriptions.get`
 * and its payments). On the local sandbox buttons move the sandbox's clock a month, or to a
 * charge's date, so a renewal or a charge on demand lands in seconds.
 */
import { formatInrFromPaise, paiseToRupees } from 'cashfree-kit';
import type { ShopCharge, ShopSubscription, ShopSubscriptionRefund } from '../db/subscriptions.js';
import { chargeLeadDays } from '../subscriptions/charge-date.js';
import { planMaxPaise, TEA_PLAN } from '../subscriptions/tea-plan.js';
import { badge, formatTime } from './format.js';
import { html, type SafeHtml, trusted } from './html.js';
import { page, type ShopInfo } from './layout.js';
import { teaPlanPrice } from './subscription-page.js';
import { mandateName } from './subscription-return-page.js';
import { dataTable } from './table.js';

export interface SubscriptionsPageInput {
  info: ShopInfo;
  subscriptions: Array<{
    subscription: ShopSubscription;
    charges: ShopCharge[];
    refunds: ShopSubscriptionRefund[];
    /** What is left to refund of each SUCCESS charge, by payment_id. */
    refundable: Record<string, number>;
  }>;
  /** Where Cashfree sends the subscription webhooks, and how it learns that. */
  webhookUrl: string | undefined;
  webhookNote: string;
  /** Set on the local sandbox: the clock button is shown. */
  sandboxClock: boolean;
  /** Refreshes left after a clock move, while the webhooks it caused arrive. */
  watch?: number | undefined;
  notice?: string | undefined;
  error?: string | undefined;
}

export const subscriptionsHref = '/admin/subscriptions';
const actionHref = (id: string, action: string) => `${subscriptionsHref}/${encodeURIComponent(id)}/${action}`;

/** Which owner's actions a subscription in `status` takes (Cashfree refuses the others). */
export function actionsFor(status: string): Array<'pause' | 'resume' | 'cancel'> {
  switch (status) {
    case 'ACTIVE':
      return ['pause', 'cancel'];
    case 'PAUSED':
    case 'ON_HOLD':
      return ['resume', 'cancel'];
    case 'INITIALIZED':
    case 'BANK_APPROVAL_PENDING':
    case 'CUSTOMER_PAUSED':
      return ['cancel'];
    default:
      return [];
  }
}

const LABELS = { pause: 'Pause', resume: 'Resume', cancel: 'Cancel', refresh: 'Ask Cashfree now' } as const;

function button(id: string, action: keyof typeof LABELS): SafeHtml {
  const style = action === 'refresh' ? 'ghost' : action === 'cancel' ? 'secondary' : 'primary';
  return html`<form method="post" action="${actionHref(id, action)}"><button class="${style}" type="submit" data-action="${action}">${LABELS[action]}</button></form>`;
}

/** A charge not yet debited, which the sandbox clock can be moved to. */
const WAITING: ReadonlySet<string> = new Set(['REQUESTED', 'INITIALIZED', 'PENDING']);

function clockToCharge(c: ShopCharge): SafeHtml {
  const action = `${actionHref(c.subscription_id, 'charges')}/${encodeURIComponent(c.payment_id)}/clock`;
  return html`<form method="post" action="${action}"><button class="ghost" type="submit" data-action="clock-to-charge">Move the sandbox clock to it</button></form>`;
}

function chargesTable(charges: ShopCharge[], sandboxClock: boolean): SafeHtml {
  if (charges.length === 0) {
    return html`<p class="small muted" data-testid="charges-none">No charges yet: the first is due a month after the mandate was approved.</p>`;
  }
  const columns = [
    { label: 'Charge' },
    { label: 'Due' },
    { label: 'Status' },
    { label: 'Learnt by' },
    { label: 'Amount', numeric: true },
  ];
  return dataTable(
    'charges',
    columns,
    charges.map((c) => ({
      attributes: html`data-payment-id="${c.payment_id}" data-status="${c.status}"`,
      cells: [
        html`<div><code>${c.payment_id}</code>${c.on_demand === 1 ? html`<div class="small muted" data-testid="on-demand">charged on demand</div>` : ''}</div>`,
        html`<div><span class="small">${formatTime(c.scheduled_at)}</span>${sandboxClock && c.scheduled_at !== null && WAITING.has(c.status) ? clockToCharge(c) : ''}</div>`,
        html`<div>${badge(c.status)}${c.failure_reason ? html`<div class="small muted">${c.failure_reason}</div>` : ''}${c.retry_attempts > 0 ? html`<div class="small muted">retried ${c.retry_attempts}×</div>` : ''}</div>`,
        html`<code class="small">${c.via}</code>`,
        formatInrFromPaise(c.amount_paise),
      ],
    })),
  );
}

function chargeNowForm(s: ShopSubscription): SafeHtml {
  const max = planMaxPaise();
  const lead = chargeLeadDays(s.mandate_method);
  const when =
    lead > 0
      ? `Debited at the start of the next day in India: Cashfree takes a ${s.mandate_method === 'card' ? 'card' : 'UPI Autopay'} charge ${lead} day ahead or more.`
      : 'Debited as soon as Cashfree presents it to the bank.';
  return html`<form method="post" action="${actionHref(s.subscription_id, 'charge')}" class="stack" data-testid="charge-now-form">
<label>Charge now (₹, up to ${formatInrFromPaise(max)} a charge)<input name="amount" type="number" inputmode="decimal" step="0.01" min="0.01" max="${paiseToRupees(max)}" value="${paiseToRupees(Math.min(s.amount_paise, max))}" required data-testid="charge-amount"></label>
<div class="actions"><button class="primary" type="submit" data-action="charge">Charge now</button></div>
<p class="small muted">${when} Outside the plan's monthly charges; the next charge stays as it is.</p>
</form>`;
}

function refundForm(
  s: ShopSubscription,
  charges: ShopCharge[],
  refundable: Record<string, number>,
): SafeHtml {
  const open = charges.filter((c) => c.status === 'SUCCESS' && (refundable[c.payment_id] ?? 0) > 0);
  if (open.length === 0) return html``;
  return html`<form method="post" action="${actionHref(s.subscription_id, 'refund')}" class="stack" data-testid="refund-form">
<label>Charge to refund<select name="payment_id" data-testid="refund-charge">${open.map(
    (c) =>
      html`<option value="${c.payment_id}">${c.payment_id} · ${formatInrFromPaise(refundable[c.payment_id] ?? 0)} left</option>`,
  )}</select></label>
<label>Amount (₹; empty for all that is left)<input name="amount" type="number" inputmode="decimal" step="0.01" min="0.01" data-testid="refund-amount"></label>
<div class="actions"><button class="secondary" type="submit" data-action="refund">Refund</button></div>
<p class="small muted">The refund starts INITIATED; SUBSCRIPTION_REFUND_STATUS reports its outcome (on the local sandbox after 10 minutes of its clock).</p>
</form>`;
}

function refundsTable(refunds: ShopSubscriptionRefund[]): SafeHtml {
  const columns = [
    { label: 'Refund' },
    { label: 'Of charge' },
    { label: 'Status' },
    { label: 'Learnt by' },
    { label: 'Amount', numeric: true },
  ];
  return dataTable(
    'subscription-refunds',
    columns,
    refunds.map((r) => ({
      attributes: html`data-refund-id="${r.refund_id}" data-status="${r.status}"`,
      cells: [
        html`<div><code>${r.refund_id}</code><div class="small muted">${formatTime(r.created_at)}</div></div>`,
        html`<code class="small">${r.payment_id}</code>`,
        badge(r.status),
        html`<code class="small">${r.via}</code>`,
        formatInrFromPaise(r.amount_paise),
      ],
    })),
  );
}

function subscriptionCard(
  subscription: ShopSubscription,
  charges: ShopCharge[],
  refunds: ShopSubscriptionRefund[],
  refundable: Record<string, number>,
  sandboxClock: boolean,
): SafeHtml {
  const s = subscription;
  const next = s.status === 'ACTIVE' && s.next_charge_at !== null ? formatTime(s.next_charge_at) : '—';
  return html`<section class="card" id="${s.subscription_id}" data-testid="subscription" data-subscription-id="${s.subscription_id}" data-status="${s.status}">
<h2><code>${s.subscription_id}</code></h2>
<dl class="kv">
<dt>Status</dt><dd data-testid="subscription-status">${badge(s.status)} <span class="small muted">learnt from ${s.status_via === 'webhook' ? 'a webhook' : 'Cashfree’s answer'}, ${formatTime(s.updated_at)}</span></dd>
<dt>Customer</dt><dd>${s.customer_name} · ${s.customer_email} · ${s.customer_phone}</dd>
<dt>Mandate</dt><dd>${s.mandate_method ? mandateName(s.mandate_method) : 'not approved yet'}</dd>
<dt>Next charge</dt><dd data-testid="next-charge">${next}</dd>
<dt>Plan</dt><dd>${formatInrFromPaise(s.amount_paise)} a month · <code>${s.plan_id}</code></dd>
</dl>
<div class="actions">${actionsFor(s.status).map((action) => button(s.subscription_id, action))}${button(s.subscription_id, 'refresh')}</div>
${s.status === 'ACTIVE' ? chargeNowForm(s) : ''}
<h3>Charges</h3>
${chargesTable(charges, sandboxClock)}
${refundForm(s, charges, refundable)}
${refunds.length > 0 ? html`<h3>Refunds</h3>${refundsTable(refunds)}` : ''}
</section>`;
}

function clockCard(): SafeHtml {
  return html`<section class="card" data-testid="sandbox-clock"><h2>The local sandbox's clock</h2>
<p class="small muted">On Cashfree a month takes a month. The local sandbox runs on its own clock: move it a month (and an hour, for the debit to settle) and every active subscription's monthly charge is announced, debited and reported by webhook.</p>
<form method="post" action="${subscriptionsHref}/clock"><button class="secondary" type="submit" data-testid="advance-month">Move the sandbox clock a month</button></form></section>`;
}

export function subscriptionsPage(input: SubscriptionsPageInput): SafeHtml {
  const webhooks = input.webhookUrl
    ? html`Subscription webhooks arrive at <code data-testid="subscriptions-webhook-url">${input.webhookUrl}</code>: ${input.webhookNote}`
    : html`${input.webhookNote}`;
  const body = html`<h1>Subscriptions</h1>
<p class="muted">${TEA_PLAN.name}: ${teaPlanPrice()} on the plan <code>${TEA_PLAN.plan_id}</code>. ${webhooks}</p>
${input.notice ? html`<div class="alert info" role="status" data-testid="notice">${input.notice}</div>` : ''}
${input.error ? html`<div class="alert bad" role="alert" data-testid="error">${input.error}</div>` : ''}
${input.sandboxClock ? clockCard() : ''}
${
  input.subscriptions.length === 0
    ? html`<section class="card"><p class="muted" data-testid="subscriptions-none">No subscriptions yet. <a href="/tea-of-the-month">Subscribe to ${TEA_PLAN.name}</a> to see one here.</p></section>`
    : input.subscriptions.map(({ subscription, charges, refunds, refundable }) =>
        subscriptionCard(subscription, charges, refunds, refundable, input.sandboxClock),
      )
}`;
  const watch = input.watch ?? 0;
  // After a clock move the charges' webhooks arrive within seconds: look again a few times.
  const head =
    watch > 0
      ? trusted(`<meta http-equiv="refresh" content="2;url=${subscriptionsHref}?watch=${watch - 1}">`)
      : html``;
  return page({ title: 'Subscriptions', info: input.info, section: 'subscriptions', body, head });
}
