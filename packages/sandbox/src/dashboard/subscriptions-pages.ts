/**
 * The dashboard's Subscriptions pages: plans and subscriptions (status, plan, next charge on the
 * sandbox clock), one subscription with its payments (AUTH and CHARGEs), scheduled cycles and
 * refunds, and the summary card of the home page.
 */
import { formatInrFromPaise } from 'cashfree-kit';
import { type Html, html } from '../checkout/html.js';
import { badge, row } from '../checkout/layout.js';
import { intervalText } from '../checkout/mandate-page.js';
import type { SubscriptionPaymentRow } from '../store/subscriptions/payments.js';
import type { StoredPlan } from '../store/subscriptions/plans.js';
import type { SubscriptionRefundRow } from '../store/subscriptions/refunds.js';
import type { SubscriptionRow } from '../store/subscriptions/subscriptions.js';
import { maskCardNumber } from '../test-instruments/cards.js';
import type { MandateInstrument } from '../validation/subscriptions.js';
import { type DashboardHeader, dashboardPage } from './pages.js';
import { readableIst } from './readable-time.js';

const none = html`<span class="muted">—</span>`;
const when = (ms: number | null) => (ms === null ? none : readableIst(ms));

/** A link to a subscription's page. */
export const subscriptionLink = (subscriptionId: string) =>
  html`<a href="/_sandbox/subscriptions/${encodeURIComponent(subscriptionId)}">${subscriptionId}</a>`;

/** `₹499.00 every month`, or `on demand, up to ₹1,000.00`. */
export function planTerms(plan: StoredPlan): string {
  return plan.plan_type === 'PERIODIC'
    ? `${formatInrFromPaise(plan.recurring_amount ?? 0)} ${intervalText(plan)}`
    : `on demand, up to ${formatInrFromPaise(plan.max_amount)}`;
}

/** The mandate's instrument as the dashboard may show it: a card number masked. */
export function instrumentText(instrument: MandateInstrument | null): string {
  if (!instrument) return '—';
  const reference =
    instrument.method === 'card'
      ? maskCardNumber(instrument.reference)
      : instrument.method === 'upi'
        ? instrument.reference
        : `account ending ${instrument.reference.slice(-4)}`;
  return `${instrument.method} · ${reference}`;
}

/** A subscription as the list shows it. */
export interface SubscriptionListItem {
  row: SubscriptionRow;
  plan: StoredPlan;
  customer: string;
  instrument: MandateInstrument | null;
}

/** A stored plan and how many subscriptions run on it. */
export interface PlanListItem {
  plan: StoredPlan;
  subscriptions: number;
}

/** The home page's Subscriptions card: counts and the way to the Subscriptions page. */
export function subscriptionsSummaryCard(counts: {
  plans: number;
  subscriptions: number;
  active: number;
}): Html {
  return html`<section class="card" data-testid="subscriptions-summary"><h2>Subscriptions</h2>
${row('Plans', counts.plans)}
${row('Subscriptions', counts.subscriptions)}
${row('Active', counts.active)}
<p><a href="/_sandbox/subscriptions">Plans, subscriptions, charges and cycles →</a></p></section>`;
}

function plansTable(plans: readonly PlanListItem[]): Html {
  if (plans.length === 0) {
    return html`<p class="muted">No plans yet. <code>POST /pg/plans</code>, or an inline plan in <code>POST /pg/subscriptions</code>.</p>`;
  }
  return html`<div class="scroll"><table class="list" data-testid="plans">
<tr><th>Plan</th><th>Name</th><th>Type</th><th>Terms</th><th>Max per charge</th><th>Max cycles</th><th>Subscriptions</th></tr>
${plans.map(
  ({ plan, subscriptions }) =>
    html`<tr data-plan="${plan.plan_id}"><td>${plan.plan_id}</td><td>${plan.plan_name}</td><td>${plan.plan_type}</td><td>${planTerms(plan)}</td><td>${formatInrFromPaise(plan.max_amount)}</td><td>${plan.max_cycles ?? '—'}</td><td>${subscriptions}</td></tr>`,
)}
</table></div>`;
}

/** Subscriptions with status, plan, method, next charge and creation time, newest first as given. */
export function subscriptionsTable(items: readonly SubscriptionListItem[]): Html {
  if (items.length === 0) {
    return html`<p class="muted">No subscriptions yet. <code>POST /pg/subscriptions</code>, then authorise the mandate on its checkout or with <code>POST /_sandbox/subscriptions/{id}/authorize</code>.</p>`;
  }
  return html`<div class="scroll"><table class="list" data-testid="subscriptions">
<tr><th>Subscription</th><th>Status</th><th>Plan</th><th>Customer</th><th>Mandate</th><th>Next charge</th><th>Created</th></tr>
${items.map(
  (s) =>
    html`<tr data-subscription="${s.row.subscription_id}"><td>${subscriptionLink(s.row.subscription_id)}<br><span class="muted">${s.row.cf_subscription_id}</span></td><td>${badge(s.row.status)}</td><td>${s.plan.plan_name}<br><span class="muted">${planTerms(s.plan)}</span></td><td>${s.customer}</td><td>${instrumentText(s.instrument)}</td><td>${s.row.status === 'ACTIVE' ? when(s.row.next_debit_at) : none}</td><td>${readableIst(s.row.created_at)}</td></tr>`,
)}
</table></div>`;
}

/** The Subscriptions overview: plans and subscriptions. */
export function subscriptionsPage(
  h: DashboardHeader,
  data: { plans: readonly PlanListItem[]; subscriptions: readonly SubscriptionListItem[] },
): Html {
  return dashboardPage(
    'Subscriptions',
    h,
    html`<section class="card"><h2>Subscriptions</h2>${subscriptionsTable(data.subscriptions)}</section>
<section class="card"><h2>Plans</h2>${plansTable(data.plans)}</section>`,
    'Subscriptions',
  );
}

/** A cycle still to come: its number and debit time. */
export interface ScheduledCycle {
  cycle: number;
  debitAt: number;
}

function paymentsTable(payments: readonly SubscriptionPaymentRow[]): Html {
  if (payments.length === 0)
    return html`<p class="muted">No payments yet: the mandate is not authorised.</p>`;
  return html`<div class="scroll"><table class="list" data-testid="subscription-payments">
<tr><th>Payment</th><th>Type</th><th>Status</th><th>Amount</th><th>Cycle</th><th>Scheduled</th><th>Retries</th><th>Failure</th><th>Created</th><th>Updated</th></tr>
${payments.map(
  (p) =>
    html`<tr data-payment="${p.payment_id}"><td class="wrap">${p.payment_id}<br><span class="muted">${p.cf_payment_id}</span></td><td>${p.payment_type}</td><td>${badge(p.status)}</td><td>${formatInrFromPaise(p.amount)}</td><td>${p.cycle ?? '—'}</td><td>${when(p.schedule_at)}</td><td>${p.retry_attempts}</td><td>${p.failure_reason ?? '—'}</td><td>${readableIst(p.created_at)}</td><td>${readableIst(p.updated_at)}</td></tr>`,
)}
</table></div>`;
}

function refundsTable(refunds: readonly SubscriptionRefundRow[], paymentIdOf: (cf: number) => string): Html {
  if (refunds.length === 0) return html`<p class="muted">No refunds.</p>`;
  return html`<div class="scroll"><table class="list" data-testid="subscription-refunds">
<tr><th>Refund</th><th>Charge</th><th>Status</th><th>Amount</th><th>Speed</th><th>Note</th><th>Created</th><th>Processed</th></tr>
${refunds.map(
  (r) =>
    html`<tr data-refund="${r.refund_id}"><td class="wrap">${r.refund_id}<br><span class="muted">${r.cf_refund_id}</span></td><td>${paymentIdOf(r.cf_payment_id)}</td><td>${badge(r.status)}</td><td>${formatInrFromPaise(r.amount)}</td><td>${r.speed}</td><td>${r.note ?? '—'}</td><td>${readableIst(r.created_at)}</td><td>${when(r.processed_at)}</td></tr>`,
)}
</table></div>`;
}

function cyclesCard(sub: SubscriptionRow, plan: StoredPlan, cycles: readonly ScheduledCycle[]): Html {
  let body: Html;
  if (plan.plan_type !== 'PERIODIC') {
    body = html`<p class="muted">An ON_DEMAND plan has no cycles: the merchant raises each charge with <code>POST /pg/subscriptions/pay</code> (CHARGE).</p>`;
  } else if (cycles.length === 0) {
    body = html`<p class="muted">No cycle is to come (${sub.status === 'INITIALIZED' ? 'the mandate is not authorised yet' : `the subscription is ${sub.status}`}).</p>`;
  } else {
    body = html`${sub.status === 'ACTIVE' ? '' : html`<p class="muted">The subscription is ${sub.status}: these run once it is ACTIVE again.</p>`}
<div class="scroll"><table class="list" data-testid="subscription-cycles">
<tr><th>Cycle</th><th>Debit</th><th>Amount</th></tr>
${cycles.map((c) => html`<tr><td>${c.cycle}</td><td>${readableIst(c.debitAt)}</td><td>${formatInrFromPaise(plan.recurring_amount ?? 0)}</td></tr>`)}
</table></div>
${sub.cycle_due_at !== null && sub.status === 'ACTIVE' ? html`<p class="muted">The next cycle's work starts ${readableIst(sub.cycle_due_at)} (UPI Autopay sends its pre-debit notification a day ahead). Advance the clock to run it.</p>` : ''}`;
  }
  return html`<section class="card" data-testid="cycles"><h2>Scheduled cycles</h2>${body}</section>`;
}

function json(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

/** One subscription: its fields, mandate, scheduled cycles, payments and refunds. */
export function subscriptionPage(
  h: DashboardHeader,
  data: {
    sub: SubscriptionRow;
    plan: StoredPlan;
    customer: string;
    instrument: MandateInstrument | null;
    returnUrl: string | null;
    entity: Record<string, unknown>;
    payments: readonly SubscriptionPaymentRow[];
    refunds: readonly SubscriptionRefundRow[];
    cycles: readonly ScheduledCycle[];
  },
): Html {
  const { sub, plan } = data;
  const auth = data.payments.find((p) => p.cf_payment_id === sub.auth_payment_id);
  const paymentIds = new Map(data.payments.map((p) => [p.cf_payment_id, p.payment_id]));
  return dashboardPage(
    sub.subscription_id,
    h,
    html`<section class="card" data-testid="subscription" data-subscription-id="${sub.subscription_id}">
<h2>Subscription ${sub.subscription_id} ${badge(sub.status)}</h2>
${row('cf_subscription_id', sub.cf_subscription_id)}
${row('Plan', html`${plan.plan_name} <span class="muted">(${plan.plan_id}, ${plan.plan_type})</span>`)}
${row('Terms', planTerms(plan))}
${row('Max per charge', formatInrFromPaise(plan.max_amount))}
${row('Cycles started', plan.max_cycles === null ? sub.cycles_started : `${sub.cycles_started} of ${plan.max_cycles}`)}
${row('Customer', data.customer)}
${row('Mandate', instrumentText(data.instrument))}
${row('Authorisation', auth ? html`${badge(auth.status)} ${auth.payment_id}` : 'not requested')}
${row('Next charge', sub.status === 'ACTIVE' ? when(sub.next_debit_at) : none)}
${row('First charge', when(sub.first_charge_at))}
${row('Expires', readableIst(sub.expires_at))}
${row('Return URL', data.returnUrl ?? '—')}
${row('Created', readableIst(sub.created_at))}
${row('Updated', readableIst(sub.updated_at))}
${sub.status === 'INITIALIZED' ? html`<p><a href="/subscriptions/checkout?session=${encodeURIComponent(sub.session_id)}">Open the mandate checkout →</a></p>` : ''}
<details><summary>Subscription entity (GET /pg/subscriptions/${sub.subscription_id})</summary><pre>${json(data.entity)}</pre></details>
</section>
${cyclesCard(sub, plan, data.cycles)}
<section class="card"><h2>Payments</h2>${paymentsTable(data.payments)}</section>
<section class="card"><h2>Refunds</h2>${refundsTable(data.refunds, (cf) => paymentIds.get(cf) ?? String(cf))}</section>
<p><a href="/_sandbox/subscriptions">← all subscriptions</a></p>`,
    'Subscriptions',
  );
}
