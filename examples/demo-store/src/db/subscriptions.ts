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
  -- 1 for a charge the owner asked for ("Charge now"): it is not one of the plan's monthly cycles.
  on_demand        INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (subscription_id, payment_id)
);
CREATE TABLE IF NOT EXISTS subscription_refunds (
  subscription_id  TEXT NOT NULL REFERENCES subscriptions(subscription_id),
  refund_id        TEXT NOT NULL,
  payment_id       TEXT NOT NULL,
  cf_refund_id     TEXT,
  amount_paise     INTEGER NOT NULL,
  status           TEXT NOT NULL,
  -- 'Cashfree' (its answer to the store's call) or the event that last moved it.
  via              TEXT NOT NULL,
  created_at       INTEGER NOT NULL,
  updated_at       INTEGER NOT NULL,
  PRIMARY KEY (subscription_id, refund_id)
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
  /** 1 for a charge the owner asked for; rows read back always have it, new ones default to 0. */
  on_demand?: number;
}

/** A refund of one charge, as Cashfree answered or a `SUBSCRIPTION_REFUND_STATUS` webhook said. */
export interface ShopSubscriptionRefund {
  subscription_id: string;
  refund_id: string;
  payment_id: string;
  cf_refund_id: string | null;
  amount_paise: number;
  status: string;
  via: string;
  created_at: number;
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

export const REQUESTED_PLACEHOLDER = 'REQUESTED';

// Within one debit attempt: announced, presented, then an outcome.
const chargeRank: Record<string, number> = {
  [REQUESTED_PLACEHOLDER]: -1,
  INITIALIZED: 0,
  PENDING: 1,
  SUCCESS: 2,
  FAILED: 2,
  CANCELLED: 2,
};

// A refund is initiated, then processed or not.
const refundRank: Record<string, number> = { INITIATED: 0, PENDING: 0, SUCCESS: 1, FAILED: 1, CANCELLED: 1 };

/** The placeholder of an on-demand charge between the owner's click and Cashfree's answer. */

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

  /**
   * Records the charge the owner asked for before Cashfree is asked, marked on demand, so its
   * events (which may arrive before Cashfree's answer) do not move the plan's next cycle.
   */
  requestCharge(charge: ShopCharge): void {
    this.db
      .prepare(
        `INSERT INTO subscription_charges (subscription_id, payment_id, cf_payment_id, amount_paise, status,
           retry_attempts, failure_reason, scheduled_at, via, updated_at, on_demand)
         VALUES (@subscription_id, @payment_id, @cf_payment_id, @amount_paise, '${REQUESTED_PLACEHOLDER}',
           0, NULL, @scheduled_at, @via, @updated_at, 1)`,
      )
      .run(charge);
  }

  /** Forgets a requested charge Cashfree refused (one it answered or reported on stays). */
  dropRequestedCharge(subscriptionId: string, paymentId: string): void {
    this.db
      .prepare('DELETE FROM subscription_charges WHERE subscription_id = ? AND payment_id = ? AND status = ?')
      .run(subscriptionId, paymentId, REQUESTED_PLACEHOLDER);
  }

  /**
   * Records what Cashfree said of a refund: a new row, or the row moved forward (INITIATED, then
   * SUCCESS or FAILED). Answers whether it changed anything; a refund on a subscription the shop
   * did not create is left alone.
   */
  recordRefund(refund: ShopSubscriptionRefund): boolean {
    if (!this.get(refund.subscription_id)) return false;
    const current = this.refund(refund.subscription_id, refund.refund_id);
    if (current && (refundRank[refund.status] ?? 0) <= (refundRank[current.status] ?? 0)) return false;
    this.db
      .prepare(
        `INSERT INTO subscription_refunds (subscription_id, refund_id, payment_id, cf_refund_id, amount_paise,
           status, via, created_at, updated_at)
         VALUES (@subscription_id, @refund_id, @payment_id, @cf_refund_id, @amount_paise,
           @status, @via, @created_at, @updated_at)
         ON CONFLICT (subscription_id, refund_id) DO UPDATE SET
           cf_refund_id = COALESCE(excluded.cf_refund_id, cf_refund_id), status = excluded.status,
           via = excluded.via, updated_at = excluded.updated_at`,
      )
      .run(refund);
    return true;
  }

  refund(subscriptionId: string, refundId: string): ShopSubscriptionRefund | undefined {
    return this.db
      .prepare('SELECT * FROM subscription_refunds WHERE subscription_id = ? AND refund_id = ?')
      .get(subscriptionId, refundId) as ShopSubscriptionRefund | undefined;
  }

  /** One subscription's refunds, oldest first. */
  refunds(subscriptionId: string): ShopSubscriptionRefund[] {
    return this.db
      .prepare('SELECT * FROM subscription_refunds WHERE subscription_id = ? ORDER BY created_at, rowid')
      .all(subscriptionId) as ShopSubscriptionRefund[];
  }

  /** What is left to refund of a charge: its amount less every refund that has not failed. */
  refundablePaise(subscriptionId: string, paymentId: string): number {
    const charge = this.charge(subscriptionId, paymentId);
    if (!charge) return 0;
    const { refunded } = this.db
      .prepare(
        `SELECT COALESCE(SUM(amount_paise), 0) AS refunded FROM subscription_refunds
         WHERE subscription_id = ? AND payment_id = ? AND status NOT IN ('FAILED', 'CANCELLED')`,
      )
      .get(subscriptionId, paymentId) as { refunded: number };
    return Math.max(0, charge.amount_paise - refunded);
  }
}
