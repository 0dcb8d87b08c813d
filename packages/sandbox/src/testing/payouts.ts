/**
 * Payouts helpers for the sandbox's own tests (not exported): calls under `/payout` with the
 * Payouts API version, a saved test beneficiary, and a look at the balance.
 */
import { PRODUCTS } from 'cashfree-kit';
import type { ApiResponse, Harness } from './harness.js';

/** The headers a Payouts call adds to the harness's own. */
export const PAYOUT_HEADERS = { 'x-api-version': PRODUCTS.payouts.apiVersion };

/** The documented success account (026291800001191 / YESB0000262). */
export const SUCCESS_ACCOUNT = { bank_account_number: '026291800001191', bank_ifsc: 'YESB0000262' };

export interface PayoutCalls {
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse>;
  /** POST /payout/transfers with an inline beneficiary on `account`. */
  transfer(
    transferId: string,
    amount: number,
    account?: Record<string, string>,
    extra?: Record<string, unknown>,
  ): Promise<ApiResponse>;
  /** GET /payout/transfers?transfer_id= (the body). */
  // biome-ignore lint/suspicious/noExplicitAny: test responses are inspected field by field
  get(transferId: string): Promise<any>;
  /** The balance in rupees, from the admin API. */
  balance(): Promise<number>;
}

/** Payouts calls through harness `h`. */
export function payoutCalls(h: Harness): PayoutCalls {
  const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    h.call(method, `/payout${path}`, body, { ...PAYOUT_HEADERS, ...headers });
  return {
    call,
    transfer: (transferId, amount, account = SUCCESS_ACCOUNT, extra = {}) =>
      call('POST', '/transfers', {
        transfer_id: transferId,
        transfer_amount: amount,
        beneficiary_details: {
          beneficiary_name: 'Darjeeling Tea Estate',
          beneficiary_instrument_details: account,
        },
        ...extra,
      }),
    get: async (transferId) => (await call('GET', `/transfers?transfer_id=${transferId}`)).body,
    balance: async () => (await h.call('GET', '/_sandbox/payouts/balance')).body.balance,
  };
}
