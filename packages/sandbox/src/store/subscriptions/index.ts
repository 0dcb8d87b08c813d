import type { Db } from '../database.js';
import { IdSequence } from '../database.js';
import { SubscriptionPaymentsTable } from './payments.js';
import { SubscriptionPlansTable } from './plans.js';
import { SubscriptionRefundsTable } from './refunds.js';
import { SubscriptionsTable } from './subscriptions.js';

/** The subscription tables, in the order the admin reset wipes them. */
export const SUBSCRIPTION_TABLES = [
  'subscription_plans',
  'subscriptions',
  'subscription_payments',
  'subscription_refunds',
] as const;

/** The subscription tables and their id sequences. */
export class SubscriptionsStore {
  readonly plans: SubscriptionPlansTable;
  readonly subscriptions: SubscriptionsTable;
  readonly payments: SubscriptionPaymentsTable;
  readonly refunds: SubscriptionRefundsTable;
  readonly ids: { subscription: IdSequence; payment: IdSequence; refund: IdSequence };

  constructor(db: Db) {
    this.plans = new SubscriptionPlansTable(db);
    this.subscriptions = new SubscriptionsTable(db);
    this.payments = new SubscriptionPaymentsTable(db);
    this.refunds = new SubscriptionRefundsTable(db);
    // Bases in the magnitude of the ids in Cashfree's subscription examples.
    this.ids = {
      subscription: new IdSequence(db, 'subscriptions', 'cf_subscription_id', 7_891_000),
      payment: new IdSequence(db, 'subscription_payments', 'cf_payment_id', 863_782_000),
      refund: new IdSequence(db, 'subscription_refunds', 'cf_refund_id', 212_000),
    };
  }
}
