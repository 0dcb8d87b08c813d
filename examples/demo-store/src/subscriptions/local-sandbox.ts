/**
 * What the store asks of the local sandbox for subscriptions, through its admin API (no keys):
 *
 * - Its clock. The sandbox's time runs ahead of this machine's once someone advanced it, and a
 *   resumed subscription's next charge must be ahead of the sandbox's "now", not this machine's.
 *   "Move the sandbox clock a month" advances it one calendar month and an hour, so the monthly
 *   debit due in that month has been presented and settled (UPI and card settle a minute after);
 *   "Move the clock to this charge" goes to an hour past one charge's date, for a charge on demand.
 * - The webhook URL. Subscription events belong to no order, so they have no `notify_url`: on
 *   Cashfree they go to the URL added on the dashboard (Developers → Webhooks); on the local sandbox
 *   the store registers its PG route for PG events (`products: ['pg']`) before its first
 *   subscription, once per process, unless the sandbox already has it.
 */
import { oneMonthAfter } from './tea-plan.js';

/** How far past the month the clock goes: the debit presented on the day has settled by then. */
const SETTLE_MS = 60 * 60_000;

export interface LocalSandbox {
  /** The sandbox's time, epoch ms. */
  now(): Promise<number>;
  /** Moves the sandbox's clock one calendar month (and an hour) on; resolves with its new time. */
  advanceMonth(): Promise<number>;
  /**
   * Moves the sandbox's clock to an hour past `at` (a charge's date: it has been debited and has
   * settled by then), or leaves it when it is already there; resolves with its time.
   */
  advancePast(at: number): Promise<number>;
  /** Registers the store's webhook URL for PG events unless the sandbox has it (or webhooks are off). */
  ensureWebhookEndpoint(): Promise<void>;
}

/**
 * The local sandbox at `origin`. `webhookUrl` answers the store's PG webhook URL once it listens,
 * or `undefined` when webhooks are off (then nothing is registered).
 */
export function localSandbox(
  origin: string,
  webhookUrl: () => string | undefined,
  fetchFn: typeof fetch = fetch,
): LocalSandbox {
  const admin = `${origin}/_sandbox`;
  const call = async (path: string, body?: unknown): Promise<unknown> => {
    const response = await fetchFn(`${admin}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      ...(body === undefined
        ? {}
        : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
    if (!response.ok) {
      throw new Error(
        `the local sandbox answered ${response.status} to ${admin}${path}: ${await response.text()}`,
      );
    }
    return response.json();
  };
  const now = async () => ((await call('/clock')) as { epoch_ms: number }).epoch_ms;

  let registered: Promise<void> | undefined;
  const register = async (url: string) => {
    const { data } = (await call('/webhooks/endpoints')) as { data: Array<{ url: string }> };
    if (data.some((endpoint) => endpoint.url === url)) return;
    await call('/webhooks/endpoints', { url, products: ['pg'] });
  };

  return {
    now,
    async advanceMonth() {
      const from = await now();
      const moved = (await call('/clock/advance', { ms: oneMonthAfter(from) + SETTLE_MS - from })) as {
        epoch_ms: number;
      };
      return moved.epoch_ms;
    },
    async advancePast(at) {
      const from = await now();
      const to = at + SETTLE_MS;
      if (to <= from) return from;
      return ((await call('/clock/advance', { ms: to - from })) as { epoch_ms: number }).epoch_ms;
    },
    ensureWebhookEndpoint() {
      const url = webhookUrl();
      if (url === undefined) return Promise.resolve();
      registered ??= register(url).catch((error: unknown) => {
        // Not remembered: the next subscription tries again (the sandbox may have been restarted).
        registered = undefined;
        throw new Error(
          `The store could not register its webhook URL ${url} with the local sandbox ` +
            `(${error instanceof Error ? error.message : String(error)}); subscription statuses and charges will not arrive by webhook until it can.`,
        );
      });
      return registered;
    },
  };
}
