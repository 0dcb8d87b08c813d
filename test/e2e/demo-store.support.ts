/**
 * What the demo store's browser suites share: the store started on a free port against the
 * suite's sandbox (with a secret key of its own, so a leak would be visible), customer steps on
 * the sandbox's checkout pages, and screenshots at phone and desktop width that also refresh the
 * README's copies when DEMO_STORE_SCREENSHOTS=1.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { RunningSandbox } from '@cashfree-kit/sandbox';
import type { Browser, FrameLocator, Locator, Page } from 'playwright-core';
import { loadConfig } from '../../examples/demo-store/src/config.js';
import { type RunningStore, startStore } from '../../examples/demo-store/src/server.js';
import { openPage, screenshot } from './support/browser.js';
import { waitFor } from './support/webhook-receiver.js';

/** A secret key nobody else uses: any page that shows it fails the suite. */
export const SECRET_KEY = `cfsk_ma_test_demo_store_${randomBytes(8).toString('hex')}`;

/** Where the README's screenshots live; the suite refreshes them with DEMO_STORE_SCREENSHOTS=1. */
export const README_IMAGE_DIR = join(
  fileURLToPath(new URL('../..', import.meta.url)),
  'docs',
  'images',
  'demo-store',
);

/** The pages the README shows, and the widths each is saved at (phone: 375 px, desktop: 1280 px). */
export const README_SHOTS = {
  product: ['phone', 'desktop'],
  checkout: ['phone', 'desktop'],
  modal: ['desktop'],
  'return-paid': ['phone', 'desktop'],
  panel: ['desktop'],
  'return-failed': ['phone', 'desktop'],
  events: ['phone', 'desktop'],
  admin: ['phone', 'desktop'],
  'admin-refunds': ['phone', 'desktop'],
  link: ['phone', 'desktop'],
} as const satisfies Record<string, readonly ('phone' | 'desktop')[]>;
export type ReadmeShot = keyof typeof README_SHOTS;

/** The file names (without extension) of every README screenshot. */
export function readmeShotFiles(): string[] {
  return Object.entries(README_SHOTS)
    .flatMap(([name, widths]) => widths.map((width) => `demo-store-${name}-${width}`))
    .sort();
}

/** Starts the store in-process against the sandbox, on a free port with an in-memory database. */
export function startDemoStore(sandbox: RunningSandbox): Promise<RunningStore> {
  return startStore(
    loadConfig({
      CASHFREE_BASE_URL: sandbox.apiBase,
      CASHFREE_APP_ID: sandbox.appId,
      CASHFREE_SECRET_KEY: sandbox.secretKey,
      CASHFREE_ENV: 'TEST',
      DEMO_STORE_PORT: '0',
      DEMO_STORE_DB: ':memory:',
    }),
  );
}

const taken = new Set<string>();

/** The README screenshots taken so far, as file names without extension. */
export function readmeShotsTaken(): string[] {
  return [...taken].sort();
}

/**
 * Saves test-results/screenshots/<name>.png (after the support checks: no request left loopback,
 * nothing wider than a phone) once the page is checked for the secret key; with
 * DEMO_STORE_SCREENSHOTS=1 also the README's copy (of `element`, or of the first screen).
 */
async function saveShot(page: Page, name: string, element?: Locator): Promise<void> {
  assert.ok(!(await page.content()).includes(SECRET_KEY), `${name}: the page shows the secret key`);
  await screenshot(page, name);
  taken.add(name);
  if (process.env['DEMO_STORE_SCREENSHOTS'] === '1') {
    // The README's copies show the first screen as a JPEG, to keep the repository small; the full
    // pages are in test-results/screenshots.
    mkdirSync(README_IMAGE_DIR, { recursive: true });
    const options = { path: join(README_IMAGE_DIR, `${name}.jpg`), type: 'jpeg', quality: 70 } as const;
    await (element ? element.screenshot(options) : page.screenshot(options));
  }
}

/**
 * Screenshots `page` as `demo-store-<name>-<phone|desktop>` (the width it has), then the same URL
 * at the other width in a fresh page. Each is checked for the secret key, for requests that left
 * loopback and for anything wider than a phone.
 */
export async function shootBoth(
  t: TestContext,
  browser: Browser,
  page: Page,
  name: ReadmeShot,
): Promise<void> {
  const width = page.viewportSize()?.width ?? 375;
  const here = width <= 400 ? 'phone' : 'desktop';
  await saveShot(page, `demo-store-${name}-${here}`);
  const other = await openPage(t, browser, here === 'phone' ? 1280 : 375);
  await other.page.goto(page.url());
  await saveShot(other.page, `demo-store-${name}-${here === 'phone' ? 'desktop' : 'phone'}`);
  await other.page.context().close();
}

/**
 * Saves one width only: a state a URL cannot reopen (the modal over the shop), or one element
 * (the "what happened" panel) for the README.
 */
export async function shootOne(page: Page, name: ReadmeShot, element?: Locator): Promise<void> {
  const width = page.viewportSize()?.width ?? 375;
  await saveShot(page, `demo-store-${name}-${width <= 400 ? 'phone' : 'desktop'}`, element);
}

/** Card details and OTP on the sandbox's checkout (a page, or the modal's frame). */
export async function payByCard(checkout: Page | FrameLocator, cardNumber: string): Promise<void> {
  await checkout.locator('#card_number').fill(cardNumber);
  await checkout.locator('#card_expiry').fill('03/28');
  await checkout.locator('#card_cvv').fill('123');
  await checkout.locator('form.panel-card button[type=submit]').click();
  await checkout.locator('#otp').fill('111000');
  await checkout.locator('button[value=otp]').click();
}

/** The sandbox's own view of an order, from its admin API. */
export async function sandboxOrder(
  sandbox: RunningSandbox,
  orderId: string,
): Promise<{ order_status: string; payments: string[]; refunds: string[] }> {
  const state = (await (await fetch(`${sandbox.url}/_sandbox/state?limit=1000`)).json()) as {
    orders: Array<{ order_id: string; order_status: string }>;
    payments: Array<{ order_id: string; payment_status: string } | null>;
    refunds: Array<{ order_id: string; refund_status: string } | null>;
  };
  const order = state.orders.find((o) => o.order_id === orderId);
  assert.ok(order, `the sandbox has ${orderId}`);
  return {
    order_status: order.order_status,
    payments: state.payments.filter((p) => p?.order_id === orderId).map((p) => p?.payment_status ?? ''),
    refunds: state.refunds.filter((r) => r?.order_id === orderId).map((r) => r?.refund_status ?? ''),
  };
}

/** Waits until the store's events page lists a `type` webhook about `subject`; returns its row's handler status. */
export async function storeReceived(
  t: TestContext,
  browser: Browser,
  store: RunningStore,
  type: string,
  subject: string,
): Promise<string> {
  const { page } = await openPage(t, browser, 1280);
  const status = await waitFor(
    `${type} for ${subject} on the events page`,
    async () => {
      await page.goto(`${store.url}/events`);
      const row = page.locator(`tr[data-type=${type}]`, { hasText: subject }).first();
      if ((await row.count()) === 0) return undefined;
      const handler = await row.locator('.badge').getAttribute('data-status');
      return handler === 'done' ? handler : undefined;
    },
    20_000,
  );
  await page.context().close();
  return status;
}
