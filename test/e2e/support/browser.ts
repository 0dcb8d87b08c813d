/**
 * Headless Chromium for the browser suites: Debian's `chromium` driven by playwright-core (never a
 * downloaded browser). One browser per test file; a missing Chromium skips loudly (fails under CI).
 */
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
  const dialogs: string[] = [];
  // A dialog means injected script ran (every page escapes merchant data, so none should).
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return { page, dialogs };
}

/** Saves a full-page screenshot as test-results/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}
