/**
 * Headless Chromium for the browser suites: Debian's `chromium` driven by playwright-core (never a
 * downloaded browser). One browser per test file; a missing Chromium skips loudly (fails under CI).
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { prerequisite } from '../../support/prerequisites.js';

/** Where Debian installs Chromium. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Screenshots of each flow's last page and the dashboard, kept as CI artifacts (gitignored). */
export const SCREENSHOT_DIR = join(
  fileURLToPath(new URL('../../..', import.meta.url)),
  'test-results',
  'screenshots',
);

/** True when the browser suites can run here. */
export const chromiumAvailable = existsSync(CHROMIUM_PATH);

/** Launches headless Chromium with the flags a root user on a closed network needs. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Skips (or under CI fails) the test when Chromium is missing; true when it may run. */
export function requireChromium(t: TestContext, browser: Browser | undefined): browser is Browser {
  return prerequisite(
    t,
    chromiumAvailable && browser !== undefined,
    "Debian's Chromium (/usr/bin/chromium)",
    'Install it as root with `apt-get install -y chromium` (.ci/run does); the suite never downloads a browser.',
  );
}

/**
 * A page in a fresh context, phone-sized (375 px wide) unless `width` says otherwise, that records
 * every alert, confirm or prompt: injected script would show up there.
 */
export async function openPage(
  t: TestContext,
  browser: Browser,
  width = 375,
): Promise<{ page: Page; dialogs: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: 812 } });
  t.after(() => context.close());
  const page = await context.newPage();
  const offline: string[] = [];
  offLoopbackRequests.set(page, offline);
  // Every page must work offline: any request that leaves loopback is recorded and fails the flow.
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (['data:', 'blob:', 'about:'].includes(url.protocol)) return;
    if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) offline.push(request.url());
  });
  const dialogs: string[] = [];
  // A dialog means injected script ran (every page escapes merchant data, so none should).
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return { page, dialogs };
}

const offLoopbackRequests = new WeakMap<Page, string[]>();

/**
 * Saves a full-page screenshot as test-results/screenshots/<name>.png, after checking what every
 * page of the sandbox promises: no request left loopback (no external assets), and on a
 * phone-sized viewport nothing is wider than the screen.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  assert.deepEqual(offLoopbackRequests.get(page) ?? [], [], `${name}: requests that left loopback`);
  const { innerWidth, scrollWidth } = await page.evaluate(() => ({
    innerWidth: window.innerWidth,
    scrollWidth: document.documentElement.scrollWidth,
  }));
  if (innerWidth <= 400)
    assert.ok(scrollWidth <= innerWidth, `${name}: ${scrollWidth} px wide on a ${innerWidth} px screen`);
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}
