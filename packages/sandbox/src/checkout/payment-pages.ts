import { formatInrFromPaise } from 'cashfree-kit';
import { TEST_CARD_OTP } from '../state/payment-machine.js';
import type { OrderRow } from '../store/orders.js';
import type { PaymentRow } from '../store/payments.js';
import { type Flow, flowInputs } from './flow.js';
import { type Html, html } from './html.js';
import { walletLabel } from './labels.js';
import { page, row } from './layout.js';
import { orderSummary } from './session-page.js';

/** What the customer can do on a pending payment's page (the `action` of its form). */
export type StepAction = 'otp' | 'resend' | 'success' | 'failed' | 'pending' | 'cancel';

/** The actions each kind of payment page offers. */
export function actionsFor(payment: PaymentRow): readonly StepAction[] {
  if (payment.method === 'card') return ['otp', 'resend', 'cancel'];
  if (payment.method === 'netbanking') return ['success', 'failed', 'pending', 'cancel'];
  if (payment.method === 'upi' && payment.channel === 'collect') return ['cancel'];
  return ['success', 'failed', 'cancel'];
}

function instrument(payment: PaymentRow): Record<string, Record<string, unknown>> {
  return JSON.parse(payment.instrument) as Record<string, Record<string, unknown>>;
}

function form(payment: PaymentRow, flow: Flow, inner: Html): Html {
  return html`<form method="post" action="/checkout/payments/${payment.cf_payment_id}">${flowInputs(flow)}${inner}</form>`;
}

function cardStep(payment: PaymentRow, flow: Flow): Html {
  const card = instrument(payment)['card'] ?? {};
  return html`<section class="card">
<h1>${card['card_bank_name'] ?? 'Your bank'} · Secure OTP</h1>
<p class="muted">One-time password for the ${card['card_network'] ?? 'card'} card ${card['card_number'] ?? ''}</p>
${form(
  payment,
  flow,
  html`<label for="otp">OTP</label>
<input id="otp" name="otp" inputmode="numeric" autocomplete="one-time-code" placeholder="${TEST_CARD_OTP}" required>
<div class="note">Sandbox OTP: <code>${TEST_CARD_OTP}</code>. Three wrong OTPs fail the payment.</div>
<button class="block" name="action" value="otp" type="submit">Submit OTP</button>`,
)}
${form(
  payment,
  flow,
  html`<div class="actions"><button class="secondary" name="action" value="resend" type="submit" formnovalidate>Resend OTP</button>
<button class="secondary" name="action" value="cancel" type="submit" formnovalidate>Cancel payment</button></div>`,
)}
</section>`;
}

function bankStep(payment: PaymentRow, flow: Flow): Html {
  const bank = instrument(payment)['netbanking'] ?? {};
  return html`<section class="card">
<h1>${bank['netbanking_bank_name'] ?? 'Bank'} · bank simulator</h1>
<p class="muted">The sandbox's stand-in for the bank's login page: choose the outcome.</p>
${form(
  payment,
  flow,
  html`<div class="actions">
<button class="success" name="action" value="success" type="submit">Success</button>
<button class="danger" name="action" value="failed" type="submit">Failure</button>
<button class="secondary" name="action" value="pending" type="submit">Keep pending</button>
<button class="secondary" name="action" value="cancel" type="submit">Cancel (user dropped)</button>
</div>`,
)}
</section>`;
}

function walletStep(payment: PaymentRow, flow: Flow): Html {
  const app = instrument(payment)['app'] ?? {};
  return html`<section class="card">
<h1>Sandbox Test Wallet</h1>
<p class="muted">${typeof app['provider'] === 'string' ? walletLabel(app['provider']) : 'Wallet'} · ${app['phone'] ?? ''}</p>
${form(
  payment,
  flow,
  html`<div class="actions">
<button class="success" name="action" value="success" type="submit">Approve payment</button>
<button class="danger" name="action" value="failed" type="submit">Decline</button>
<button class="secondary" name="action" value="cancel" type="submit">Cancel payment</button>
</div>`,
)}
</section>`;
}

function upiCollectStep(payment: PaymentRow, flow: Flow): Html {
  const upi = instrument(payment)['upi'] ?? {};
  return html`<section class="card" data-testid="upi-wait">
<h1>Approve the request in your UPI app</h1>
<p>A collect request was sent to <b>${upi['upi_id'] ?? ''}</b>. This page updates by itself.</p>
<div class="note">Test UPI IDs resolve on their own after a moment (the sandbox's <code>upiResolveDelayMs</code>).</div>
${form(payment, flow, html`<button class="block secondary" name="action" value="cancel" type="submit">Cancel payment</button>`)}
</section>`;
}

function upiIntentStep(payment: PaymentRow, flow: Flow): Html {
  return html`<section class="card">
<h1>Pay with a UPI app</h1>
<p class="muted">The sandbox's stand-in for a UPI app: choose the outcome.</p>
${form(
  payment,
  flow,
  html`<div class="actions">
<button class="success" name="action" value="success" type="submit">Pay</button>
<button class="danger" name="action" value="failed" type="submit">Fail</button>
<button class="secondary" name="action" value="cancel" type="submit">Cancel payment</button>
</div>`,
)}
</section>`;
}

/** The page of a PENDING payment: card OTP, bank simulator, wallet, or the UPI wait page. */
export function paymentStepPage(options: {
  order: OrderRow;
  payment: PaymentRow;
  merchant: string;
  flow: Flow;
  error?: string | undefined;
  info?: string | undefined;
}): Html {
  const { order, payment, flow } = options;
  const step =
    payment.method === 'card'
      ? cardStep(payment, flow)
      : payment.method === 'netbanking'
        ? bankStep(payment, flow)
        : payment.method === 'app'
          ? walletStep(payment, flow)
          : payment.channel === 'collect'
            ? upiCollectStep(payment, flow)
            : upiIntentStep(payment, flow);
  const waiting = payment.method === 'upi' && payment.channel === 'collect';
  const body = html`
${orderSummary(order, options.merchant)}
${options.error ? html`<div class="error" role="alert" data-testid="error">${options.error}</div>` : ''}
${options.info ? html`<div class="note" role="status">${options.info}</div>` : ''}
${step}
<section class="card">${row('Payment', payment.cf_payment_id)}${row('Amount', formatInrFromPaise(payment.amount))}</section>`;
  return page({
    title: `Payment ${payment.cf_payment_id} · Cashfree sandbox`,
    body,
    // The UPI wait page polls by reloading: the collect request resolves on the sandbox's clock.
    head: waiting ? html`<meta http-equiv="refresh" content="1">` : undefined,
  });
}
