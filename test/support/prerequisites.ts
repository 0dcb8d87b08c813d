/**
 * Some suites need something outside Node: Debian's Chromium, a PostgreSQL server, the official
 * OpenAPI contract in ../shared. On a developer's machine a missing prerequisite skips the suite
 * with a loud reason; under CI (`CASHFREE_KIT_REQUIRE_ALL=1`, set by .ci/run) it fails instead,
 * so CI can never pass by skipping.
 */
import type { TestContext } from 'node:test';

export const requireAll = process.env['CASHFREE_KIT_REQUIRE_ALL'] === '1';

/**
 * Returns true when the suite may run. Otherwise skips the test (or throws under CI) with a
 * message naming what is missing and how to provide it.
 */
export function prerequisite(t: TestContext, available: boolean, what: string, howToFix: string): boolean {
  if (available) return true;
  const message = `[cashfree-kit tests] SKIPPED: ${what} is not available. ${howToFix}`;
  if (requireAll) throw new Error(`${message} (CASHFREE_KIT_REQUIRE_ALL=1 forbids skipping)`);
  console.warn(message);
  t.skip(message);
  return false;
}
