import type { Db } from '../database.js';

/** A row of `subscription_payments`: an AUTH or a CHARGE. */
export interface SubscriptionPaymentRow {
  cf_payment_id: number;
  cf_subscription_id: number;
  payment_id: string;
  payment_type: 'AUTH' | 'CHARGE';
  status: string;
  /** Paise. */
  amount: number;
  /** `upi`, `enach`, `pnach` or `card`; null for a charge before the mandate says. */
  method: string | null;
  remarks: string | null;
  cycle: number | null;
  schedule_at: number | null;
  retry_attempts: number;
  failure_reason: string | null;
  /** JSON: the authorisation's reference and time (AUTH), or null. */
  authorization: string | null;
  created_at: number;
  updated_at: number;
}

/** Prepared statements for `subscription_payments`. */
export class SubscriptionPaymentsTable {
  readonly #insert;
  readonly #byId;
  readonly #byPaymentId;
  readonly #latestByPaymentId;
  readonly #bySubscription;
  readonly #update;

  constructor(db: Db) {
    this.#insert = db.prepare<SubscriptionPaymentRow>(
      `INSERT INTO subscription_payments (cf_payment_id, cf_subscription_id, payment_id, payment_type, status, amount, method, remarks, cycle, schedule_at, retry_attempts, failure_reason, authorization, created_at, updated_at)
       VALUES (@cf_payment_id, @cf_subscription_id, @payment_id, @payment_type, @status, @amount, @method, @remarks, @cycle, @schedule_at, @retry_attempts, @failure_reason, @authorization, @created_at, @updated_at)`,
    );
    this.#byId = db.prepare<[number], SubscriptionPaymentRow>(
      'SELECT * FROM subscription_payments WHERE cf_payment_id = ?',
    );
    this.#byPaymentId = db.prepare<[number, string], SubscriptionPaymentRow>(
      'SELECT * FROM subscription_payments WHERE cf_subscription_id = ? AND payment_id = ?',
    );
    this.#latestByPaymentId = db.prepare<[string], SubscriptionPaymentRow>(
      'SELECT * FROM subscription_payments WHERE payment_id = ? ORDER BY cf_payment_id DESC LIMIT 1',
    );
    this.#bySubscription = db.prepare<[number], SubscriptionPaymentRow>(
      'SELECT * FROM subscription_payments WHERE cf_subscription_id = ? ORDER BY cf_payment_id',
    );
    this.#update = db.prepare<SubscriptionPaymentRow>(
      `UPDATE subscription_payments SET status = @status, method = @method, schedule_at = @schedule_at,
         retry_attempts = @retry_attempts, failure_reason = @failure_reason, authorization = @authorization,
         updated_at = @updated_at
       WHERE cf_payment_id = @cf_payment_id`,
    );
  }

  insert(row: SubscriptionPaymentRow): void {
    this.#insert.run(row);
  }

  byId(cfPaymentId: number): SubscriptionPaymentRow | undefined {
    return this.#byId.get(cfPaymentId);
  }

  byPaymentId(cfSubscriptionId: number, paymentId: string): SubscriptionPaymentRow | undefined {
    return this.#byPaymentId.get(cfSubscriptionId, paymentId);
  }

  /** The newest payment with this merchant `payment_id` in any subscription (SUBS_PAYMENTS simulations). */
  latestByPaymentId(paymentId: string): SubscriptionPaymentRow | undefined {
    return this.#latestByPaymentId.get(paymentId);
  }

  bySubscription(cfSubscriptionId: number): SubscriptionPaymentRow[] {
    return this.#bySubscription.all(cfSubscriptionId);
  }

  /** Writes every mutable column of `row`. */
  update(row: SubscriptionPaymentRow): void {
    this.#update.run(row);
  }
}
