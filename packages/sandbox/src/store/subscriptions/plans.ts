import type { Db } from '../database.js';

/**
 * A plan as the sandbox keeps it: amounts in paise, the rest as the merchant sent it. Stored as
 * JSON, on its own row for `POST /plans` and as a copy on each subscription (inline plans and
 * CHANGE_PLAN change only that subscription).
 */
export interface StoredPlan {
  plan_id: string;
  plan_name: string;
  plan_type: 'PERIODIC' | 'ON_DEMAND';
  plan_currency: string;
  /** Paise charged each cycle (PERIODIC), or null. */
  recurring_amount: number | null;
  /** Paise: the most one charge may take. */
  max_amount: number;
  max_cycles: number | null;
  intervals: number | null;
  interval_type: 'DAY' | 'WEEK' | 'MONTH' | 'YEAR' | null;
  plan_note: string | null;
  plan_status: string;
}

/** Prepared statements for `subscription_plans`. */
export class SubscriptionPlansTable {
  readonly #insert;
  readonly #byId;

  constructor(db: Db) {
    this.#insert = db.prepare<[string, string, number]>(
      'INSERT INTO subscription_plans (plan_id, plan, created_at) VALUES (?, ?, ?)',
    );
    this.#byId = db.prepare<[string], { plan: string }>(
      'SELECT plan FROM subscription_plans WHERE plan_id = ?',
    );
  }

  insert(plan: StoredPlan, now: number): void {
    this.#insert.run(plan.plan_id, JSON.stringify(plan), now);
  }

  byId(planId: string): StoredPlan | undefined {
    const row = this.#byId.get(planId);
    return row ? (JSON.parse(row.plan) as StoredPlan) : undefined;
  }
}
