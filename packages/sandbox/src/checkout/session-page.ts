import { formatInrFromPaise } from 'cashfree-kit';
import { orderDetails } from '../entities/order.js';
import type { OrderRow } from '../store/orders.js';
import { TEST_CARDS } from '../test-instruments/cards.js';
import { TEST_BANK } from '../test-instruments/netbanking.js';
import { allowedCodes, CHECKOUT_METHODS, type CheckoutMethod } from '../test-instruments/payment-methods.js';
import { TEST_VPAS } from '../test-instruments/upi.js';
import { APP_PROVIDERS, TEST_WALLET } from '../test-instruments/wallets.js';
import { type Flow, flowInputs } from './flow.js';
import { type Html, html, trusted } from './html.js';
import { methodLabel, walletLabel } from './labels.js';
import { page, row } from './layout.js';
import type { FieldProblem } from './pay-form.js';

/** What the customer typed in the tab they paid from, and what is wrong with it. */
interface TabState {
  values: Readonly<Record<string, string>>;
  problems: readonly FieldProblem[];
}

const EMPTY: TabState = { values: {}, problems: [] };

/** An input's `value`, `aria-invalid` and `aria-describedby`, and the message under it. */
function field(state: TabState, name: string): { attrs: Html; message: Html } {
  const problem = state.problems.find((p) => p.field === name);
  const value = state.values[name];
  return {
    attrs: html`${value !== undefined ? html` value="${value}"` : ''}${problem ? html` aria-invalid="true" aria-describedby="${name}-problem"` : ''}`,
    message: problem
      ? html`<div class="field-error" id="${name}-problem" data-field="${name}">${problem.message}</div>`
      : html``,
  };
}

/** The methods an order may be paid with (all of them unless `order_meta.payment_methods` narrows it). */
export function allowedMethods(order: OrderRow): CheckoutMethod[] {
  const codes = allowedCodes(orderDetails(order).order_meta?.['payment_methods']);
  if (codes === undefined) return CHECKOUT_METHODS.map((m) => m.key);
  return CHECKOUT_METHODS.filter((m) => m.codes.some((code) => codes.includes(code))).map((m) => m.key);
}

const spaced = (digits: string) => digits.replace(/(\d{4})(?=\d)/g, '$1 ');

function cardPanel(state: TabState): Html {
  const others = Object.entries(TEST_CARDS).filter(([n]) => !n.startsWith('41111111111111'));
  const [number, expiry, cvv, name] = ['card_number', 'card_expiry', 'card_cvv', 'card_holder_name'].map(
    (f) => field(state, f),
  ) as [
    ReturnType<typeof field>,
    ReturnType<typeof field>,
    ReturnType<typeof field>,
    ReturnType<typeof field>,
  ];
  return html`
<label for="card_number">Card number</label>
<input id="card_number" name="card_number" inputmode="numeric" autocomplete="cc-number" placeholder="4111 1111 1111 1111" required${number.attrs}>
${number.message}
<div class="inline">
  <div><label for="card_expiry">Expiry (MM/YY)</label><input id="card_expiry" name="card_expiry" placeholder="MM/YY" autocomplete="cc-exp" required${expiry.attrs}>${expiry.message}</div>
  <div><label for="card_cvv">CVV</label><input id="card_cvv" name="card_cvv" inputmode="numeric" placeholder="123" autocomplete="cc-csc" required${cvv.attrs}>${cvv.message}</div>
</div>
<label for="card_holder_name">Name on card</label>
<input id="card_holder_name" name="card_holder_name" placeholder="Test" autocomplete="cc-name"${name.attrs}>
${name.message}
<div class="note testdata"><b>Test cards</b> (any future expiry, CVV <code>123</code>, OTP <code>111000</code>)
<table>
<tr><td><code>4111 1111 1111 1111</code></td><td>succeeds after the OTP</td></tr>
<tr><td><code>4111 1111 1111 1112</code></td><td>declined after the OTP</td></tr>
</table>
<details><summary>More test cards</summary><table>${others.map(
    ([number, card]) =>
      html`<tr><td><code>${spaced(number)}</code></td><td>${card.network} ${card.type.replace('_', ' ')}</td></tr>`,
  )}</table></details></div>`;
}

function upiPanel(state: TabState): Html {
  const gocash = Object.entries(TEST_VPAS).filter(([vpa]) => vpa.endsWith('@gocash'));
  const vpa = field(state, 'upi_id');
  return html`
<label for="upi_id">UPI ID</label>
<input id="upi_id" name="upi_id" placeholder="success@cashfree" autocapitalize="off" required${vpa.attrs}>
${vpa.message}
<div class="note testdata"><b>Test UPI IDs</b>: a collect request is sent, then resolves on its own
<table>
<tr><td><code>success@cashfree</code></td><td>succeeds</td></tr>
<tr><td><code>failure@cashfree</code></td><td>fails</td></tr>
</table>
<details><summary>More test UPI IDs (@gocash)</summary><table>${gocash.map(
    ([vpa, info]) => html`<tr><td><code>${vpa}</code></td><td>${info.outcome}: ${info.reason}</td></tr>`,
  )}</table></details></div>`;
}

function netbankingPanel(state: TabState): Html {
  return html`${field(state, 'netbanking_bank_code').message}
<label for="netbanking_bank_code">Bank</label>
<select id="netbanking_bank_code" name="netbanking_bank_code">
  <option value="${TEST_BANK.code}">${TEST_BANK.displayName} (${TEST_BANK.code} / ${TEST_BANK.name})</option>
</select>
<div class="note testdata">The bank's page is a simulator: choose <b>Success</b>, <b>Failure</b>,
<b>Keep pending</b> or <b>Cancel</b> there.</div>`;
}

function walletPanel(state: TabState): Html {
  const chosen = state.values['provider'] ?? TEST_WALLET.provider;
  const phone = field(state, 'phone');
  return html`
<label for="provider">Wallet</label>
<select id="provider" name="provider">${APP_PROVIDERS.map(
    (p) => html`<option value="${p}"${p === chosen ? ' selected' : ''}>${walletLabel(p)}</option>`,
  )}</select>
${field(state, 'provider').message}
<label for="phone">Phone</label>
<input id="phone" name="phone" inputmode="numeric" required${state.values['phone'] === undefined ? html` value="${TEST_WALLET.phone}"` : ''}${phone.attrs}>
${phone.message}
<div class="note testdata">Every wallet opens the sandbox's single ${TEST_WALLET.displayName}; phone <code>${TEST_WALLET.phone}</code>.</div>`;
}

const PANELS: Record<CheckoutMethod, (state: TabState) => Html> = {
  card: cardPanel,
  upi: upiPanel,
  netbanking: netbankingPanel,
  app: walletPanel,
};

/** The order summary at the top of the checkout and payment pages. */
export function orderSummary(order: OrderRow, merchant: string): Html {
  const details = orderDetails(order);
  const customer = details.customer_details;
  return html`<section class="card">
<div class="muted">Pay ${merchant}</div>
<div class="amount" data-testid="amount">${formatInrFromPaise(order.amount)}</div>
${row('Order', html`<span data-testid="order-id">${order.order_id}</span>`)}
${typeof customer['customer_name'] === 'string' ? row('Customer', customer['customer_name']) : ''}
${details.order_note ? row('Note', details.order_note) : ''}
</section>`;
}

/** The hosted checkout of an ACTIVE order: summary, one tab per allowed method, cancel. */
export function checkoutPage(options: {
  order: OrderRow;
  sessionId: string;
  merchant: string;
  flow: Flow;
  error?: string | undefined;
  selected?: CheckoutMethod | undefined;
  /** What the customer typed in the selected tab, and the fields to correct. */
  values?: Readonly<Record<string, string>> | undefined;
  problems?: readonly FieldProblem[] | undefined;
}): Html {
  const { order, sessionId, flow } = options;
  const problems = options.problems ?? [];
  const methods = allowedMethods(order);
  const selected = options.selected && methods.includes(options.selected) ? options.selected : methods[0];
  // Tabs work without script: a radio per method, shown by :checked.
  const tabCss = trusted(
    methods
      .map(
        (m) =>
          `#tab-${m}:checked~.labels label[for=tab-${m}]{background:#3b4fd8;color:#fff}#tab-${m}:checked~.panel-${m}{display:block}`,
      )
      .join(''),
  );
  const body = html`
${orderSummary(order, options.merchant)}
<section class="card">
<h2>Choose how to pay</h2>
${options.error ? html`<div class="error" role="alert" data-testid="error">${options.error}</div>` : ''}
${
  problems.length > 0
    ? html`<div class="error" role="alert" data-testid="error"><b>Please check ${problems.length === 1 ? 'this' : `these ${problems.length}`}:</b><ul>${problems.map((p) => html`<li>${p.message}</li>`)}</ul></div>`
    : ''
}
<div class="tabs">
${methods.map((m) => html`<input type="radio" name="tab" id="tab-${m}"${m === selected ? ' checked' : ''}>`)}
<div class="labels">${methods.map((m) => html`<label for="tab-${m}">${methodLabel(m)}</label>`)}</div>
${methods.map(
  (m) => html`<form class="panel panel-${m}" method="post" action="/checkout/pay">
<input type="hidden" name="session" value="${sessionId}">
<input type="hidden" name="method" value="${m}">
${flowInputs(flow)}
${PANELS[m](m === selected ? { values: options.values ?? {}, problems } : EMPTY)}
<button class="block" type="submit">Pay ${formatInrFromPaise(order.amount)}</button>
</form>`,
)}
</div>
${methods.length === 0 ? html`<div class="error">order_meta.payment_methods allows no method the sandbox emulates.</div>` : ''}
</section>
<form method="post" action="/checkout/cancel">
<input type="hidden" name="session" value="${sessionId}">
${flowInputs(flow)}
<button class="block secondary" type="submit">Cancel payment</button>
</form>`;
  return page({
    title: `Pay ${formatInrFromPaise(order.amount)} · Cashfree sandbox`,
    body,
    head: html`<style>${tabCss}</style>`,
  });
}

/** A page that explains why the checkout cannot go on (unknown, expired or paid session). */
export function noticePage(options: {
  title: string;
  message: Html | string;
  order?: OrderRow | undefined;
  merchant?: string;
  back?: string | undefined;
}): Html {
  const body = html`
${options.order && options.merchant ? orderSummary(options.order, options.merchant) : ''}
<section class="card" data-testid="notice">
<h1>${options.title}</h1>
<p>${options.message}</p>
${options.back ? html`<a class="button" href="${options.back}">Back to the merchant</a>` : ''}
</section>`;
  return page({ title: `${options.title} · Cashfree sandbox`, body });
}
