/**
 * The demo store's in-between and unhappy states in headless Chromium: a UPI payment still
 * pending when the customer reaches the return page (which refreshes itself until Cashfree has the
 * result, without growing its panel), a store that gets no webhooks at all (DEMO_STORE_WEBHOOKS=off,
 * as in real mode without a public URL) yet can refund what its return page saw paid, and the
 * pop-up checkout closed without paying. The sandbox holds UPI collects PENDING until a test
 * advances its clock, so "pending" is a state the test controls, not a race.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RunningSandbox } from '@cashfree-kit/sandbox';
import type { Page } from 'playwright-core';
import {
  checkedShot,
  masked,
  payByCard,
  SECRET_KEY,
  type StoreProcess,
  sandboxOrder,
  secretLeaks,
  startDemoStore,
} from './demo-store.support.js';
import { openPage, requireChromium } from './support/browser.js';
import { browserSuite } from './support/suite.js';
import { waitFor } from './support/webhook-receiver.js';

/** Two stores on one sandbox: one as `npm start` runs it, one that sends no notify_url. */
interface Stores {
  withWebhooks: StoreProcess;
  withoutWebhooks: StoreProcess;
  close(): Promise<void>;
}

async function startStores(sandbox: RunningSandbox): Promise<Stores> {
  const withWebhooks = await startDemoStore(sandbox);
  const withoutWebhooks = await startDemoStore(sandbox, { DEMO_STORE_WEBHOOKS: 'off' });
  return {
    withWebhooks,
    withoutWebhooks,
    close: async () => {
      await withWebhooks.close();
      await withoutWebhooks.close();
    },
  };
}

// A UPI collect resolves a minute of sandbox time after it is made: only when a test says so.
const suite = browserSuite(startStores, { secretKey: SECRET_KEY, upiResolveDelayMs: 60_000 });
const TIMEOUT = { timeout: 90_000 };

/** On `store`'s product page: clicks a Pay button and returns the order id checkout shows. */
async function clickPay(
  page: Page,
  store: StoreProcess,
  button: '#pay-self' | '#pay-modal',
): Promise<string> {
  await page.goto(`${store.url}/`);
  await page.click(button);
  const checkout = button === '#pay-modal' ? page.frameLocator('#cashfree-sandbox-modal iframe') : page;
  if (button === '#pay-self') await page.waitForURL(/\/checkout\/pay\?session=/);
  const orderId = (await checkout.locator('[data-testid=order-id]').textContent())?.trim();
  assert.ok(orderId && store.orders.get(orderId), `checkout shows an order of the shop: ${orderId}`);
  return orderId;
}

async function advanceSandboxClock(seconds: number): Promise<void> {
  const response = await fetch(`${suite.sandbox.url}/_sandbox/clock/advance`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ seconds }),
  });
  assert.equal(response.status, 200);
}

/** The panel's steps as `operation` (or kind), who made it, and how many times it was asked. */
async function panelSteps(page: Page): Promise<Array<[string, string, number]>> {
  return page.$$eval('[data-testid=what-happened] li.step', (steps) =>
    steps.map((s) => {
      const step = s as HTMLElement;
      return [
        step.dataset['operation'] ?? step.dataset['kind'] ?? '',
        step.dataset['source'] ?? '',
        Number(step.dataset['repeats'] ?? 1),
      ];
    }),
  ) as Promise<Array<[string, string, number]>>;
}

test(
  'UPI still pending on the return page: it says so, refreshes itself without growing its panel, and shows PAID once Cashfree has it',
  TIMEOUT,
  async (t) => {
    const browser = suite.browser;
    if (!requireChromium(t, browser)) return;
    const store = suite.app.withWebhooks;
    const { page } = await openPage(t, browser);
    const orderId = await clickPay(page, store, '#pay-self');
    await page.click('label[for=tab-upi]');
    await page.fill('#upi_id', 'success@cashfree');
    await page.click('form.panel-upi button[type=submit]');
    await page.locator('[data-testid=upi-wait]').waitFor();

    // The customer goes back to the shop while the bank has not answered.
    await page.goto(`${store.url}/return?order_id=${orderId}`);
    assert.equal(await page.getAttribute('[data-testid=order-status]', 'data-status'), 'pending');
    assert.match((await page.textContent('[data-testid=order-status] h1')) ?? '', /Waiting for your bank/);
    assert.equal(
      await page.getAttribute('[data-testid=payments] tr[data-payment-status]', 'data-payment-status'),
      'PENDING',
    );
    assert.equal(await page.getAttribute('[data-testid=cashfree-status] .badge', 'data-status'), 'ACTIVE');
    await checkedShot(page, 'demo-store-return-pending-phone');
    const before = await panelSteps(page);

    // Two refreshes of its own (every 3 s) while nothing changes: the same steps, counted.
    await waitFor(
      'two refreshes of the pending page',
      async () => {
        const steps = await panelSteps(page).catch(() => []);
        return steps.find(([operation, , asked]) => operation === 'orders.get' && asked >= 3);
      },
      20_000,
    );
    const waited = await panelSteps(page);
    assert.deepEqual(
      waited.map(([operation]) => operation),
      before.map(([operation]) => operation),
      'refreshing with the same answer adds no step',
    );
    assert.equal(store.orders.get(orderId)?.status, 'ACTIVE');

    // The bank answers: the page, still refreshing by itself, turns to paid.
    await advanceSandboxClock(61);
    await page.waitForSelector('[data-testid=order-status][data-status=paid]', { timeout: 20_000 });
    assert.equal(
      await page.getAttribute('[data-testid=payments] tr[data-payment-status]', 'data-payment-status'),
      'SUCCESS',
    );
    assert.equal(await page.locator('meta[http-equiv=refresh]').count(), 0, 'no more refreshing once paid');
    // (The webhook handler's own confirmation is a step of its own, if the webhook came first.)
    const gets = (await panelSteps(page)).filter(
      ([operation, source]) => operation === 'orders.get' && source === 'return page',
    );
    assert.equal(gets.length, 2, 'one step for the pending answer, one for the paid one');
    await waitFor('the shop record PAID', () =>
      store.orders.get(orderId)?.status === 'PAID' ? true : undefined,
    );
    assert.deepEqual(await sandboxOrder(suite.sandbox, orderId), {
      order_status: 'PAID',
      payments: ['SUCCESS'],
      refunds: [],
    });
  },
);

test(
  'no webhooks at all (DEMO_STORE_WEBHOOKS=off): paying and coming back to the return page records the payment, and the order can be refunded',
  TIMEOUT,
  async (t) => {
    const browser = suite.browser;
    if (!requireChromium(t, browser)) return;
    const store = suite.app.withoutWebhooks;
    const { page } = await openPage(t, browser);
    await page.goto(`${store.url}/`);
    assert.match((await page.textContent('.ribbon.warn')) ?? '', /Webhooks are off: DEMO_STORE_WEBHOOKS=off/);
    const orderId = await clickPay(page, store, '#pay-self');
    await payByCard(page, '4111 1111 1111 1111');
    await page.waitForURL(`${store.url}/return?order_id=${orderId}`);
    assert.equal(await page.getAttribute('[data-testid=order-status]', 'data-status'), 'paid');
    // The shop learnt it from its own GET /orders, in the same request that drew this page.
    assert.equal(await page.getAttribute('[data-testid=shop-status] .badge', 'data-status'), 'PAID');
    assert.match((await page.textContent('[data-testid=shop-status]')) ?? '', /learnt by this page's check/);
    assert.equal(store.orders.get(orderId)?.paid_via, 'return page');
    await checkedShot(page, 'demo-store-return-paid-no-webhooks-phone');

    await page.goto(`${store.url}/admin/orders/${orderId}`);
    assert.match((await page.textContent('[data-testid=paid]')) ?? '', /\(learnt by return page\)/);
    await page.fill('#refund-amount', '100');
    await Promise.all([page.waitForLoadState('load'), page.click('#refund-submit')]);
    assert.equal(await page.getAttribute('[data-testid=refund-status] .badge', 'data-status'), 'PENDING');
    assert.deepEqual((await sandboxOrder(suite.sandbox, orderId)).refunds, ['PENDING']);

    await page.goto(`${store.url}/events`);
    assert.equal(await page.locator('[data-testid=no-events]').count(), 1, 'the store received no webhook');
    const deliveries = (await (
      await fetch(`${suite.sandbox.url}/_sandbox/webhooks/deliveries?order_id=${orderId}`)
    ).json()) as { data: unknown[] };
    assert.deepEqual(deliveries.data, [], 'and the sandbox sent none');
  },
);

test(
  'the pop-up checkout closed without paying: the shop page says so, the order stays open and unpaid, and Pay opens checkout again',
  TIMEOUT,
  async (t) => {
    const browser = suite.browser;
    if (!requireChromium(t, browser)) return;
    const store = suite.app.withWebhooks;
    const { page } = await openPage(t, browser);
    const orderId = await clickPay(page, store, '#pay-modal');
    const modal = page.frameLocator('#cashfree-sandbox-modal iframe');
    await modal.locator('#card_number').waitFor();
    // The modal on a phone: neither its box nor the checkout inside may overflow.
    await checkedShot(page, 'demo-store-modal-phone');

    await page.click('#cashfree-sandbox-modal-close');
    const message = page.locator('#checkout-message');
    await message.waitFor();
    assert.equal(await page.locator('#cashfree-sandbox-modal').count(), 0, 'the modal is gone');
    assert.equal(page.url(), `${store.url}/`, 'still on the shop page');
    assert.equal(await message.getAttribute('class'), 'alert bad');
    assert.equal(
      (await message.textContent())?.trim(),
      `Checkout closed: The customer closed the checkout. Order ${orderId} is still open; no money was taken.`,
    );
    assert.equal(await page.isDisabled('#pay-modal'), false, 'the buttons work again');
    assert.equal(store.orders.get(orderId)?.status, 'ACTIVE');
    assert.deepEqual(await sandboxOrder(suite.sandbox, orderId), {
      order_status: 'ACTIVE',
      payments: [],
      refunds: [],
    });
    await checkedShot(page, 'demo-store-modal-closed-phone');

    const { page: later } = await openPage(t, browser);
    await later.goto(`${store.url}/return?order_id=${orderId}`);
    assert.equal(await later.getAttribute('[data-testid=order-status]', 'data-status'), 'unpaid');

    await page.click('#pay-modal');
    const again = page.frameLocator('#cashfree-sandbox-modal iframe');
    const next = (await again.locator('[data-testid=order-id]').textContent())?.trim();
    assert.ok(next && next !== orderId, 'a new order in a new checkout');
  },
);

test('neither store process printed any spelling of the secret key', (t) => {
  if (!requireChromium(t, suite.browser)) return;
  for (const store of [suite.app.withWebhooks, suite.app.withoutWebhooks]) {
    const output = store.output();
    assert.match(output, /\[demo-store\] Pahadi Tea Co\. demo store listening on /);
    assert.deepEqual(secretLeaks(output), [], masked(output));
  }
  assert.match(suite.app.withoutWebhooks.output(), /notify_url +none: DEMO_STORE_WEBHOOKS=off/);
});
