/**
 * What every browser suite shares: one sandbox on a free port (in memory) and one headless
 * Chromium per test file, started before the tests and closed after them, and a cashfree-kit
 * client pointed at the sandbox the way a merchant's server would configure it.
 */
import { after, before } from 'node:test';
import { type RunningSandbox, type SandboxOptions, startSandbox } from '@cashfree-kit/sandbox';
import { Cashfree } from 'cashfree-kit';
import type { Browser } from 'playwright-core';
import { chromiumAvailable, launchChromium } from './browser.js';

export interface BrowserSuite<App> {
  sandbox: RunningSandbox;
  /** `undefined` when Chromium is missing (each test then skips via `requireChromium`). */
  browser: Browser | undefined;
  /** The merchant app under test, started once the sandbox listens. */
  app: App;
}

/**
 * Registers one `before` hook (sandbox, then `startApp`, then Chromium) and one `after` hook that
 * closes them in reverse; the returned object is filled in before the tests run.
 */
export function browserSuite<App extends { close(): Promise<void> }>(
  startApp: (sandbox: RunningSandbox) => Promise<App>,
  options: SandboxOptions = {},
): BrowserSuite<App> {
  const suite = {} as BrowserSuite<App>;
  before(async () => {
    suite.sandbox = await startSandbox({ port: 0, db: ':memory:', ...options });
    suite.app = await startApp(suite.sandbox);
    suite.browser = chromiumAvailable ? await launchChromium() : undefined;
  });
  after(async () => {
    await suite.browser?.close();
    await suite.app?.close();
    await suite.sandbox?.close();
  });
  return suite;
}

/** The sandbox a merchant app talks to. */
export interface SandboxLike {
  url: string;
  appId: string;
  secretKey: string;
}

/** A cashfree-kit client for the sandbox: production code with only `baseUrl` changed. */
export function sandboxClient(sandbox: SandboxLike): Cashfree {
  return new Cashfree({
    appId: sandbox.appId,
    secretKey: sandbox.secretKey,
    environment: 'sandbox',
    baseUrl: `${sandbox.url}/pg`,
  });
}
