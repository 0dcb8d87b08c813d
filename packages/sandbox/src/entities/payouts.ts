import type { BeneficiaryRow } from '../store/payouts/beneficiaries.js';
import type { TransferRow } from '../store/payouts/transfers.js';
import { toRupees } from '../util/money.js';

/**
 * Payouts answers in Cashfree's v2 shapes. Times are ISO with `Z` (UTC) as in Cashfree's Payouts
 * examples, unlike PG's IST offsets; `bank_ifsc` (not the schema's `ifsc`) as in every example.
 */
export function payoutTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

/**
 * `object` without its null fields: Cashfree's Payouts answers leave out what is not set (its
 * contract types every field as a string or number, never null).
 */
function present<T extends Record<string, unknown>>(object: T): { [K in keyof T]?: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== null)) as {
    [K in keyof T]?: Exclude<T[K], null>;
  };
}

/** The Beneficiary object. */
export function beneficiaryEntity(row: BeneficiaryRow, status = row.status) {
  return {
    beneficiary_id: row.beneficiary_id,
    beneficiary_name: row.beneficiary_name,
    beneficiary_instrument_details: present({
      bank_account_number: row.bank_account_number,
      bank_ifsc: row.bank_ifsc,
      vpa: row.vpa,
    }),
    beneficiary_contact_details:
      row.contact === null ? {} : (JSON.parse(row.contact) as Record<string, string>),
    beneficiary_status: status,
    added_on: payoutTime(row.added_on),
  };
}

/** What `payout_transfers.beneficiary` holds. */
export interface StoredTransferBeneficiary {
  beneficiary_id: string | null;
  beneficiary_name: string | null;
  bank_account_number: string | null;
  bank_ifsc: string | null;
  vpa: string | null;
}

/** `transfer_mode` as Cashfree echoes it: `BANK` for the bank modes (its examples), else upper case. */
function echoedMode(mode: string): string {
  return mode === 'banktransfer' || mode === 'imps' || mode === 'neft' || mode === 'rtgs'
    ? 'BANK'
    : mode.toUpperCase();
}

/** The Transfer object (create, get, an item of a batch, a webhook's `data`). */
export function transferEntity(row: TransferRow) {
  const b = JSON.parse(row.beneficiary) as StoredTransferBeneficiary;
  return present({
    transfer_id: row.transfer_id,
    cf_transfer_id: String(row.cf_transfer_id),
    status: row.status,
    status_code: row.status_code,
    status_description: row.status_description,
    beneficiary_details: present({
      beneficiary_id: b.beneficiary_id,
      beneficiary_instrument_details: present({
        bank_account_number: b.bank_account_number,
        bank_ifsc: b.bank_ifsc,
        vpa: b.vpa,
      }),
    }),
    transfer_amount: toRupees(row.amount),
    transfer_service_charge: row.service_charge === null ? null : toRupees(row.service_charge),
    transfer_service_tax: row.service_tax === null ? null : toRupees(row.service_tax),
    transfer_mode: echoedMode(row.mode),
    transfer_utr: row.utr,
    fundsource_id: row.fundsource_id,
    added_on: payoutTime(row.added_on),
    updated_on: payoutTime(row.updated_on),
  });
}
