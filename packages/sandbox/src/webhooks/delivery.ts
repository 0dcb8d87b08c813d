import { createHash } from 'node:crypto';
import type { WebhookVersion } from 'cashfree-kit';
import { signWebhook } from 'cashfree-kit/webhooks';
import { type SandboxContext, type SandboxEvent, toSandboxEvent } from '../context.js';
import { notFound } from '../http/errors.js';
import { isPayoutEventType } from '../state/transfer-machine.js';
import { randomAlphanumeric } from '../util/ids.js';
import { renderWebhookBody } from './payload.js';
import { delayAfterFailure, type WebhookRetryTimestamp } from './schedule.js';
import { postWebhook, type SendResult } from './send.js';
import { type DeliveryRow, type EndpointRow, WebhookTables } from './store.js';
import { targetsFor } from './targets.js';

/** Job kind that wakes delivery when a retry is due (ref = the delivery's `seq`). */
export const WEBHOOK_RETRY_JOB = 'webhook.retry';
/** `meta` key: the last outbox event that has its deliveries. */
export const FAN_OUT_CURSOR_KEY = 'webhooks.fanned_out_through';
/** How many deliveries are in flight at once. */
const MAX_IN_FLIGHT = 8;
const FAN_OUT_BATCH = 500;

/** Settings of webhook delivery. */
export interface WebhookDeliveryOptions {
  /** Payload version for `notify_url` deliveries and for endpoints registered without one. */
  version: WebhookVersion;
  /** Delays before retries 1, 2, … (see schedule.ts). */
  retryDelays: readonly number[];
  /** How long to wait for a receiver's answer. */
  timeoutMs: number;
  /** Which `x-webhook-timestamp` a retry carries (see {@link WebhookRetryTimestamp}). */
  retryTimestamp: WebhookRetryTimestamp;
}

function idempotencyKeyFor(body: string, version: WebhookVersion): string | null {
  // Cashfree sends one key per unique payload (2025-01-01 only); signWebhook's default is the same hash.
  return version === '2025-01-01' ? createHash('sha256').update(body).digest('base64') : null;
}

/**
 * Delivers the sandbox's webhooks from the durable `events` outbox, as Cashfree does:
 *
 * 1. **Fan-out.** After a transaction commits, its events wake delivery (never inside the API
 *    request: the wake-up runs on `setImmediate`). One transaction turns every event after the
 *    `meta` cursor into one `webhook_deliveries` row per target (`targets.ts`) with its body
 *    rendered for that target's version, and moves the cursor. Opening the sandbox runs the same
 *    step, so events committed just before a crash are not lost.
 * 2. **Attempts.** Due deliveries are POSTed (at most {@link MAX_IN_FLIGHT} at a time), signed by
 *    `signWebhook` with the sandbox's secret key. Each attempt is recorded with its status code,
 *    latency, error and the start of the answer. A 2xx delivers; anything else, or no answer
 *    within the timeout, schedules the next retry on the sandbox clock (a `jobs` row wakes
 *    delivery then, so advancing the clock retries at once), or fails the delivery when the
 *    schedule is used up.
 * 3. **Restarts.** An attempt in flight when the sandbox stops is aborted and not recorded: its
 *    delivery is still due, so the next start sends it again with the same attempt number.
 */
export class WebhookDelivery {
  readonly tables: WebhookTables;
  readonly #inFlight = new Map<number, Promise<void>>();
  /** Deliveries resent while an attempt was in flight: they go again once it ends. */
  readonly #resendAfter = new Set<number>();
  readonly #stop = new AbortController();
  #wakeUp: NodeJS.Immediate | undefined;
  #unsubscribe: (() => void) | undefined;
  #closed = false;

  constructor(
    private readonly ctx: SandboxContext,
    readonly options: WebhookDeliveryOptions,
  ) {
    this.tables = new WebhookTables(ctx.store.db);
  }

  /** Subscribes to committed events and catches up on what an earlier run left undelivered. */
  start(): void {
    this.ctx.scheduler.register(WEBHOOK_RETRY_JOB, () => this.wake());
    this.#unsubscribe = this.ctx.onEvent(() => this.wake());
    this.wake();
  }

  /** Fans out new events and sends due deliveries, soon but never within the caller's turn. */
  wake(): void {
    if (this.#closed || this.#wakeUp) return;
    this.#wakeUp = setImmediate(() => {
      this.#wakeUp = undefined;
      try {
        this.fanOut();
        this.dispatchDue();
      } catch (error) {
        if (!this.#closed) console.error('[cashfree-sandbox] webhook delivery failed to run:', error);
      }
    });
  }

  /** Creates the deliveries of every event after the cursor; returns them. */
  fanOut(): DeliveryRow[] {
    if (this.#closed) return [];
    return this.ctx.transact(() => {
      const created: DeliveryRow[] = [];
      let cursor = Number(this.ctx.store.meta.get(FAN_OUT_CURSOR_KEY) ?? '0');
      const endpoints = this.tables.endpoints();
      for (;;) {
        const rows = this.ctx.store.events.after(cursor, FAN_OUT_BATCH);
        if (rows.length === 0) break;
        for (const row of rows) {
          created.push(...this.#deliveriesFor(toSandboxEvent(row), endpoints));
          cursor = row.id;
        }
      }
      this.ctx.store.meta.set(FAN_OUT_CURSOR_KEY, String(cursor));
      return created;
    });
  }

  #deliveriesFor(event: SandboxEvent, endpoints: readonly EndpointRow[]): DeliveryRow[] {
    const now = this.ctx.clock.now();
    return targetsFor(this.ctx, event, endpoints, this.options.version).map((target) => {
      const body = renderWebhookBody(event, target.version);
      const key = idempotencyKeyFor(body, target.version);
      // The headers every attempt shares; the timestamp and signature are added when it is sent.
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        'x-webhook-version': target.version,
        'x-webhook-attempt': '1',
      };
      if (key !== null) headers['x-idempotency-key'] = key;
      return this.tables.insertDelivery({
        id: `wd_${randomAlphanumeric(20)}`,
        event_id: event.id,
        event_type: event.type,
        order_id: event.order_id,
        url: target.url,
        endpoint_id: target.endpointId,
        version: target.version,
        body,
        idempotency_key: key,
        status: 'pending',
        attempts_made: 0,
        next_attempt_at: now,
        request_headers: JSON.stringify(headers),
        created_at: now,
      });
    });
  }

  /** Starts attempts for the deliveries due now, up to the in-flight limit. */
  dispatchDue(): void {
    if (this.#closed) return;
    const free = MAX_IN_FLIGHT - this.#inFlight.size;
    if (free <= 0) return;
    const due = this.tables
      .due(this.ctx.clock.now(), free + this.#inFlight.size)
      .filter((row) => !this.#inFlight.has(row.seq))
      .slice(0, free);
    for (const row of due) this.#start(row);
  }

  #start(row: DeliveryRow): void {
    const run = this.#attempt(row)
      .catch((error: unknown) => {
        if (!this.#closed)
          console.error(`[cashfree-sandbox] webhook delivery ${row.id} failed to run:`, error);
      })
      .finally(() => {
        this.#inFlight.delete(row.seq);
        if (this.#closed) return;
        if (this.#resendAfter.delete(row.seq)) this.#makeDue(row.seq);
        this.dispatchDue();
      });
    this.#inFlight.set(row.seq, run);
  }

  async #attempt(row: DeliveryRow): Promise<void> {
    const attempt = row.attempts_made + 1;
    const signed = await signWebhook({
      body: row.body,
      // Cashfree signs Payouts webhooks with the Payouts secret, which may differ from PG's.
      secret: isPayoutEventType(row.event_type)
        ? this.ctx.config.payouts.clientSecret
        : this.ctx.config.secretKey,
      version: row.version,
      attempt,
      idempotencyKey: row.idempotency_key,
      timestamp: this.#signingTime(row),
    });
    if (this.#closed) return;
    const at = this.ctx.clock.now();
    const result = await postWebhook(
      row.url,
      signed.headers,
      signed.rawBody,
      this.options.timeoutMs,
      this.#stop.signal,
    );
    if (result.aborted || this.#closed) return;
    this.#record(row.seq, attempt, at, signed.headers, result);
  }

  /**
   * The `x-webhook-timestamp` of an attempt, on the receiver's (real) clock. `'original'` is the
   * moment the webhook was generated: as old as the sandbox clock says it is, so advancing the
   * clock 42 minutes to fire the last default retry makes it arrive 42 minutes old, as it would
   * from Cashfree, while real time and the sandbox clock agree on attempt 1.
   */
  #signingTime(row: DeliveryRow): number {
    const now = Date.now();
    if (this.options.retryTimestamp === 'fresh') return now;
    return now - Math.max(0, this.ctx.clock.now() - row.created_at);
  }

  #record(
    seq: number,
    attempt: number,
    at: number,
    headers: Record<string, string>,
    result: SendResult,
  ): void {
    this.ctx.transact(() => {
      // A reset may have removed the delivery while it was in flight.
      if (!this.tables.bySeq(seq)) return;
      this.tables.insertAttempt({
        delivery_seq: seq,
        attempt,
        at,
        status_code: result.statusCode,
        latency_ms: result.latencyMs,
        error: result.error,
        response_body: result.responseBody,
      });
      const ok = result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
      const delay = ok ? undefined : delayAfterFailure(this.options.retryDelays, attempt);
      const next = delay === undefined ? null : this.ctx.clock.now() + delay;
      if (next !== null) this.ctx.scheduler.schedule(WEBHOOK_RETRY_JOB, seq, next);
      this.tables.update({
        seq,
        status: ok ? 'delivered' : next === null ? 'failed' : 'pending',
        attempts_made: attempt,
        next_attempt_at: next,
        request_headers: JSON.stringify(headers),
      });
    });
  }

  #makeDue(seq: number): DeliveryRow | undefined {
    return this.ctx.transact(() => {
      const row = this.tables.bySeq(seq);
      if (!row) return undefined;
      const next = { ...row, status: 'pending' as const, next_attempt_at: this.ctx.clock.now() };
      this.tables.update(next);
      return next;
    });
  }

  /**
   * Sends a delivery once more, now, as the next attempt (any status). If that attempt fails, the
   * retry schedule continues from its attempt number. Throws 404 for an unknown id.
   */
  resend(id: string): DeliveryRow {
    const row = this.tables.byId(id);
    if (!row) {
      throw notFound('webhook_delivery_not_found', `[cashfree-sandbox] no webhook delivery with id ${id}`);
    }
    if (this.#inFlight.has(row.seq)) {
      this.#resendAfter.add(row.seq);
      return row;
    }
    const next = this.#makeDue(row.seq) ?? row;
    this.dispatchDue();
    return next;
  }

  /** Resolves once nothing is in flight and nothing is due (for tests and graceful stops). */
  async whenIdle(): Promise<void> {
    for (;;) {
      if (this.#closed) return;
      if (this.#wakeUp) await new Promise((resolve) => setImmediate(resolve));
      if (this.#inFlight.size > 0) {
        await Promise.allSettled([...this.#inFlight.values()]);
        continue;
      }
      if (this.#wakeUp) continue;
      if (this.tables.due(this.ctx.clock.now(), 1).length === 0) return;
      this.dispatchDue();
    }
  }

  /** Stops delivering: aborts attempts in flight (they stay due) and waits for them to unwind. */
  close(): Promise<void> {
    if (!this.#closed) {
      this.#closed = true;
      this.#unsubscribe?.();
      if (this.#wakeUp) clearImmediate(this.#wakeUp);
      this.#wakeUp = undefined;
      this.#stop.abort();
    }
    return Promise.allSettled([...this.#inFlight.values()]).then(() => undefined);
  }
}
