/**
 * For tests: the shop's subscription `sub_1` as the subscribe page stores it, before Cashfree has
 * answered (INITIALIZED, no mandate yet), so each test starts from the same row.
 */
import type { SubscriptionsTable } from './subscriptions.js';

export function insertAwaitingSubscription(table: SubscriptionsTable): void {
  table.insert({
    subscription_id: 'sub_1',
    cf_subscription_id: null,
    plan_id: 'plan',
    amount_paise: 49_900,
    customer_name: 'Priya Patel',
    customer_email: 'priya@example.com',
    customer_phone: '9876543210',
    session_id: 'subs_session_1',
    status: 'INITIALIZED',
    status_via: 'Cashfree',
    mandate_method: null,
    next_charge_at: null,
    created_at: 1,
    updated_at: 1,
  });
}
