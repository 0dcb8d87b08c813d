import type { SandboxContext } from '../context.js';
import { emptyTally } from './scheduler.js';

/** What one clock advance ran, as the admin API answers it and the dashboard's Clock page lists it. */
export interface AdvanceSummary {
  /** The row in `clock_advances` (the dashboard's `/_sandbox/advances/{id}`). */
  id: number;
  /** Sandbox-clock epoch ms before and after. */
  from: number;
  to: number;
  /** Transitions run, by job kind (`order.expire`, `settlement.initiate`, `webhook.retry`, …). */
  ran: Record<string, number>;
  /** Transitions that threw and were dropped, by kind. */
  failed: Record<string, number>;
  /** The domain events they raised, by type: each becomes a webhook to every endpoint that takes it. */
  events: Record<string, number>;
  /** How many transitions ran in all (failed ones included). */
  total: number;
}

/**
 * Moves the sandbox clock forward by `ms`, runs every transition that became due (each at its due
 * time), and records what ran: the job counts the scheduler tallied and the events the outbox
 * gained. Used by `POST /_sandbox/clock/advance` (the dashboard's buttons) and `advanceClock()`.
 */
export function advanceClock(ctx: SandboxContext, ms: number): AdvanceSummary {
  const from = ctx.clock.now();
  const lastEvent = ctx.store.events.lastId();
  ctx.transact(() => ctx.clock.advance(ms));
  const tally = emptyTally();
  const total = ctx.scheduler.runDue(tally);
  ctx.scheduler.refresh();
  const to = ctx.clock.now();
  const events = ctx.store.events.typesAfter(lastEvent);
  const id = ctx.store.clockAdvances.insert({
    from_at: from,
    to_at: to,
    ran: JSON.stringify(tally.ran),
    failed: JSON.stringify(tally.failed),
    events: JSON.stringify(events),
  });
  return { id, from, to, ran: tally.ran, failed: tally.failed, events, total };
}
