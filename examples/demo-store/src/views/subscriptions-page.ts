/**
 * `GET /admin/subscriptions`: every "Tea of the month" subscription with its status, its mandate,
 * when it is next charged, and each charge as Cashfree's webhooks report it; Pause, Resume and
 * Cancel (`subscriptions.manage`) and "Ask Cashfree now" (`subscriptions.get` and its payments).
 * On the local sandbox a button moves the sandbox's clock a month, so a renewal lands in seconds.
 */
import type { ShopCharge, ShopSubscription } from '../db/subscriptions.js';
import { TEA_PLAN } from '../subscriptions/tea-plan.js';
import { badge, formatInr, formatTime } from './format.js';
import { html, type SafeHtml, trusted } from './html.js';
import { page, type ShopInfo } from './layout.js';
import { teaPlanPrice } from './subscription-page.js';
import { mandateName } from './subscription-return-page.js';
import { dataTable } from './table.js';

export interface SubscriptionsPageInput {
  info: ShopInfo;
  subscriptions: Array<{ subscription: ShopSubscription; charges: ShopCharge[] }>;
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

function chargesTable(charges: ShopCharge[]): SafeHtml {
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
        html`<code>${c.payment_id}</code>`,
        html`<span class="small">${formatTime(c.scheduled_at)}</span>`,
        html`<div>${badge(c.status)}${c.failure_reason ? html`<div class="small muted">${c.failure_reason}</div>` : ''}${c.retry_attempts > 0 ? html`<div class="small muted">retried ${c.retry_attempts}×</div>` : ''}</div>`,
        html`<code class="small">${c.via}</code>`,
        formatInr(c.amount_paise),
      ],
    })),
  );
}

function subscriptionCard(subscription: ShopSubscription, charges: ShopCharge[]): SafeHtml {
  const s = subscription;
  const next = s.status === 'ACTIVE' && s.next_charge_at !== null ? formatTime(s.next_charge_at) : '—';
  return html`<section class="card" id="${s.subscription_id}" data-testid="subscription" data-subscription-id="${s.subscription_id}" data-status="${s.status}">
<h2><code>${s.subscription_id}</code></h2>
<dl class="kv">
<dt>Status</dt><dd data-testid="subscription-status">${badge(s.status)} <span class="small muted">learnt from ${s.status_via === 'webhook' ? 'a webhook' : 'Cashfree’s answer'}, ${formatTime(s.updated_at)}</span></dd>
<dt>Customer</dt><dd>${s.customer_name} · ${s.customer_email} · ${s.customer_phone}</dd>
<dt>Mandate</dt><dd>${s.mandate_method ? mandateName(s.mandate_method) : 'not approved yet'}</dd>
<dt>Next charge</dt><dd data-testid="next-charge">${next}</dd>
<dt>Plan</dt><dd>${formatInr(s.amount_paise)} a month · <code>${s.plan_id}</code></dd>
</dl>
<div class="actions">${actionsFor(s.status).map((action) => button(s.subscription_id, action))}${button(s.subscription_id, 'refresh')}</div>
<h3>Charges</h3>
${chargesTable(charges)}
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
    : input.subscriptions.map(({ subscription, charges }) => subscriptionCard(subscription, charges))
}`;
  const watch = input.watch ?? 0;
  // After a clock move the charges' webhooks arrive within seconds: look again a few times.
  const head =
    watch > 0
      ? trusted(`<meta http-equiv="refresh" content="2;url=${subscriptionsHref}?watch=${watch - 1}">`)
      : html``;
  return page({ title: 'Subscriptions', info: input.info, section: 'subscriptions', body, head });
}
