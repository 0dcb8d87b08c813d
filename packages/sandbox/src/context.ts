import type { SandboxClock } from './clock/sandbox-clock.js';
import { formatIst } from './clock/time.js';
import type { Scheduler } from './scheduler/scheduler.js';
import type { EventRow } from './store/events.js';
import type { Store } from './store/store.js';

/**
 * Which request limits the sandbox enforces: none (`off`, the default; the `x-ratelimit-*` headers are still sent) or Cashfree's sandbox limits with 429s.
 *
 * @example
 * const rateLimits: RateLimitMode = 'cashfree-sandbox';
 * const sandbox = createSandboxApp({ rateLimits });
 * sandbox.close();
 */
export type RateLimitMode = 'off' | 'cashfree-sandbox';

/**
 * Settings every part of the sandbox reads. `publicUrl` is filled in once the server listens.
 *
 * @example
 * const sandbox = createSandboxApp();
 * const config: Readonly<SandboxConfig> = sandbox.config;
 * console.log(config.appId, config.publicUrl, config.rateLimits);
 * sandbox.close();
 */
export interface SandboxConfig {
  appId: string;
  secretKey: string;
  /** Origin the sandbox is reached at; `link_url` and checkout URLs are built on it. */
  publicUrl: string;
  /** The name checkout pages show the customer; `undefined`: "the merchant <app id>". */
  merchantName?: string | undefined;
  upiResolveDelayMs: number;
  rateLimits: RateLimitMode;
  /** Payouts' keys, starting balance and approval threshold (see `SandboxAppOptions.payouts`). */
  payouts: PayoutSettings;
}

/**
 * How the sandbox's Payouts behave.
 *
 * @example
 * const sandbox = createSandboxApp({ payouts: { approvalThreshold: 50_000 } });
 * const settings: PayoutSettings = sandbox.config.payouts; // clientId defaults to sandbox.appId
 * sandbox.close();
 */
export interface PayoutSettings {
  /** The `x-client-id` Payouts calls must send. */
  clientId: string;
  /** The `x-client-secret` Payouts calls must send. */
  clientSecret: string;
  /** The balance (rupees) a fresh or reset sandbox starts with. */
  startingBalance: number;
  /** Transfers of at least this many rupees wait in APPROVAL_PENDING; `undefined`: none wait. */
  approvalThreshold: number | undefined;
  /** Real-time delay (ms) of the answer to a transfer to the documented 25-second timeout test account. */
  slowResponseMs: number;
  /** Whether `/payout` requests must carry a valid `x-cf-signature` (2FA by public key). */
  twoFactor: boolean;
}

/**
 * A domain event, delivered to `onEvent` listeners after the transaction that appended it to the
 * `events` outbox committed. `data` is the webhook's `data` object (2025-01-01 shape).
 *
 * @example
 * const sandbox = createSandboxApp();
 * const seen: SandboxEvent[] = [];
 * const unsubscribe = sandbox.onEvent((event) => seen.push(event));
 * // … drive a payment through sandbox.request('/pg/…') …
 * unsubscribe();
 * sandbox.close();
 */
export interface SandboxEvent {
  id: number;
  type: string;
  order_id: string | null;
  cf_payment_id: string | null;
  cf_refund_id: string | null;
  link_id: string | null;
  cf_settlement_id: string | null;
  data: unknown;
  /** Sandbox-clock epoch ms. */
  created_at: number;
  /** `created_at` in Cashfree's format, the webhook's `event_time`. */
  event_time: string;
}

/**
 * A subscriber to committed domain events.
 *
 * @example
 * const log: SandboxEventListener = (event) => console.log(event.type, event.order_id, event.event_time);
 * const sandbox = createSandboxApp();
 * const unsubscribe = sandbox.onEvent(log);
 * unsubscribe();
 * sandbox.close();
 */
export type SandboxEventListener = (event: SandboxEvent) => void;

/** Parses an outbox row into the event listeners and the admin API see. */
export function toSandboxEvent(row: EventRow): SandboxEvent {
  return { ...row, data: JSON.parse(row.data) as unknown, event_time: formatIst(row.created_at) };
}

/**
 * Shared state of one sandbox: database, clock, scheduler, settings, and the transaction helper
 * that publishes outbox events only after their transaction committed.
 */
export class SandboxContext {
  scheduler!: Scheduler;
  readonly #listeners = new Set<SandboxEventListener>();
  readonly #uncommitted: EventRow[] = [];
  #depth = 0;
  #queued: Array<{
    change: () => unknown;
    resolve: (value: unknown) => void;
    reject: (error: unknown) => void;
  }> = [];

  constructor(
    readonly store: Store,
    readonly clock: SandboxClock,
    readonly config: SandboxConfig,
  ) {}

  /**
   * Runs `fn` in one SQLite transaction. Events appended inside reach listeners after the
   * outermost transaction commits, and are dropped if it rolls back.
   */
  transact<T>(fn: () => T): T {
    const mark = this.#uncommitted.length;
    this.#depth++;
    let result: T;
    try {
      result = this.store.transaction(fn);
    } catch (error) {
      this.#uncommitted.length = mark;
      throw error;
    } finally {
      this.#depth--;
    }
    if (this.#depth === 0 && this.#uncommitted.length > 0) this.#publish();
    return result;
  }

  /**
   * Group commit: runs `change` in one transaction with the other changes that reach this point
   * in the same event-loop turn, and resolves once that transaction committed (a response built
   * from the result is never sent for uncommitted state). Under concurrent load this turns N
   * commits into one, which halves the CPU cost of create-order.
   *
   * Changes validate before they write, so they rarely throw; when one does, the whole batch is
   * rolled back and every change is run again in a transaction of its own, so the failure stays
   * with its request. A change must therefore depend only on its inputs and the database.
   */
  commit<T>(change: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queued.push({ change, resolve: resolve as (value: unknown) => void, reject });
      if (this.#queued.length === 1) setImmediate(() => this.#flush());
    });
  }

  #flush(): void {
    const batch = this.#queued;
    this.#queued = [];
    if (batch.length > 1) {
      let values: unknown[] | undefined;
      try {
        values = this.transact(() => batch.map((item) => item.change()));
      } catch {
        // Fall through: one change failed, and the rollback undid them all.
      }
      if (values) {
        for (const [i, item] of batch.entries()) item.resolve(values[i]);
        return;
      }
    }
    for (const item of batch) {
      let value: unknown;
      try {
        value = this.transact(item.change);
      } catch (error) {
        item.reject(error);
        continue;
      }
      item.resolve(value);
    }
  }

  /** Appends an event to the outbox; call inside {@link transact}. */
  appendEvent(event: Omit<EventRow, 'id' | 'created_at' | 'data'> & { data: unknown }): void {
    const row = this.store.events.append({
      ...event,
      data: JSON.stringify(event.data),
      created_at: this.clock.now(),
    });
    this.#uncommitted.push(row);
  }

  /** Subscribes to committed events; returns the unsubscribe function. */
  onEvent(listener: SandboxEventListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #publish(): void {
    const rows = this.#uncommitted.splice(0);
    if (this.#listeners.size === 0) return;
    for (const row of rows) {
      const event = toSandboxEvent(row);
      for (const listener of this.#listeners) {
        try {
          listener(event);
        } catch (error) {
          console.error(`[cashfree-sandbox] an onEvent listener threw on ${event.type} #${event.id}:`, error);
        }
      }
    }
  }
}
