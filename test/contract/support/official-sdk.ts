/**
 * Cashfree's official Node SDK (`cashfree-pg`, pinned 6.0.6, test-only), constructed the one way
 * this project allows: error analytics off (it otherwise initialises Sentry with Cashfree's DSN and
 * traces the host process) and, when given, `basePath` pointed at a local sandbox's `/pg`. Nothing
 * else is changed: not its API version (`2026-01-01` in 6.0.6), headers or axios instance.
 */
import { Cashfree, CFEnvironment } from 'cashfree-pg';

export function officialSdk(appId: string, secretKey: string, basePath?: string): Cashfree {
  const cashfree = new Cashfree(
    CFEnvironment.SANDBOX,
    appId,
    secretKey,
    undefined,
    undefined,
    undefined,
    false,
  );
  if (cashfree.XEnableErrorAnalytics) throw new Error('cashfree-pg must run with error analytics disabled');
  if (basePath !== undefined) cashfree.basePath = basePath;
  return cashfree;
}
