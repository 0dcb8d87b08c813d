/**
 * `GET /tea-of-the-month/return?subscription_id=`: where the mandate page sends the customer back.
 * What it says comes from the subscription as Cashfree reported it to the server
 * (`subscriptions.get`), never from the address the browser arrived on.
 */
import type { SubscriptionEntity } from 'cashfree-kit';
import type { ShopSubscription } from '../db/subscriptions.js';
import { TEA_PLAN } from '../subscriptions/tea-plan.js';
import { badge, formatTime } from './format.js';
import { html, type SafeHtml, trusted } from './html.js';
import { page, type ShopInfo } from './layout.js';
import { cashfreeScript } from './product-page.js';
import { MANDATE_SCRIPT, teaPlanPrice } from './subscription-page.js';

/** What the customer is told, from the subscription's status and its mandate's. */
export type SubscriptionOutcome =
  | 'active'
  | 'bank'
  | 'declined'
  | 'unapproved'
  | 'paused'
  | 'on-hold'
  | 'ended'
  | 'expired';

export function outcomeOfSubscription(subscription: SubscriptionEntity): SubscriptionOutcome {
  const mandate = subscription.authorization_details ?? subscription.authorisation_details;
  switch (subscription.subscription_status) {
    case 'ACTIVE':
      return 'active';
    case 'BANK_APPROVAL_PENDING':
      return 'bank';
    case 'INITIALIZED':
      return mandate?.authorization_status === 'FAILED' ? 'declined' : 'unapproved';
    case 'PAUSED':
    case 'CUSTOMER_PAUSED':
      return 'paused';
    case 'ON_HOLD':
      return 'on-hold';
    case 'EXPIRED':
    case 'LINK_EXPIRED':
    case 'CARD_EXPIRED':
      return 'expired';
    default:
      return 'ended';
  }
}

/** Shown as the mandate's instrument: "UPI Autopay", "card". */
export function mandateName(method: string | null | undefined): string {
  switch (method) {
    case 'upi':
      return 'UPI Autopay';
    case 'card':
      return 'card standing instruction';
    case 'enach':
      return 'e-NACH mandate';
    case 'pnach':
      return 'physical NACH mandate';
    default:
      return 'mandate';
  }
}

const HEADLINES: Record<SubscriptionOutcome, { icon: string; tone: string; title: string }> = {
  active: { icon: '✓', tone: 'paid', title: 'You are subscribed. Thank you!' },
  bank: { icon: '…', tone: 'pending', title: 'Waiting for your bank to approve the mandate' },
  declined: { icon: '!', tone: 'failed', title: 'The mandate was not approved' },
  unapproved: { icon: '…', tone: 'unpaid', title: 'The mandate is not approved yet' },
  paused: { icon: '‖', tone: 'pending', title: 'This subscription is paused' },
  'on-hold': { icon: '!', tone: 'failed', title: 'This subscription is on hold' },
  ended: { icon: '×', tone: 'expired', title: 'This subscription has ended' },
  expired: { icon: '×', tone: 'expired', title: 'This subscription link has expired' },
};

function heroText(outcome: SubscriptionOutcome, shop: ShopSubscription): SafeHtml {
  const first = shop.customer_name.split(' ')[0] || 'Thank you';
  const next = shop.next_charge_at === null ? 'a month from now' : formatTime(shop.next_charge_at);
  switch (outcome) {
    case 'active':
      return html`${first}, your first tin ships within 2 days. ${teaPlanPrice()} is charged from your ${mandateName(shop.mandate_method)} on <strong data-testid="next-charge">${next}</strong>, then every month. Receipts go to ${shop.customer_email}.`;
    case 'bank':
      return html`Your bank has the mandate and has not answered yet. Nothing has been charged; this page checks again every few seconds.`;
    case 'declined':
      return html`Your bank or UPI app declined the mandate, so nothing was charged. You can try again, with another UPI ID or card.`;
    case 'unapproved':
      return html`The mandate page was closed before the mandate was approved. Nothing was charged; approve it to start your subscription.`;
    case 'paused':
      return html`No charges are taken while it is paused. Write to us to resume it.`;
    case 'on-hold':
      return html`The last monthly charge did not go through. We will try again; write to us if your UPI ID or card changed.`;
    case 'ended':
      return html`No more charges will be taken. Thank you for drinking our tea.`;
    case 'expired':
      return html`The mandate was not approved in time, so nothing was charged. Subscribe again to start over.`;
  }
}

export interface SubscriptionReturnInput {
  info: ShopInfo;
  scriptUrl: string;
  shop: ShopSubscription;
  subscription: SubscriptionEntity;
}

export function subscriptionReturnPage(input: SubscriptionReturnInput): SafeHtml {
  const { shop, subscription } = input;
  const outcome = outcomeOfSubscription(subscription);
  const { icon, tone, title } = HEADLINES[outcome];
  const canApprove = outcome === 'declined' || outcome === 'unapproved';
  const mandate = subscription.authorization_details ?? subscription.authorisation_details;
  const actions = canApprove
    ? html`<div class="actions" style="justify-content:center"><button class="primary" id="approve-mandate" data-session="${shop.session_id}">${outcome === 'declined' ? 'Try again' : 'Approve the mandate'}</button><a class="button secondary" href="/tea-of-the-month">Back to the offer</a></div>`
    : html`<a class="button secondary" href="/">Back to the shop</a>`;
  const body = html`<section class="card hero ${tone}" data-testid="subscription-outcome" data-outcome="${outcome}">
<div class="icon" aria-hidden="true">${icon}</div>
<h1>${title}</h1>
<p>${heroText(outcome, shop)}</p>
${actions}
<div id="subscribe-message" role="status" hidden></div>
</section>
<section class="card"><h2>${TEA_PLAN.name}</h2><dl class="facts">
<dt>Subscription</dt><dd><code data-testid="subscription-id">${subscription.subscription_id}</code></dd>
<dt>Plan</dt><dd>${teaPlanPrice()} · <code>${TEA_PLAN.plan_id}</code></dd>
<dt>Cashfree says</dt><dd data-testid="cashfree-status">${badge(subscription.subscription_status)}</dd>
<dt>Mandate</dt><dd>${mandate?.authorization_status ? badge(mandate.authorization_status) : '—'} ${mandate?.payment_method ? mandateName(mandate.payment_method) : ''}</dd>
<dt>Customer</dt><dd>${shop.customer_name} · ${shop.customer_phone}</dd>
</dl>
<p class="small muted">This page asked Cashfree for the subscription from the shop's server (<code>subscriptions.get</code>); the address your browser came back on decides nothing.</p></section>
${canApprove ? html`<script>${trusted(MANDATE_SCRIPT)}</script>` : ''}`;
  const head = html`${cashfreeScript(input.scriptUrl)}${outcome === 'bank' ? trusted('<meta http-equiv="refresh" content="3">') : ''}`;
  return page({ title: TEA_PLAN.name, info: input.info, section: 'shop', body, head });
}
