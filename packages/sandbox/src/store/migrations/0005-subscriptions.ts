/**
 * Version 5: Subscriptions (recurring payments). Amounts are integer paise, times sandbox-clock
 * epoch ms, JSON columns hold what the sandbox only echoes back.
 *
 * subscription_plans     one row per merchant `plan_id` (plans made inline by create-subscription
 *                        are stored on the subscription only, as Cashfree does not list them).
 * subscriptions          one row per `subscription_id`; `plan` is the plan as the subscription
 *                        uses it (JSON, changed by CHANGE_PLAN); `instrument` is the authorised
 *                        mandate (method and the test instrument whose outcome decides each
 *                        charge). `next_debit_at` is when the next periodic cycle debits, and
 *                        `cycle_due_at` when its work starts (the pre-debit notification for UPI,
 *                        else the debit itself): the scheduler reads ACTIVE
 *                        subscriptions by it through a partial index, so a clock advance costs in
 *                        proportion to the cycles due, not to the subscriptions stored.
 *                        `expires_at` with the second partial index expires subscriptions never
 *                        authorised.
 * subscription_payments  AUTH and CHARGE payments; (cf_subscription_id, payment_id) is unique,
 *                        `payment_id` is indexed for POST /simulate's SUBS_PAYMENTS. `cycle` is the
 *                        periodic cycle a scheduled charge belongs to (NULL for AUTH and merchant
 *                        charges).
 * subscription_refunds   refunds against one charge.
 */
export const subscriptionsSchema = `
CREATE TABLE subscription_plans (
  plan_id TEXT PRIMARY KEY,
  plan TEXT NOT NULL,
  created_at INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE subscriptions (
  cf_subscription_id INTEGER PRIMARY KEY,
  subscription_id TEXT NOT NULL UNIQUE,
  session_id TEXT NOT NULL UNIQUE,
  status TEXT NOT NULL,
  plan TEXT NOT NULL,
  details TEXT NOT NULL,
  instrument TEXT,
  auth_payment_id INTEGER,
  cycles_started INTEGER NOT NULL DEFAULT 0,
  cycle_due_at INTEGER,
  next_debit_at INTEGER,
  first_charge_at INTEGER,
  expires_at INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX subscriptions_cycle_due ON subscriptions (cycle_due_at)
  WHERE status = 'ACTIVE' AND cycle_due_at IS NOT NULL;
CREATE INDEX subscriptions_unauthorised_by_expiry ON subscriptions (expires_at)
  WHERE status IN ('INITIALIZED', 'BANK_APPROVAL_PENDING');

CREATE TABLE subscription_payments (
  cf_payment_id INTEGER PRIMARY KEY,
  cf_subscription_id INTEGER NOT NULL,
  payment_id TEXT NOT NULL,
  payment_type TEXT NOT NULL,
  status TEXT NOT NULL,
  amount INTEGER NOT NULL,
  method TEXT,
  remarks TEXT,
  cycle INTEGER,
  schedule_at INTEGER,
  retry_attempts INTEGER NOT NULL DEFAULT 0,
  failure_reason TEXT,
  authorization TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  UNIQUE (cf_subscription_id, payment_id)
);
CREATE INDEX subscription_payments_by_payment_id ON subscription_payments (payment_id);

CREATE TABLE subscription_refunds (
  cf_refund_id INTEGER PRIMARY KEY,
  cf_subscription_id INTEGER NOT NULL,
  cf_payment_id INTEGER NOT NULL,
  refund_id TEXT NOT NULL,
  status TEXT NOT NULL,
  amount INTEGER NOT NULL,
  note TEXT,
  speed TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  processed_at INTEGER,
  UNIQUE (cf_subscription_id, refund_id)
);
CREATE INDEX subscription_refunds_by_payment ON subscription_refunds (cf_payment_id);
`;
