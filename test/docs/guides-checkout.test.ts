/**
 * The accept-a-payment guide in a real browser: its server, its checkout page (only the script URL
 * changed, to the local sandbox's cashfree.js stand-in, as the guide says) and the verify guide's
 * return route. Headless Chromium clicks Pay, pays on the sandbox's checkout with the test card and
 * OTP, and comes back through the return route to the order page, fulfilled once.
 */
import assert from 'node:assert/strict';
import { createServer, type RequestListener } from 'node:http';
import { after, before, test } from 'node:test';
import { type RunningSandbox, startSandbox, TEST_CARD_EXPIRY, TEST_CARD_OTP } from '@cashfree-kit/sandbox';
import { Cashfree } from 'cashfree-kit';
import type { Browser } from 'playwright-core';
import { REPO_ROOT } from '../../scripts/docs/check-snippets.ts';
import { snippetsOfFile } from '../../scripts/docs/snippets.ts';
import {
  chromiumAvailable,
  launchChromium,
  openPage,
  requireChromium,
  screenshot,
} from '../e2e/support/browser.ts';
import { closeServer, urlOf } from '../support/webhook-http.ts';
import { provideGlobals, runSnippet } from './support/run-snippet.ts';
import { pointEnvAtSandbox } from './support/sandbox-env.ts';

const ACCEPT = 'docs/guides/accept-a-payment.md';
const PRODUCTION_SCRIPT = '<script src="https://sdk.cashfree.com/js/v3/cashfree.js"></script>';

let sandbox: RunningSandbox;
let browser: Browser | undefined;
let restoreEnv: () => void;

before(async () => {
  sandbox = await startSandbox({ port: 0, db: ':memory:' });
  restoreEnv = pointEnvAtSandbox(sandbox);
  browser = chromiumAvailable ? await launchChromium() : undefined;
});

after(async () => {
  await browser?.close();
  restoreEnv();
  await sandbox.close();
});

test("the guide's checkout page pays in Chromium and returns through the verify route", {
  timeout: 60_000,
}, async (t) => {
  if (!requireChromium(t, browser)) return;
  const page = snippetsOfFile(REPO_ROOT, ACCEPT).find((snippet) => snippet.language === 'html');
  assert.ok(page, 'the guide has its checkout page');
  assert.ok(page.code.includes(PRODUCTION_SCRIPT), 'the guide loads cashfree.js from Cashfree');
  const html = page.code.replace(
    PRODUCTION_SCRIPT,
    `<script src="${sandbox.url}/js/v3/cashfree.js"></script>`,
  );

  const fulfilled: string[] = [];
  const db = {
    carts: {
      find: async (id: string) =>
        id === 'cart_42'
          ? {
              checkoutId: 'cart_42_browser',
              totalPaise: 49_900,
              customer: { id: 'cust_42', phone: '9876543210', email: 'priya@example.com' },
            }
          : undefined,
    },
    orders: {
      exists: async (orderId: string) => orderId === 'cart_42_browser',
      markPaid: async (orderId: string) => !fulfilled.includes(orderId),
    },
  };
  const cashfree = Cashfree.fromEnv();
  provideGlobals(t, { db, cashfree, fulfil: async (orderId: string) => void fulfilled.push(orderId) });
  const { app } = await runSnippet<{ app: RequestListener & { get: (...args: unknown[]) => void } }>(
    t,
    ACCEPT,
    'server',
    {
      append: 'export { app };',
    },
  );
  const { confirmPayment } = await runSnippet(t, 'docs/guides/verify-payment-on-return.md', 'confirm');
  provideGlobals(t, { app, confirmPayment });
  await runSnippet(t, 'docs/guides/verify-payment-on-return.md', 'return');
  // The pages around the guide's code: the product page holding its block, and the order page.
  app.get('/pay', (_req: unknown, res: { type(t: string): { send(body: string): void } }) =>
    res.type('html').send(html),
  );
  app.get('/orders/:id', (_req: unknown, res: { send(body: string): void }) =>
    res.send('<h1 id="thanks">Paid, thank you</h1>'),
  );
  const server = createServer(app).listen(0, '127.0.0.1');
  t.after(() => closeServer(server));
  const url = await urlOf(server);
  process.env['APP_URL'] = url;

  const { page: tab } = await openPage(t, browser);
  await tab.goto(`${url}/pay`);
  await tab.click('#pay');
  await tab.waitForURL(/\/checkout\/pay\?session=/);
  await tab.locator('#card_number').fill('4111 1111 1111 1111');
  await tab.locator('#card_expiry').fill(TEST_CARD_EXPIRY.mmYy);
  await tab.locator('#card_cvv').fill('123');
  await tab.locator('form.panel-card button[type=submit]').click();
  await tab.locator('#otp').fill(TEST_CARD_OTP);
  await tab.locator('button[value=otp]').click();
  await tab.waitForURL(`${url}/orders/cart_42_browser`);
  assert.equal(await tab.textContent('#thanks'), 'Paid, thank you');
  assert.deepEqual(fulfilled, ['cart_42_browser']);
  assert.equal((await cashfree.orders.get('cart_42_browser')).order_status, 'PAID');
  await screenshot(tab, 'guide-accept-a-payment');
});
