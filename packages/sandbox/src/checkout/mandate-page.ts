/**
 * The hosted mandate pages: the subscription checkout a customer reaches through
 * `cashfree.subscriptionsCheckout()`, one step page per method (the UPI app's approval, the bank's
 * e-NACH page, the card issuer's OTP), and the pages that end the checkout.
 */

import { formatInrFromPaise } from 'cashfree-kit';
import { TEST_CARD_OTP } from '../state/payment-machine.js';
import type { SubscriptionPaymentRow } from '../store/subscriptions/payments.js';
import type { StoredPlan } from '../store/subscriptions/plans.js';
import type { SubscriptionRow } from '../store/subscriptions/subscriptions.js';
import { maskCardNumber } from '../test-instruments/cards.js';
import {
  DEBIT_FAILING_ACCOUNT_SUFFIX,
  DEBIT_FAILING_VPA,
  REJECTED_ACCOUNT_SUFFIX,
} from '../test-instruments/mandates.js';
import { TEST_BANK } from '../test-instruments/netbanking.js';
import type { MandateInstrument } from '../validation/subscriptions.js';
import { type Flow, flowInputs } from './flow.js';
import { type Html, html, scriptJson } from './html.js';
import { badge, page, row } from './layout.js';
import type { MandateReturnFields } from './mandate-return.js';
import type { MODAL_MESSAGE_SOURCE } from './result-pages.js';

/** The methods the hosted page offers (a physical NACH mandate needs a signed paper form instead). */
export const HOSTED_MANDATE_METHODS = ['upi', 'enach', 'card'] as const;
export type HostedMandateMethod = (typeof HOSTED_MANDATE_METHODS)[number];

/** What the customer typed, to show again beside an error. */
export type MandateFormValues = Partial<Record<string, string>>;

const UNITS: Record<string, [string, string]> = {
  DAY: ['day', 'days'],
  WEEK: ['week', 'weeks'],
  MONTH: ['month', 'months'],
  YEAR: ['year', 'years'],
};

/** `every month`, `every 3 months`. */
export function intervalText(plan: StoredPlan): string {
  const [one, many] = UNITS[plan.interval_type ?? 'MONTH'] ?? ['cycle', 'cycles'];
  const n = plan.intervals ?? 1;
  return n === 1 ? `every ${one}` : `every ${n} ${many}`;
}

/** The plan as the customer reads it before agreeing to the mandate. */
export function planSummary(plan: StoredPlan): Html {
  const periodic = plan.plan_type === 'PERIODIC';
  return html`${row('Plan', plan.plan_name)}
${periodic ? row('Amount', `${formatInrFromPaise(plan.recurring_amount ?? 0)} ${intervalText(plan)}`) : row('Charges', 'when the merchant raises them')}
${row('Maximum per charge', formatInrFromPaise(plan.max_amount))}
${periodic && plan.max_cycles !== null ? row('Number of charges', `at most ${plan.max_cycles}`) : ''}`;
}

function summaryCard(sub: SubscriptionRow, plan: StoredPlan, merchant: string, authAmount: number): Html {
  return html`<section class="card" data-testid="mandate-summary">
<div class="muted">${merchant} asks for a recurring payment mandate</div>
<h1>${plan.plan_name}</h1>
<div class="amount">${plan.plan_type === 'PERIODIC' ? formatInrFromPaise(plan.recurring_amount ?? 0) : `up to ${formatInrFromPaise(plan.max_amount)}`}</div>
${planSummary(plan)}
${row('Subscription', sub.subscription_id)}
${row('Authorisation', authAmount > 0 ? `${formatInrFromPaise(authAmount)} now (UPI and card; e-NACH debits nothing)` : 'no debit now')}
</section>`;
}

function methodForm(sessionId: string, method: HostedMandateMethod, flow: Flow, inner: Html): Html {
  return html`<form method="post" action="/subscriptions/checkout" class="panel-${method}">
<input type="hidden" name="session" value="${sessionId}">
<input type="hidden" name="method" value="${method}">${flowInputs(flow)}
${inner}</form>`;
}

function upiCard(sessionId: string, flow: Flow, v: MandateFormValues): Html {
  return html`<section class="card" data-testid="method-upi"><h2>UPI Autopay</h2>
${methodForm(
  sessionId,
  'upi',
  flow,
  html`<label for="upi_id">UPI ID (VPA)</label>
<input id="upi_id" name="upi_id" autocomplete="off" placeholder="name@bank" value="${v['upi_id'] ?? ''}" required>
<button class="block" type="submit">Approve in UPI app</button>`,
)}
<div class="note testdata">Test VPAs: <code>success@cashfree</code> approves; <code>failure@cashfree</code> and the failing <code>@gocash</code> VPAs refuse the mandate; <code>${DEBIT_FAILING_VPA}</code> approves it but every debit fails.</div>
</section>`;
}

function enachCard(sessionId: string, flow: Flow, v: MandateFormValues): Html {
  return html`<section class="card" data-testid="method-enach"><h2>e-NACH (net banking)</h2>
${methodForm(
  sessionId,
  'enach',
  flow,
  html`<label for="account_holder">Account holder name</label>
<input id="account_holder" name="account_holder" autocomplete="name" value="${v['account_holder'] ?? ''}" required>
<label for="account_number">Bank account number</label>
<input id="account_number" name="account_number" inputmode="numeric" autocomplete="off" value="${v['account_number'] ?? ''}" required>
<div class="inline"><div><label for="ifsc">IFSC</label>
<input id="ifsc" name="ifsc" autocomplete="off" placeholder="TEST0001234" value="${v['ifsc'] ?? ''}" required></div>
<div><label for="account_type">Account type</label>
<select id="account_type" name="account_type">
<option value="SAVINGS"${v['account_type'] === 'CURRENT' ? '' : html` selected`}>Savings</option>
<option value="CURRENT"${v['account_type'] === 'CURRENT' ? html` selected` : ''}>Current</option>
</select></div></div>
<button class="block" type="submit">Continue to ${TEST_BANK.displayName}</button>`,
)}
<div class="note testdata">The account number decides: one ending in <code>${REJECTED_ACCOUNT_SUFFIX}</code> is rejected by the bank, one ending in <code>${DEBIT_FAILING_ACCOUNT_SUFFIX}</code> registers but every debit fails; any other registers. The bank approves a mandate a bank day later on the sandbox clock.</div>
</section>`;
}

function cardCard(sessionId: string, flow: Flow, v: MandateFormValues): Html {
  return html`<section class="card" data-testid="method-card"><h2>Card (standing instruction)</h2>
${methodForm(
  sessionId,
  'card',
  flow,
  html`<label for="card_number">Card number</label>
<input id="card_number" name="card_number" inputmode="numeric" autocomplete="cc-number" value="${v['card_number'] ?? ''}" required>
<div class="inline"><div><label for="card_expiry">Expiry (MM/YY)</label>
<input id="card_expiry" name="card_expiry" autocomplete="cc-exp" placeholder="MM/YY" value="${v['card_expiry'] ?? ''}" required></div>
<div><label for="card_cvv">CVV</label>
<input id="card_cvv" name="card_cvv" inputmode="numeric" autocomplete="cc-csc" required></div></div>
<label for="card_holder_name">Name on card</label>
<input id="card_holder_name" name="card_holder_name" autocomplete="cc-name" value="${v['card_holder_name'] ?? ''}">
<button class="block" type="submit">Continue to OTP</button>`,
)}
<div class="note testdata">Test cards: <code>4111 1111 1111 1111</code> approves, <code>4111 1111 1111 1112</code> is declined; any future expiry, CVV <code>123</code>, OTP <code>${TEST_CARD_OTP}</code>.</div>
</section>`;
}

/** The mandate checkout of an INITIALIZED subscription: the plan and one form per method it allows. */
export function mandatePage(options: {
  sub: SubscriptionRow;
  plan: StoredPlan;
  merchant: string;
  methods: readonly HostedMandateMethod[];
  authAmount: number;
  flow: Flow;
  error?: string | undefined;
  values?: MandateFormValues | undefined;
}): Html {
  const { sub, flow } = options;
  const values = options.values ?? {};
  const cards = {
    upi: () => upiCard(sub.session_id, flow, values),
    enach: () => enachCard(sub.session_id, flow, values),
    card: () => cardCard(sub.session_id, flow, values),
  };
  const body = html`${summaryCard(sub, options.plan, options.merchant, options.authAmount)}
${options.error ? html`<div class="error" role="alert" data-testid="error">${options.error}</div>` : ''}
${
  options.methods.length === 0
    ? html`<section class="card"><p>This subscription allows no method the hosted page offers (UPI, e-NACH, card); a physical NACH mandate is a signed form the merchant uploads.</p></section>`
    : options.methods.map((m) => cards[m]())
}
<form method="post" action="/subscriptions/checkout/cancel">
<input type="hidden" name="session" value="${sub.session_id}">${flowInputs(flow)}
<button class="block secondary" type="submit" formnovalidate>Cancel and return to the merchant</button>
</form>`;
  return page({ title: `Authorise ${options.plan.plan_name} · Cashfree sandbox`, body });
}

/** The actions of a pending authorisation's step page, by method. */
export const STEP_ACTIONS: Readonly<Record<string, readonly string[]>> = {
  upi: ['approve', 'decline'],
  enach: ['approve', 'decline'],
  card: ['otp', 'decline'],
};

function stepForm(payment: SubscriptionPaymentRow, flow: Flow, inner: Html): Html {
  return html`<form method="post" action="/subscriptions/checkout/mandates/${payment.cf_payment_id}">${flowInputs(flow)}${inner}</form>`;
}

function stepBody(
  payment: SubscriptionPaymentRow,
  instrument: MandateInstrument,
  flow: Flow,
  attempts: number,
): Html {
  const decline = (label: string) =>
    html`<button class="danger" name="action" value="decline" type="submit" formnovalidate>${label}</button>`;
  if (instrument.method === 'card') {
    return html`<section class="card" data-testid="mandate-step-card">
<h1>Your bank · Secure OTP</h1>
<p class="muted">Standing instruction on the card ${maskCardNumber(instrument.reference)}: one-time password.</p>
${stepForm(
  payment,
  flow,
  html`<input type="hidden" name="attempts" value="${attempts}">
<label for="otp">OTP</label>
<input id="otp" name="otp" inputmode="numeric" autocomplete="one-time-code" placeholder="${TEST_CARD_OTP}" required>
<div class="note">Sandbox OTP: <code>${TEST_CARD_OTP}</code>. Three wrong OTPs fail the authorisation.</div>
<button class="block" name="action" value="otp" type="submit">Submit OTP</button>`,
)}
${stepForm(payment, flow, html`<div class="actions">${decline('Cancel authorisation')}</div>`)}
</section>`;
  }
  if (instrument.method === 'upi') {
    return html`<section class="card" data-testid="mandate-step-upi">
<h1>Approve the mandate in your UPI app</h1>
<p>A mandate request was sent to <b>${instrument.reference}</b>. The sandbox stands in for the UPI app: approve or decline it here.</p>
${stepForm(
  payment,
  flow,
  html`<div class="actions"><button class="success" name="action" value="approve" type="submit">Approve with UPI PIN</button>${decline('Decline')}</div>`,
)}
<div class="note">The test VPA still decides: a failing one is refused whatever you press.</div>
</section>`;
  }
  return html`<section class="card" data-testid="mandate-step-enach">
<h1>${TEST_BANK.displayName} · net banking</h1>
<p class="muted">The sandbox's stand-in for the bank's e-mandate page, account ending ${instrument.reference.slice(-4)}.</p>
${stepForm(
  payment,
  flow,
  html`<div class="actions"><button class="success" name="action" value="approve" type="submit">Authorise mandate</button>${decline('Reject')}</div>`,
)}
</section>`;
}

/** The page of a pending authorisation: UPI approval, bank page or card OTP. */
export function mandateStepPage(options: {
  sub: SubscriptionRow;
  plan: StoredPlan;
  payment: SubscriptionPaymentRow;
  instrument: MandateInstrument;
  merchant: string;
  flow: Flow;
  attempts?: number | undefined;
  error?: string | undefined;
}): Html {
  const { payment } = options;
  const body = html`<section class="card">
<div class="muted">${options.merchant}</div>
${planSummary(options.plan)}
${row('Authorisation', formatInrFromPaise(payment.amount))}
</section>
${options.error ? html`<div class="error" role="alert" data-testid="error">${options.error}</div>` : ''}
${stepBody(payment, options.instrument, options.flow, options.attempts ?? 0)}`;
  return page({ title: `Authorise mandate · Cashfree sandbox`, body });
}

/** A page that only says something (session not found, expired, already authorised). */
export function mandateNoticePage(options: {
  title: string;
  message: string;
  back?: Html | undefined;
}): Html {
  const body = html`<section class="card" data-testid="notice">
<h1>${options.title}</h1>
<p>${options.message}</p>
${options.back ?? ''}
</section>`;
  return page({ title: `${options.title} · Cashfree sandbox`, body });
}

const HEADLINES: Record<string, string> = {
  ACTIVE: 'Mandate authorised',
  BANK_APPROVAL_PENDING: 'Mandate sent to your bank',
  INITIALIZED: 'Mandate not authorised',
};

/** How the checkout ended, for a subscription without a return URL. */
export function mandateResultPage(options: {
  sub: SubscriptionRow;
  auth: SubscriptionPaymentRow | undefined;
  merchant: string;
  message: string;
}): Html {
  const { sub, auth } = options;
  const retry =
    sub.status === 'INITIALIZED'
      ? html`<p><a class="button secondary" href="/subscriptions/checkout?session=${encodeURIComponent(sub.session_id)}">Try again</a></p>`
      : '';
  const body = html`<section class="card" data-testid="mandate-result" data-status="${sub.status}">
<div class="muted">${options.merchant}</div>
<h1>${HEADLINES[sub.status] ?? `Subscription ${sub.status}`}</h1>
${row('Subscription', sub.subscription_id)}
${row('Subscription status', badge(sub.status))}
${auth ? row('Authorisation', badge(auth.status)) : ''}
${row('Message', options.message)}
<p class="muted">The subscription has no <code>subscription_meta.return_url</code>, so the checkout ends here.</p>
${retry}
</section>`;
  return page({ title: `${HEADLINES[sub.status] ?? 'Checkout finished'} · Cashfree sandbox`, body });
}

/**
 * Back to the merchant: a form that posts the return fields to `returnUrl`, as Cashfree does,
 * sent by itself (the button is there for browsers without scripts).
 */
export function mandateReturnPage(options: {
  returnUrl: string;
  fields: MandateReturnFields;
  merchant: string;
}): Html {
  const inputs = Object.entries(options.fields).map(
    ([name, value]) => html`<input type="hidden" name="${name}" value="${value}">`,
  );
  const body = html`<section class="card" data-testid="mandate-return" data-status="${options.fields['cf_status'] ?? ''}">
<h1>Returning to ${options.merchant}</h1>
<form id="mandate-return" method="post" action="${options.returnUrl}">${inputs}
<button class="block" type="submit">Continue</button>
</form>
</section>
<script>document.getElementById('mandate-return').submit();</script>`;
  return page({ title: 'Returning to the merchant · Cashfree sandbox', body });
}

/** What the mandate checkout tells the merchant page when it runs in the stand-in's modal. */
export interface MandateModalMessage {
  source: typeof MODAL_MESSAGE_SOURCE;
  /** `completed`: the authorisation reached an outcome; `dropped`: the customer cancelled. */
  type: 'completed' | 'dropped';
  subscription_id: string;
  subscription_status: string;
  payment_status: string | null;
  payment_message: string;
}

/** The last page of a modal mandate checkout: reports the result to the merchant page. */
export function mandateModalPage(message: MandateModalMessage): Html {
  const script = html`<script>(function(){var m=${scriptJson(message)};if(window.parent&&window.parent!==window){window.parent.postMessage(m,'*');}})();</script>`;
  const body = html`<section class="card" data-testid="mandate-result" data-status="${message.subscription_status}">
<h1>${message.type === 'dropped' ? 'Checkout closed' : (HEADLINES[message.subscription_status] ?? 'Done')}</h1>
<p class="muted">${message.payment_message}</p>
</section>${script}`;
  return page({ title: 'Checkout finished · Cashfree sandbox', body });
}
