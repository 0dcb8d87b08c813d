/**
 * The store's supplier: the Darjeeling tea estate its leaves come from, saved as a Payouts
 * beneficiary. Its bank account and IFSC are the success account of Cashfree's Payouts test data
 * ("Data to Test Integration"), so a payout to it succeeds on Cashfree's sandbox and on the local
 * one alike; any other account fails there, as Cashfree documents.
 */
import type { CreateBeneficiaryRequest } from 'cashfree-kit/payouts';

export const SUPPLIER = {
  beneficiary_id: 'kanchan_valley_tea_estate',
  beneficiary_name: 'Kanchan Valley Tea Estate',
  beneficiary_instrument_details: { bank_account_number: '026291800001191', bank_ifsc: 'YESB0000262' },
  beneficiary_contact_details: {
    beneficiary_email: 'accounts@kanchanvalley.example',
    beneficiary_phone: '9876543210',
  },
} as const satisfies CreateBeneficiaryRequest;

/** What a payout to the estate is for, as its bank statement shows it. */
export const SUPPLIER_REMARKS = 'First flush leaves';
