/**
 * Payouts webhook bodies shaped like the ones the sandbox sends (Cashfree's V2 envelope
 * `{data, event_time, type}`, `data` the Transfer the sandbox's transferEntity() returns: null
 * fields left out, amounts in rupees, times as ISO with Z), as raw strings so the signed bytes
 * are exactly what a verifier receives.
 */

/** A transfer body for one of the five transfer events, with the status and code that event carries. */
export function transferBody(
  type: string,
  {
    status,
    status_code,
    status_description,
  }: { status: string; status_code: string; status_description?: string },
): string {
  const data: Record<string, unknown> = {
    transfer_id: 'tea_estate_0042',
    cf_transfer_id: '1000000042',
    status,
    status_code,
    ...(status_description === undefined ? {} : { status_description }),
    beneficiary_details: {
      beneficiary_id: 'darjeeling_tea_estate',
      beneficiary_instrument_details: { bank_account_number: '026291800001191', bank_ifsc: 'YESB0000262' },
    },
    transfer_amount: 1250.5,
    ...(status === 'SUCCESS' || status === 'REVERSED'
      ? { transfer_service_charge: 1, transfer_service_tax: 0.18, transfer_utr: 'TESTUTR1000000042' }
      : {}),
    transfer_mode: 'BANK',
    fundsource_id: 'CASHFREE_1',
    added_on: '2026-12-07T05:00:00Z',
    updated_on: '2026-12-07T05:00:30Z',
  };
  return JSON.stringify({ data, event_time: '2026-12-07T10:30:30+05:30', type });
}

/** The status, status_code (and description) each transfer event carries in the sandbox. */
export const TRANSFER_EVENT_STATES = {
  TRANSFER_SUCCESS: { status: 'SUCCESS', status_code: 'SENT_TO_BENEFICIARY' },
  TRANSFER_ACKNOWLEDGED: { status: 'SUCCESS', status_code: 'COMPLETED' },
  TRANSFER_FAILED: {
    status: 'FAILED',
    status_code: 'INVALID_IFSC_FAIL',
    status_description: 'The IFSC of the beneficiary bank is invalid',
  },
  TRANSFER_REVERSED: { status: 'REVERSED', status_code: 'INVALID_ACCOUNT_FAIL' },
  TRANSFER_REJECTED: { status: 'REJECTED', status_code: 'INSUFFICIENT_BALANCE' },
} as const;

/** BULK_TRANSFER_REJECTED as the sandbox sends it when every transfer of a batch is rejected. */
export function bulkTransferRejectedBody(): string {
  return JSON.stringify({
    data: {
      batch_transfer_id: 'suppliers_dec_week1',
      cf_batch_transfer_id: '2000000007',
      status: 'REJECTED',
    },
    event_time: '2026-12-07T10:31:00+05:30',
    type: 'BULK_TRANSFER_REJECTED',
  });
}
