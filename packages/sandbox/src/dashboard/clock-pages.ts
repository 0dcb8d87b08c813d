/**
 * What clock advances ran, on the dashboard: the summary of one advance (transitions by kind,
 * the events they raised, which become webhooks), the Clock page listing recent advances, and the
 * line under the home page's clock buttons.
 */
import { type Html, html } from '../checkout/html.js';
import { row } from '../checkout/layout.js';
import { DAY_MS, HOUR_MS, MINUTE_MS, SECOND_MS } from '../clock/time.js';
import { LINK_EXPIRE } from '../services/links.js';
import { ORDER_EXPIRE } from '../services/orders.js';
import { PAYMENT_RESOLVE, PAYMENT_TIMEOUT } from '../services/payments.js';
import { TRANSFER_STEP } from '../services/payouts/transfers.js';
import { REFUND_PROCESS } from '../services/refunds.js';
import { SETTLEMENT_INITIATE, SETTLEMENT_TRANSFER } from '../services/settlements.js';
import {
  SUBSCRIPTION_AUTH_RESOLVE,
  SUBSCRIPTION_CHARGE_DEBIT,
  SUBSCRIPTION_CHARGE_RESOLVE,
} from '../services/subscriptions/payments.js';
import { SUBSCRIPTION_REFUND_PROCESS } from '../services/subscriptions/refunds.js';
import {
  SUBSCRIPTION_BANK_APPROVAL,
  SUBSCRIPTION_CYCLE,
  SUBSCRIPTION_EXPIRE,
} from '../services/subscriptions/subscriptions.js';
import type { ClockAdvanceRow } from '../store/clock-advances.js';
import { WEBHOOK_RETRY_JOB } from '../webhooks/delivery.js';
import { type DashboardHeader, dashboardPage } from './pages.js';
import { readableIst } from './readable-time.js';

/** What each job kind did, in words; a kind not listed is shown by its name. */
const KIND_LABELS: Record<string, string> = {
  [ORDER_EXPIRE]: 'orders expired',
  [PAYMENT_RESOLVE]: 'pending payments resolved (UPI, test outcomes)',
  [PAYMENT_TIMEOUT]: 'payments timed out',
  [REFUND_PROCESS]: 'refunds processed',
  [LINK_EXPIRE]: 'payment links expired',
  [SETTLEMENT_INITIATE]: 'settlement cycles initiated',
  [SETTLEMENT_TRANSFER]: 'settlements transferred',
  [TRANSFER_STEP]: 'Payouts transfer steps',
  [WEBHOOK_RETRY_JOB]: 'webhook retries woken',
  [SUBSCRIPTION_CYCLE]: 'subscription cycles started',
  [SUBSCRIPTION_EXPIRE]: 'subscriptions expired unauthorised',
  [SUBSCRIPTION_AUTH_RESOLVE]: 'mandate authorisations resolved',
  [SUBSCRIPTION_BANK_APPROVAL]: 'bank mandates approved',
  [SUBSCRIPTION_CHARGE_DEBIT]: 'subscription charges debited',
  [SUBSCRIPTION_CHARGE_RESOLVE]: 'subscription charges resolved',
  [SUBSCRIPTION_REFUND_PROCESS]: 'subscription refunds processed',
};

/** A job kind in words. */
export function kindLabel(kind: string): string {
  return KIND_LABELS[kind] ?? kind;
}

/** `1 day 2 h 30 min`: how far an advance moved the clock. */
export function spanText(ms: number): string {
  const parts: string[] = [];
  let rest = ms;
  for (const [unit, size] of [
    ['day', DAY_MS],
    ['h', HOUR_MS],
    ['min', MINUTE_MS],
    ['s', SECOND_MS],
  ] as const) {
    const n = Math.floor(rest / size);
    if (n > 0) parts.push(unit === 'day' ? `${n} day${n > 1 ? 's' : ''}` : `${n} ${unit}`);
    rest -= n * size;
  }
  if (rest > 0 || parts.length === 0) parts.push(`${rest} ms`);
  return parts.join(' ');
}

function counts(text: string): Array<[string, number]> {
  return Object.entries(JSON.parse(text) as Record<string, number>);
}

const total = (entries: Array<[string, number]>) => entries.reduce((sum, [, n]) => sum + n, 0);

/** One advance in a line: how far, and how much ran. */
export function advanceLine(a: ClockAdvanceRow): Html {
  const ran = total(counts(a.ran));
  const events = total(counts(a.events));
  return html`<a href="/_sandbox/advances/${a.id}">+${spanText(a.to_at - a.from_at)}</a> to ${readableIst(a.to_at)}: ${ran} transition${ran === 1 ? '' : 's'} ran, ${events} event${events === 1 ? '' : 's'} raised`;
}

/** What one advance ran, by kind, and the events (webhooks) it raised, by type. */
export function advanceDetails(a: ClockAdvanceRow): Html {
  const ran = counts(a.ran);
  const failed = counts(a.failed);
  const events = counts(a.events);
  const list = (entries: Array<[string, number]>, label: (k: string) => Html | string, testId: string) =>
    html`<ul data-testid="${testId}">${entries.map(([k, n]) => html`<li data-kind="${k}"><b>${n}</b> ${label(k)}</li>`)}</ul>`;
  return html`<section class="card" data-testid="advance" data-advance="${a.id}">
<h2>Clock advanced +${spanText(a.to_at - a.from_at)}</h2>
${row('From', readableIst(a.from_at))}
${row('To', readableIst(a.to_at))}
<h2>What ran</h2>
${ran.length === 0 ? html`<p class="muted">Nothing was due.</p>` : list(ran, (k) => html`${kindLabel(k)} <span class="muted">${k}</span>`, 'advance-ran')}
${failed.length === 0 ? '' : html`<h2>Failed (dropped; the sandbox's log has the error)</h2>${list(failed, kindLabel, 'advance-failed')}`}
<h2>Events raised</h2>
${
  events.length === 0
    ? html`<p class="muted">No events: no webhooks were queued.</p>`
    : html`${list(events, (t) => t, 'advance-events')}<p class="muted">Each event is sent to every webhook endpoint that takes it, and to the order's or link's notify_url: see <a href="/_sandbox/deliveries">Webhooks</a>.</p>`
}
</section>`;
}

/** The Clock page: recent advances, newest first. */
export function advancesPage(h: DashboardHeader, advances: readonly ClockAdvanceRow[], clock: Html): Html {
  return dashboardPage(
    'Clock',
    h,
    html`${clock}<section class="card" data-testid="advances"><h2>Clock advances</h2>${
      advances.length === 0
        ? html`<p class="muted">The clock has not been advanced yet.</p>`
        : html`<ul>${advances.map((a) => html`<li data-advance="${a.id}">${readableIst(a.from_at)}: ${advanceLine(a)}</li>`)}</ul>`
    }</section>`,
    'Clock',
  );
}

/** One advance. */
export function advancePage(h: DashboardHeader, a: ClockAdvanceRow): Html {
  return dashboardPage(
    `Clock advance ${a.id}`,
    h,
    html`${advanceDetails(a)}<p><a href="/_sandbox/advances">← all clock advances</a></p>`,
    'Clock',
  );
}
