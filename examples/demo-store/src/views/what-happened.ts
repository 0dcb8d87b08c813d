import { DEFAULT_API_VERSION } from 'cashfree-kit';
/**
 * The "what happened" panel: each step of a flow in order, with the exact request and response of
 * every Cashfree call the server made (credential headers redacted by the SDK), the browser's
 * checkout call, and every webhook that arrived, each copyable as text, JSON or curl.
 */
import type { InboxEntry } from 'cashfree-kit/webhooks/inbox';
import type { ApiCall } from '../db/api-calls.js';
import { statusReported } from '../webhooks/subject.js';
import { badge, formatTime } from './format.js';
import { html, type SafeHtml, scriptJson } from './html.js';

export type Step =
  | { kind: 'api'; at: number; call: ApiCall }
  | { kind: 'checkout'; at: number; orderId: string; sessionId: string; target: string }
  | { kind: 'webhook'; at: number; entry: InboxEntry; answers: number[] };

const WHY: Record<string, string> = {
  'orders.create':
    'The server creates the order: amount in rupees, customer details, return_url with {order_id}, notify_url for webhooks. Only payment_session_id goes to the browser.',
  'orders.get':
    "The server asks Cashfree for the order. The browser coming back proves nothing; this answer does, and a PAID answer also marks the shop's order paid if no webhook has yet.",
  'orders.get/webhook': 'The webhook handler confirms with Cashfree before it marks the order paid.',
  'payments.list': 'Every payment attempt on the order, failed and dropped ones included.',
  'refunds.create':
    'A refund starts PENDING; Cashfree reports the outcome with REFUND_STATUS_WEBHOOK, which moves the shop’s record.',
  'links.create':
    'A payment link needs no checkout integration: Cashfree hosts the page at link_url. link_meta.notify_url gets PAYMENT_LINK_EVENT.',
  'links.get': 'The link as Cashfree has it now: status and amount paid.',
  'links.orders': 'The orders the link page opened, one per payment attempt.',
};

/** A request as text: request line, headers (as sent, credentials redacted), body. */
function requestText(call: ApiCall): string {
  const headers = Object.entries(call.requestHeaders ?? {}).map(([name, value]) => `${name}: ${value}`);
  const body = call.requestBody === undefined ? [] : ['', JSON.stringify(call.requestBody, null, 2)];
  return [`${call.method} ${call.url}`, ...headers, ...body].join('\n');
}

function responseText(call: ApiCall): string {
  const head = call.status === null ? 'No response' : `HTTP ${call.status}`;
  const error = call.error ? [call.error] : [];
  const body = call.responseBody === undefined ? [] : ['', JSON.stringify(call.responseBody, null, 2)];
  return [head, ...error, ...body].join('\n');
}

const shellQuote = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;

/** The same call as curl, with the credentials read from your environment (never printed). */
export function curlText(call: ApiCall): string {
  const lines = [`curl -X ${call.method} ${shellQuote(call.url)}`];
  lines.push('-H "x-client-id: $CASHFREE_APP_ID"', '-H "x-client-secret: $CASHFREE_SECRET_KEY"');
  lines.push(`-H 'x-api-version: ${call.requestHeaders?.['x-api-version'] ?? DEFAULT_API_VERSION}'`);
  if (call.requestBody !== undefined) {
    lines.push(`-H 'content-type: application/json'`, `-d ${shellQuote(JSON.stringify(call.requestBody))}`);
  }
  return lines.join(' \\\n  ');
}

function copyable(id: string, text: string): SafeHtml {
  return html`<div class="copyable"><pre id="${id}">${text}</pre><button type="button" class="ghost" data-copy="${id}">Copy</button></div>`;
}

function httpStatus(status: number | null): SafeHtml {
  if (status === null) return html`<span class="http none">not sent</span>`;
  return html`<span class="http ${status < 400 ? 'ok' : 'bad'}">${status}</span>`;
}

/**
 * The statuses the store answered an event's deliveries with, as recorded when each was sent:
 * `200`, `200 ×2`, `500 · 200`. An event received before answers were recorded says so.
 */
export function webhookAnswers(answers: readonly number[]): SafeHtml {
  if (answers.length === 0)
    return html`<span class="http none" title="received before the store recorded its answers">answer not recorded</span>`;
  const runs: Array<{ status: number; count: number }> = [];
  for (const status of answers) {
    const last = runs.at(-1);
    if (last?.status === status) last.count++;
    else runs.push({ status, count: 1 });
  }
  return html`<span class="answers" data-answers="${answers.join(',')}">${runs.map(
    ({ status, count }) =>
      html`<span class="http ${status < 400 ? 'ok' : 'bad'}">${status}${count > 1 ? ` ×${count}` : ''}</span>`,
  )}</span>`;
}

function apiStep(call: ApiCall): SafeHtml {
  const id = `call-${call.id}`;
  const why = WHY[call.source === 'webhook' ? `${call.operation}/webhook` : call.operation];
  const path = new URL(call.url).pathname;
  const timing = call.durationMs === null ? '' : ` · ${call.durationMs} ms`;
  const retries = call.attempts > 1 ? ` · ${call.attempts} attempts` : '';
  const repeats =
    call.repeats > 1 ? ` · asked ${call.repeats}× with this answer, last ${formatTime(call.lastAt)}` : '';
  return html`<li class="step" data-kind="api" data-source="${call.source}" data-operation="${call.operation}" data-status="${call.status ?? ''}" data-repeats="${call.repeats}">
<div class="step-head"><span class="who">Server · ${call.source}</span><code>${call.method} ${path}</code>${httpStatus(call.status)}<span class="small muted">cashfree.${call.operation}()${timing}${retries} · ${formatTime(call.at)}${repeats}</span></div>
${why ? html`<p>${why}</p>` : ''}
<details><summary>Request</summary>${copyable(`${id}-request`, requestText(call))}</details>
<details${call.error ? html` open` : ''}><summary>Response</summary>${copyable(`${id}-response`, responseText(call))}</details>
<details><summary>As curl</summary>${copyable(`${id}-curl`, curlText(call))}</details>
</li>`;
}

function checkoutStep(step: Extract<Step, { kind: 'checkout' }>): SafeHtml {
  const code = [
    "const cashfree = Cashfree({ mode: 'sandbox' });",
    'cashfree.checkout({',
    `  paymentSessionId: ${JSON.stringify(step.sessionId)},`,
    `  redirectTarget: ${JSON.stringify(step.target)},`,
    '});',
  ].join('\n');
  const what =
    step.target === '_modal'
      ? 'The browser opens Cashfree checkout over the shop page; when it resolves, it goes to the return page.'
      : 'The browser leaves for Cashfree checkout; Cashfree sends it back to return_url with the order id.';
  return html`<li class="step" data-kind="checkout">
<div class="step-head"><span class="who">Browser</span><code>cashfree.checkout()</code><span class="small muted">${step.target} · ${formatTime(step.at)}</span></div>
<p>${what}</p>
<details><summary>Code</summary>${copyable(`checkout-${step.orderId}`, code)}</details>
</li>`;
}

function webhookStep(entry: InboxEntry, answers: readonly number[]): SafeHtml {
  const type = entry.event.type === 'unknown' ? entry.event.receivedType : entry.event.type;
  const { delivery, ...payload } = entry.event;
  const id = `webhook-${entry.key.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const repeat = entry.deliveries > 1 ? ` · received ${entry.deliveries}×, handled once` : '';
  const reported = statusReported(entry.event);
  return html`<li class="step" data-kind="webhook" data-type="${type}">
<div class="step-head"><span class="who">Cashfree → server</span><code>POST /webhooks/cashfree</code>${webhookAnswers(answers)}${badge(entry.status)}<span class="small muted">${type}${reported ? ` · ${reported}` : ''}${repeat} · ${formatTime(entry.receivedAt)}</span></div>
<p>Signature checked by cashfree-kit's Express adapter (HMAC-SHA256 of x-webhook-timestamp + raw body, keyed by the secret key), stored in the inbox under its dedupe key, then handled once.</p>
<details><summary>Event</summary>${copyable(id, JSON.stringify({ ...payload, delivery }, null, 2))}</details>
</li>`;
}

function stepJson(step: Step): unknown {
  if (step.kind === 'api') {
    const { id: _id, ...call } = step.call;
    return { step: 'api', ...call };
  }
  if (step.kind === 'checkout')
    return { step: 'checkout', sessionId: step.sessionId, redirectTarget: step.target };
  return {
    step: 'webhook',
    key: step.entry.key,
    answered: step.answers,
    status: step.entry.status,
    event: step.entry.event,
  };
}

/**
 * The panel for a list of steps; `intro` says what the page does when nothing happened yet, and
 * `omitted` counts older steps left out (a panel shows the latest ones only).
 */
export function whatHappened(steps: Step[], intro: string, omitted = 0): SafeHtml {
  const ordered = [...steps].sort((a, b) => a.at - b.at);
  return html`<section class="panel" id="what-happened" data-testid="what-happened" aria-labelledby="what-happened-title">
<div class="head"><h2 id="what-happened-title">What happened</h2>${ordered.length ? html`<button type="button" class="ghost" data-copy="what-happened-json">Copy all as JSON</button>` : ''}</div>
<p>${intro}</p>
${omitted > 0 ? html`<p data-testid="steps-omitted">Showing the latest ${ordered.length} steps; ${omitted} older ${omitted === 1 ? 'one is' : 'ones are'} left out (every webhook is on the Webhooks page).</p>` : ''}
${
  ordered.length
    ? html`<ol>${ordered.map((step) =>
        step.kind === 'api'
          ? apiStep(step.call)
          : step.kind === 'checkout'
            ? checkoutStep(step)
            : webhookStep(step.entry, step.answers),
      )}</ol>
<script type="application/json" id="what-happened-json">${scriptJson(ordered.map(stepJson))}</script>`
    : ''
}
</section>`;
}
