/**
 * The two ends of a Payouts create that are not a plain Cashfree error: the outcome could not be
 * learnt (the money may or may not have left), and the id names a different payment.
 */
import { CashfreeError, isCashfreeError } from '../core/errors.js';

/**
 * A transfer or batch create ended without knowing whether Cashfree has it: the request failed
 * ambiguously (timeout, reset, 5xx) and the lookups that followed failed too, or the last send was
 * still unanswered when the retries ran out. Nothing is sent again by the SDK; look the id up with
 * `payouts.transfers.get({ transfer_id })` (or `batchTransfers.get`) before deciding to pay again,
 * and pay again only with the same id.
 *
 * @example
 * const transfer = { transfer_id: 'payout_0001', transfer_amount: 100, beneficiary_details: { beneficiary_id: 'tea_estate_01' } };
 * try { await payouts.transfers.create(transfer) } catch (error) {
 *   if (isPayoutOutcomeUnknownError(error)) console.log(`check ${error.id} later`); // never a new transfer_id
 * }
 */
export class PayoutOutcomeUnknownError extends CashfreeError {
  override name = 'PayoutOutcomeUnknownError' as const;
  /** `transfer_id` or `batch_transfer_id`. */
  readonly idField: 'transfer_id' | 'batch_transfer_id';
  /** The id to look up. */
  readonly id: string;

  constructor(idField: 'transfer_id' | 'batch_transfer_id', id: string, cause: unknown) {
    const what = idField === 'transfer_id' ? 'transfer' : 'batch';
    const lookup = idField === 'transfer_id' ? 'transfers.get' : 'batchTransfers.get';
    super(
      `Could not learn whether Cashfree has the ${what} ${idField} '${id}': ${describeCause(cause)}. ` +
        `It may have been paid. Look it up with payouts.${lookup}({ ${idField}: '${id}' }) before sending it again, ` +
        `and send it again only with the same ${idField}.`,
      { cause },
    );
    this.idField = idField;
    this.id = id;
  }
}

/**
 * The `transfer_id` (or `batch_transfer_id`) is already used by a different payment: Cashfree has a
 * transfer under it whose amount or beneficiary differ from this request's. The SDK resolves a
 * repeat of the same payment to the existing transfer, never one that differs.
 *
 * @example
 * const transfer = { transfer_id: 'payout_0001', transfer_amount: 100, beneficiary_details: { beneficiary_id: 'tea_estate_01' } };
 * try { await payouts.transfers.create(transfer) } catch (error) {
 *   if (isPayoutIdConflictError(error)) console.error(error.message); // names the id and what differs
 * }
 */
export class PayoutIdConflictError extends CashfreeError {
  override name = 'PayoutIdConflictError' as const;
  readonly idField: 'transfer_id' | 'batch_transfer_id';
  readonly id: string;
  /** What differs, e.g. `transfer_amount 100 ≠ 250`. */
  readonly differences: readonly string[];

  constructor(
    idField: 'transfer_id' | 'batch_transfer_id',
    id: string,
    differences: readonly string[],
    cause?: unknown,
  ) {
    super(
      `${idField} '${id}' is already used by a different payment (${differences.join('; ')}). ` +
        `Use a new ${idField} for a new payment; resend the same details to get the existing one.`,
      cause === undefined ? undefined : { cause },
    );
    this.idField = idField;
    this.id = id;
    this.differences = differences;
  }
}

/**
 * True for a {@link PayoutOutcomeUnknownError}, even from a second installed copy of cashfree-kit.
 *
 * @example
 * const error: unknown = await payouts.transfers.create({ transfer_id: 'payout_0001', transfer_amount: 100 }).catch((e: unknown) => e);
 * if (isPayoutOutcomeUnknownError(error)) await payouts.transfers.get({ transfer_id: error.id });
 */
export function isPayoutOutcomeUnknownError(error: unknown): error is PayoutOutcomeUnknownError {
  return named(error, 'PayoutOutcomeUnknownError');
}

/**
 * True for a {@link PayoutIdConflictError}, even from a second installed copy of cashfree-kit.
 *
 * @example
 * const error: unknown = await payouts.transfers.create({ transfer_id: 'payout_0001', transfer_amount: 100 }).catch((e: unknown) => e);
 * if (isPayoutIdConflictError(error)) console.error(error.differences.join(', '));
 */
export function isPayoutIdConflictError(error: unknown): error is PayoutIdConflictError {
  return named(error, 'PayoutIdConflictError');
}

function named(error: unknown, name: string): boolean {
  return isCashfreeError(error) && error.name === name;
}

function describeCause(cause: unknown): string {
  if (cause instanceof Error) return `${cause.name}: ${cause.message}`;
  return String(cause);
}
