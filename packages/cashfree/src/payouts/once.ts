/**
 * "Never pays twice". Payouts has no idempotency header: the merchant's `transfer_id` (or
 * `batch_transfer_id`) is the key, so the SDK never re-sends a create blindly. After an ambiguous
 * failure (no answer, a reset, a 5xx, a 429, a 2xx whose body did not arrive whole) it looks the id
 * up, returns what Cashfree has, and sends again (with the same id) only when Cashfree answers that
 * the id does not exist. A 409 for the id resolves to the existing payment when its amount and
 * beneficiary are this request's, and is an error when they differ. Every call ends in the payment
 * or a typed error; when the outcome cannot be learnt the error says so
 * (`PayoutOutcomeUnknownError`), and nothing more is sent.
 */
import {
  ApiError,
  ConflictError,
  isCashfreeError,
  RequestAbortedError,
  ValidationError,
} from '../core/errors.js';
import { PayoutIdConflictError, PayoutOutcomeUnknownError } from './errors.js';

/** One create, described for {@link createOnce}. */
export interface OnceOnly<T> {
  idField: 'transfer_id' | 'batch_transfer_id';
  id: string;
  /** One attempt of the create, with no retries of the transport's own. */
  send: () => Promise<T>;
  /** The payment under the id, or `undefined` when Cashfree answers that it does not exist. */
  lookup: () => Promise<T | undefined>;
  /** How an existing payment differs from this request (amount, beneficiary); empty when it does not. */
  differences: (existing: T) => string[];
  /** Sends after the first one, each only after a lookup found nothing. */
  maxRetries: number;
  /** Waits before send number `attempt + 1`; `undefined` when the server asks for too long a wait. */
  wait: (attempt: number, failure: unknown) => Promise<boolean>;
}

/**
 * Whether a failed send may have reached Cashfree and acted: anything but a refusal that names
 * the request (a 4xx other than 429), a check that failed before the wire, or the caller's abort.
 */
export function isAmbiguous(failure: unknown): boolean {
  if (failure instanceof ValidationError || failure instanceof RequestAbortedError) return false;
  if (failure instanceof ApiError)
    return !(failure.status >= 400 && failure.status < 500 && failure.status !== 429);
  return isCashfreeError(failure);
}

/** Runs a create so that it acts at most once; see the module comment. */
export async function createOnce<T>(create: OnceOnly<T>): Promise<T> {
  // True once a send may have reached Cashfree: from then on a failure is "outcome unknown".
  let uncertain = false;
  for (let attempt = 1; ; attempt += 1) {
    let failure: unknown;
    try {
      return await create.send();
    } catch (error) {
      failure = error;
    }
    if (failure instanceof ConflictError) return resolveConflict(create, failure, uncertain);
    if (!isAmbiguous(failure)) throw failure;
    // A 429 is Cashfree refusing before acting; every other ambiguous failure may have acted.
    if (!(failure instanceof ApiError && failure.status === 429)) uncertain = true;

    let existing: T | undefined;
    try {
      existing = await create.lookup();
    } catch (lookupFailure) {
      throw uncertain
        ? new PayoutOutcomeUnknownError(create.idField, create.id, lookupFailure)
        : lookupFailure;
    }
    if (existing !== undefined) return sameOrConflict(create, existing);
    const giveUp = attempt > create.maxRetries || !(await create.wait(attempt, failure));
    if (giveUp) throw uncertain ? new PayoutOutcomeUnknownError(create.idField, create.id, failure) : failure;
  }
}

async function resolveConflict<T>(
  create: OnceOnly<T>,
  conflict: ConflictError,
  uncertain: boolean,
): Promise<T> {
  let existing: T | undefined;
  try {
    existing = await create.lookup();
  } catch (lookupFailure) {
    // Our own earlier send may be the one Cashfree has: that is an unknown outcome, not a refusal.
    throw uncertain ? new PayoutOutcomeUnknownError(create.idField, create.id, lookupFailure) : conflict;
  }
  if (existing === undefined) throw conflict;
  return sameOrConflict(create, existing, conflict);
}

function sameOrConflict<T>(create: OnceOnly<T>, existing: T, cause?: unknown): T {
  const differences = create.differences(existing);
  if (differences.length === 0) return existing;
  throw new PayoutIdConflictError(create.idField, create.id, differences, cause);
}
