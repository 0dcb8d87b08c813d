/**
 * What a shopper meets in the demo store when something is off, in headless Chromium: cashfree.js
 * that does not load (the store pointed at a sandbox that is not running) never turns Pay into a
 * GET carrying the customer's details, and says from where checkout could not be loaded; details
 * the SDK refuses are named per field in a shopper's words, while the "What happened" panel keeps
 * the developer's detail; and a mobile number typed the way people type it (+91 98765 43210) is
 * taken as its 10 digits.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { test } from 'node:test';
import type { RunningSandbox } from '@cashfree-kit/sandbox';
import type { Page } from 'playwright-core';
import { payByCard, SECRET_KEY, type StoreProcess, startDemoStore } from './demo-store.support.js';
import { openPage, requireChromium } from './support/browser.js';
import { browserSuite } from './support/suite.js';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

interface Stores {
  /** The store on the suite's sandbox. */
  live: StoreProcess;
  /** The store with CASHFREE_BASE_URL at a port nothing listens on. */
  orphan: StoreProcess;
  orphanScript: string;
  close(): Promise<void>;
}

async function startStores(sandbox: RunningSandbox): Promise<Stores> {
  const live = await startDemoStore(sandbox);
  const closed = await freePort();
  const nowhere = { ...sandbox, apiBase: `http://127.0.0.1:${closed}/pg` } as RunningSandbox;
  const orphan = await startDemoStore(nowhere);
  return {
    live,
    orphan,
    orphanScript: `http://127.0.0.1:${closed}/js/v3/cashfree.js`,
    close: async () => {
      await live.close();
      await orphan.close();
    },
  };
}

const suite = browserSuite(startStores, { secretKey: SECRET_KEY });
const TIMEOUT = { timeout: 90_000 };

test(
  'cashfree.js does not load: Pay stays on the page (no GET with the details), says checkout could not be loaded and from where',
  TIMEOUT,
  async (t) => {
    const browser = suite.browser;
    if (!requireChromium(t, browser)) return;
    const store = suite.app.orphan;
    const { page } = await openPage(t, browser);
    const requested: string[] = [];
    page.on('request', (request) => requested.push(`${request.method()} ${request.url()}`));
    await page.goto(`${store.url}/`);
    const message = page.locator('#checkout-message');
    for (const button of ['#pay-self', '#pay-modal']) {
      await page.click(button);
      await message.waitFor({ state: 'visible' });
      assert.equal(new URL(page.url()).search, '', `${button}: the URL carries no query`);
      const text = await message.textContent();
      assert.match(text ?? '', /^Checkout could not be loaded/);
      assert.ok(
        text?.includes(suite.app.orphanScript),
        `${button}: names ${suite.app.orphanScript}: ${text}`,
      );
    }
    assert.deepEqual(
      requested.filter((line) => /customer_(name|email|phone)=/.test(line)),
      [],
      'no request carried the customer details in its URL',
    );
    assert.ok(
      !requested.some((line) => line.startsWith('POST ') && line.endsWith('/api/orders')),
      'no order',
    );
    assert.deepEqual(store.orders.recent(), []);
  },
);

test(
  'with JavaScript off, Pay posts (never a GET) and the page says paying needs JavaScript',
  TIMEOUT,
  async (t) => {
    const browser = suite.browser;
    if (!requireChromium(t, browser)) return;
    const context = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 375, height: 812 },
    });
    t.after(() => context.close());
    const page = await context.newPage();
    const methods: string[] = [];
    page.on('request', (request) => {
      if (request.isNavigationRequest()) methods.push(`${request.method()} ${request.url()}`);
    });
    await page.goto(`${suite.app.live.url}/`);
    await page.click('#pay-self');
    await page.locator('#checkout-message').waitFor({ state: 'visible' });
    assert.equal(new URL(page.url()).search, '');
    assert.match((await page.locator('#checkout-message').textContent()) ?? '', /^Paying needs JavaScript/);
    assert.deepEqual(methods.at(-1), `POST ${suite.app.live.url}/`);
  },
);

test(
  'details the SDK refuses: each field named in a shopper’s words, typed values kept, the panel keeps the developer’s detail',
  TIMEOUT,
  async (t) => {
    const browser = suite.browser;
    if (!requireChromium(t, browser)) return;
    const store = suite.app.live;
    const { page } = await openPage(t, browser);
    await page.goto(`${store.url}/`);
    await page.fill('input[name=customer_name]', 'P');
    await page.fill('input[name=customer_phone]', '12345');
    await page.click('#pay-self');
    const message = page.locator('#checkout-message');
    await message.waitFor({ state: 'visible' });
    assert.equal(await message.textContent(), 'Please check the 2 highlighted fields.');
    const fields = await page.$$eval('#checkout-form .field-error', (all) =>
      all.map((el) => `${el.getAttribute('data-field')}: ${el.textContent}`),
    );
    assert.deepEqual(fields, [
      'customer_name: Enter your full name (3 to 100 characters).',
      'customer_phone: Enter your 10-digit mobile number, for example 98765 43210.',
    ]);
    assert.equal(await page.getAttribute('input[name=customer_phone]', 'aria-invalid'), 'true');
    assert.equal(await page.inputValue('input[name=customer_phone]'), '12345');
    assert.equal(await page.inputValue('input[name=customer_name]'), 'P');
    const form = (await page.textContent('#checkout-form')) ?? '';
    assert.doesNotMatch(form, /customer_details|must be exactly/, 'no developer wording in the form');
    const panel = (await page.textContent('[data-testid=what-happened]')) ?? '';
    assert.match(
      panel,
      /refused the request before sending it: nothing reached Cashfree and no order was created/,
    );
    assert.doesNotMatch(panel, /The server created the order/);
    assert.match(panel, /not sent/);

    // Corrected, as people type a mobile: the order is made with its 10 digits and checkout opens.
    await page.fill('input[name=customer_name]', 'Priya Patel');
    await page.fill('input[name=customer_phone]', '+91 98765 43210');
    await page.click('#pay-self');
    await page.waitForURL(/\/checkout\/pay\?session=/);
    const [order] = store.orders.recent(1);
    assert.equal(order?.customer_phone, '9876543210');
  },
);

test(
  'a paid link’s admin page says it is paid in full, not "Scan to pay", and shows no QR code',
  TIMEOUT,
  async (t) => {
    const browser = suite.browser;
    if (!requireChromium(t, browser)) return;
    const store = suite.app.live;
    const { page } = await openPage(t, browser);
    await page.goto(`${store.url}/admin`);
    await page.fill('[data-testid=link-form] input[name=amount]', '250');
    await Promise.all([
      page.waitForURL(/\/admin\/links\/link_/),
      page.click('[data-testid=link-form] button[type=submit]'),
    ]);
    const adminUrl = page.url();
    assert.match((await page.textContent('[data-testid=link-due]')) ?? '', /Scan to pay ₹250\.00/);
    const linkUrl = (await page.textContent('[data-testid=link-url]'))?.trim() ?? '';
    await page.goto(linkUrl);
    await page.click('button[type=submit]');
    await page.waitForURL(/\/checkout\/pay\?session=/);
    await payByCard(page, '4111 1111 1111 1111');
    await page.waitForURL(linkUrl);
    assert.equal(await page.getAttribute('[data-testid=link]', 'data-status'), 'PAID');

    await page.goto(adminUrl);
    assert.equal(await page.getAttribute('[data-testid=cashfree-link-status] .badge', 'data-status'), 'PAID');
    assert.doesNotMatch((await page.textContent('main')) ?? '', /Scan to pay/);
    assert.equal(
      await page.textContent('[data-testid=link-closed]'),
      'Paid in full: the link takes no more payments.',
    );
    assert.equal(await page.locator('[data-testid=link-qr]').count(), 0);
  },
);

/** How many lines the first occurrence of `text` on the page is laid out over (0: not found). */
function linesOf(page: Page, text: string): Promise<number> {
  return page.evaluate((wanted) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const nodes: Text[] = [];
    let whole = '';
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      nodes.push(node as Text);
      whole += node.textContent ?? '';
    }
    const at = whole.indexOf(wanted);
    if (at < 0) return 0;
    // The range may span several text nodes (the text is split by elements).
    const range = document.createRange();
    let offset = 0;
    for (const node of nodes) {
      const length = node.textContent?.length ?? 0;
      if (offset <= at && at < offset + length) range.setStart(node, at - offset);
      if (offset < at + wanted.length && at + wanted.length <= offset + length) {
        range.setEnd(node, at + wanted.length - offset);
        break;
      }
      offset += length;
    }
    return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
  }, text);
}

test('on a phone, the test card, its OTP and order ids are never broken mid-word', TIMEOUT, async (t) => {
  const browser = suite.browser;
  if (!requireChromium(t, browser)) return;
  const store = suite.app.live;
  const { page } = await openPage(t, browser, 320);
  await page.goto(`${store.url}/`);
  assert.equal(await linesOf(page, '4111 1111 1111 1111'), 1, 'the test card number');
  assert.equal(await linesOf(page, 'OTP 111000'), 1, 'the OTP');

  const created = await fetch(`${store.url}/api/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ customer_name: 'Priya Patel', customer_phone: '9876543210' }),
  });
  const { order_id } = (await created.json()) as { order_id: string };
  await page.goto(`${store.url}/admin/orders/${encodeURIComponent(order_id)}`);
  assert.equal(await linesOf(page, order_id), 1, `the order id in the heading: ${order_id}`);
});
