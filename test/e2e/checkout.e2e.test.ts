/**
 * The hosted checkout in real headless Chromium: a merchant page loads the sandbox's cashfree.js,
 * the customer pays on the sandbox's pages, the browser returns to the merchant, the merchant's
 * endpoint receives a verified webhook, and the dashboard shows the delivery.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TEST_CARD_EXPIRY } from '@cashfree-kit/sandbox';
import type { WebhookEvent } from 'cashfree-kit/webhooks';
import type { FrameLocator, Page } from 'playwright-core';
import { startCheckoutStore } from './checkout.example.js';
import { openPage, requireChromium, screenshot } from './support/browser.js';
import { dashboardShowsDelivery, deliveredWebhook } from './support/dashboard.js';
import { browserSuite } from './support/suite.js';
import { waitFor } from './support/webhook-receiver.js';

const suite = browserSuite(startCheckoutStore);

const orderIdOf = (event: WebhookEvent) =>
  (event as { data?: { order?: { order_id?: string } } }).data?.order?.order_id;

/** The merchant's webhook endpoint verified a `type` webhook for the order. */
function verifiedWebhook(orderId: string, type: string): Promise<WebhookEvent> {
  return waitFor(
    `a verified ${type} for ${orderId}`,
    () => suite.app.received.find((w) => w.event.type === type && orderIdOf(w.event) === orderId)?.event,
  );
}

/** Opens the merchant's product page and clicks Pay; returns the order id. */
async function clickPay(page: Page, query: string): Promise<string> {
  await page.goto(`${suite.app.url}/buy?${query}`);
  const orderId = await page.getAttribute('#order', 'data-order-id');
  assert.ok(orderId);
  await page.click('#pay');
  return orderId;
}

async function enterCard(checkout: Page | FrameLocator, cardNumber: string): Promise<void> {
  await checkout.locator('#card_number').fill(cardNumber);
  await checkout.locator('#card_expiry').fill(TEST_CARD_EXPIRY.mmYy);
  await checkout.locator('#card_cvv').fill('123');
  await checkout.locator('form.panel-card button[type=submit]').click();
  await checkout.locator('#otp').waitFor();
}

async function submitOtp(checkout: Page | FrameLocator): Promise<void> {
  await checkout.locator('#otp').fill('111000');
  await checkout.locator('button[value=otp]').click();
}

/** The browser is back on the merchant's return page, which shows what `orders.get` said. */
async function backAtMerchant(page: Page, orderId: string, orderStatus: string, paymentStatus: string) {
  await page.waitForURL(`${suite.app.url}/return?order_id=${orderId}`);
  assert.equal(await page.textContent('#order-status'), orderStatus);
  assert.equal(await page.textContent('#payment-status'), paymentStatus);
  assert.equal((await suite.app.cashfree.orders.get(orderId)).order_status, orderStatus);
}

async function checkDashboard(
  t: Parameters<typeof openPage>[0],
  orderId: string,
  type: string,
  name: string,
) {
  await deliveredWebhook(suite.sandbox.url, orderId, type);
  const { page, dialogs } = await openPage(t, suite.browser!, 1280);
  await dashboardShowsDelivery(page, suite.sandbox.url, orderId, type, name);
  assert.deepEqual(dialogs, []);
}

test('card with OTP: PAID, PAYMENT_SUCCESS_WEBHOOK verified, merchant text escaped everywhere', {
  timeout: 60_000,
}, async (t) => {
  const browser = suite.browser;
  if (!requireChromium(t, browser)) return;
  const { page, dialogs } = await openPage(t, browser);
  const orderId = await clickPay(
    page,
    `amount=499&note=${encodeURIComponent('<script>alert("xss")</script>')}`,
  );
  await page.waitForURL(/\/checkout\/pay\?session=/);
  assert.match((await page.textContent('[data-testid=amount]')) ?? '', /₹499\.00/);
  assert.match(await page.content(), /&lt;script&gt;alert/);
  await enterCard(page, '4111 1111 1111 1111');
  await screenshot(page, 'checkout-card-otp');
  await submitOtp(page);
  await backAtMerchant(page, orderId, 'PAID', 'SUCCESS');
  await screenshot(page, 'checkout-card-success');

  const event = await verifiedWebhook(orderId, 'PAYMENT_SUCCESS_WEBHOOK');
  assert.equal(
    (event as { data: { payment: { payment_status: string } } }).data.payment.payment_status,
    'SUCCESS',
  );
  assert.deepEqual(suite.app.refused, []);
  assert.deepEqual(dialogs, [], 'no injected script ran');
  await checkDashboard(t, orderId, 'PAYMENT_SUCCESS_WEBHOOK', 'dashboard-card-success');
});

test('_top from a shop in an iframe: the whole window goes to checkout and returns, PAID', {
  timeout: 60_000,
}, async (t) => {
  const browser = suite.browser;
  if (!requireChromium(t, browser)) return;
  const { page } = await openPage(t, browser);
  await page.goto(`${suite.app.url}/embedded?amount=120`);
  const shop = page.frameLocator('#shop');
  const orderId = await shop.locator('#order').getAttribute('data-order-id');
  assert.ok(orderId);
  await shop.locator('#pay').click();
  await page.waitForURL(/\/checkout\/pay\?session=/);
  assert.equal(page.frames().length, 1, 'the top window navigated; no frame is left');
  await enterCard(page, '4111111111111111');
  await submitOtp(page);
  await backAtMerchant(page, orderId, 'PAID', 'SUCCESS');
  await screenshot(page, 'checkout-top-success');
  await verifiedWebhook(orderId, 'PAYMENT_SUCCESS_WEBHOOK');
});

test('declined card: the order stays ACTIVE, PAYMENT_FAILED_WEBHOOK verified', {
  timeout: 60_000,
}, async (t) => {
  const browser = suite.browser;
  if (!requireChromium(t, browser)) return;
  const { page } = await openPage(t, browser);
  const orderId = await clickPay(page, 'amount=120');
  await page.waitForURL(/\/checkout\/pay\?session=/);
  await enterCard(page, '4111 1111 1111 1112');
  await submitOtp(page);
  await backAtMerchant(page, orderId, 'ACTIVE', 'FAILED');
  await screenshot(page, 'checkout-card-failure');
  await verifiedWebhook(orderId, 'PAYMENT_FAILED_WEBHOOK');
  await checkDashboard(t, orderId, 'PAYMENT_FAILED_WEBHOOK', 'dashboard-card-failure');
});

for (const [vpa, orderStatus, paymentStatus, type, name] of [
  ['success@cashfree', 'PAID', 'SUCCESS', 'PAYMENT_SUCCESS_WEBHOOK', 'upi-success'],
  ['failure@cashfree', 'ACTIVE', 'FAILED', 'PAYMENT_FAILED_WEBHOOK', 'upi-failure'],
] as const) {
  test(`UPI collect to ${vpa}: ${paymentStatus}, ${type} verified`, { timeout: 60_000 }, async (t) => {
    const browser = suite.browser;
    if (!requireChromium(t, browser)) return;
    const { page } = await openPage(t, browser);
    const orderId = await clickPay(page, 'amount=75.5');
    await page.waitForURL(/\/checkout\/pay\?session=/);
    await page.click('label[for=tab-upi]');
    await page.fill('#upi_id', vpa);
    await page.click('form.panel-upi button[type=submit]');
    // The wait page refreshes itself until the test VPA's collect request resolves.
    await backAtMerchant(page, orderId, orderStatus, paymentStatus);
    await screenshot(page, `checkout-${name}`);
    const event = await verifiedWebhook(orderId, type);
    assert.equal(
      (event as { data: { payment: { payment_group: string } } }).data.payment.payment_group,
      'upi',
    );
    await checkDashboard(t, orderId, type, `dashboard-${name}`);
  });
}

test('cancel on the bank page drops the payment: USER_DROPPED, PAYMENT_USER_DROPPED_WEBHOOK verified', {
  timeout: 60_000,
}, async (t) => {
  const browser = suite.browser;
  if (!requireChromium(t, browser)) return;
  const { page } = await openPage(t, browser);
  const orderId = await clickPay(page, 'amount=60');
  await page.waitForURL(/\/checkout\/pay\?session=/);
  await enterCard(page, '4111 1111 1111 1111');
  await page.click('button[value=cancel]');
  await backAtMerchant(page, orderId, 'ACTIVE', 'USER_DROPPED');
  await screenshot(page, 'checkout-dropped');
  await verifiedWebhook(orderId, 'PAYMENT_USER_DROPPED_WEBHOOK');
  await checkDashboard(t, orderId, 'PAYMENT_USER_DROPPED_WEBHOOK', 'dashboard-dropped');
});

test('modal checkout: the page stays, checkout() resolves paymentDetails, PAID and verified', {
  timeout: 60_000,
}, async (t) => {
  const browser = suite.browser;
  if (!requireChromium(t, browser)) return;
  const { page } = await openPage(t, browser);
  const orderId = await clickPay(page, 'amount=250&target=_modal');
  const modal = page.frameLocator('#cashfree-sandbox-modal iframe');
  await enterCard(modal, '4111111111111111');
  await screenshot(page, 'checkout-modal-otp');
  await submitOtp(modal);
  await page.locator('#cashfree-sandbox-modal').waitFor({ state: 'detached' });
  const result = JSON.parse((await page.textContent('#result')) ?? 'null');
  assert.deepEqual(result, { paymentDetails: { paymentMessage: '00::Transaction success' } });
  assert.equal(
    page.url(),
    `${suite.app.url}/buy?amount=250&target=_modal`,
    'the merchant page never navigated',
  );
  assert.equal((await suite.app.cashfree.orders.get(orderId)).order_status, 'PAID');
  await screenshot(page, 'checkout-modal-success');
  await verifiedWebhook(orderId, 'PAYMENT_SUCCESS_WEBHOOK');
  await checkDashboard(t, orderId, 'PAYMENT_SUCCESS_WEBHOOK', 'dashboard-modal');
});

test('modal closed by the customer resolves { error }; an unknown session resolves { error } at once', {
  timeout: 60_000,
}, async (t) => {
  const browser = suite.browser;
  if (!requireChromium(t, browser)) return;
  const { page } = await openPage(t, browser);
  await clickPay(page, 'amount=10&target=_modal');
  await page.locator('#cashfree-sandbox-modal iframe').waitFor();
  await page.click('#cashfree-sandbox-modal-close');
  await page.waitForFunction(() => document.getElementById('result')?.textContent !== '');
  const closed = JSON.parse((await page.textContent('#result')) ?? 'null');
  assert.equal(closed.error.code, 'checkout_closed');

  const unknown = await page.evaluate(async () => {
    const cf = (
      window as unknown as { Cashfree: (o: unknown) => { checkout(o: unknown): Promise<unknown> } }
    ).Cashfree({
      mode: 'sandbox',
    });
    return [
      await cf.checkout({ paymentSessionId: 'session_does_not_exist', redirectTarget: '_modal' }),
      await cf.checkout({ redirectTarget: '_self' }),
    ];
  });
  assert.deepEqual(unknown, [
    {
      error: {
        message: 'payment_session_id : is not valid. Value received: session_does_not_exist',
        code: 'payment_session_id_invalid',
        type: 'invalid_request_error',
      },
    },
    {
      error: {
        message: 'paymentSessionId is missing: pass the payment_session_id from POST /pg/orders.',
        code: 'payment_session_id_invalid',
        type: 'invalid_request_error',
      },
    },
  ]);
});

test('_blank opens the checkout in a new tab and resolves { redirect: true }; production mode warns', {
  timeout: 60_000,
}, async (t) => {
  const browser = suite.browser;
  if (!requireChromium(t, browser)) return;
  const { page } = await openPage(t, browser);
  const warnings: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'warning') warnings.push(message.text());
  });
  const [tab] = await Promise.all([
    page.context().waitForEvent('page'),
    clickPay(page, 'amount=30&target=_blank'),
  ]);
  await tab.waitForURL(/\/checkout\/pay\?session=/);
  assert.match((await tab.textContent('[data-testid=amount]')) ?? '', /₹30\.00/);
  await page.waitForFunction(() => document.getElementById('result')?.textContent !== '');
  assert.deepEqual(JSON.parse((await page.textContent('#result')) ?? 'null'), { redirect: true });

  await page.evaluate(() => {
    (window as unknown as { Cashfree: (o: unknown) => unknown }).Cashfree({ mode: 'production' });
  });
  assert.ok(
    warnings.some((w) => /mode: "production"/.test(w) && /no real payment/.test(w)),
    warnings.join('\n'),
  );
});
