import type { WebhookInboxStore } from './store.js';

/**
 * Why a handler's `context.signal` aborted, and what `onError` hears when a run's outcome came
 * too late to be recorded: this worker lost the event's lease, and another worker may run it.
 *
 * @example
 * const lostLeases: string[] = [];
 * const inbox = createWebhookInbox({
 *   store: createMemoryInboxStore(),
 *   async handler(event, { signal }) {
 *     if (event.type !== 'PAYMENT_SUCCESS_WEBHOOK') return;
 *     await cashfree.orders.get(event.data.order.order_id, { signal }); // stops if the lease is lost
 *   },
 *   onError(error) {
 *     if (error instanceof InboxLeaseLostError) lostLeases.push(error.key);
 *   },
 * });
 */
export class InboxLeaseLostError extends Error {
  override name = 'InboxLeaseLostError' as const;
  /** The dedupe key whose lease was lost. */
  readonly key: string;

  constructor(key: string, detail: string) {
    super(
      `This worker lost the lease on webhook event ${key} (${detail}); another worker may run it. ` +
        "Raise leaseMs, or check that the store's clock and this worker's clock agree.",
    );
    this.key = key;
  }
}

/** The leases a worker holds on the records of one claimed batch. */
export interface HeldLeases {
  /** Aborted (with an {@link InboxLeaseLostError}) once the lease on `key` is known to be lost. */
  signal(key: string): AbortSignal;
  /** Stops renewing `key`: its run ended and it is about to be settled. */
  release(key: string): void;
  /** Stops renewing everything. */
  stop(): Promise<void>;
}

/**
 * Keeps the leases on `keys` alive: every `renewEveryMs` each one still held is extended to
 * `now() + leaseMs`, so a handler that runs longer than `leaseMs` (or a record waiting behind
 * slow ones in its batch) is never claimed by a second worker meanwhile. A renewal the store
 * refuses means another worker took the record: its signal aborts and renewing it stops.
 */
export function holdLeases(options: {
  store: WebhookInboxStore;
  workerId: string;
  keys: readonly string[];
  leaseMs: number;
  renewEveryMs: number;
  now: () => number;
  onError: (error: unknown) => void;
}): HeldLeases {
  const { store, workerId, leaseMs, now, onError } = options;
  const held = new Map(options.keys.map((key) => [key, new AbortController()]));
  let renewing: Promise<void> | undefined;

  async function renewAll(): Promise<void> {
    for (const [key, controller] of [...held]) {
      if (!held.has(key)) continue; // released during this round
      try {
        if (await store.renew(key, workerId, now() + leaseMs)) continue;
        if (!held.has(key)) continue; // released while the renewal was in flight
        held.delete(key);
        controller.abort(new InboxLeaseLostError(key, 'the store refused to renew it'));
      } catch (error) {
        // A store hiccup: keep the lease in the set, the next tick tries again.
        onError(error);
      }
    }
  }

  const timer = setInterval(() => {
    // One renewal round at a time: a slow store must not pile up overlapping rounds.
    renewing ??= renewAll().finally(() => {
      renewing = undefined;
    });
  }, options.renewEveryMs);
  // The handler's own work keeps the process alive; the heartbeat alone never should.
  (timer as { unref?: () => void }).unref?.();

  const signals = new Map([...held].map(([key, controller]) => [key, controller.signal]));
  return {
    signal: (key) => signals.get(key) ?? AbortSignal.abort(new InboxLeaseLostError(key, 'never held')),
    // A renewal still in flight for a released key is harmless: once settled, the record is no
    // longer 'processing', so the store refuses it, and a released key's signal never aborts.
    release: (key) => void held.delete(key),
    async stop() {
      clearInterval(timer);
      held.clear();
      await renewing;
    },
  };
}
