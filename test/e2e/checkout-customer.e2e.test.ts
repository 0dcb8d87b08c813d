/**
 * The sandbox's hosted checkout as a customer on a phone meets it, in headless Chromium: the
 * merchant's display name (not its app id), wallets by name, every wrong card field named at once
 * in a customer's words with what they typed kept, an expired card refused, test-card numbers that
 * never wrap mid-number, and the modal's close button clear of the checkout's banner.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TEST_CARD_EXPIRY } from '@cashfree-kit/sandbox';
import type { Page } from 'playwright-core';
import { startCheckoutStore } from './checkout.example.js';
import { openPage, requireChromium, screenshot } from './support/browser.js';
import { browserSuite } from './support/suite.js';

const suite = browserSuite(startCheckoutStore, { merchantName: 'Chai Point Test Store' });
const TIMEOUT = { timeout: 60_000 };

async function openCheckout(page: Page): Promise<void> {
  await page.goto(`${suite.app.url}/buy?amount=499`);
  await page.click('#pay');
  await page.waitForURL(/\/checkout\/pay\?session=/);
}

test('the checkout names the merchant by its display name and wallets by name', TIMEOUT, async (t) => {
  const browser = suite.browser;
  if (!requireChromium(t, browser)) return;
  const { page } = await openPage(t, browser);
  await openCheckout(page);
  const body = (await page.textContent('body')) ?? '';
  assert.match(body, /Pay Chai Point Test Store/);
  assert.ok(!body.includes(suite.sandbox.appId), 'the app id is not shown');
  await page.click('label[for=tab-app]');
  const wallets = await page.$$eval('#provider option', (options) => options.map((o) => o.textContent));
  assert.ok(wallets.includes('Google Pay') && wallets.includes('PhonePe') && wallets.includes('Paytm'));
  assert.ok(!wallets.includes('gpay'));
  assert.equal(await page.textContent('label[for=tab-netbanking]'), 'Net banking');
});

test(
  'wrong card details: every field named at once, in a customer’s words, and what was typed stays',
  TIMEOUT,
  async (t) => {
    const browser = suite.browser;
    if (!requireChromium(t, browser)) return;
    const { page } = await openPage(t, browser);
    await openCheckout(page);
    await page.fill('#card_number', '4111 1111');
    await page.fill('#card_expiry', '01/20');
    await page.fill('#card_cvv', '1');
    await page.fill('#card_holder_name', 'Priya Patel');
    await page.click('form.panel-card button[type=submit]');
    await page.locator('[data-testid=error]').waitFor();
    const messages = await page.$$eval('.field-error', (all) =>
      all.map((el) => `${el.getAttribute('data-field')}: ${el.textContent}`),
    );
    assert.deepEqual(messages, [
      'card_number: Enter the full card number: 12 to 19 digits.',
      'card_expiry: This card has expired. Check the date, or use a card that has not expired.',
      'card_cvv: Enter the 3 or 4 digit CVV from the back of the card.',
    ]);
    assert.equal(await page.inputValue('#card_number'), '4111 1111');
    assert.equal(await page.inputValue('#card_expiry'), '01/20');
    assert.equal(await page.inputValue('#card_holder_name'), 'Priya Patel');
    assert.doesNotMatch((await page.textContent('body')) ?? '', /card_\w+ :/);
    await screenshot(page, 'checkout-field-errors');

    // Corrected, except the expired date: that alone is named, and nothing was charged.
    await page.fill('#card_number', '4111 1111 1111 1111');
    await page.fill('#card_cvv', '123');
    await page.click('form.panel-card button[type=submit]');
    await page.locator('[data-testid=error]').waitFor();
    assert.deepEqual(
      await page.$$eval('.field-error', (all) => all.map((el) => el.getAttribute('data-field'))),
      ['card_expiry'],
    );
    await page.fill('#card_expiry', TEST_CARD_EXPIRY.mmYy);
    await page.fill('#card_cvv', '123');
    await page.click('form.panel-card button[type=submit]');
    await page.locator('#otp').waitFor();
  },
);

test('on a phone, test-card numbers stay on one line', TIMEOUT, async (t) => {
  const browser = suite.browser;
  if (!requireChromium(t, browser)) return;
  const { page } = await openPage(t, browser, 320);
  await openCheckout(page);
  await page.click('.testdata details summary');
  const wrapped = await page.$$eval('.testdata code', (all) =>
    all
      .filter((el) => el.getClientRects().length > 1 || el.getBoundingClientRect().height > 24)
      .map((el) => el.textContent),
  );
  assert.deepEqual(wrapped, [], 'chips broken over two lines');
});

test('the modal’s close button does not cover the checkout’s banner text', TIMEOUT, async (t) => {
  const browser = suite.browser;
  if (!requireChromium(t, browser)) return;
  for (const width of [375, 1280]) {
    const { page } = await openPage(t, browser, width);
    await page.goto(`${suite.app.url}/buy?amount=250&target=_modal`);
    await page.click('#pay');
    const frame = page.frameLocator('#cashfree-sandbox-modal iframe');
    await frame.locator('.banner').waitFor();
    const close = await page.locator('#cashfree-sandbox-modal-close').boundingBox();
    const frameBox = await page.locator('#cashfree-sandbox-modal iframe').boundingBox();
    assert.ok(close && frameBox);
    // The banner's text, line by line, in the frame's coordinates.
    const lines = await frame.locator('.banner').evaluate((banner) => {
      const range = document.createRange();
      range.selectNodeContents(banner);
      return [...range.getClientRects()].map((r) => ({ x: r.x, y: r.y, width: r.width, height: r.height }));
    });
    assert.ok(lines.length > 0);
    for (const line of lines) {
      const left = frameBox.x + line.x;
      const top = frameBox.y + line.y;
      const overlaps =
        left < close.x + close.width &&
        close.x < left + line.width &&
        top < close.y + close.height &&
        close.y < top + line.height;
      assert.ok(!overlaps, `at ${width} px the close button covers banner text ${JSON.stringify(line)}`);
    }
    await screenshot(page, `checkout-modal-banner-${width}`);
    await page.context().close();
  }
});
