/**
 * The demo store in real headless Chromium against the local sandbox: a customer buys with a
 * card (paid, declined then paid), with UPI and in the modal checkout; the owner takes a payment
 * link (URL and QR code) and refunds an order in two parts. Every step is checked on the store's
 * pages, in the sandbox's state and on the store's received-webhooks page, and every page is
 * saved at phone and desktop width. The store runs as its own process; what it prints is checked
 * for the secret key at the end.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { signWebhook } from 'cashfree-kit/webhooks';
import type { FrameLocator, Page } from 'playwright-core';
import {
  masked,
  payByCard,
  readmeShotFiles,
  readmeShotsTaken,
  SECRET_KEY,
  sandboxOrder,
  secretLeaks,
  shootBoth,
  shootOne,
  shootPanelOnPhone,
  startDemoStore,
  storeReceived,
} from './demo-store.support.js';
import { openPage, requireChromium } from './support/browser.js';
import { browserSuite } from './support/suite.js';
import { waitFor } from './support/webhook-receiver.js';

// jsqr is CommonJS whose typings declare an ES default export; require() gives the function itself.
const jsQR = createRequire(import.meta.url)('jsqr') as typeof import('jsqr').default;

const suite = browserSuite(startDemoStore, { secretKey: SECRET_KEY });
const TIMEOUT = { timeout: 90_000 };

/** On the product page: clicks a Pay button; returns the order id the checkout shows. */
async function clickPay(page: Page, button: '#pay-self' | '#pay-modal'): Promise<string> {
  await page.goto(`${suite.app.url}/`);
  await page.click(button);
  let checkout: Page | FrameLocator = page;
  if (button === '#pay-modal') checkout = page.frameLocator('#cashfree-sandbox-modal iframe');
  else await page.waitForURL(/\/checkout\/pay\?session=/);
  const orderId = (await checkout.locator('[data-testid=order-id]').textContent())?.trim();
  assert.ok(orderId && suite.app.orders.get(orderId), `checkout shows an order of the shop: ${orderId}`);
  return orderId;
}

/** Back on the store's return page, which shows what the server learnt from Cashfree. */
async function backAtStore(page: Page, orderId: string, outcome: string): Promise<void> {
  await page.waitForURL(`${suite.app.url}/return?order_id=${orderId}`);
  assert.equal(await page.getAttribute('[data-testid=order-status]', 'data-status'), outcome);
}

/** Waits until webhooks moved the store's own record, then reloads the page to show it. */
async function shopRecordIs(page: Page, orderId: string, status: string): Promise<void> {
  await waitFor(`the shop's record of ${orderId} to be ${status}`, () =>
    suite.app.orders.get(orderId)?.status === status ? true : undefined,
  );
  await page.reload();
  assert.equal(await page.getAttribute('[data-testid=shop-status] .badge', 'data-status'), status);
}

/** The trimmed text of the first element matching `selector`. */
async function text(page: Page, selector: string): Promise<string> {
  return ((await page.textContent(selector)) ?? '').trim();
}

async function panelSteps(page: Page): Promise<string[]> {
  return page.$$eval('[data-testid=what-happened] li.step', (steps) =>
    steps.map((s) => (s as HTMLElement).dataset['operation'] ?? (s as HTMLElement).dataset['kind'] ?? ''),
  );
}

test(
  'card, _self: checkout, OTP, the return page shows PAID from Cashfree, the webhook marks the order paid',
  TIMEOUT,
  async (t) => {
    const browser = suite.browser;
    if (!requireChromium(t, browser)) return;
    const { page, dialogs } = await openPage(t, browser);
    await page.goto(`${suite.app.url}/`);
    assert.match((await page.textContent('#pay-self')) ?? '', /Pay ₹499/);
    await shootBoth(t, browser, page, 'product');

    const orderId = await clickPay(page, '#pay-self');
    assert.match((await page.textContent('[data-testid=amount]')) ?? '', /₹499\.00/);
    assert.equal((await page.textContent('[data-testid=order-id]'))?.trim(), orderId);
    await shootBoth(t, browser, page, 'checkout');

    await payByCard(page, '4111 1111 1111 1111');
    await backAtStore(page, orderId, 'paid');
    assert.equal(
      await page.getAttribute('[data-testid=payments] tr[data-payment-status]', 'data-payment-status'),
      'SUCCESS',
    );
    assert.match((await page.textContent('[data-testid=payments]')) ?? '', /Visa ···· 1111/);
    assert.deepEqual(await sandboxOrder(suite.sandbox, orderId), {
      order_status: 'PAID',
      payments: ['SUCCESS'],
      refunds: [],
    });

    await shopRecordIs(page, orderId, 'PAID');
    assert.equal(await storeReceived(t, browser, suite.app, 'PAYMENT_SUCCESS_WEBHOOK', orderId), 'done');
    await page.reload();
    const steps = await panelSteps(page);
    assert.deepEqual(steps.slice(0, 2), ['orders.create', 'checkout']);
    for (const step of ['orders.get', 'payments.list', 'webhook'])
      assert.ok(steps.includes(step), `${step} in ${steps}`);
    await shootBoth(t, browser, page, 'return-paid');

    // The panel is for copying: the order request as sent, credentials redacted.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    const create = page.locator('li.step[data-operation="orders.create"]');
    await create.locator('summary', { hasText: 'Request' }).click();
    await create.locator('button[data-copy$="-request"]').click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(copied, /^POST http:\/\/127\.0\.0\.1:\d+\/pg\/orders\n/);
    assert.match(copied, /x-client-secret: \[REDACTED\]/);
    assert.match(copied, /"return_url": "http:\/\/127\.0\.0\.1:\d+\/return\?order_id=\{order_id\}"/);
    assert.match(copied, /"notify_url": "http:\/\/127\.0\.0\.1:\d+\/webhooks\/cashfree"/);
    assert.ok(!copied.includes(SECRET_KEY));
    await create.locator('summary', { hasText: 'Response' }).click();
    assert.match(
      (await create.locator('pre[id$="-response"]').textContent()) ?? '',
      /"payment_session_id": "session_/,
    );
    await page.setViewportSize({ width: 1280, height: 900 });
    await shootOne(page, 'panel', page.locator('[data-testid=what-happened]'));
    await shootPanelOnPhone(t, browser, page.url(), 'demo-store-panel-return-phone');
    assert.deepEqual(dialogs, []);
  },
);

test(
  'declined card: the return page says failed and the order stays open; Try again pays it',
  TIMEOUT,
  async (t) => {
    const browser = suite.browser;
    if (!requireChromium(t, browser)) return;
    const { page } = await openPage(t, browser);
    const orderId = await clickPay(page, '#pay-self');
    await payByCard(page, '4111 1111 1111 1112');
    await backAtStore(page, orderId, 'failed');
    assert.equal(await page.getAttribute('[data-testid=cashfree-status] .badge', 'data-status'), 'ACTIVE');
    assert.match((await page.textContent('[data-testid=order-status]')) ?? '', /No money was taken/);
    assert.equal(await storeReceived(t, browser, suite.app, 'PAYMENT_FAILED_WEBHOOK', orderId), 'done');
    assert.equal(suite.app.orders.get(orderId)?.status, 'ACTIVE', 'a failed payment leaves the order open');
    assert.deepEqual(await sandboxOrder(suite.sandbox, orderId), {
      order_status: 'ACTIVE',
      payments: ['FAILED'],
      refunds: [],
    });
    await shootBoth(t, browser, page, 'return-failed');

    await page.click('#pay-again');
    await page.waitForURL(/\/checkout\/pay\?session=/);
    await payByCard(page, '4111 1111 1111 1111');
    await backAtStore(page, orderId, 'paid');
    await shopRecordIs(page, orderId, 'PAID');
    assert.deepEqual((await sandboxOrder(suite.sandbox, orderId)).payments.sort(), ['FAILED', 'SUCCESS']);
    // Both attempts, as they happened: the declined card first, then the one that paid.
    const attempts = await page.$$eval('[data-testid=payments] tr[data-payment-status]', (rows) =>
      rows.map((row) => [
        (row as HTMLElement).dataset['paymentStatus'] ?? '',
        row.querySelector('td[data-label=Method]')?.textContent?.trim() ?? '',
      ]),
    );
    assert.equal(attempts.length, 2, JSON.stringify(attempts));
    assert.deepEqual(
      attempts.map(([status]) => status),
      ['FAILED', 'SUCCESS'],
    );
    assert.match(attempts[0]?.[1] ?? '', /Visa ···· 1112/);
    assert.match(attempts[1]?.[1] ?? '', /Visa ···· 1111/);
  },
);

test(
  'UPI collect to success@cashfree: the wait page resolves, PAID, PAYMENT_SUCCESS_WEBHOOK handled',
  TIMEOUT,
  async (t) => {
    const browser = suite.browser;
    if (!requireChromium(t, browser)) return;
    const { page } = await openPage(t, browser);
    const orderId = await clickPay(page, '#pay-self');
    await page.click('label[for=tab-upi]');
    await page.fill('#upi_id', 'success@cashfree');
    await page.click('form.panel-upi button[type=submit]');
    await backAtStore(page, orderId, 'paid');
    assert.match((await page.textContent('[data-testid=payments]')) ?? '', /UPI success@cashfree/);
    await shopRecordIs(page, orderId, 'PAID');
    assert.equal(await storeReceived(t, browser, suite.app, 'PAYMENT_SUCCESS_WEBHOOK', orderId), 'done');
    assert.deepEqual(await sandboxOrder(suite.sandbox, orderId), {
      order_status: 'PAID',
      payments: ['SUCCESS'],
      refunds: [],
    });
  },
);

test(
  'modal checkout over the shop page: paid in the frame, then the return page confirms on the server',
  TIMEOUT,
  async (t) => {
    const browser = suite.browser;
    if (!requireChromium(t, browser)) return;
    const { page } = await openPage(t, browser, 1280);
    const orderId = await clickPay(page, '#pay-modal');
    const modal = page.frameLocator('#cashfree-sandbox-modal iframe');
    await modal.locator('#card_number').waitFor();
    assert.equal(page.url(), `${suite.app.url}/`, 'the shop page stays under the modal');
    // The panel already shows the order the server created.
    assert.deepEqual(await panelSteps(page), ['orders.create', 'checkout']);
    await shootOne(page, 'modal');
    await payByCard(modal, '4111111111111111');
    await backAtStore(page, orderId, 'paid');
    assert.equal(suite.app.orders.get(orderId)?.checkout_target, '_modal');
    assert.match((await page.textContent('li.step[data-kind=checkout]')) ?? '', /_modal/);
    await shopRecordIs(page, orderId, 'PAID');
    assert.equal((await sandboxOrder(suite.sandbox, orderId)).order_status, 'PAID');
  },
);

/** Decodes the QR code drawn on the page. */
async function readQr(page: Page): Promise<string | undefined> {
  const png = await page.locator('[data-testid=link-qr] svg').screenshot();
  const pixels = await page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const { data, width, height } = context.getImageData(0, 0, image.width, image.height);
    return { data: Array.from(data), width, height };
  }, png.toString('base64'));
  return jsQR(Uint8ClampedArray.from(pixels.data), pixels.width, pixels.height)?.data;
}

test(
  'payment link: created from the admin page with its URL and a QR code that scans to it, paid on its page, PAID by webhook',
  TIMEOUT,
  async (t) => {
    const browser = suite.browser;
    if (!requireChromium(t, browser)) return;
    const { page } = await openPage(t, browser, 1280);
    await page.goto(`${suite.app.url}/admin`);
    await page.fill('[data-testid=link-form] input[name=amount]', '999');
    await Promise.all([
      page.waitForURL(/\/admin\/links\/link_/),
      page.click('[data-testid=link-form] button[type=submit]'),
    ]);
    const linkId = decodeURIComponent(page.url().split('/').pop() ?? '');
    const linkUrl = (await page.textContent('[data-testid=link-url]'))?.trim() ?? '';
    assert.match(linkUrl, new RegExp(`^${suite.sandbox.url}/links/[a-z0-9]{12}$`));
    assert.equal(await readQr(page), linkUrl, 'the QR code scans to link_url');
    assert.equal(await page.getAttribute('[data-testid=shop-link-status] .badge', 'data-status'), 'ACTIVE');
    await shootBoth(t, browser, page, 'link');
    await shootPanelOnPhone(t, browser, page.url(), 'demo-store-panel-link-phone');

    await page.click('#open-link');
    await page.waitForURL(linkUrl);
    await page.click('button[type=submit]');
    await page.waitForURL(/\/checkout\/pay\?session=/);
    await payByCard(page, '4111 1111 1111 1111');
    await page.waitForURL(linkUrl);
    assert.equal(await page.getAttribute('[data-testid=link]', 'data-status'), 'PAID');

    assert.equal(await storeReceived(t, browser, suite.app, 'PAYMENT_LINK_EVENT', linkId), 'done');
    await waitFor('the shop record of the link PAID', () =>
      suite.app.links.get(linkId)?.status === 'PAID' ? true : undefined,
    );
    await page.goto(`${suite.app.url}/admin/links/${linkId}`);
    assert.equal(await page.getAttribute('[data-testid=shop-link-status] .badge', 'data-status'), 'PAID');
    assert.equal(await page.getAttribute('[data-testid=cashfree-link-status] .badge', 'data-status'), 'PAID');
    assert.equal(suite.app.links.get(linkId)?.amount_paid_paise, 99_900);
    const state = (await (await fetch(`${suite.sandbox.url}/_sandbox/state`)).json()) as {
      links: Array<{ link_id: string; link_status: string }>;
    };
    assert.equal(state.links.find((l) => l.link_id === linkId)?.link_status, 'PAID');
  },
);

async function advanceSandboxClock(body: Record<string, number>): Promise<void> {
  const response = await fetch(`${suite.sandbox.url}/_sandbox/clock/advance`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  assert.equal(response.status, 200);
}

async function refundStatuses(page: Page): Promise<string[]> {
  return page.$$eval('[data-testid=refund-status] .badge', (badges) =>
    badges.map((b) => (b as HTMLElement).dataset['status'] ?? ''),
  );
}

test(
  'refunds from the admin page: ₹100 INSTANT, then the rest STANDARD, each SUCCESS through REFUND_STATUS_WEBHOOK',
  TIMEOUT,
  async (t) => {
    const browser = suite.browser;
    if (!requireChromium(t, browser)) return;
    const { page } = await openPage(t, browser, 1280);
    const orderId = await clickPay(page, '#pay-self');
    await payByCard(page, '4111 1111 1111 1111');
    await backAtStore(page, orderId, 'paid');
    await shopRecordIs(page, orderId, 'PAID');

    await page.goto(`${suite.app.url}/admin/orders/${orderId}`);
    await page.fill('#refund-amount', '100');
    await page.selectOption('#refund-speed', 'INSTANT');
    await Promise.all([page.waitForLoadState('load'), page.click('#refund-submit')]);
    assert.deepEqual(await refundStatuses(page), ['PENDING']);
    // Asked for, not refunded: until REFUND_STATUS_WEBHOOK says SUCCESS it is shown as pending.
    assert.equal(await text(page, '[data-testid=refunded]'), '₹0.00');
    assert.match(await text(page, '[data-testid=refund-pending]'), /^₹100\.00 /);
    await advanceSandboxClock({ seconds: 31 });
    await waitFor('the ₹100 refund SUCCESS in the shop', async () => {
      await page.reload();
      return (await refundStatuses(page))[0] === 'SUCCESS' ? true : undefined;
    });
    assert.equal((await page.textContent('[data-testid=refunded]'))?.trim(), '₹100.00');
    assert.equal(await page.locator('[data-testid=refund-pending]').count(), 0);

    await page.selectOption('#refund-speed', 'STANDARD');
    assert.match((await page.textContent('#refund-full')) ?? '', /₹399\.00/);
    await Promise.all([page.waitForLoadState('load'), page.click('#refund-full')]);
    assert.deepEqual(await refundStatuses(page), ['SUCCESS', 'PENDING']);
    // Nothing is left to refund, but the order is not "fully refunded" while ₹399 is PENDING.
    assert.equal(await text(page, '[data-testid=refunded]'), '₹100.00');
    assert.match(await text(page, '[data-testid=refund-pending]'), /^₹399\.00 /);
    assert.equal(await page.locator('[data-testid=fully-refunded]').count(), 0);
    assert.match(await text(page, '[data-testid=nothing-left]'), /₹399\.00 is still being refunded/);
    await page.goto(`${suite.app.url}/admin`);
    assert.equal(await text(page, `tr[data-order-id="${orderId}"] [data-testid=refunded]`), '₹100.00');
    assert.equal(
      await text(page, `tr[data-order-id="${orderId}"] [data-testid=refund-pending]`),
      '+ ₹399.00 pending',
    );
    await page.goto(`${suite.app.url}/admin/orders/${orderId}`);
    await advanceSandboxClock({ minutes: 11 });
    await waitFor('the full refund SUCCESS in the shop', async () => {
      await page.reload();
      return (await refundStatuses(page))[1] === 'SUCCESS' ? true : undefined;
    });
    assert.match((await page.textContent('[data-testid=fully-refunded]')) ?? '', /Fully refunded/);
    assert.equal((await page.textContent('[data-testid=refunded]'))?.trim(), '₹499.00');
    assert.deepEqual((await sandboxOrder(suite.sandbox, orderId)).refunds, ['SUCCESS', 'SUCCESS']);
    const refundSteps = await page.$$eval(
      'li.step[data-kind=webhook][data-type=REFUND_STATUS_WEBHOOK]',
      (s) => s.length,
    );
    assert.equal(refundSteps, 2, 'both REFUND_STATUS_WEBHOOKs are in the panel');
    assert.equal(await storeReceived(t, browser, suite.app, 'REFUND_STATUS_WEBHOOK', orderId), 'done');
    await shootBoth(t, browser, page, 'admin-refunds');
    await shootPanelOnPhone(t, browser, page.url(), 'demo-store-panel-admin-phone');

    await page.goto(`${suite.app.url}/admin`);
    assert.equal(await page.getAttribute(`tr[data-order-id="${orderId}"] .badge`, 'data-status'), 'PAID');
    await shootBoth(t, browser, page, 'admin');
    await page.goto(`${suite.app.url}/events`);
    await shootBoth(t, browser, page, 'events');
  },
);

test("the store process's output: its start lines and a handler error were captured, and no spelling of the secret key", async (t) => {
  if (!requireChromium(t, suite.browser)) return;
  // A signed success webhook for an order Cashfree says is unpaid: the handler refuses it and the
  // store logs that on stderr, so the scan below covers its error path as well as its start lines.
  const ordered = await fetch(`${suite.app.url}/api/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ customer_name: 'Priya Patel', customer_phone: '9876543210' }),
  });
  const { order_id } = (await ordered.json()) as { order_id: string };
  const body = JSON.stringify({
    type: 'PAYMENT_SUCCESS_WEBHOOK',
    event_time: '2025-02-14T10:00:00+05:30',
    data: {
      order: { order_id, order_amount: 499, order_currency: 'INR', order_tags: null },
      payment: { cf_payment_id: '1', payment_status: 'SUCCESS', payment_amount: 499 },
      customer_details: {},
    },
  });
  const delivered = await fetch(`${suite.app.url}/webhooks/cashfree`, {
    method: 'POST',
    headers: (await signWebhook({ body, secret: SECRET_KEY })).headers,
    body,
  });
  assert.equal(delivered.status, 200);
  await waitFor('the handler error in the store output', () =>
    suite.app.output().includes(`Cashfree says ${order_id} is ACTIVE, not PAID yet`) ? true : undefined,
  );
  const output = suite.app.output();
  assert.match(output, /\[demo-store\] Pahadi Tea Co\. demo store listening on http:\/\/127\.0\.0\.1:\d+/);
  assert.match(output, /\[demo-store\] webhook handler failed; the inbox retries it:/);
  assert.deepEqual(secretLeaks(output), [], masked(output));
});

test('every README screenshot was taken at both widths', (t) => {
  if (!requireChromium(t, suite.browser)) return;
  assert.deepEqual(readmeShotsTaken(), readmeShotFiles());
});
