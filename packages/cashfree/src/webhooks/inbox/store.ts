/**
 * The storage contract of the webhook inbox. cashfree-kit ships memory, SQLite and PostgreSQL
 * implementations; any store that keeps these promises works, e.g. one on your own database.
 */

/**
 * Where an event is in its life: `pending` (recorded, due at `nextAttemptAt`), `processing`
 * (claimed by a worker until `lockedUntil`), `done` (handled), `dead` (gave up; see `lastError`).
 *
 * @example
 * const status: InboxStatus = 'dead';
 * const stuck = await inbox.list({ status, limit: 20 });
 */
export type InboxStatus = 'pending' | 'processing' | 'done' | 'dead';

/**
 * One recorded event, as a store keeps it. Times are epoch milliseconds.
 *
 * @example
 * const store = createMemoryInboxStore();
 * const { record }: { record: InboxRecord } = await store.record({ key: 'k1', type: 'PAYMENT_SUCCESS_WEBHOOK', payload: '{}', now: Date.now() });
 * console.log(record.status, record.deliveries); // 'pending', 1
 */
export interface InboxRecord {
  /** The dedupe key: one record, and one successful handler run, per key. */
  key: string;
  /** The type Cashfree sent, e.g. `PAYMENT_SUCCESS_WEBHOOK`. */
  type: string;
  /** The verified event as JSON (what the handler receives). */
  payload: string;
  status: InboxStatus;
  /** Handler runs started so far. */
  attempts: number;
  /** How many times the event was received (Cashfree retries, other instances, both versions). */
  deliveries: number;
  receivedAt: number;
  /** When a `pending` record is next due. */
  nextAttemptAt: number;
  lockedBy: string | null;
  lockedUntil: number | null;
  lastError: string | null;
  completedAt: number | null;
}

/**
 * What a worker reports after running the handler on a record it claimed.
 *
 * @example
 * const retryLater: InboxOutcome = { status: 'pending', nextAttemptAt: Date.now() + 60_000, error: 'upstream timed out' };
 */
export type InboxOutcome =
  | { status: 'done'; at: number }
  | { status: 'pending'; nextAttemptAt: number; error: string }
  | { status: 'dead'; at: number; error: string };

/**
 * A storage backend for {@link createWebhookInbox}. Every method must be safe under concurrency.
 *
 * @example
 * const store: WebhookInboxStore = createMemoryInboxStore(); // or your own, on your database
 * const inbox = createWebhookInbox({ store, handler: () => {} });
 */
export interface WebhookInboxStore {
  /**
   * Inserts a `pending` record with `deliveries: 1`, atomically, unless the key exists; then it only
   * increments `deliveries`. `recorded` is true for the insert, false for a duplicate.
   */
  record(entry: { key: string; type: string; payload: string; now: number }): Promise<{
    recorded: boolean;
    record: InboxRecord;
  }>;
  /**
   * Atomically takes up to `limit` due records — `pending` with `nextAttemptAt <= now`, or
   * `processing` whose lease expired — marks them `processing` for `workerId` until `now + leaseMs`,
   * increments `attempts`, and returns them. No record is ever handed to two workers at once.
   */
  claim(request: { workerId: string; now: number; leaseMs: number; limit: number }): Promise<InboxRecord[]>;
  /**
   * Extends the lease to `lockedUntil` if `workerId` still holds it (`processing`, locked by it);
   * false when it lost it. The inbox calls this while the handler runs, so a slow handler keeps
   * its event.
   */
  renew(key: string, workerId: string, lockedUntil: number): Promise<boolean>;
  /** Applies an outcome if `workerId` still holds the lease; false when it lost it. */
  settle(key: string, workerId: string, outcome: InboxOutcome): Promise<boolean>;
  /** The record of one key. */
  get(key: string): Promise<InboxRecord | undefined>;
  /** Records, oldest first, optionally of one status. */
  list(query?: { status?: InboxStatus; limit?: number }): Promise<InboxRecord[]>;
  /** Moves a `dead` record back to `pending` with `attempts: 0`, due at `now`; false if it was not dead. */
  redrive(key: string, now: number): Promise<boolean>;
  /** Releases what the store opened (not a database or pool you passed in). */
  close?(): Promise<void>;
}
