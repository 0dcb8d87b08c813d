/**
 * The sandbox's dashboard in headless Chromium on a phone-sized screen: the nav bar leads to each
 * list, the Requests page filters and opens one API call, a 45-character order id and the
 * secret fit the screen, the clock buttons show what the advance ran, and no page asks the
 * server for a favicon.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TEST_CARD_EXPIRY } from '@cashfree-kit/sandbox';
import { untilTomorrowIst } from '../support/ist-clock.ts';
import { openPage, requireChromium, screenshot } from './support/browser.js';
import { browserSuite, sandboxClient } from './support/suite.js';

const suite = browserSuite(async () => ({ close: async () => {} }));

/** The longest order_id Cashfree takes, with no place to break a line. */
const LONG_ORDER_ID = `order_${'9'.repeat(39)}`;

test('a developer moves through the dashboard on a phone: lists, the request log, the clock', {
  timeout: 60_000,
}, async (t) => {
  const browser = suite.browser;
  if (!requireChromium(t, browser)) return;
  // Pay at 10:00 IST whatever the hour CI runs at: the +1 day button then always passes the next
  // 09:00 IST settlement cycle (paid after midnight IST, the cycle was 33 hours away).
  suite.sandbox.sandbox.advanceClock(untilTomorrowIst(suite.sandbox.sandbox.now(), '10:00'));
  const cashfree = sandboxClient(suite.sandbox);
  const order = await cashfree.orders.create({
    order_id: LONG_ORDER_ID,
    order_amount: 598800,
    order_currency: 'INR',
    customer_details: { customer_id: 'cust_dash', customer_phone: '9876543210' },
  });
  const attempt = await cashfree.orders.pay({
    payment_session_id: order.payment_session_id!,
    payment_method: {
      card: {
        channel: 'post',
        card_number: '4111111111111111',
        card_expiry_mm: TEST_CARD_EXPIRY.mm,
        card_expiry_yy: TEST_CARD_EXPIRY.yy,
        card_cvv: '123',
      },
    },
  });
  await cashfree.orders.authenticate(String(attempt.cf_payment_id), { action: 'SUBMIT_OTP', otp: '111000' });
  // A wrong key, as a misconfigured app would send it: the log keeps the 401.
  await fetch(`${suite.sandbox.url}/pg/orders/${LONG_ORDER_ID}`, {
    headers: {
      'x-api-version': '2025-01-01',
      'x-client-id': suite.sandbox.appId,
      'x-client-secret': 'wrong',
    },
  });

  const { page, dialogs } = await openPage(t, browser);
  const asked: string[] = [];
  page.on('request', (request) => asked.push(new URL(request.url()).pathname));
  await page.goto(`${suite.sandbox.url}/_sandbox/`);
  await screenshot(page, 'dashboard-home-phone');

  await Promise.all([page.waitForURL(/\/_sandbox\/payments$/), page.click('nav.sections >> text=Payments')]);
  assert.equal(await page.getAttribute('nav.sections a[aria-current=page]', 'href'), '/_sandbox/payments');
  assert.match((await page.textContent('[data-testid=payments]')) ?? '', /₹5,98,800\.00/);
  await screenshot(page, 'dashboard-payments-phone');

  await Promise.all([page.waitForURL(/\/_sandbox\/requests$/), page.click('nav.sections >> text=Requests')]);
  await page.selectOption('form.filters select[name=status]', '4xx');
  await Promise.all([page.waitForURL(/status=4xx/), page.click('form.filters button[type=submit]')]);
  const rows = page.locator('[data-testid=requests] tr[data-request]');
  assert.equal(await rows.count(), 1);
  await Promise.all([
    page.waitForURL(/\/_sandbox\/requests\/\d+$/),
    rows.first().locator('a').first().click(),
  ]);
  assert.match((await page.textContent('[data-testid=request]')) ?? '', /401/);
  assert.match(
    (await page.textContent('[data-testid=request-headers]')) ?? '',
    /"x-client-secret": "\(sent, not stored\)"/,
  );
  await screenshot(page, 'dashboard-request-phone');

  await page.click(`[data-testid=request] a[href="/_sandbox/orders/${LONG_ORDER_ID}"]`);
  await page.waitForURL(new RegExp(`/_sandbox/orders/${LONG_ORDER_ID}$`));
  assert.ok((await page.locator('[data-testid=order-requests] tr[data-request]').count()) >= 3);
  await screenshot(page, 'dashboard-order-phone');

  await page.goto(`${suite.sandbox.url}/_sandbox/`);
  await Promise.all([
    page.waitForEvent('load'),
    page.click('button[data-action=advance][data-ms="86400000"]'),
  ]);
  const last = (await page.textContent('[data-testid=last-advance]')) ?? '';
  assert.match(last, /\+1 day/);
  assert.match(last, /[1-9]\d* transitions? ran/, 'a day settles the paid order at least');
  await Promise.all([
    page.waitForURL(/\/_sandbox\/advances\/\d+$/),
    page.click('[data-testid=last-advance] a'),
  ]);
  assert.match((await page.textContent('[data-testid=advance-ran]')) ?? '', /settlement cycles initiated/);
  await screenshot(page, 'dashboard-advance-phone');

  assert.ok(!asked.includes('/favicon.ico'), 'every page carries its icon inline');
  assert.deepEqual(dialogs, []);
});
