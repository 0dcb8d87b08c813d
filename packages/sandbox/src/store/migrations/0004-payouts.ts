/**
 * Version 4: Cashfree Payouts (v2). Amounts are integer paise, times sandbox-clock epoch ms.
 *
 * payout_beneficiaries   one saved beneficiary per `beneficiary_id`; `contact` is the request's
 *                        beneficiary_contact_details as JSON. A removed beneficiary's row is deleted
 *                        (the DELETE answer carries `DELETED`), so its id and account can be added again.
 * payout_batches         one row per `batch_transfer_id`; its status is derived from its transfers.
 * payout_transfers       one row per `transfer_id` (the merchant's idempotency key, hence UNIQUE);
 *                        `beneficiary` is the beneficiary_details the transfer pays, as JSON;
 *                        `outcome` is the test-data scenario that decides where it goes next;
 *                        `debited` is what the transfer took from the balance (amount and fee once
 *                        PENDING), so a failure or reversal gives back exactly that.
 * payout_tokens          single-use `transfer_token`s from POST /validatePayout.
 * The balance lives in `meta` (payouts.balance), so a reset brings back the starting balance.
 */
export const payoutsSchema = `
CREATE TABLE payout_beneficiaries (
  beneficiary_id TEXT PRIMARY KEY,
  beneficiary_name TEXT NOT NULL,
  bank_account_number TEXT,
  bank_ifsc TEXT,
  vpa TEXT,
  contact TEXT,
  status TEXT NOT NULL,
  added_on INTEGER NOT NULL
);
CREATE INDEX payout_beneficiaries_account ON payout_beneficiaries (bank_account_number);

CREATE TABLE payout_batches (
  cf_batch_transfer_id INTEGER PRIMARY KEY,
  batch_transfer_id TEXT NOT NULL UNIQUE,
  added_on INTEGER NOT NULL
);

CREATE TABLE payout_transfers (
  cf_transfer_id INTEGER PRIMARY KEY,
  transfer_id TEXT NOT NULL UNIQUE,
  cf_batch_transfer_id INTEGER,
  status TEXT NOT NULL,
  status_code TEXT NOT NULL,
  status_description TEXT NOT NULL,
  beneficiary TEXT NOT NULL,
  amount INTEGER NOT NULL,
  mode TEXT NOT NULL,
  remarks TEXT,
  fundsource_id TEXT NOT NULL,
  outcome TEXT NOT NULL,
  utr TEXT,
  service_charge INTEGER,
  service_tax INTEGER,
  debited INTEGER NOT NULL,
  added_on INTEGER NOT NULL,
  updated_on INTEGER NOT NULL
);
CREATE INDEX payout_transfers_batch ON payout_transfers (cf_batch_transfer_id) WHERE cf_batch_transfer_id IS NOT NULL;

CREATE TABLE payout_tokens (
  transfer_token TEXT PRIMARY KEY,
  transfer_id TEXT NOT NULL,
  vpa TEXT NOT NULL,
  expires_at INTEGER NOT NULL,
  used_at INTEGER
);
`;
