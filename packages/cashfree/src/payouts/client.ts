import type { Environment } from '../environment.js';
import { type ClientInternals, Transport } from '../internal/transport.js';
import { BatchTransfers } from './batch-transfers.js';
import { Beneficiaries } from './beneficiaries.js';
import { type CashfreePayoutsOptions, payoutsOptionsFromEnv, resolvePayoutsOptions } from './options.js';
import type { PayoutsContext } from './resource.js';
import { createPayoutSigner } from './signature.js';
import { Transfers } from './transfers.js';

/**
 * The Cashfree Payouts (v2) client: beneficiaries, transfers, batch transfers and UPI validation,
 * checked before the wire, sent through the PG client's transport (timeouts, typed errors, secrets
 * redacted, hooks) with `x-api-version: 2024-01-01`. Payouts keys are not PG keys. A transfer or a
 * batch is never sent twice blindly: after an ambiguous failure it is looked up by its id first.
 *
 * @example
 * const payouts = new CashfreePayouts({ clientId, clientSecret, environment: 'sandbox' });
 * await payouts.beneficiaries.create({
 *   beneficiary_id: 'tea_estate_01',
 *   beneficiary_name: 'Darjeeling Tea Estate',
 *   beneficiary_instrument_details: { bank_account_number: '026291800001191', bank_ifsc: 'YESB0000262' },
 * });
 * const transfer = await payouts.transfers.create({
 *   transfer_id: 'payout_0001',
 *   transfer_amount: 1250.5,
 *   beneficiary_details: { beneficiary_id: 'tea_estate_01' },
 * });
 * @see https://www.cashfree.com/docs/api-reference/payouts/v2/overview
 */
export class CashfreePayouts {
  /** Save, fetch and remove beneficiaries. */
  readonly beneficiaries: Beneficiaries;
  /** Pay, look up, and validate a UPI VPA or phone before paying. */
  readonly transfers: Transfers;
  /** Many transfers in one request. */
  readonly batchTransfers: BatchTransfers;

  /** `sandbox` or `production`. */
  readonly environment: Environment;
  /** The base URL every path is appended to: `https://sandbox.cashfree.com/payout` by default. */
  readonly baseUrl: string;
  /** The `x-api-version` sent: `2024-01-01`. */
  readonly apiVersion: string;
  /** The default per-attempt timeout in ms. */
  readonly timeoutMs: number;
  /** The default number of further attempts. */
  readonly maxRetries: number;
  /** The client id (`x-client-id`); not a secret. */
  readonly clientId: string;
  /** Whether every request carries the 2FA `x-cf-signature`. */
  readonly signsRequests: boolean;

  /**
   * @throws ValidationError for a missing credential, an unknown environment or a bad option
   */
  constructor(options: CashfreePayoutsOptions, internals: ClientInternals = {}) {
    const { resolved, publicKey } = resolvePayoutsOptions(options);
    this.environment = resolved.environment;
    this.baseUrl = resolved.baseUrl;
    this.apiVersion = resolved.apiVersion;
    this.timeoutMs = resolved.timeoutMs;
    this.maxRetries = resolved.maxRetries;
    this.clientId = resolved.appId;
    this.signsRequests = publicKey !== undefined;
    const transport = new Transport(resolved, internals);
    const context: PayoutsContext = {
      sign: publicKey === undefined ? undefined : createPayoutSigner(resolved.appId, publicKey),
      maxRetries: resolved.maxRetries,
      internals,
    };
    this.beneficiaries = new Beneficiaries(transport, context);
    this.transfers = new Transfers(transport, context);
    this.batchTransfers = new BatchTransfers(transport, context);
  }

  /**
   * A client from environment variables: `CASHFREE_PAYOUTS_CLIENT_ID`, `CASHFREE_PAYOUTS_CLIENT_SECRET`,
   * `CASHFREE_ENV` (`TEST`/`sandbox` or `PROD`/`production`, any case; default sandbox),
   * `CASHFREE_PAYOUTS_BASE_URL` (optional; without it a `CASHFREE_BASE_URL` ending in `/pg`, the
   * local sandbox's, is followed to its `/payout`) and `CASHFREE_PAYOUTS_PUBLIC_KEY` (optional 2FA
   * key, PEM text). `options` override the variables.
   *
   * @param env the variables; default `process.env` where it exists
   * @example const payouts = CashfreePayouts.fromEnv();
   * @throws ValidationError naming the missing or malformed variable
   */
  static fromEnv(
    env?: Record<string, string | undefined>,
    options: Partial<CashfreePayoutsOptions> = {},
    internals: ClientInternals = {},
  ): CashfreePayouts {
    return new CashfreePayouts({ ...payoutsOptionsFromEnv(env), ...options }, internals);
  }
}
