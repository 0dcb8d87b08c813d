/**
 * A payment link in real headless Chromium: a part payment makes it PARTIALLY_PAID, the rest makes
 * it PAID; each step sends a PAYMENT_LINK_EVENT that the merchant's endpoint verifies, and the
 * dashboard shows the deliveries.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TEST_CARD_EXPIRY } from '@cashfree-kit/sandbox';
import type { Page } from 'playwright-core';
import { startLinkMerchant } from './payment-link.example.js';
import { openPage, requireChromium, screenshot } from './support/browser.js';
import { dashboardShowsDelivery, deliveredWebhook } from './support/dashboard.js';
import { browserSuite } from './support/suite.js';
import { waitFor } from './support/webhook-receiver.js';

const suite = browserSuite(startLinkMerchant);

/** Pays `amount` on the open link page by card and returns to it; returns the link order's id. */
async function payOnLink(page: Page, linkPage: string, amount: string): Promise<string> {
  await page.fill('#amount', amount);
  await page.click('button[type=submit]');
  await page.waitForURL(/\/checkout\/pay\?session=/);
  const orderId = (await page.textContent('[data-testid=order-id]'))?.trim() ?? '';
  assert.ok(orderId.startsWith('CFPay_'), `a link order, got ${orderId}`);
  await page.fill('#card_number', '4111 1111 1111 1111');
  await page.fill('#card_expiry', TEST_CARD_EXPIRY.mmYy);
  await page.fill('#card_cvv', '123');
  await page.click('form.panel-card button[type=submit]');
  await page.fill('#otp', '111000');
  await page.click('button[value=otp]');
  // Without link_meta.return_url the customer comes back to the link page.
  await page.waitForURL(linkPage);
  return orderId;
}

function linkEvent(status: string) {
  return waitFor(`a verified PAYMENT_LINK_EVENT with link_status ${status}`, () =>
    suite.app.received.find(
      (w) => w.event.type === 'PAYMENT_LINK_EVENT' && w.event.data.link_status === status,
    ),
  );
}

test('a part payment, then the rest: PARTIALLY_PAID then PAID, each PAYMENT_LINK_EVENT verified', {
  timeout: 60_000,
}, async (t) => {
  const browser = suite.browser;
  if (!requireChromium(t, browser)) return;
  const { page, dialogs } = await openPage(t, browser);
  await page.goto(`${suite.app.url}/links/new?link_id=link_e2e_fees&amount=500&minimum=150`);
  await page.waitForURL(/\/links\/[a-z0-9]{12}$/);
  const linkPage = page.url();
  assert.match((await page.textContent('h1')) ?? '', /Term fees <Class 5>/);
  assert.equal(await page.getAttribute('#amount', 'min'), '150.00');

  // Below the minimum first instalment: refused on the page, nothing charged.
  await page.fill('#amount', '100');
  await page.locator('#amount').evaluate((input) => input.removeAttribute('min'));
  await page.click('button[type=submit]');
  assert.match((await page.textContent('[data-testid=error]')) ?? '', /at least 150\.00/);

  const first = await payOnLink(page, linkPage, '200');
  assert.equal(await page.getAttribute('[data-testid=link]', 'data-status'), 'PARTIALLY_PAID');
  assert.equal(await page.textContent('[data-testid=amount-paid]'), '₹200.00');
  await screenshot(page, 'link-partially-paid');
  const partial = await linkEvent('PARTIALLY_PAID');
  assert.equal(partial.event.type === 'PAYMENT_LINK_EVENT' && partial.event.data.link_amount_paid, '200.00');

  const second = await payOnLink(page, linkPage, '300');
  assert.equal(await page.getAttribute('[data-testid=link]', 'data-status'), 'PAID');
  assert.match((await page.textContent('[data-testid=closed]')) ?? '', /fully paid/);
  await screenshot(page, 'link-paid');
  await linkEvent('PAID');

  const link = await suite.app.cashfree.links.get('link_e2e_fees');
  assert.equal(link.link_status, 'PAID');
  assert.equal(link.link_amount_paid, 500);
  for (const orderId of [first, second]) {
    assert.equal((await suite.app.cashfree.orders.get(orderId)).order_status, 'PAID');
  }
  assert.deepEqual(suite.app.refused, []);
  assert.deepEqual(dialogs, []);

  await deliveredWebhook(suite.sandbox.url, second, 'PAYMENT_LINK_EVENT');
  const dashboard = await openPage(t, browser, 1280);
  await dashboardShowsDelivery(
    dashboard.page,
    suite.sandbox.url,
    second,
    'PAYMENT_LINK_EVENT',
    'dashboard-link-paid',
  );
});
