import { MINUTE_MS } from '../clock/time.js';

/**
 * When failed deliveries are retried: `'cashfree'` (Cashfree's default policy: 3 retries, 2, 10
 * and 30 minutes after the failed attempt, on the sandbox clock), `'fast'` (the same three
 * retries within two seconds, for tests and `cashfree sandbox start --fast-retries`), or the
 * delays in milliseconds.
 *
 * @example
 * const schedule: WebhookRetrySchedule = [1_000, 5_000];
 * const sandbox = createSandboxApp({ webhookRetrySchedule: schedule });
 * sandbox.close();
 * @see https://www.cashfree.com/docs/api-reference/webhooks/reliability-and-operations
 */
export type WebhookRetrySchedule = 'cashfree' | 'fast' | number[];

/**
 * Cashfree's default retry delays, in ms (2, 10 and 30 minutes).
 *
 * @example
 * const lastRetryAfterMs = CASHFREE_RETRY_DELAYS_MS.reduce((sum, ms) => sum + ms, 0); // 42 minutes
 */
export const CASHFREE_RETRY_DELAYS_MS: readonly number[] = [2 * MINUTE_MS, 10 * MINUTE_MS, 30 * MINUTE_MS];
/**
 * The `'fast'` delays, in ms.
 *
 * @example
 * const sandbox = createSandboxApp({ webhookRetrySchedule: [...FAST_RETRY_DELAYS_MS] });
 * sandbox.close();
 */
export const FAST_RETRY_DELAYS_MS: readonly number[] = [200, 500, 1_000];
/**
 * How long the sandbox waits for a receiver's answer before counting the attempt as failed, in ms.
 *
 * @example
 * const patient = createSandboxApp({ webhookTimeoutMs: 3 * DEFAULT_WEBHOOK_TIMEOUT_MS });
 * patient.close();
 */
export const DEFAULT_WEBHOOK_TIMEOUT_MS = 10_000;

/** The retry delays a schedule stands for. */
export function retryDelays(schedule: WebhookRetrySchedule): readonly number[] {
  if (schedule === 'cashfree') return CASHFREE_RETRY_DELAYS_MS;
  if (schedule === 'fast') return FAST_RETRY_DELAYS_MS;
  return schedule;
}

/**
 * The delay before the attempt after failed attempt number `attempt` (1-based), or `undefined`
 * when the schedule is used up and the delivery has failed for good.
 */
export function delayAfterFailure(delays: readonly number[], attempt: number): number | undefined {
  return delays[attempt - 1];
}

/**
 * Which `x-webhook-timestamp` (and so which signature) a retry carries: `'original'`, the time
 * the webhook was generated, on every attempt; or `'fresh'`, the time of the attempt. Cashfree
 * documents neither (docs/decisions/0004-webhook-retry-timestamps.md), so the sandbox defaults to
 * `'original'`, the case a receiver's replay window must survive.
 *
 * @example
 * const retryTimestamp: WebhookRetryTimestamp = 'fresh'; // re-sign every attempt
 * const sandbox = await startSandbox({ port: 0, db: ':memory:', webhookRetryTimestamp: retryTimestamp });
 */
export type WebhookRetryTimestamp = 'original' | 'fresh';

/**
 * The retry timestamp behaviours, default first.
 *
 * @example
 * const flag = `--webhook-retry-timestamp ${WEBHOOK_RETRY_TIMESTAMPS.join('|')}`; // original|fresh
 */
export const WEBHOOK_RETRY_TIMESTAMPS: readonly WebhookRetryTimestamp[] = ['original', 'fresh'];
