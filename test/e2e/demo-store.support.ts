/**
 * What the demo store's browser suites share: the store started as its own process (as `npm start`
 * runs it) on a free port against the suite's sandbox, with a secret key of its own so a leak would
 * be visible, and everything it prints captured; customer steps on the sandbox's checkout pages; and
 * screenshots at phone and desktop width, each after checking that no spelling of the secret is on
 * the page and that nothing overflows its container, which also refresh the README's copies when
 * DEMO_STORE_SCREENSHOTS=1.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { fileURLToPath } from 'node:url';
import { type RunningSandbox, TEST_CARD_EXPIRY } from '@cashfree-kit/sandbox';
import type { Browser, FrameLocator, Locator, Page } from 'playwright-core';
import { LinksTable } from '../../examples/demo-store/src/db/links.js';
import { OrdersTable } from '../../examples/demo-store/src/db/orders.js';
import { RefundsTable } from '../../examples/demo-store/src/db/refunds.js';
import { openSqlite } from '../../examples/demo-store/src/db/sqlite.js';
import { openPage, SCREENSHOT_DIR, screenshot } from './support/browser.js';
import { waitFor } from './support/webhook-receiver.js';

/**
 * A secret key nobody else uses: any page or log line that shows it fails the suite. The `+` and
 * `/` make its URL-encoded and base64 spellings differ from it, as a leak through a form, a query
 * string or a header would.
 */
export const SECRET_KEY = `cfsk_ma_test_demo_store_${randomBytes(6).toString('hex')}+${randomBytes(6).toString('hex')}/${randomBytes(3).toString('hex')}`;

/** `text` with every spelling of {@link SECRET_KEY} masked, for a failure message. */
export function masked(text: string): string {
  const bytes = Buffer.from(SECRET_KEY, 'utf8');
  return [
    SECRET_KEY,
    encodeURIComponent(SECRET_KEY),
    bytes.toString('base64url'),
    bytes.toString('base64'),
  ].reduce((out, spelled) => out.split(spelled).join('<the suite secret>'), text);
}

/** The spellings of {@link SECRET_KEY} found in `text`, by name (never the value itself). */
export function secretLeaks(text: string): string[] {
  const bytes = Buffer.from(SECRET_KEY, 'utf8');
  const spellings: Record<string, string> = {
    verbatim: SECRET_KEY,
    'URL-encoded': encodeURIComponent(SECRET_KEY),
    'form-encoded': new URLSearchParams({ s: SECRET_KEY }).toString().slice(2),
    base64: bytes.toString('base64').replace(/=+$/, ''),
    base64url: bytes.toString('base64url'),
  };
  return Object.entries(spellings)
    .filter(([, spelled]) => text.includes(spelled))
    .map(([name]) => name);
}

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

const STORE_MAIN = fileURLToPath(new URL('../../examples/demo-store/src/main.ts', import.meta.url));
const TSX = import.meta.resolve('tsx');

/** The store running as its own process, and what it has printed. */
export interface StoreProcess {
  url: string;
  /** The shop's records, read from its database file (opened read-only, as a second reader). */
  orders: OrdersTable;
  refunds: RefundsTable;
  links: LinksTable;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  close(): Promise<void>;
}

/** The environment of a developer who set nothing of ours, plus `extra`. */
function storeEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!/^(CASHFREE_|DEMO_STORE_)/.test(name)) env[name] = value;
  }
  return { ...env, ...extra };
}

/**
 * Starts `examples/demo-store/src/main.ts` (what `npm start` runs) against the sandbox, on a free
 * port with a database in a temporary directory, capturing its stdout and stderr; `env` adds
 * settings such as `DEMO_STORE_WEBHOOKS=off`.
 */
export async function startDemoStore(
  sandbox: RunningSandbox,
  env: Record<string, string> = {},
): Promise<StoreProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'demo-store-e2e-'));
  const dbFile = join(dir, 'store.db');
  const child: ChildProcess = spawn(
    process.execPath,
    ['--conditions=cashfree-kit-source', '--import', TSX, STORE_MAIN],
    {
      env: storeEnv({
        CASHFREE_BASE_URL: sandbox.apiBase,
        CASHFREE_APP_ID: sandbox.appId,
        CASHFREE_SECRET_KEY: sandbox.secretKey,
        CASHFREE_ENV: 'TEST',
        DEMO_STORE_PORT: '0',
        DEMO_STORE_DB: dbFile,
        ...env,
      }),
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const fail = async (why: string) => {
    child.kill('SIGKILL');
    await exited;
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`the demo store ${why}:\n${masked(output)}`);
  };
  const deadline = Date.now() + 60_000;
  let url: string | undefined;
  while (url === undefined) {
    url = /demo store listening on (\S+)/.exec(output)?.[1];
    if (url) break;
    if (child.exitCode !== null) return fail(`exited with code ${child.exitCode} before listening`);
    if (Date.now() > deadline) return fail('did not start within 60 s');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const db = openSqlite(dbFile, { readonly: true });
  let closing: Promise<void> | undefined;
  return {
    url,
    orders: new OrdersTable(db),
    refunds: new RefundsTable(db),
    links: new LinksTable(db),
    output: () => output,
    close() {
      closing ??= (async () => {
        db.close();
        if (child.exitCode === null) {
          child.kill('SIGTERM');
          const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
          await exited;
          clearTimeout(killer);
        }
        rmSync(dir, { recursive: true, force: true });
      })();
      return closing;
    },
  };
}

const taken = new Set<string>();

/** The README screenshots taken so far, as file names without extension. */
export function readmeShotsTaken(): string[] {
  return [...taken].sort();
}

/**
 * Runs in the page: every element whose content is wider than the element itself, unless it is a
 * deliberate scroll container (`overflow-x: auto` or `scroll`, like the tables' wrapper). The
 * page-wide check in support/browser.ts catches what sticks out of the screen; this catches what
 * sticks out of its card, table cell or code block (or is clipped by `overflow: hidden`) first.
 * A string, not a function, so no compiled helper leaks into the page.
 */
const OVERFLOWING = `(() => {
  const found = [];
  for (const el of document.querySelectorAll('body *')) {
    if (!(el instanceof HTMLElement)) continue;
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.display === 'inline' || style.display === 'contents') continue;
    if (style.overflowX === 'auto' || style.overflowX === 'scroll') continue;
    if (el.scrollWidth > el.clientWidth + 1) {
      const name = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
        (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
      found.push(name + ': ' + el.scrollWidth + ' px of content in ' + el.clientWidth + ' px');
    }
  }
  return found;
})()`;

/** Fails when an element of the page, or of a frame in it (the modal's checkout), overflows its box. */
export async function assertNothingOverflows(page: Page, name: string): Promise<void> {
  for (const frame of page.frames()) {
    const found = (await frame.evaluate(OVERFLOWING)) as string[];
    assert.deepEqual(found, [], `${name}: elements wider than their container in ${frame.url()}`);
  }
}

/**
 * Saves test-results/screenshots/<name>.png only (a state the README does not show), after the
 * same checks as every screenshot: no spelling of the secret key, nothing overflowing its
 * container, no request off loopback, nothing wider than a phone.
 */
export async function checkedShot(page: Page, name: string): Promise<void> {
  assert.deepEqual(secretLeaks(await page.content()), [], `${name}: the page shows the secret key`);
  await assertNothingOverflows(page, name);
  await screenshot(page, name);
}

/**
 * Saves test-results/screenshots/<name>.png (after the support checks: no request left loopback,
 * nothing wider than a phone) once the page is checked for every spelling of the secret key and for
 * elements overflowing their containers; with DEMO_STORE_SCREENSHOTS=1 also the README's copy (of
 * `element`, or of the first screen).
 */
async function saveShot(page: Page, name: string, element?: Locator): Promise<void> {
  await checkedShot(page, name);
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
 * The "what happened" panel of the page at phone width with every request, response and curl
 * block open, checked like every screenshot and saved as test-results/screenshots/<name>.png (not
 * a README image): the long URLs and JSON must wrap inside it, not push the page sideways.
 */
export async function shootPanelOnPhone(
  t: TestContext,
  browser: Browser,
  url: string,
  name: string,
): Promise<void> {
  const { page } = await openPage(t, browser, 375);
  await page.goto(url);
  const opened = await page.$$eval('[data-testid=what-happened] details', (all) => {
    for (const details of all) (details as HTMLDetailsElement).open = true;
    return all.length;
  });
  assert.ok(opened > 0, `${name}: the panel has steps to open`);
  await checkedShot(page, `${name}-page`);
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.locator('[data-testid=what-happened]').screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
  await page.context().close();
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
  await checkout.locator('#card_expiry').fill(TEST_CARD_EXPIRY.mmYy);
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
  store: StoreProcess,
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
