import type { Db } from '../database.js';

/** A row of `subscriptions` (see migrations/0005-subscriptions.ts). */
export interface SubscriptionRow {
  cf_subscription_id: number;
  subscription_id: string;
  session_id: string;
  status: string;
  /** JSON: the StoredPlan the subscription runs on. */
  plan: string;
  /** JSON: SubscriptionDetails (customer, meta, tags, note, splits, authorisation request). */
  details: string;
  /** JSON: the authorised MandateInstrument, or null before authorisation. */
  instrument: string | null;
  auth_payment_id: number | null;
  cycles_started: number;
  cycle_due_at: number | null;
  /** When the next periodic cycle debits; null when no cycle is to come. */
  next_debit_at: number | null;
  first_charge_at: number | null;
  expires_at: number;
  created_at: number;
  updated_at: number;
}

/** Prepared statements for `subscriptions`. */
export class SubscriptionsTable {
  readonly #insert;
  readonly #bySubscriptionId;
  readonly #byId;
  readonly #bySession;
  readonly #update;
  readonly #cyclesDue;
  readonly #nextCycle;
  readonly #expiriesDue;
  readonly #nextExpiry;
  readonly #recent;

  constructor(db: Db) {
    this.#insert = db.prepare<SubscriptionRow>(
      `INSERT INTO subscriptions (cf_subscription_id, subscription_id, session_id, status, plan, details, instrument, auth_payment_id, cycles_started, cycle_due_at, next_debit_at, first_charge_at, expires_at, created_at, updated_at)
       VALUES (@cf_subscription_id, @subscription_id, @session_id, @status, @plan, @details, @instrument, @auth_payment_id, @cycles_started, @cycle_due_at, @next_debit_at, @first_charge_at, @expires_at, @created_at, @updated_at)`,
    );
    this.#bySubscriptionId = db.prepare<[string], SubscriptionRow>(
      'SELECT * FROM subscriptions WHERE subscription_id = ?',
    );
    this.#byId = db.prepare<[number], SubscriptionRow>(
      'SELECT * FROM subscriptions WHERE cf_subscription_id = ?',
    );
    this.#bySession = db.prepare<[string], SubscriptionRow>(
      'SELECT * FROM subscriptions WHERE session_id = ?',
    );
    this.#update = db.prepare<SubscriptionRow>(
      `UPDATE subscriptions SET status = @status, plan = @plan, instrument = @instrument,
         auth_payment_id = @auth_payment_id, cycles_started = @cycles_started, cycle_due_at = @cycle_due_at,
         next_debit_at = @next_debit_at,         first_charge_at = @first_charge_at, expires_at = @expires_at, updated_at = @updated_at
       WHERE cf_subscription_id = @cf_subscription_id`,
    );
    // Both due queries repeat their index's WHERE clause so SQLite uses the partial index.
    this.#cyclesDue = db.prepare<[number, number], SubscriptionRow>(
      `SELECT * FROM subscriptions WHERE status = 'ACTIVE' AND cycle_due_at IS NOT NULL AND cycle_due_at <= ?
       ORDER BY cycle_due_at LIMIT ?`,
    );
    this.#nextCycle = db.prepare<[], { due: number | null }>(
      `SELECT MIN(cycle_due_at) AS due FROM subscriptions WHERE status = 'ACTIVE' AND cycle_due_at IS NOT NULL`,
    );
    this.#expiriesDue = db.prepare<[number, number], SubscriptionRow>(
      `SELECT * FROM subscriptions WHERE status IN ('INITIALIZED', 'BANK_APPROVAL_PENDING') AND expires_at <= ?
       ORDER BY expires_at LIMIT ?`,
    );
    this.#nextExpiry = db.prepare<[], { due: number | null }>(
      `SELECT MIN(expires_at) AS due FROM subscriptions WHERE status IN ('INITIALIZED', 'BANK_APPROVAL_PENDING')`,
    );
    this.#recent = db.prepare<[number], SubscriptionRow>(
      'SELECT * FROM subscriptions ORDER BY cf_subscription_id DESC LIMIT ?',
    );
  }

  insert(row: SubscriptionRow): void {
    this.#insert.run(row);
  }

  bySubscriptionId(subscriptionId: string): SubscriptionRow | undefined {
    return this.#bySubscriptionId.get(subscriptionId);
  }

  byId(cfSubscriptionId: number): SubscriptionRow | undefined {
    return this.#byId.get(cfSubscriptionId);
  }

  bySession(sessionId: string): SubscriptionRow | undefined {
    return this.#bySession.get(sessionId);
  }

  /** Writes every mutable column of `row`. */
  update(row: SubscriptionRow): void {
    this.#update.run(row);
  }

  /** ACTIVE subscriptions whose next cycle starts at or before `now`, earliest first. */
  cyclesDue(now: number, limit: number): SubscriptionRow[] {
    return this.#cyclesDue.all(now, limit);
  }

  nextCycleAt(): number | undefined {
    return this.#nextCycle.get()?.due ?? undefined;
  }

  /** Subscriptions never authorised whose expiry passed, earliest first. */
  expiriesDue(now: number, limit: number): SubscriptionRow[] {
    return this.#expiriesDue.all(now, limit);
  }

  nextExpiryAt(): number | undefined {
    return this.#nextExpiry.get()?.due ?? undefined;
  }

  recent(limit: number): SubscriptionRow[] {
    return this.#recent.all(limit);
  }
}
