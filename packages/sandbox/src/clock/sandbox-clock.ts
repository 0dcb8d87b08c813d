import type { MetaTable } from '../store/meta.js';

/**
 * How the sandbox clock starts on a fresh database.
 *
 * @example
 * const clock: ClockOptions = { startAt: '2025-01-15T10:00:00+05:30', frozen: true };
 * const sandbox = createSandboxApp({ clock });
 * sandbox.advanceClock(16 * 60_000); // past an order's 15-minute minimum expiry
 * sandbox.close();
 */
export interface ClockOptions {
  /** The sandbox time at first start (ISO 8601, epoch ms or Date). Default: real time. */
  startAt?: string | number | Date | undefined;
  /**
   * Stop the clock: time moves only when advanced through `/_sandbox/clock/advance`, so tests get
   * exact timestamps. Time-driven transitions (UPI auto-resolution too) then wait for an advance.
   */
  frozen?: boolean | undefined;
}

const OFFSET_KEY = 'clock.offset_ms';
const FROZEN_KEY = 'clock.frozen_at';

/**
 * The sandbox's notion of now: real time plus a persisted offset (or, when frozen, a persisted
 * instant plus the offset). Advancing it only ever moves forward, so due jobs, expiries and the
 * 180-day refund window behave as they would with time passing. The options apply to a fresh
 * database only; a reopened database keeps its clock.
 */
export class SandboxClock {
  #offsetMs: number;
  #frozenAt: number | undefined;
  #pinnedAt: number | undefined;

  constructor(
    private readonly meta: MetaTable,
    options: ClockOptions = {},
    private readonly realNow: () => number = Date.now,
  ) {
    const storedOffset = meta.get(OFFSET_KEY);
    if (storedOffset === undefined) {
      this.#offsetMs = 0;
      this.#frozenAt = undefined;
      this.initialise(options);
    } else {
      this.#offsetMs = Number(storedOffset);
      const frozen = meta.get(FROZEN_KEY);
      this.#frozenAt = frozen ? Number(frozen) : undefined;
    }
  }

  /** Sets the clock up from options on a fresh (or wiped) database. */
  initialise(options: ClockOptions): void {
    const start = options.startAt === undefined ? undefined : new Date(options.startAt).getTime();
    if (start !== undefined && Number.isNaN(start)) {
      throw new Error(`[cashfree-sandbox] clock.startAt is not a date: ${String(options.startAt)}`);
    }
    if (options.frozen) {
      this.#frozenAt = start ?? this.realNow();
      this.#offsetMs = 0;
    } else {
      this.#frozenAt = undefined;
      this.#offsetMs = start === undefined ? 0 : start - this.realNow();
    }
    this.#persist();
  }

  /** Sandbox-clock epoch milliseconds. */
  now(): number {
    return this.#pinnedAt ?? (this.#frozenAt ?? this.realNow()) + this.#offsetMs;
  }

  /**
   * Runs `fn` with `now()` reading `at`. A scheduled transition runs at its due time even when the
   * clock was advanced past it in one jump, so its timestamps and the jobs it schedules in turn
   * (a settlement's transfer two hours after initiation) are where they would have been.
   */
  at<T>(at: number, fn: () => T): T {
    const previous = this.#pinnedAt;
    this.#pinnedAt = at;
    try {
      return fn();
    } finally {
      this.#pinnedAt = previous;
    }
  }

  get frozen(): boolean {
    return this.#frozenAt !== undefined;
  }

  /** How far the sandbox clock is ahead of its base (real time, or the frozen instant). */
  get offsetMs(): number {
    return this.#offsetMs;
  }

  /** Moves the clock forward by `ms` (≥ 0). */
  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) {
      throw new RangeError(`[cashfree-sandbox] the clock only moves forward; got ${ms} ms`);
    }
    this.#offsetMs += ms;
    this.#persist();
  }

  #persist(): void {
    this.meta.set(OFFSET_KEY, String(this.#offsetMs));
    this.meta.set(FROZEN_KEY, this.#frozenAt === undefined ? '' : String(this.#frozenAt));
  }
}
