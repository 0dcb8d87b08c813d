import type { WebhookEvent } from '../events.js';
import { webhookEventType } from '../events.js';
import { type Backoff, exponentialBackoff } from './backoff.js';
import { webhookDedupeKey } from './dedupe-key.js';
import type { InboxEvent } from './inbox-event.js';
import { holdLeases, InboxLeaseLostError } from './lease.js';
import type { InboxOutcome, InboxRecord, InboxStatus, WebhookInboxStore } from './store.js';

export type { InboxEvent } from './inbox-event.js';

/**
 * What the handler learns about the run besides the event.
 *
 * @example
 * import type { WebhookEvent } from 'cashfree-kit/webhooks';
 * const handler = (event: WebhookEvent, context: InboxHandlerContext) => {
 *   if (context.attempt > 1) console.log(`retry ${context.attempt} of ${context.key}`);
 * };
 */
export interface InboxHandlerContext {
  /** The event's dedupe key. */
  key: string;
  /** 1 for the first run, 2 for the first retry, … */
  attempt: number;
  /** How many times the event was received so far. */
  deliveries: number;
  /**
   * Aborts (with an `InboxLeaseLostError`) if this worker loses the event's lease while the
   * handler runs, which only happens when the store refuses a renewal (another worker took the
   * event). Pass it on to calls that can stop, e.g. `cashfree.refunds.create(..., { signal })`.
   */
  signal: AbortSignal;
}

/**
 * Your code for one event. Throw (or reject) to have it retried with backoff.
 *
 * @example
 * const handler: WebhookInboxHandler = async (event, { key }) => {
 *   if (event.type === 'PAYMENT_SUCCESS_WEBHOOK') console.log('fulfil', event.data.order.order_id, 'once, under', key);
 * };
 */
export type WebhookInboxHandler<E extends InboxEvent = WebhookEvent> = (
  event: E,
  context: InboxHandlerContext,
) => unknown;

/**
 * Options of {@link createWebhookInbox}.
 *
 * @example
 * const options: WebhookInboxOptions = {
 *   store: createMemoryInboxStore(),
 *   handler: async (event) => console.log(event.type),
 *   maxAttempts: 8,
 *   leaseMs: 60_000,
 * };
 * const inbox = createWebhookInbox(options);
 */
export interface WebhookInboxOptions<E extends InboxEvent = WebhookEvent> {
  /** Where events are recorded: memory (tests), SQLite (one machine) or PostgreSQL (several instances). */
  store: WebhookInboxStore;
  /** Runs once per dedupe key; retried on failure. */
  handler: WebhookInboxHandler<E>;
  /** Runs before an event is dead-lettered. Default 5. */
  maxAttempts?: number;
  /** Delay before retry n. Default {@link exponentialBackoff}(): 10 s, 40 s, 2.7 min, … capped at 1 h. */
  backoff?: Backoff;
  /**
   * How long a claimed event stays locked to one worker without a renewal. While the handler
   * runs, the worker renews the lease every `leaseRenewMs`, so a slow handler is never run twice;
   * a worker that dies stops renewing, and the event runs again once the lease ends. Default 5
   * minutes.
   */
  leaseMs?: number;
  /** How often a running (or claimed, waiting) event's lease is extended by `leaseMs`. Default `leaseMs / 3`. */
  leaseRenewMs?: number;
  /** Events claimed per round trip to the store. Default 10. */
  batchSize?: number;
  /** The dedupe key of an event. Default {@link webhookDedupeKey}. */
  dedupeKey?: (event: E) => string | Promise<string>;
  /** This worker's name in the store's locks. Default a random id. */
  workerId?: string;
  /** The clock, in epoch milliseconds; for tests. Default `Date.now`. */
  now?: () => number;
  /** Told about handler failures and store errors in the background worker. Default `console.error`. */
  onError?: (error: unknown, entry?: InboxEntry<E>) => void;
}

/**
 * A recorded event, with its parsed payload.
 *
 * @example
 * const entries: InboxEntry[] = await inbox.list({ status: 'pending' });
 * for (const entry of entries) console.log(entry.key, entry.event.type, entry.attempts);
 */
export interface InboxEntry<E extends InboxEvent = WebhookEvent> extends Omit<InboxRecord, 'payload'> {
  event: E;
}

/**
 * What one `processPending()` call did.
 *
 * @example
 * const summary: ProcessSummary = await inbox.processPending();
 * console.log(`${summary.succeeded} done, ${summary.retried} to retry, ${summary.deadLettered} dead`);
 */
export interface ProcessSummary {
  succeeded: number;
  retried: number;
  deadLettered: number;
}

/**
 * An idempotent, retrying inbox for verified webhook events.
 *
 * @example
 * const inbox: WebhookInbox = createWebhookInbox({ store: createMemoryInboxStore(), handler: () => {} });
 * inbox.start({ pollIntervalMs: 1_000 });
 * for (const dead of await inbox.deadLetters()) console.log(dead.key, dead.lastError);
 * await inbox.stop();
 */
export interface WebhookInbox<E extends InboxEvent = WebhookEvent> {
  /** This worker's id in the store's locks. */
  readonly workerId: string;
  /**
   * Records a verified event under its dedupe key and resolves once it is durably stored: answer
   * Cashfree 200 then. A duplicate (a retry, another instance) is counted, never run again.
   */
  receive(event: E): Promise<{ key: string; duplicate: boolean; status: InboxStatus }>;
  /** Claims due events and runs the handler on each until none is due (or `limit` ran). */
  processPending(options?: { limit?: number }): Promise<ProcessSummary>;
  /** Starts a background worker that polls for due events (timers are unref'd). */
  start(options?: { pollIntervalMs?: number }): void;
  /** Stops the background worker and waits for the run in progress. */
  stop(): Promise<void>;
  /** The entry of one dedupe key, with its parsed event. */
  get(key: string): Promise<InboxEntry<E> | undefined>;
  /** Entries, oldest first, optionally of one status. */
  list(query?: { status?: InboxStatus; limit?: number }): Promise<InboxEntry<E>[]>;
  /** Events that failed `maxAttempts` times, oldest first, with `lastError`. */
  deadLetters(options?: { limit?: number }): Promise<InboxEntry<E>[]>;
  /** Gives a dead-lettered event a fresh set of attempts, due now. False if it was not dead. */
  redrive(key: string): Promise<boolean>;
}

const MAX_ERROR_LENGTH = 2000;

/**
 * Creates an inbox: `receive()` records each verified event once per dedupe key and returns fast;
 * `processPending()` or a started worker claims due events and runs `handler` once per key, even
 * when Cashfree retries or several instances share the store; failures retry with backoff and land
 * in a dead-letter list after `maxAttempts`.
 *
 * The guarantee is "once, unless a worker dies mid-run": then its lease is no longer renewed,
 * expires, and the event runs again, so make side effects outside your database idempotent (e.g.
 * key them by `context.key`). A handler slower than `leaseMs` is not a dying worker: its lease is
 * renewed while it runs.
 *
 * @example
 * ```ts
 * import express from 'express';
 * import { cashfreeWebhook } from 'cashfree-kit/webhooks/express';
 * import { createSqliteInboxStore } from 'cashfree-kit/webhooks/inbox/sqlite';
 *
 * const inbox = createWebhookInbox({
 *   store: createSqliteInboxStore({ filename: 'webhooks.db' }),
 *   async handler(event) {
 *     if (event.type === 'PAYMENT_SUCCESS_WEBHOOK') console.log('fulfil', event.data.order.order_id);
 *   },
 * });
 * inbox.start();
 * const app = express();
 * app.post('/webhooks/cashfree', cashfreeWebhook({ secret, onEvent: (event) => inbox.receive(event) }));
 * ```
 */
export function createWebhookInbox<E extends InboxEvent = WebhookEvent>(
  options: WebhookInboxOptions<E>,
): WebhookInbox<E> {
  const { store, handler } = options;
  const maxAttempts = positiveInteger(options.maxAttempts ?? 5, 'maxAttempts');
  const leaseMs = positiveInteger(options.leaseMs ?? 5 * 60_000, 'leaseMs');
  const leaseRenewMs = positiveInteger(
    options.leaseRenewMs ?? Math.max(1, Math.floor(leaseMs / 3)),
    'leaseRenewMs',
  );
  if (options.leaseRenewMs !== undefined && leaseRenewMs >= leaseMs) {
    throw new TypeError(
      `leaseRenewMs (${leaseRenewMs}) must be shorter than leaseMs (${leaseMs}), or the lease ends before it is renewed.`,
    );
  }
  const batchSize = positiveInteger(options.batchSize ?? 10, 'batchSize');
  const backoff = options.backoff ?? exponentialBackoff();
  const dedupeKey = options.dedupeKey ?? webhookDedupeKey;
  const now = options.now ?? Date.now;
  const onError = options.onError ?? ((error) => console.error('[cashfree-kit] webhook inbox:', error));
  const workerId = options.workerId ?? `worker-${crypto.randomUUID()}`;

  /** Settles a run; a refusal means the lease was lost and another worker owns the record now. */
  async function settle(record: InboxRecord, outcome: InboxOutcome): Promise<boolean> {
    if (await store.settle(record.key, workerId, outcome)) return true;
    onError(
      new InboxLeaseLostError(record.key, `its ${outcome.status} outcome was not recorded`),
      toEntry<E>(record),
    );
    return false;
  }

  async function run(record: InboxRecord, signal: AbortSignal): Promise<keyof ProcessSummary | undefined> {
    const entry = toEntry<E>(record);
    if (record.attempts > maxAttempts) {
      // The previous run never reported back (its worker died or its lease ran out).
      const dead = await settle(record, {
        status: 'dead',
        at: now(),
        error: record.lastError ?? 'lease expired',
      });
      return dead ? 'deadLettered' : undefined;
    }
    // Lost while waiting behind slower records of the same batch: another worker has it now.
    if (signal.aborted) return undefined;
    try {
      await handler(entry.event, {
        key: record.key,
        attempt: record.attempts,
        deliveries: record.deliveries,
        signal,
      });
    } catch (error) {
      onError(error, entry);
      const message = describe(error);
      if (record.attempts >= maxAttempts) {
        return (await settle(record, { status: 'dead', at: now(), error: message }))
          ? 'deadLettered'
          : undefined;
      }
      const nextAttemptAt = now() + Math.max(0, backoff(record.attempts));
      return (await settle(record, { status: 'pending', nextAttemptAt, error: message }))
        ? 'retried'
        : undefined;
    }
    return (await settle(record, { status: 'done', at: now() })) ? 'succeeded' : undefined;
  }

  async function processPending({ limit = Number.POSITIVE_INFINITY }: { limit?: number } = {}) {
    const summary: ProcessSummary = { succeeded: 0, retried: 0, deadLettered: 0 };
    let ran = 0;
    while (ran < limit) {
      const claimed = await store.claim({
        workerId,
        now: now(),
        leaseMs,
        limit: Math.min(batchSize, limit - ran),
      });
      if (claimed.length === 0) break;
      const leases = holdLeases({
        store,
        workerId,
        keys: claimed.map((record) => record.key),
        leaseMs,
        renewEveryMs: leaseRenewMs,
        now,
        onError: (error) => onError(error),
      });
      try {
        for (const record of claimed) {
          const outcome = await run(record, leases.signal(record.key));
          leases.release(record.key);
          if (outcome) summary[outcome]++;
          ran++;
        }
      } finally {
        await leases.stop();
      }
    }
    return summary;
  }

  const worker = createPoller(processPending, (error) => onError(error));

  return {
    workerId,
    async receive(event) {
      const key = await dedupeKey(event);
      const { recorded, record } = await store.record({
        key,
        type: webhookEventType(event),
        payload: JSON.stringify(event),
        now: now(),
      });
      if (recorded) worker.wake();
      return { key, duplicate: !recorded, status: record.status };
    },
    processPending,
    start: (startOptions) => worker.start(startOptions?.pollIntervalMs ?? 1000),
    stop: () => worker.stop(),
    async get(key) {
      const record = await store.get(key);
      return record && toEntry<E>(record);
    },
    async list(query) {
      return (await store.list(query)).map((record) => toEntry<E>(record));
    },
    async deadLetters(query) {
      return (await store.list({ ...query, status: 'dead' })).map((record) => toEntry<E>(record));
    },
    redrive: (key) => store.redrive(key, now()),
  };
}

function toEntry<E extends InboxEvent>({ payload, ...rest }: InboxRecord): InboxEntry<E> {
  return { ...rest, event: JSON.parse(payload) as E };
}

function describe(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH)}…` : text;
}

function positiveInteger(value: number, name: string): number {
  if (Number.isInteger(value) && value > 0) return value;
  throw new TypeError(`${name} must be a positive integer; received ${String(value)}.`);
}

/** Runs `task` now and then every `intervalMs`, one run at a time; `wake()` runs it again soon. */
function createPoller(task: () => Promise<unknown>, onError: (error: unknown) => void) {
  let running = false;
  let interval = 1000;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: Promise<void> | undefined;
  let wokenDuringRun = false;

  function schedule(delay: number): void {
    clearTimeout(timer);
    timer = setTimeout(tick, delay);
    // Idle polling never keeps the process alive; a run that is due now (just received) does.
    if (delay > 0) (timer as { unref?: () => void }).unref?.();
  }

  function tick(): void {
    timer = undefined;
    if (!running) return;
    wokenDuringRun = false;
    inFlight = task()
      .then(
        () => undefined,
        (error: unknown) => onError(error),
      )
      .finally(() => {
        inFlight = undefined;
        if (running) schedule(wokenDuringRun ? 0 : interval);
      });
  }

  return {
    start(intervalMs: number): void {
      interval = positiveInteger(intervalMs, 'pollIntervalMs');
      if (running) return;
      running = true;
      schedule(0);
    },
    wake(): void {
      if (!running) return;
      if (inFlight) wokenDuringRun = true;
      else schedule(0);
    },
    async stop(): Promise<void> {
      running = false;
      clearTimeout(timer);
      timer = undefined;
      await inFlight;
    },
  };
}
