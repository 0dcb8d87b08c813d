import type { Operation } from 'cashfree-kit';
import type { RateLimitMode } from '../context.js';
import { SandboxHttpError } from './errors.js';

/**
 * One rate-limited bucket, as an operation's row gives it: its name (operations in one bucket
 * share the count), its per-minute sandbox limit, and whom it counts (app or caller IP).
 */
export type RateLimitBucket = Operation['rateLimit'];

/** What the `x-ratelimit-*` headers report for one response. */
export interface RateLimitState {
  limit: number;
  remaining: number;
  retry: number;
  type: 'app_id' | 'ip';
}

const WINDOW_SECONDS = 60;

/** A sliding one-minute window in one-second slots: constant memory and work per request. */
class Window {
  readonly counts = new Uint32Array(WINDOW_SECONDS);
  readonly seconds = new Float64Array(WINDOW_SECONDS);

  used(nowSecond: number): number {
    let total = 0;
    for (let i = 0; i < WINDOW_SECONDS; i++) {
      if (nowSecond - (this.seconds[i] ?? 0) < WINDOW_SECONDS) total += this.counts[i] ?? 0;
    }
    return total;
  }

  add(nowSecond: number): void {
    const slot = nowSecond % WINDOW_SECONDS;
    if (this.seconds[slot] !== nowSecond) {
      this.seconds[slot] = nowSecond;
      this.counts[slot] = 0;
    }
    this.counts[slot] = (this.counts[slot] ?? 0) + 1;
  }

  /** Seconds until the oldest counted request leaves the window. */
  retryAfter(nowSecond: number): number {
    let oldest = nowSecond;
    for (let i = 0; i < WINDOW_SECONDS; i++) {
      const s = this.seconds[i] ?? 0;
      if ((this.counts[i] ?? 0) > 0 && nowSecond - s < WINDOW_SECONDS) oldest = Math.min(oldest, s);
    }
    return Math.min(Math.max(oldest + WINDOW_SECONDS - nowSecond, 1), 59);
  }
}

/** Cashfree's 429 for a full bucket. */
export function rateLimitError(bucket: RateLimitBucket, retry: number): SandboxHttpError {
  return new SandboxHttpError(
    429,
    'request_failed',
    bucket.per === 'ip' ? 'Too many requests from IP. Check headers' : 'Too many requests. Check headers',
    'rate_limit_error',
    `[cashfree-sandbox] ${bucket.bucket} allows ${bucket.perMinute} requests per minute in Cashfree's sandbox; ` +
      `retry in ${retry}s, or start the sandbox with rateLimits: 'off'.`,
    { 'retry-after': String(retry) },
  );
}

/**
 * Counts requests per bucket and caller in real time (not the sandbox clock: advancing the clock
 * is not waiting). The `x-ratelimit-*` headers are computed in every mode; only
 * `cashfree-sandbox` mode answers 429 once a bucket is full.
 */
export class RateLimiter {
  readonly #windows = new Map<string, Window>();

  constructor(
    private readonly mode: RateLimitMode,
    private readonly realNow: () => number = Date.now,
  ) {}

  /** Counts one request, unless limits are enforced and its bucket is full (`allowed: false`). */
  take(bucket: RateLimitBucket, caller: string): RateLimitState & { allowed: boolean } {
    const key = `${bucket.bucket}\u0000${caller}`;
    let window = this.#windows.get(key);
    if (!window) {
      window = new Window();
      this.#windows.set(key, window);
    }
    const nowSecond = Math.floor(this.realNow() / 1000);
    const used = window.used(nowSecond);
    if (this.mode === 'cashfree-sandbox' && used >= bucket.perMinute) {
      return {
        limit: bucket.perMinute,
        remaining: 0,
        retry: window.retryAfter(nowSecond),
        type: bucket.per,
        allowed: false,
      };
    }
    window.add(nowSecond);
    return {
      limit: bucket.perMinute,
      remaining: Math.max(bucket.perMinute - used - 1, 0),
      retry: 0,
      type: bucket.per,
      allowed: true,
    };
  }

  reset(): void {
    this.#windows.clear();
  }
}
