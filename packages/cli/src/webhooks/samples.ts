/**
 * Sample webhook bodies for `cashfree webhooks trigger`, one per event type, built by the local
 * sandbox's own webhook code (`@cashfree-kit/sandbox`): the shapes of Cashfree's documented
 * payloads (../shared/reference/cashfree-api-facts.md §3.8–3.11), with amounts printed with two
 * decimals (`499.00`) as Cashfree prints them, which is exactly what breaks handlers that
 * re-serialise the body before verifying it. The sandbox is loaded only when a sample is built.
 */
import type { SampleEventOptions } from '@cashfree-kit/sandbox';
import { WEBHOOK_EVENT_TYPES } from 'cashfree-kit/webhooks';

/** Every event type `webhooks trigger` can send: each type the SDK's webhook types know. */
export const SAMPLE_EVENT_TYPES: readonly string[] = Object.values(WEBHOOK_EVENT_TYPES).flat();

/** What a sample is about: order id, amount in rupees, payload version and event time. */
export type SampleOptions = SampleEventOptions;

/** `2025-01-15T11:16:10+05:30`: Cashfree's timestamps are in IST. */
export function istTime(date: Date): string {
  const ist = new Date(date.getTime() + 330 * 60 * 1000);
  return `${ist.toISOString().slice(0, 19)}+05:30`;
}

/**
 * The raw JSON body of a sample event of `type`, or `undefined` for a type with no sample (the
 * caller lists the known ones).
 */
export async function sampleWebhookBody(type: string, options: SampleOptions): Promise<string | undefined> {
  const sandbox = await import('@cashfree-kit/sandbox');
  return sandbox.sampleWebhookBody(type, options);
}
