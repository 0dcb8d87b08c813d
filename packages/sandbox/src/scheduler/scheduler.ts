import type { SandboxClock } from '../clock/sandbox-clock.js';
import type { JobRow, JobsTable } from '../store/jobs.js';

/**
 * What the scheduler needs from the sandbox: the `jobs` table, the clock, and transactions. An
 * interface rather than the sandbox's context, which holds the scheduler, so neither module
 * imports the other.
 */
export interface SchedulerHost {
  readonly store: { readonly jobs: JobsTable };
  readonly clock: Pick<SandboxClock, 'now' | 'at' | 'frozen'>;
  transact<T>(fn: () => T): T;
}

/** Runs one due job; called inside the transaction that also deletes the job. */
export type JobHandler = (job: JobRow) => void;

/**
 * Rows of another table that carry their own due time, so they need no `jobs` row: order expiry
 * reads the ACTIVE orders by `expires_at` (a partial index), which keeps create-order to one
 * insert. `run` must make the row stop being due (the order leaves ACTIVE).
 */
export interface DueSource {
  kind: string;
  nextDueAt(): number | undefined;
  due(now: number, limit: number): Array<{ ref: string; due_at: number }>;
  run(ref: string): void;
}

/** A due transition from either `jobs` or a {@link DueSource}. */
interface DueItem {
  kind: string;
  ref: string;
  due_at: number;
  run: () => void;
  /** Removes it after a failure so it is not retried forever. */
  drop: () => void;
}

/**
 * What one {@link Scheduler.runDue} ran, counted by job kind (a clock advance shows it): the
 * transitions that ran, and those that threw and were dropped.
 */
export interface JobTally {
  ran: Record<string, number>;
  failed: Record<string, number>;
}

/** An empty {@link JobTally}. */
export function emptyTally(): JobTally {
  return { ran: {}, failed: {} };
}

/** The longest the timer sleeps before checking again (also the re-check when the clock is moved). */
const MAX_SLEEP_MS = 60_000;
const BATCH = 200;

/**
 * Time-driven transitions (order and link expiry, UPI auto-resolution, payment timeouts, refund
 * processing, settlement cycles) are rows in `jobs`, due at a sandbox-clock time. They run:
 * - from an unref'd timer armed for the earliest due job (so a process never stays up for it);
 * - before every API request, when something is due, so a read never shows stale state;
 * - at once when the clock is advanced.
 * Each job runs in its own transaction with the job's deletion, so a crash either ran it or left
 * it due, and it runs with the clock reading its due time (see `SandboxClock.at`). Jobs survive restarts because they live in the database.
 */
export class Scheduler {
  readonly #handlers = new Map<string, JobHandler>();
  readonly #sources: DueSource[] = [];
  #nextDueAt: number | undefined;
  #timer: NodeJS.Timeout | undefined;
  #running = false;
  #started = false;

  constructor(private readonly ctx: SchedulerHost) {
    this.#nextDueAt = this.#earliest();
  }

  register(kind: string, handler: JobHandler): void {
    this.#handlers.set(kind, handler);
  }

  /** Adds a table whose rows are due on their own (see {@link DueSource}). */
  addSource(source: DueSource): void {
    this.#sources.push(source);
    this.refresh();
  }

  /** Tells the scheduler that a {@link DueSource} row becomes due at `dueAt`. */
  expect(dueAt: number): void {
    if (this.#nextDueAt === undefined || dueAt < this.#nextDueAt) {
      this.#nextDueAt = dueAt;
      this.#arm();
    }
  }

  /** Schedules (or moves) the job `kind`/`ref`. Call inside a transaction with the change that needs it. */
  schedule(kind: string, ref: string | number, dueAt: number, payload?: unknown): void {
    this.ctx.store.jobs.upsert(
      kind,
      String(ref),
      dueAt,
      payload === undefined ? null : JSON.stringify(payload),
    );
    if (this.#nextDueAt === undefined || dueAt < this.#nextDueAt) {
      this.#nextDueAt = dueAt;
      this.#arm();
    }
  }

  cancel(kind: string, ref: string | number): void {
    this.ctx.store.jobs.remove(kind, String(ref));
  }

  /** Cheap check for the request path: true when some job may be due. */
  hasDue(): boolean {
    return this.#nextDueAt !== undefined && this.ctx.clock.now() >= this.#nextDueAt;
  }

  /**
   * Runs every job due now (including ones that become due while running); returns how many ran,
   * and counts them by kind in `tally` when given.
   */
  runDue(tally?: JobTally): number {
    if (this.#running || !this.hasDue()) return 0;
    this.#running = true;
    let ran = 0;
    const failed = new Set<string>();
    try {
      for (;;) {
        const items = this.#due(this.ctx.clock.now()).filter((i) => !failed.has(`${i.kind}:${i.ref}`));
        if (items.length === 0) break;
        for (const item of items) {
          const ok = this.#run(item);
          if (!ok) failed.add(`${item.kind}:${item.ref}`);
          if (tally) {
            const counts = ok ? tally.ran : tally.failed;
            counts[item.kind] = (counts[item.kind] ?? 0) + 1;
          }
          ran++;
        }
      }
    } finally {
      this.#running = false;
      this.#nextDueAt = this.#earliest();
      this.#arm();
    }
    return ran;
  }

  /** Pending transitions in due order (jobs and due sources), for the admin API. */
  pending(limit: number): Array<{ kind: string; ref: string; due_at: number }> {
    const items = [
      ...this.ctx.store.jobs.list(limit),
      ...this.#sources.flatMap((src) =>
        src.due(Number.MAX_SAFE_INTEGER, limit).map((r) => ({ kind: src.kind, ...r })),
      ),
    ];
    return items
      .sort((a, b) => a.due_at - b.due_at)
      .slice(0, limit)
      .map((i) => ({ kind: i.kind, ref: i.ref, due_at: i.due_at }));
  }

  #due(now: number): DueItem[] {
    const items: DueItem[] = this.ctx.store.jobs.due(now, BATCH).map((job) => ({
      kind: job.kind,
      ref: job.ref,
      due_at: job.due_at,
      run: () => {
        this.ctx.store.jobs.remove(job.kind, job.ref);
        this.#handlers.get(job.kind)?.(job);
      },
      drop: () => this.ctx.store.jobs.remove(job.kind, job.ref),
    }));
    for (const source of this.#sources) {
      for (const row of source.due(now, BATCH)) {
        items.push({
          kind: source.kind,
          ref: row.ref,
          due_at: row.due_at,
          run: () => source.run(row.ref),
          drop: () => {},
        });
      }
    }
    // Interleave the sources in due order, so that e.g. a payment that succeeded before its
    // order's expiry is applied first.
    return items.sort((a, b) => a.due_at - b.due_at);
  }

  #earliest(): number | undefined {
    let earliest = this.ctx.store.jobs.nextDueAt();
    for (const source of this.#sources) {
      const next = source.nextDueAt();
      if (next !== undefined && (earliest === undefined || next < earliest)) earliest = next;
    }
    return earliest;
  }

  /** Starts the timer. */
  start(): void {
    this.#started = true;
    this.refresh();
  }

  /** Stops the timer (jobs stay in the database for the next start). */
  stop(): void {
    this.#started = false;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /** Re-reads the earliest due time, e.g. after the clock moved or the data was wiped. */
  refresh(): void {
    this.#nextDueAt = this.#earliest();
    this.#arm();
  }

  /** Runs one item in its own transaction at its due time; false when it failed (and was dropped). */
  #run(item: DueItem): boolean {
    try {
      this.ctx.clock.at(item.due_at, () => this.ctx.transact(item.run));
      return true;
    } catch (error) {
      // A transition that throws would throw again; drop it so the others still run.
      item.drop();
      console.error(
        `[cashfree-sandbox] scheduled ${item.kind} for ${item.ref} failed and was dropped:`,
        error,
      );
      return false;
    }
  }

  #arm(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    // A frozen clock never reaches a due time on its own; advancing it runs the jobs.
    if (!this.#started || this.#nextDueAt === undefined || this.ctx.clock.frozen) return;
    const delay = Math.min(Math.max(this.#nextDueAt - this.ctx.clock.now(), 0), MAX_SLEEP_MS);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      if (this.hasDue()) this.runDue();
      else this.#arm();
    }, delay);
    this.#timer.unref();
  }
}
