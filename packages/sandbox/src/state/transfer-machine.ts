import { type BATCH_TRANSFER_STATUSES, FINAL_TRANSFER_STATUSES, type TRANSFER_STATUSES } from 'cashfree-kit';
import { MINUTE_MS, SECOND_MS } from '../clock/time.js';
import type { PayoutOutcome } from '../test-instruments/payout-accounts.js';
import { move, refuse, stay, type Transition } from './result.js';

/** A transfer's `status`: one of the SDK's `TRANSFER_STATUSES`. */
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];

/** Where a transfer is: its status and the `status_code` that details it. */
export interface TransferState {
  status: TransferStatus;
  status_code: string;
}

/** A state with the `status_description` Cashfree shows beside it. */
export interface DescribedState extends TransferState {
  status_description: string;
}

/**
 * How long each automatic step takes on the sandbox clock. Cashfree documents none of these; they
 * are chosen so a test sees every state by advancing the clock a little, and a long PENDING is
 * clearly long:
 * - RECEIVED → PENDING after 5 s (Cashfree accepts, then sends to the bank);
 * - PENDING → SUCCESS or FAILED after 30 s; 30 min for the "pending then …" test accounts;
 * - SUCCESS `SENT_TO_BENEFICIARY` → `COMPLETED` (the credit confirmed) after 2 min;
 * - SUCCESS → REVERSED after 1 h for the reversal accounts (Cashfree: "within 24 hrs").
 */
export const TRANSFER_STEP_MS = {
  toPending: 5 * SECOND_MS,
  toFinal: 30 * SECOND_MS,
  longPending: 30 * MINUTE_MS,
  toCompleted: 2 * MINUTE_MS,
  toReversed: 60 * MINUTE_MS,
} as const;

/** Statuses after which only a reversal (SUCCESS → REVERSED) can happen: the SDK's list. */
const FINAL: ReadonlySet<TransferStatus> = new Set(FINAL_TRANSFER_STATUSES);

/** Whether the transfer has reached a final status (SUCCESS may still be reversed). */
export function isFinalTransferStatus(status: TransferStatus): boolean {
  return FINAL.has(status);
}

/** Which statuses each status may move to. */
const ALLOWED: Readonly<Record<TransferStatus, readonly TransferStatus[]>> = {
  RECEIVED: ['APPROVAL_PENDING', 'PENDING', 'REJECTED'],
  APPROVAL_PENDING: ['PENDING', 'REJECTED'],
  PENDING: ['SUCCESS', 'FAILED'],
  SUCCESS: ['REVERSED'],
  FAILED: [],
  REJECTED: [],
  REVERSED: [],
};

/**
 * RECEIVED → APPROVAL_PENDING, PENDING or REJECTED; APPROVAL_PENDING → PENDING (approved) or
 * REJECTED; PENDING → SUCCESS or FAILED; SUCCESS → REVERSED. FAILED, REJECTED and REVERSED are
 * final. Staying put is allowed (SUCCESS `SENT_TO_BENEFICIARY` → `COMPLETED` changes only the code).
 */
export function nextTransferStatus(
  current: TransferStatus,
  target: TransferStatus,
): Transition<TransferStatus> {
  if (current === target) return stay(current);
  if (!ALLOWED[current].includes(target)) {
    return refuse('transfer_status_invalid', `a ${current} transfer cannot become ${target}`);
  }
  return move(current, target);
}

/** The `status_description` of each state the sandbox puts a transfer in. */
const DESCRIPTIONS: Readonly<Record<string, string>> = {
  RECEIVED: 'Transfer request has been received and will be processed shortly.',
  APPROVAL_PENDING: 'Transfer is waiting for approval on the dashboard.',
  PENDING: 'Transfer is awaiting a final confirmation from the beneficiary bank.',
  SENT_TO_BENEFICIARY: 'Transfer is successful and the amount has been sent to the beneficiary bank.',
  COMPLETED: 'Transfer has been credited to the beneficiary account.',
  INVALID_IFSC_FAIL: 'IFSC code is invalid. Please check the IFSC and try again.',
  INVALID_ACCOUNT_FAIL: 'Beneficiary bank account number is invalid.',
  INVALID_BENE_VPA: 'Beneficiary VPA is invalid.',
  BENE_BANK_DECLINED: 'Beneficiary bank declined the transfer.',
  INVALID_BENE_ACCOUNT_OR_IFSC:
    'Beneficiary account or IFSC is invalid. [cashfree-sandbox] Cashfree sandbox transfers succeed only to its documented test accounts (026291800001191 / YESB0000262, success@upi, …).',
  INSUFFICIENT_BALANCE: 'Insufficient balance in the account to process the transfer.',
  MANUALLY_REJECTED: 'Transfer was rejected on the dashboard.',
};

/** `state` with its description. */
export function describe(status: TransferStatus, statusCode: string): DescribedState {
  return { status, status_code: statusCode, status_description: DESCRIPTIONS[statusCode] ?? statusCode };
}

/** One automatic step: the state it leads to and how long after the current one it happens. */
export interface TransferStep {
  to: DescribedState;
  afterMs: number;
}

/** The failure a failing outcome ends in. */
const FAILURE_CODE: Partial<Record<PayoutOutcome, string>> = {
  invalid_ifsc: 'INVALID_IFSC_FAIL',
  invalid_account: 'INVALID_ACCOUNT_FAIL',
  invalid_vpa: 'INVALID_BENE_VPA',
  unknown_instrument: 'INVALID_BENE_ACCOUNT_OR_IFSC',
  pending_then_failure: 'BENE_BANK_DECLINED',
};

/**
 * The next automatic step of a transfer with `outcome` in `state`, or `undefined` when nothing
 * more happens by itself (final, pending for good, or waiting for an approval). The step into
 * PENDING is where the balance is checked (the service may reject instead).
 */
export function nextTransferStep(outcome: PayoutOutcome, state: TransferState): TransferStep | undefined {
  switch (state.status) {
    case 'RECEIVED':
      return { to: describe('PENDING', 'PENDING'), afterMs: TRANSFER_STEP_MS.toPending };
    case 'PENDING': {
      if (outcome === 'pending') return undefined;
      const afterMs = outcome.startsWith('pending_then_')
        ? TRANSFER_STEP_MS.longPending
        : TRANSFER_STEP_MS.toFinal;
      const failure = FAILURE_CODE[outcome];
      return failure === undefined
        ? { to: describe('SUCCESS', 'SENT_TO_BENEFICIARY'), afterMs }
        : { to: describe('FAILED', failure), afterMs };
    }
    case 'SUCCESS':
      if (state.status_code !== 'SENT_TO_BENEFICIARY') return undefined;
      // The reversal code is the one Cashfree's REVERSED example carries.
      return outcome === 'success_then_reversed'
        ? { to: describe('REVERSED', 'INVALID_ACCOUNT_FAIL'), afterMs: TRANSFER_STEP_MS.toReversed }
        : { to: describe('SUCCESS', 'COMPLETED'), afterMs: TRANSFER_STEP_MS.toCompleted };
    default:
      return undefined;
  }
}

/**
 * The Payouts webhook a change of state sends (V2 names), or `undefined`. Cashfree's samples put
 * `SENT_TO_BENEFICIARY` on TRANSFER_SUCCESS and `COMPLETED` on TRANSFER_ACKNOWLEDGED, so the
 * sandbox sends SUCCESS first and ACKNOWLEDGED when the credit is confirmed.
 */
export function transferEventType(before: TransferState, after: TransferState): string | undefined {
  if (before.status === after.status && before.status_code === after.status_code) return undefined;
  switch (after.status) {
    case 'SUCCESS':
      return after.status_code === 'COMPLETED' ? 'TRANSFER_ACKNOWLEDGED' : 'TRANSFER_SUCCESS';
    case 'FAILED':
      return 'TRANSFER_FAILED';
    case 'REJECTED':
      return 'TRANSFER_REJECTED';
    case 'REVERSED':
      return 'TRANSFER_REVERSED';
    default:
      return undefined;
  }
}

/** The Payouts webhook types the sandbox sends; delivery signs them with the Payouts secret. */
const PAYOUT_EVENT_TYPES: ReadonlySet<string> = new Set([
  'TRANSFER_SUCCESS',
  'TRANSFER_ACKNOWLEDGED',
  'TRANSFER_FAILED',
  'TRANSFER_REJECTED',
  'TRANSFER_REVERSED',
  'BULK_TRANSFER_REJECTED',
]);

/** Whether a webhook type is a Payouts event (signed with the Payouts secret, not PG's). */
export function isPayoutEventType(type: string): boolean {
  return PAYOUT_EVENT_TYPES.has(type);
}

/**
 * A batch's status from its transfers: RECEIVED while every transfer is, REJECTED when every one
 * was rejected, PROCESSED once every one is final, PENDING in between.
 */
export function batchStatus(statuses: readonly TransferStatus[]): (typeof BATCH_TRANSFER_STATUSES)[number] {
  if (statuses.every((s) => s === 'RECEIVED')) return 'RECEIVED';
  if (statuses.every((s) => s === 'REJECTED')) return 'REJECTED';
  return statuses.every(isFinalTransferStatus) ? 'PROCESSED' : 'PENDING';
}
