/**
 * One or more calls for every method of the Payouts client, each with the Payouts contract
 * operation it must hit. The inputs use the optional fields the contract has, so the request
 * schemas are exercised beyond their required core. `payouts-sdk-requests.test.ts` runs them through
 * a recording fake fetch and checks each request against the contract.
 */
import type { CashfreePayouts } from 'cashfree-kit/payouts';

export interface PayoutsRequestCase {
  /** `transfers.create`: the resource field and method name on the client. */
  method: string;
  name: string;
  /**
   * The operation every request of this call must match, e.g. `POST /transfers`; `undefined` for an
   * operation Cashfree's contract does not have (the test then checks it is still missing).
   */
  operation: string | undefined;
  /** The path the request goes to, for an operation outside the contract. */
  path?: string;
  /** A JSON body the fake fetch answers with (default: a transfer). */
  reply?: unknown;
  run: (payouts: CashfreePayouts) => PromiseLike<unknown>;
}

const BENEFICIARY = 'JOHN18011343';
const TRANSFER = 'JUNOB2018';

const transferReply = {
  transfer_id: TRANSFER,
  cf_transfer_id: '123456',
  status: 'RECEIVED',
  status_code: 'RECEIVED',
  status_description: 'The transfer has been received.',
  beneficiary_details: { beneficiary_id: BENEFICIARY },
  transfer_amount: 1,
  transfer_mode: 'BANK',
  added_on: '2021-11-24T13:39:25Z',
  updated_on: '2021-11-24T13:39:25Z',
};
const beneficiaryReply = {
  beneficiary_id: BENEFICIARY,
  beneficiary_name: 'John Doe',
  beneficiary_instrument_details: { bank_account_number: '026291800001191', bank_ifsc: 'YESB0000262' },
  beneficiary_status: 'VERIFIED',
  added_on: '2023-12-04T15:50:00Z',
};
const batchReply = { batch_transfer_id: 'batch_2024_07', cf_batch_transfer_id: '123456', status: 'RECEIVED' };

const contact = {
  beneficiary_email: 'johndoe@example.com',
  beneficiary_phone: '9876543210',
  beneficiary_country_code: '+91',
  beneficiary_address: '177A Bleecker Street',
  beneficiary_city: 'Darjeeling',
  beneficiary_state: 'West Bengal',
  beneficiary_postal_code: '734101',
};

export const payoutsRequestCases: PayoutsRequestCase[] = [
  {
    method: 'beneficiaries.create',
    name: 'a bank account with every contact detail',
    operation: 'POST /beneficiary',
    reply: beneficiaryReply,
    run: (p) =>
      p.beneficiaries.create({
        beneficiary_id: BENEFICIARY,
        beneficiary_name: 'John Doe',
        beneficiary_instrument_details: {
          bank_account_number: '026291800001191',
          bank_ifsc: 'YESB0000262',
          vpa: 'success@upi',
        },
        beneficiary_contact_details: contact,
      }),
  },
  {
    method: 'beneficiaries.create',
    name: 'a UPI VPA only',
    operation: 'POST /beneficiary',
    reply: beneficiaryReply,
    run: (p) =>
      p.beneficiaries.create({
        beneficiary_id: 'upi_bene_1',
        beneficiary_name: 'John Doe',
        beneficiary_instrument_details: { vpa: 'success@upi' },
      }),
  },
  {
    method: 'beneficiaries.get',
    name: 'by beneficiary_id',
    operation: 'GET /beneficiary',
    reply: beneficiaryReply,
    run: (p) => p.beneficiaries.get({ beneficiary_id: BENEFICIARY }),
  },
  {
    method: 'beneficiaries.get',
    name: 'by bank account and IFSC',
    operation: 'GET /beneficiary',
    reply: beneficiaryReply,
    run: (p) => p.beneficiaries.get({ bank_account_number: '026291800001191', bank_ifsc: 'YESB0000262' }),
  },
  {
    method: 'beneficiaries.remove',
    name: 'by beneficiary_id',
    operation: 'DELETE /beneficiary',
    reply: { ...beneficiaryReply, beneficiary_status: 'DELETED' },
    run: (p) => p.beneficiaries.remove(BENEFICIARY),
  },
  {
    method: 'transfers.create',
    name: 'to a saved beneficiary, only the required fields',
    operation: 'POST /transfers',
    run: (p) =>
      p.transfers.create({
        transfer_id: TRANSFER,
        transfer_amount: 1,
        beneficiary_details: { beneficiary_id: BENEFICIARY },
      }),
  },
  {
    method: 'transfers.create',
    name: 'to a beneficiary given inline, every optional field',
    operation: 'POST /transfers',
    run: (p) =>
      p.transfers.create(
        {
          transfer_id: 'JUNOB2018_inline',
          transfer_amount: 1250.5,
          transfer_currency: 'INR',
          transfer_mode: 'imps',
          beneficiary_details: {
            beneficiary_name: 'John Doe',
            beneficiary_instrument_details: {
              bank_account_number: '026291800001191',
              bank_ifsc: 'YESB0000262',
            },
            beneficiary_contact_details: contact,
          },
          transfer_remarks: 'Tea leaves invoice 42',
          fundsource_id: 'CASHFREE_1',
        },
        { requestId: 'req-payouts-fidelity-1' },
      ),
  },
  {
    method: 'transfers.create',
    name: 'UPI to a VPA',
    operation: 'POST /transfers',
    run: (p) =>
      p.transfers.create({
        transfer_id: 'JUNOB2018_upi',
        transfer_amount: 10,
        transfer_mode: 'upi',
        beneficiary_details: {
          beneficiary_name: 'John Doe',
          beneficiary_instrument_details: { vpa: 'success@upi' },
        },
      }),
  },
  {
    method: 'transfers.get',
    name: 'by transfer_id',
    operation: 'GET /transfers',
    run: (p) => p.transfers.get({ transfer_id: TRANSFER }),
  },
  {
    method: 'transfers.get',
    name: 'by cf_transfer_id',
    operation: 'GET /transfers',
    run: (p) => p.transfers.get({ cf_transfer_id: '123456' }),
  },
  {
    method: 'transfers.validate',
    name: 'a UPI VPA (POST /validatePayout is not in the contract)',
    operation: undefined,
    path: '/payout/validatePayout',
    reply: {
      transfer_token: '9d37bc17-0ca6-4d7b-8b9e-2f0b8a1b7f34',
      vpa: 'success@upi',
      account_status: 'VALID',
      name_at_bank: 'JOHN SNOW',
    },
    run: (p) => p.transfers.validate({ transfer_id: 'JUNOB2018_token', vpa: 'success@upi' }),
  },
  {
    method: 'batchTransfers.create',
    name: 'two transfers, one saved beneficiary and one inline',
    operation: 'POST /transfers/batch',
    reply: batchReply,
    run: (p) =>
      p.batchTransfers.create({
        batch_transfer_id: 'batch_2024_07',
        transfers: [
          {
            transfer_id: 'batch_2024_07_1',
            transfer_amount: 1,
            beneficiary_details: { beneficiary_id: BENEFICIARY },
          },
          {
            transfer_id: 'batch_2024_07_2',
            transfer_amount: 2.5,
            transfer_currency: 'INR',
            transfer_mode: 'neft',
            beneficiary_details: {
              beneficiary_name: 'John Doe',
              beneficiary_instrument_details: {
                bank_account_number: '00011020001772',
                bank_ifsc: 'HDFC0000001',
              },
            },
            transfer_remarks: 'Salary July',
          },
        ],
      }),
  },
  {
    method: 'batchTransfers.get',
    name: 'by batch_transfer_id',
    operation: 'GET /transfers/batch',
    reply: { ...batchReply, status: 'PROCESSED', transfers: [transferReply] },
    run: (p) => p.batchTransfers.get({ batch_transfer_id: 'batch_2024_07' }),
  },
  {
    method: 'batchTransfers.get',
    name: 'by cf_batch_transfer_id',
    operation: 'GET /transfers/batch',
    reply: batchReply,
    run: (p) => p.batchTransfers.get({ cf_batch_transfer_id: '123456' }),
  },
];

/** The transfer the fake fetch answers with by default. */
export const defaultPayoutsReply = transferReply;
