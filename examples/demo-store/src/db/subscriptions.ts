/**
 * The shop's side of "Tea of the month": each subscription it created, with the status it last
 * learnt (from Cashfree's answer to the store, or from a verified webhook) and when the next box is
 * charged, and each charge Cashfree reported on it. Webhooks arrive late and out of order, so a
 * webhook never takes a subscription out of a final status or back to awaiting its mandate, and a
 * charge only moves forward (a later debit attempt, or a later status of the same attempt).
 */
import { FINAL_SUBSCRIPTION_STATUSES } from 'cashfree-kit';
import type { StoreDatabase } from './database.js';

export const SUBSCRIPTIONS_SCHEMA = `
CREATE TABLE IF NOT EXISTS subscriptions (
  subscription_id     TEXT PRIMARY KEY,
  cf_subscription_id  TEXT,
  plan_id             TEXT NOT NULL,
  amount_paise        INTEGER NOT NULL,
  customer_name       TEXT NOT NULL,
  customer_email      TEXT NOT NULL,
  customer_phone      TEXT NOT NULL,
  -- For the mandate page (cashfree.subscriptionsCheckout), reopened while it is not authorised.
  session_id          TEXT NOT NULL,
  status              TEXT NOT NULL,
  -- Who told the shop the status: 'Cashfree' (an answer to the store's own call) or 'webhook'.
  status_via          TEXT NOT NULL,
  -- upi, card, enach or pnach, once the customer authorised the mandate.
  mandate_method      TEXT,
  next_charge_at      INTEGER,
  created_at          INTEGER NOT NULL,
  updated_at          INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS subscription_charges (
  subscription_id  TEXT NOT NULL REFERENCES subscriptions(subscription_id),
  payment_id       TEXT NOT NULL,
  cf_payment_id    TEXT,
  amount_paise     INTEGER NOT NULL,
  status           TEXT NOT NULL,
  retry_attempts   INTEGER NOT NULL DEFAULT 0,
  failure_reason   TEXT,
  scheduled_at     INTEGER,
  -- The event that last moved it, or 'Cashfree' when "Ask Cashfree now" read it.
  via              TEXT NOT NULL,
  updated_at       INTEGER NOT NULL,
  PRIMARY KEY (subscription_id, payment_id)
);
`;

export interface ShopSubscription {
  subscription_id: string;
  cf_subscription_id: string | null;
  plan_id: string;
  amount_paise: number;
  customer_name: string;
  customer_email: string;
  customer_phone: string;
  session_id: string;
  status: string;
  status_via: string;
  mandate_method: string | null;
  next_charge_at: number | null;
  created_at: number;
  updated_at: number;
}

export interface ShopCharge {
  subscription_id: string;
  payment_id: string;
  cf_payment_id: string | null;
  amount_paise: number;
  status: string;
  retry_attempts: number;
  failure_reason: string | null;
  scheduled_at: number | null;
  via: string;
  updated_at: number;
}

/** What a status report says: the status, and what else it knows. */
export interface StatusUpdate {
  status: string;
  via: 'Cashfree' | 'webhook';
  at: number;
  cfSubscriptionId?: string | undefined;
  mandateMethod?: string | undefined;
  /** `null`: there is no next charge; `undefined`: the report does not say. */
  nextChargeAt?: number | null | undefined;
}

const FINAL: ReadonlySet<string> = new Set(FINAL_SUBSCRIPTION_STATUSES);

/** Whether nothing more can happen to a subscription in `status`. */
export function isFinalSubscription(status: string): boolean {
  return FINAL.has(status);
}

/**
 * Whether a webhook reporting `next` may replace `current`: never out of a final status, never
 * back to INITIALIZED, and not back to awaiting the bank once the mandate runs. Between the running
 * statuses (ACTIVE, PAUSED, ON_HOLD, CUSTOMER_PAUSED) the latest report wins.
 */
export function webhookMayMove(current: string, next: string): boolean {
  if (FINAL.has(current) || current === next) return false;
  if (next === 'INITIALIZED') return false;
  if (next === 'BANK_APPROVAL_PENDING') return current === 'INITIALIZED';
  return true;
}

// Within one debit attempt: announced, presented, then an outcome.
const chargeRank: Record<string, number> = {
  INITIALIZED: 0,
  PENDING: 1,
  SUCCESS: 2,
  FAILED: 2,
  CANCELLED: 2,
};

/** The shop's subscriptions and their charges. */
export class SubscriptionsTable {
  constructor(private readonly db: StoreDatabase) {}

  insert(subscription: ShopSubscription): void {
    this.db
      .prepare(
        `INSERT INTO subscriptions (subscription_id, cf_subscription_id, plan_id, amount_paise, customer_name,
           customer_email, customer_phone, session_id, status, status_via, mandate_method, next_charge_at,
           created_at, updated_at)
         VALUES (@subscription_id, @cf_subscription_id, @plan_id, @amount_paise, @customer_name,
           @customer_email, @customer_phone, @session_id, @status, @status_via, @mandate_method, @next_charge_at,
           @created_at, @updated_at)`,
      )
      .run(subscription);
  }

  get(subscriptionId: string): ShopSubscription | undefined {
    return this.db.prepare('SELECT * FROM subscriptions WHERE subscription_id = ?').get(subscriptionId) as
      | ShopSubscription
      | undefined;
  }

  /** Newest first. */
  recent(limit = 50): ShopSubscription[] {
    return this.db
      .prepare('SELECT * FROM subscriptions ORDER BY created_at DESC, rowid DESC LIMIT ?')
      .all(limit) as ShopSubscription[];
  }

  /**
   * Records a status report. Cashfree's answer to the store's own call is the current status and
   * always applies; a webhook applies only as {@link webhookMayMove} allows. The other facts (the
   * mandate's method, the next charge) are kept whenever the report has them. Answers whether the
   * status changed; a subscription the shop did not create is left alone.
   */
  report(subscriptionId: string, update: StatusUpdate): boolean {
    const current = this.get(subscriptionId);
    if (!current) return false;
    const moves =
      update.status !== current.status &&
      (update.via === 'Cashfree' || webhookMayMove(current.status, update.status));
    const status = moves ? update.status : current.status;
    const next = FINAL.has(status)
      ? null
      : update.nextChargeAt === undefined
        ? current.next_charge_at
        : update.nextChargeAt;
    this.db
      .prepare(
        `UPDATE subscriptions SET status = ?, status_via = ?, next_charge_at = ?,
           cf_subscription_id = COALESCE(?, cf_subscription_id), mandate_method = COALESCE(?, mandate_method),
           updated_at = ?
         WHERE subscription_id = ?`,
      )
      .run(
        status,
        moves ? update.via : current.status_via,
        next,
        update.cfSubscriptionId || null,
        update.mandateMethod || null,
        update.at,
        subscriptionId,
      );
    return moves;
  }

  /** Sets when the next charge is due (a charge announced or debited), unless the subscription ended. */
  setNextCharge(subscriptionId: string, nextChargeAt: number | null, at: number): void {
    const current = this.get(subscriptionId);
    // A late charge event about a subscription that has ended plans nothing.
    if (!current || FINAL.has(current.status)) return;
    this.db
      .prepare('UPDATE subscriptions SET next_charge_at = ?, updated_at = ? WHERE subscription_id = ?')
      .run(nextChargeAt, at, subscriptionId);
  }

  /**
   * Records what Cashfree reported of a charge: a new row, or the row moved forward (a later debit
   * attempt, or a later status of the same attempt). Answers whether it changed anything; a
   * charge on a subscription the shop did not create is left alone.
   */
  recordCharge(charge: ShopCharge): boolean {
    if (!this.get(charge.subscription_id)) return false;
    const current = this.charge(charge.subscription_id, charge.payment_id);
    if (current) {
      const ahead =
        charge.retry_attempts > current.retry_attempts ||
        (charge.retry_attempts === current.retry_attempts &&
          (chargeRank[charge.status] ?? 0) > (chargeRank[current.status] ?? 0));
      if (!ahead) return false;
    }
    this.db
      .prepare(
        `INSERT INTO subscription_charges (subscription_id, payment_id, cf_payment_id, amount_paise, status,
           retry_attempts, failure_reason, scheduled_at, via, updated_at)
         VALUES (@subscription_id, @payment_id, @cf_payment_id, @amount_paise, @status,
           @retry_attempts, @failure_reason, @scheduled_at, @via, @updated_at)
         ON CONFLICT (subscription_id, payment_id) DO UPDATE SET
           cf_payment_id = COALESCE(excluded.cf_payment_id, cf_payment_id), status = excluded.status,
           retry_attempts = excluded.retry_attempts, failure_reason = excluded.failure_reason,
           scheduled_at = COALESCE(excluded.scheduled_at, scheduled_at), via = excluded.via,
           updated_at = excluded.updated_at`,
      )
      .run(charge);
    return true;
  }

  charge(subscriptionId: string, paymentId: string): ShopCharge | undefined {
    return this.db
      .prepare('SELECT * FROM subscription_charges WHERE subscription_id = ? AND payment_id = ?')
      .get(subscriptionId, paymentId) as ShopCharge | undefined;
  }

  /** One subscription's charges, by when they are due. */
  charges(subscriptionId: string): ShopCharge[] {
    return this.db
      .prepare('SELECT * FROM subscription_charges WHERE subscription_id = ? ORDER BY scheduled_at, rowid')
      .all(subscriptionId) as ShopCharge[];
  }
}
