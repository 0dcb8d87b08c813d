/**
 * "Tea of the month" in real headless Chromium against the local sandbox (issue 23): the shopper
 * subscribes, approves the UPI Autopay mandate on the sandbox's hosted mandate page (opened by
 * `cashfree.subscriptionsCheckout()`), and comes back to a page that asked Cashfree; the owner sees
 * the subscription ACTIVE, moves the sandbox clock a month from the Subscriptions page and sees
 * the charge SUCCESS arrive by webhook; charges ₹120.50 on demand ("Charge now", for the next day
 * in India by the sandbox's clock), moves the clock to that charge from the page and sees it
 * SUCCESS without the plan's next charge moving, refunds ₹50 of it and sees the refund INITIATED,
 * then SUCCESS by webhook once the clock moves on; then pauses, resumes and cancels it. A refused mandate says
 * nothing was charged and offers the mandate page again. Every page is checked for the secret key
 * and for overflow at phone width; the store runs as its own process, as `npm start` runs it.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { checkedShot, SECRET_KEY, startDemoStore } from './demo-store.support.js';
import { openPage, requireChromium } from './support/browser.js';
import { browserSuite } from './support/suite.js';
import { waitFor } from './support/webhook-receiver.js';

const suite = browserSuite(startDemoStore, { secretKey: SECRET_KEY });
const TIMEOUT = { timeout: 120_000 };

/** The subscription as the sandbox has it (what Cashfree would answer the merchant). */
async function sandboxStatus(subscriptionId: string): Promise<string> {
  const response = await fetch(`${suite.sandbox.apiBase}/subscriptions/${subscriptionId}`, {
    headers: {
      'x-client-id': suite.sandbox.appId,
      'x-client-secret': suite.sandbox.secretKey,
      'x-api-version': '2025-01-01',
    },
  });
  return ((await response.json()) as { subscription_status: string }).subscription_status;
}

/** Subscribes from the offer page and lands on the sandbox's mandate page. */
async function subscribe(page: Page): Promise<void> {
  await page.goto(suite.app.url);
  await page.click('[data-testid=tea-of-the-month] a');
  await page.waitForURL(`${suite.app.url}/tea-of-the-month`);
  await page.click('#subscribe');
  await page.waitForURL(/\/subscriptions\/checkout\?session=/);
  await page.locator('[data-testid=mandate-summary]').waitFor();
}

/** Approves the UPI mandate with `vpa` in the sandbox's stand-in for the UPI app. */
async function approveUpi(page: Page, vpa: string): Promise<void> {
  await page.fill('#upi_id', vpa);
  await page.click('form.panel-upi button[type=submit]');
  await page.click('button[name=action][value=approve]');
}

/** The owner's card of one subscription, once it shows `status`. */
async function card(page: Page, subscriptionId: string, status: string) {
  const locator = page.locator(`[data-subscription-id="${subscriptionId}"][data-status=${status}]`);
  await locator.waitFor();
  return locator;
}

test(
  'subscribe, approve the UPI mandate, ACTIVE; a month on the clock lands the charge; charge on demand, refund part; pause, resume, cancel',
  TIMEOUT,
  async (t) => {
    const browser = suite.browser;
    if (!requireChromium(t, browser)) return;
    const { page, dialogs } = await openPage(t, browser);
    await page.goto(suite.app.url);
    await page.click('[data-testid=tea-of-the-month] a');
    await page.waitForURL(`${suite.app.url}/tea-of-the-month`);
    assert.equal(
      await page.textContent('[data-testid=subscription-price]'),
      '₹499.00 a monthincl. GST · free shipping',
    );
    await checkedShot(page, 'demo-store-subscription-offer-phone');

    await subscribe(page);
    await checkedShot(page, 'demo-store-subscription-mandate-phone');
    await approveUpi(page, 'success@cashfree');
    // The mandate page posts back to the store's return URL, which asks Cashfree.
    await page.waitForURL(new RegExp(`^${suite.app.url}/tea-of-the-month/return\\?subscription_id=sub_`));
    const subscriptionId = (await page.textContent('[data-testid=subscription-id]')) ?? '';
    const outcome = await page.getAttribute('[data-testid=subscription-outcome]', 'data-outcome');
    if (outcome === 'bank') {
      // A UPI mandate waits for the bank (a minute of sandbox time); the page checks again by itself.
      assert.match((await page.textContent('h1')) ?? '', /Waiting for your bank/);
      const moved = await fetch(`${suite.sandbox.url}/_sandbox/clock/advance`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ minutes: 2 }),
      });
      assert.equal(moved.status, 200);
    } else {
      assert.equal(outcome, 'active');
    }
    await page
      .locator('[data-testid=subscription-outcome][data-outcome=active]')
      .waitFor({ timeout: 30_000 });
    assert.match((await page.textContent('[data-testid=subscription-outcome]')) ?? '', /UPI Autopay/);
    await checkedShot(page, 'demo-store-subscription-active-phone');

    // The owner's page: ACTIVE, with the first charge due a month on.
    await page.click('nav.site a[href="/admin/subscriptions"]');
    const active = await card(page, subscriptionId, 'ACTIVE');
    const firstDue = (await active.locator('[data-testid=next-charge]').textContent()) ?? '';
    assert.match(firstDue, /IST$/);
    assert.equal(await active.locator('[data-testid=charges-none]').count(), 1);
    await checkedShot(page, 'demo-store-subscriptions-active-phone');

    await page.click('[data-testid=advance-month]');
    await page.waitForURL(/\/admin\/subscriptions\?watch=/);
    // The page looks again by itself for a few seconds; the webhooks may take longer on a busy machine.
    const charge = await waitFor(
      'the charge SUCCESS on the Subscriptions page',
      async () => {
        const row = page.locator(`[data-subscription-id="${subscriptionId}"] tr[data-status=SUCCESS]`);
        if ((await row.count()) > 0) return row;
        if (!/watch=[1-9]/.test(page.url())) await page.goto(`${suite.app.url}/admin/subscriptions`);
        await page.waitForTimeout(500);
        return undefined;
      },
      30_000,
    );
    assert.match((await charge.textContent()) ?? '', /₹499\.00/);
    assert.match((await charge.textContent()) ?? '', /SUBSCRIPTION_PAYMENT_SUCCESS/);
    const nextDue =
      (await page
        .locator(`[data-subscription-id="${subscriptionId}"] [data-testid=next-charge]`)
        .textContent()) ?? '';
    assert.notEqual(nextDue, firstDue, 'the next charge moved a month on');
    await checkedShot(page, 'demo-store-subscriptions-charged-phone');

    // "Charge now": ₹120.50 on demand, for the next day in India by the sandbox's clock.
    const ours = `[data-subscription-id="${subscriptionId}"]`;
    await page.fill(`${ours} [data-testid=charge-amount]`, '120.50');
    await page.click(`${ours} button[data-action=charge]`);
    const chargedNotice = (await page.textContent('[data-testid=notice]')) ?? '';
    const paymentId = /Charge (charge_\S+) of ₹120\.50 on subscription/.exec(chargedNotice)?.[1] ?? '';
    assert.ok(paymentId, chargedNotice);
    assert.match(chargedNotice, /is (INITIALIZED|PENDING): it is debited on \d+ \w+, 00:00:00 IST/);
    const onDemand = page.locator(`${ours} tr[data-payment-id="${paymentId}"]`);
    assert.match((await onDemand.textContent()) ?? '', /charged on demand/);
    await checkedShot(page, 'demo-store-subscriptions-charge-now-phone');

    // The sandbox's clock to that charge, from the page: it is debited and reported by webhook.
    await onDemand.locator('button[data-action=clock-to-charge]').click();
    await page.waitForURL(/\/admin\/subscriptions\?watch=/);
    await waitFor(
      'the charge on demand SUCCESS on the Subscriptions page',
      async () => {
        const row = page.locator(`${ours} tr[data-payment-id="${paymentId}"][data-status=SUCCESS]`);
        if ((await row.count()) > 0) return row;
        if (!/watch=[1-9]/.test(page.url())) await page.goto(`${suite.app.url}/admin/subscriptions`);
        await page.waitForTimeout(500);
        return undefined;
      },
      30_000,
    );
    assert.equal(
      await page.locator(`${ours} [data-testid=next-charge]`).textContent(),
      nextDue,
      'a charge on demand leaves the plan’s next charge',
    );

    // "Refund": ₹50 of it; INITIATED, then SUCCESS by SUBSCRIPTION_REFUND_STATUS as the clock moves on.
    await page.selectOption(`${ours} [data-testid=refund-charge]`, paymentId);
    await page.fill(`${ours} [data-testid=refund-amount]`, '50');
    await page.click(`${ours} button[data-action=refund]`);
    const refundNotice = (await page.textContent('[data-testid=notice]')) ?? '';
    const refundId = /Refund (refund_\S+) of ₹50\.00 on charge/.exec(refundNotice)?.[1] ?? '';
    assert.ok(refundId, refundNotice);
    const refundRow = `${ours} tr[data-refund-id="${refundId}"]`;
    assert.equal(await page.getAttribute(refundRow, 'data-status'), 'INITIATED');
    assert.match(
      (await page.textContent(`${ours} [data-testid=refund-charge]`)) ?? '',
      new RegExp(`${paymentId} · ₹70\\.50 left`),
    );
    await checkedShot(page, 'demo-store-subscriptions-refund-phone');
    await page.click('[data-testid=advance-month]');
    await page.waitForURL(/\/admin\/subscriptions\?watch=/);
    const refunded = await waitFor(
      'the refund SUCCESS on the Subscriptions page',
      async () => {
        const row = page.locator(`${refundRow}[data-status=SUCCESS]`);
        if ((await row.count()) > 0) return row;
        if (!/watch=[1-9]/.test(page.url())) await page.goto(`${suite.app.url}/admin/subscriptions`);
        await page.waitForTimeout(500);
        return undefined;
      },
      30_000,
    );
    assert.match((await refunded.textContent()) ?? '', /SUBSCRIPTION_REFUND_STATUS.*₹50\.00/s);

    // The Webhooks page lists the charge's event, about this subscription, linked to its card.
    await page.click('nav.site a[href="/events"]');
    const event = page
      .locator('tr[data-type=SUBSCRIPTION_PAYMENT_SUCCESS]', { hasText: subscriptionId })
      .first();
    await event.waitFor();
    assert.equal(
      await event.locator(`a[href="/admin/subscriptions#${subscriptionId}"]`).count(),
      1,
      'the event links to the subscription',
    );
    await page.click('nav.site a[href="/admin/subscriptions"]');
    await card(page, subscriptionId, 'ACTIVE');

    await page.click(`[data-subscription-id="${subscriptionId}"] button[data-action=pause]`);
    const paused = await card(page, subscriptionId, 'PAUSED');
    assert.match(
      (await page.textContent('[data-testid=notice]')) ?? '',
      /is paused: no charges until it is resumed/,
    );
    assert.equal(await paused.locator('[data-testid=next-charge]').textContent(), '—');
    assert.equal(await sandboxStatus(subscriptionId), 'PAUSED');

    await page.click(`[data-subscription-id="${subscriptionId}"] button[data-action=resume]`);
    await card(page, subscriptionId, 'ACTIVE');
    assert.match(
      (await page.textContent('[data-testid=notice]')) ?? '',
      /is active again\. The next charge is on/,
    );
    assert.equal(await sandboxStatus(subscriptionId), 'ACTIVE');

    await page.click(`[data-subscription-id="${subscriptionId}"] button[data-action=cancel]`);
    const cancelled = await card(page, subscriptionId, 'CANCELLED');
    assert.equal(
      await cancelled
        .locator('button[data-action=pause], button[data-action=resume], button[data-action=cancel]')
        .count(),
      0,
    );
    assert.equal(await sandboxStatus(subscriptionId), 'CANCELLED');
    await checkedShot(page, 'demo-store-subscriptions-cancelled-phone');
    assert.deepEqual(dialogs, []);
  },
);

test('a refused mandate charges nothing and offers the mandate page again', TIMEOUT, async (t) => {
  const browser = suite.browser;
  if (!requireChromium(t, browser)) return;
  const { page, dialogs } = await openPage(t, browser, 1280);
  await subscribe(page);
  await approveUpi(page, 'failure@cashfree');
  await page.waitForURL(new RegExp(`^${suite.app.url}/tea-of-the-month/return\\?subscription_id=sub_`));
  const hero = page.locator('[data-testid=subscription-outcome]');
  assert.equal(await hero.getAttribute('data-outcome'), 'declined');
  assert.match((await hero.textContent()) ?? '', /nothing was charged/);
  await checkedShot(page, 'demo-store-subscription-declined-desktop');
  // "Try again" reopens the mandate page for the same subscription.
  await page.click('#approve-mandate');
  await page.waitForURL(/\/subscriptions\/checkout\?session=/);
  await page.locator('[data-testid=mandate-summary]').waitFor();
  assert.deepEqual(dialogs, []);
});
