/**
 * The hosted mandate checkout in real headless Chromium: a merchant page loads the sandbox's
 * cashfree.js and calls `subscriptionsCheckout()`, the customer authorises on the sandbox's mandate
 * page (UPI approval; a card with its OTP in the modal), the browser posts back to the merchant's
 * return URL with signed fields, the merchant confirms with `subscriptions.get`, and its webhook
 * endpoint verifies the authorisation's webhook.
 */
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import type { Server } from 'node:http';
import { test } from 'node:test';
import { type RunningSandbox, TEST_CARD_EXPIRY } from '@cashfree-kit/sandbox';
import type { Cashfree } from 'cashfree-kit';
import type { WebhookEvent } from 'cashfree-kit/webhooks';
import express from 'express';
import { openPage, requireChromium, screenshot } from './support/browser.js';
import { browserSuite, sandboxClient } from './support/suite.js';
import {
  close,
  listen,
  mountWebhookEndpoint,
  type VerifiedWebhook,
  waitFor,
} from './support/webhook-receiver.js';

interface SubscriptionShop {
  url: string;
  cashfree: Cashfree;
  received: VerifiedWebhook[];
  close(): Promise<void>;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/** The return fields' signature as a merchant checks it: values sorted by name, HMAC-SHA256, base64. */
function signatureOf(fields: Record<string, string>, secret: string): string {
  const data = Object.keys(fields)
    .filter((k) => k !== 'signature')
    .sort()
    .map((k) => fields[k])
    .join('');
  return createHmac('sha256', secret).update(data).digest('base64');
}

/** A shop selling a monthly tea subscription, pointed at the sandbox only by URL. */
async function startShop(sandbox: RunningSandbox): Promise<SubscriptionShop> {
  const cashfree = sandboxClient(sandbox);
  const received: VerifiedWebhook[] = [];
  const refused: string[] = [];
  const app = express();
  let origin = '';
  let counter = 0;

  app.get('/subscribe', async (req, res) => {
    const target = String(req.query['target'] ?? '_self');
    const subscriptionId = `tea_${Date.now().toString(36)}_${++counter}`;
    const sub = await cashfree.subscriptions.create({
      subscription_id: subscriptionId,
      customer_details: {
        customer_name: 'Priya <b>Patel</b>',
        customer_email: 'priya@example.com',
        customer_phone: '9876543210',
      },
      plan_details: {
        plan_name: 'Tea of the month',
        plan_type: 'PERIODIC',
        plan_amount: 499,
        plan_max_amount: 999,
        plan_intervals: 1,
        plan_interval_type: 'MONTH',
      },
      subscription_meta: { return_url: `${origin}/subscribed?subscription_id=${subscriptionId}` },
    } as Parameters<Cashfree['subscriptions']['create']>[0]);
    res.type('html').send(`<!doctype html>
<html><head><meta name="viewport" content="width=device-width, initial-scale=1"><title>Tea of the month</title>
<script src="${sandbox.url}/js/v3/cashfree.js"></script></head>
<body><h1>Tea of the month</h1>
<p id="sub" data-subscription-id="${escapeHtml(sub.subscription_id)}">Subscription ${escapeHtml(sub.subscription_id)}</p>
<button id="subscribe">Subscribe for ₹499 a month</button>
<pre id="result" style="white-space:pre-wrap;overflow-wrap:anywhere"></pre>
<script>
const cashfree = Cashfree({ mode: 'sandbox' });
document.getElementById('subscribe').addEventListener('click', async () => {
  const result = await cashfree.subscriptionsCheckout({
    subsSessionId: ${scriptJson(sub.subscription_session_id)},
    redirectTarget: ${scriptJson(target)},
  });
  document.getElementById('result').textContent = JSON.stringify(result);
});
</script>
</body></html>`);
  });

  // The return URL: Cashfree posts its fields here. Check the signature, then ask Cashfree.
  app.post('/subscribed', express.urlencoded({ extended: false }), async (req, res) => {
    const fields = req.body as Record<string, string>;
    const id = String(req.query['subscription_id']);
    const valid = fields['signature'] === signatureOf(fields, sandbox.secretKey);
    const sub = await cashfree.subscriptions.get(id);
    res.type('html').send(`<!doctype html>
<html><head><meta name="viewport" content="width=device-width, initial-scale=1"><title>Subscribed</title></head>
<body><h1 id="status">${escapeHtml(String(sub.subscription_status))}</h1>
<p>Posted: <span id="posted-id">${escapeHtml(fields['cf_subscriptionId'] ?? '')}</span> · <span id="checkout-status">${escapeHtml(fields['cf_checkoutStatus'] ?? '')}</span></p>
<p>Signature <span id="signature">${valid ? 'valid' : 'invalid'}</span></p>
</body></html>`);
  });

  mountWebhookEndpoint(app, sandbox.secretKey, received, refused);
  const { server, port } = await listen(app);
  origin = `http://127.0.0.1:${port}`;
  const endpoint = await fetch(`${sandbox.url}/_sandbox/webhooks/endpoints`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ url: `${origin}/webhooks/cashfree` }),
  });
  assert.ok(endpoint.ok, await endpoint.text());
  const running: Server = server;
  return { url: origin, cashfree, received, close: () => close(running) };
}

const suite = browserSuite(startShop);

/** The endpoint verified a `type` webhook about the subscription. */
function verifiedWebhook(subscriptionId: string, type: string): Promise<WebhookEvent> {
  return waitFor(
    `a verified ${type} for ${subscriptionId}`,
    () =>
      suite.app.received.find(
        (w) =>
          w.event.type === type && JSON.stringify(w.event).includes(`"subscription_id":"${subscriptionId}"`),
      )?.event,
  );
}

test('UPI: subscriptionsCheckout opens the mandate page, the customer approves, the shop gets ACTIVE', {
  timeout: 60_000,
}, async (t) => {
  const browser = suite.browser;
  if (!requireChromium(t, browser)) return;
  const { page, dialogs } = await openPage(t, browser);
  await page.goto(`${suite.app.url}/subscribe`);
  const id = await page.getAttribute('#sub', 'data-subscription-id');
  assert.ok(id);
  await page.click('#subscribe');

  await page.waitForURL(/\/subscriptions\/checkout\?session=/);
  assert.match((await page.textContent('[data-testid=mandate-summary]')) ?? '', /₹499\.00 every month/);
  await page.getByLabel('UPI ID (VPA)').fill('success@cashfree');
  await screenshot(page, 'mandate-page');
  await page.click('form.panel-upi button[type=submit]');
  await page.locator('[data-testid=mandate-step-upi]').waitFor();
  await screenshot(page, 'mandate-upi-approve');
  await page.click('button[value=approve]');

  await page.waitForURL(`${suite.app.url}/subscribed?subscription_id=${id}`);
  assert.equal(await page.textContent('#status'), 'ACTIVE');
  assert.equal(await page.textContent('#posted-id'), id);
  assert.equal(await page.textContent('#checkout-status'), 'SUCCESS');
  assert.equal(await page.textContent('#signature'), 'valid');
  assert.equal((await suite.app.cashfree.subscriptions.get(id)).subscription_status, 'ACTIVE');
  await verifiedWebhook(id, 'SUBSCRIPTION_AUTH_STATUS');
  await verifiedWebhook(id, 'SUBSCRIPTION_STATUS_CHANGED');
  assert.deepEqual(dialogs, []);
});

test('card in the modal: OTP step, subscriptionsCheckout resolves, the subscription is ACTIVE', {
  timeout: 60_000,
}, async (t) => {
  const browser = suite.browser;
  if (!requireChromium(t, browser)) return;
  const { page, dialogs } = await openPage(t, browser);
  await page.goto(`${suite.app.url}/subscribe?target=_modal`);
  const id = await page.getAttribute('#sub', 'data-subscription-id');
  assert.ok(id);
  await page.click('#subscribe');

  const modal = page.frameLocator('#cashfree-sandbox-modal iframe');
  await modal.getByLabel('Card number').fill('4111 1111 1111 1111');
  await modal.getByLabel('Expiry (MM/YY)').fill(TEST_CARD_EXPIRY.mmYy);
  await modal.getByLabel('CVV').fill('123');
  await modal.locator('form.panel-card button[type=submit]').click();
  await modal.getByLabel('OTP').fill('000000');
  await modal.locator('button[value=otp]').click();
  await modal.locator('[data-testid=error]').waitFor();
  await modal.getByLabel('OTP').fill('111000');
  await modal.locator('button[value=otp]').click();

  const result = await waitFor('subscriptionsCheckout to resolve', async () => {
    const text = await page.textContent('#result');
    return text ? text : undefined;
  });
  assert.match(result, /"paymentDetails"/);
  assert.match(result, /Mandate authorised/);
  assert.equal(await page.locator('#cashfree-sandbox-modal').count(), 0);
  assert.equal((await suite.app.cashfree.subscriptions.get(id)).subscription_status, 'ACTIVE');
  await verifiedWebhook(id, 'SUBSCRIPTION_AUTH_STATUS');
  assert.deepEqual(dialogs, []);
});

test('an unknown session resolves an error and opens nothing', { timeout: 30_000 }, async (t) => {
  const browser = suite.browser;
  if (!requireChromium(t, browser)) return;
  const { page } = await openPage(t, browser);
  await page.goto(`${suite.app.url}/subscribe`);
  const answer = await page.evaluate(async () => {
    const cf = (
      window as unknown as { Cashfree: (o: unknown) => Record<string, (o: unknown) => Promise<unknown>> }
    ).Cashfree({ mode: 'sandbox' });
    return {
      unknown: await cf['subscriptionsCheckout']!({ subsSessionId: 'subs_session_nope' }),
      missing: await cf['subscriptionsCheckout']!({}),
      target: await cf['subscriptionsCheckout']!({ subsSessionId: 'x', redirectTarget: '_nowhere' }),
    };
  });
  const code = (value: unknown) => (value as { error: { code: string } }).error.code;
  assert.equal(code(answer.unknown), 'subscription_session_id_invalid');
  assert.equal(code(answer.missing), 'subscription_session_id_invalid');
  assert.equal(code(answer.target), 'redirect_target_invalid');
  assert.match(page.url(), /\/subscribe$/);
});
