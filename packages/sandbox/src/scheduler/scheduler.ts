import type { SandboxContext } from '../context.js';
import type { JobRow } from '../store/jobs.js';

/** Runs one due job; called inside the transaction that also deletes the job. */
export type JobHandler = (job: JobRow) => void;

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
  #nextDueAt: number | undefined;
  #timer: NodeJS.Timeout | undefined;
  #running = false;
  #started = false;

  constructor(private readonly ctx: SandboxContext) {
    this.#nextDueAt = ctx.store.jobs.nextDueAt();
  }

  register(kind: string, handler: JobHandler): void {
    this.#handlers.set(kind, handler);
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

  /** Runs every job due now (including ones that become due while running); returns how many ran. */
  runDue(): number {
    if (this.#running || !this.hasDue()) return 0;
    this.#running = true;
    let ran = 0;
    try {
      for (;;) {
        const jobs = this.ctx.store.jobs.due(this.ctx.clock.now(), BATCH);
        if (jobs.length === 0) break;
        for (const job of jobs) {
          this.#run(job);
          ran++;
        }
      }
    } finally {
      this.#running = false;
      this.#nextDueAt = this.ctx.store.jobs.nextDueAt();
      this.#arm();
    }
    return ran;
  }

  /** Starts the timer. */
  start(): void {
    this.#started = true;
    this.#nextDueAt = this.ctx.store.jobs.nextDueAt();
    this.#arm();
  }

  /** Stops the timer (jobs stay in the database for the next start). */
  stop(): void {
    this.#started = false;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /** Re-reads the earliest due time, e.g. after the clock moved or the data was wiped. */
  refresh(): void {
    this.#nextDueAt = this.ctx.store.jobs.nextDueAt();
    this.#arm();
  }

  #run(job: JobRow): void {
    const handler = this.#handlers.get(job.kind);
    try {
      this.ctx.clock.at(job.due_at, () =>
        this.ctx.transact(() => {
          this.ctx.store.jobs.removeById(job.id);
          handler?.(job);
        }),
      );
    } catch (error) {
      // A job that throws would throw again; drop it so the others still run.
      this.ctx.store.jobs.removeById(job.id);
      console.error(`[cashfree-sandbox] scheduled ${job.kind} for ${job.ref} failed and was dropped:`, error);
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
