import { ValidationError } from '../core/errors.js';
import type { RequestOptions } from '../core/options.js';
import { TRANSFER_OPERATIONS as operations } from '../operations/payouts.js';
import { PAYOUT_QUERY_CHECKS } from '../operations/payouts-checks.js';
import { checkRequest } from '../validation/request.js';
import { transferDifferences } from './differences.js';
import { createOnce } from './once.js';
import { checkLookup, PayoutsResource } from './resource.js';
import type {
  CreateTransferRequest,
  Transfer,
  TransferLookup,
  ValidatePayoutRequest,
  ValidatePayoutResponse,
} from './types.js';

/**
 * Transfers: pay a beneficiary, look a transfer up, and validate a UPI VPA or phone before paying it.
 *
 * @example
 * const transfer = await payouts.transfers.create({
 *   transfer_id: 'payout_0001',
 *   transfer_amount: 1250.5,
 *   beneficiary_details: { beneficiary_id: 'tea_estate_01' },
 * });
 * const { status } = await payouts.transfers.get({ transfer_id: transfer.transfer_id });
 */
export class Transfers extends PayoutsResource {
  /**
   * `POST /transfers`, at most once per `transfer_id`. Checked first (ids, amount in rupees ≥ 1.00,
   * mode, beneficiary, remarks). Payouts has no idempotency header, so after an ambiguous failure
   * (timeout, reset, 5xx) the SDK does not send again blindly: it looks the transfer up by
   * `transfer_id`, returns it if Cashfree has it, and sends again (same id) only when Cashfree
   * answers that it does not exist. A 409 resolves to the existing transfer when its amount and
   * beneficiary are this request's; otherwise a `PayoutIdConflictError`. When the outcome cannot
   * be learnt: a `PayoutOutcomeUnknownError` naming the id to look up.
   *
   * @example
   * const { status, cf_transfer_id } = await payouts.transfers.create({
   *   transfer_id: 'payout_0001',
   *   transfer_amount: 1250.5,
   *   beneficiary_details: { beneficiary_id: 'tea_estate_01' },
   * });
   */
  async create(body: CreateTransferRequest, options?: RequestOptions): Promise<Transfer> {
    checkRequest(operations.create, body);
    checkBeneficiaryOrToken(body);
    return createOnce<Transfer>({
      idField: 'transfer_id',
      id: body.transfer_id,
      send: () => this.call<Transfer>(operations.create, { body }, { ...options, maxRetries: 0 }),
      lookup: () =>
        this.find<Transfer>(
          operations.get,
          { transfer_id: body.transfer_id },
          'transfer_id_not_found',
          lookupOptions(options),
        ),
      differences: (existing) => transferDifferences(body, existing),
      maxRetries: options?.maxRetries ?? this.context.maxRetries,
      wait: (attempt, failure) => this.waitToResend(attempt, failure, options?.signal),
    });
  }

  /**
   * `GET /transfers`: a transfer by your `transfer_id` or Cashfree's `cf_transfer_id`.
   *
   * @example
   * const { status, status_code, transfer_utr } = await payouts.transfers.get({ transfer_id: 'payout_0001' });
   */
  async get(lookup: TransferLookup, options?: RequestOptions): Promise<Transfer> {
    const query = checkLookup('lookup', lookup, [['transfer_id'], ['cf_transfer_id']], PAYOUT_QUERY_CHECKS);
    return this.call<Transfer>(operations.get, { query }, options);
  }

  /**
   * `POST /validatePayout`: checks a UPI VPA or phone (exactly one) before paying it, and answers a
   * single-use `transfer_token` (valid 1 hour). Spend it with `create({ transfer_id, transfer_amount,
   * transfer_mode: 'upi', transfer_token })`, the same `transfer_id`.
   *
   * @example
   * const { transfer_token, name_at_bank } = await payouts.transfers.validate({ transfer_id: 'payout_0002', vpa: 'success@upi' });
   * await payouts.transfers.create({ transfer_id: 'payout_0002', transfer_amount: 10, transfer_mode: 'upi', transfer_token });
   */
  async validate(body: ValidatePayoutRequest, options?: RequestOptions): Promise<ValidatePayoutResponse> {
    checkRequest(operations.validate, body);
    if ((body.vpa == null) === (body.phone == null)) {
      throw new ValidationError(
        'vpa',
        body.vpa,
        "validation: needs exactly one of vpa and phone. Send { transfer_id, vpa: 'success@upi' } or { transfer_id, phone: '9876543210' }.",
      );
    }
    return this.call<ValidatePayoutResponse>(operations.validate, { body }, options);
  }
}

/** The options a lookup inside a create keeps: the caller's signal and timeout, not its headers. */
export function lookupOptions(options: RequestOptions | undefined): RequestOptions {
  return { signal: options?.signal, timeoutMs: options?.timeoutMs };
}

/** A transfer names whom it pays, or spends a validatePayout token that already did. */
function checkBeneficiaryOrToken(body: CreateTransferRequest): void {
  if (body.transfer_token !== undefined) {
    if (body.transfer_mode !== 'upi') {
      throw new ValidationError(
        'transfer_mode',
        body.transfer_mode,
        "transfer_mode: a transfer that spends a transfer_token must be 'upi'. Send transfer_mode: 'upi'.",
      );
    }
    return;
  }
  const details = body.beneficiary_details;
  if (details == null) {
    throw new ValidationError(
      'beneficiary_details',
      details,
      "beneficiary_details is required. Send { beneficiary_id: 'tea_estate_01' } for a saved beneficiary, or its name and beneficiary_instrument_details.",
    );
  }
  if (details.beneficiary_id != null) return;
  if (details.beneficiary_name == null) {
    throw new ValidationError(
      'beneficiary_details.beneficiary_name',
      undefined,
      "beneficiary_details.beneficiary_name is required when there is no beneficiary_id. Send the account holder's name, e.g. 'Darjeeling Tea Estate'.",
    );
  }
  const instrument = details.beneficiary_instrument_details;
  const upi = body.transfer_mode === 'upi';
  const has = upi
    ? instrument?.vpa != null
    : instrument?.bank_account_number != null && instrument?.bank_ifsc != null;
  if (!has) {
    const field = upi ? 'vpa' : 'bank_account_number and bank_ifsc';
    throw new ValidationError(
      `beneficiary_details.beneficiary_instrument_details`,
      instrument,
      `beneficiary_details.beneficiary_instrument_details needs ${field} when there is no beneficiary_id. ` +
        (upi
          ? "Send e.g. { vpa: 'success@upi' }."
          : "Send e.g. { bank_account_number: '026291800001191', bank_ifsc: 'YESB0000262' }."),
    );
  }
}
