import type { SandboxContext } from '../../context.js';
import { type StoredTransferBeneficiary, transferEntity } from '../../entities/payouts.js';
import { badRequest, conflict, notFound } from '../../http/errors.js';
import {
  type DescribedState,
  describe,
  nextTransferStatus,
  nextTransferStep,
  TRANSFER_STEP_MS,
  type TransferStatus,
  transferEventType,
} from '../../state/transfer-machine.js';
import type { TransferRow } from '../../store/payouts/transfers.js';
import { type PayoutOutcome, payoutOutcome } from '../../test-instruments/payout-accounts.js';
import { randomDigits } from '../../util/ids.js';
import { toPaise } from '../../util/money.js';
import { missing } from '../../validation/fields.js';
import type { Instrument } from '../../validation/payouts/instrument.js';
import { fieldError } from '../../validation/payouts/rules.js';
import type { NewTransfer } from '../../validation/payouts/transfer.js';
import { appendPayoutsEvent } from '../event-data.js';
import { adjustPayoutBalance, payoutBalance, TRANSFER_FEE, transferCost } from './balance.js';
import { spendTransferToken } from './validate-payout.js';

/** Job kind: a transfer's next automatic step is due (ref = `cf_transfer_id`). */
export const TRANSFER_STEP = 'payout.transfer.step';

/** The fund source every sandbox transfer debits (Cashfree's example value). */
const FUNDSOURCE = 'CASHFREE_1';

/** The saved beneficiary a transfer names, with a mismatch in the inline details refused as Cashfree does. */
function resolveBeneficiary(
  ctx: SandboxContext,
  input: NewTransfer,
  prefix: string,
): StoredTransferBeneficiary {
  const b = input.beneficiary;
  if (b.beneficiary_id === null) {
    return { beneficiary_id: null, beneficiary_name: b.beneficiary_name, ...b.instrument };
  }
  const saved = ctx.store.payouts.beneficiaries.byId(b.beneficiary_id);
  if (!saved) throw notFound('beneficiary_not_found', 'Beneficiary does not exist');
  const fields: Array<[keyof Instrument, string]> = [
    ['bank_account_number', 'Bank account number'],
    ['bank_ifsc', 'Bank IFSC'],
    ['vpa', 'VPA'],
  ];
  for (const [key, label] of fields) {
    const sent = b.instrument[key];
    if (sent !== null && sent !== saved[key]) {
      throw badRequest(
        `${prefix}beneficiary_details.beneficiary_instrument_details.${key}_invalid`,
        `${label} passed in the request does not match with the beneficiary with beneficiary_id :: ${saved.beneficiary_id}`,
      );
    }
  }
  return {
    beneficiary_id: saved.beneficiary_id,
    beneficiary_name: saved.beneficiary_name,
    bank_account_number: saved.bank_account_number,
    bank_ifsc: saved.bank_ifsc,
    vpa: saved.vpa,
  };
}

/**
 * Creates a transfer (alone, or as item `index` of batch `cfBatchId`). A `transfer_id` already used
 * is refused with 409 and nothing changes: it is Payouts' only idempotency key. The outcome is
 * fixed now from the documented test data; the transfer waits in APPROVAL_PENDING when it reaches
 * the approval threshold, else starts RECEIVED with its first step scheduled. Call inside a transaction.
 */
export function createTransfer(
  ctx: SandboxContext,
  input: NewTransfer,
  batch?: { cfBatchId: number; index: number },
): TransferRow {
  const prefix = batch === undefined ? '' : `transfers[${batch.index}].`;
  const transfers = ctx.store.payouts.transfers;
  if (transfers.byTransferId(input.transfer_id)) {
    throw conflict(
      'transfer_id_already_exists',
      `${prefix}transfer_id already exists: a transfer_id pays once. Fetch it with GET /transfers?transfer_id=${input.transfer_id}`,
    );
  }
  let beneficiary = resolveBeneficiary(ctx, input, prefix);
  if (input.transfer_token !== null) {
    if (input.mode !== 'upi') {
      throw fieldError(
        'transfer_mode',
        'invalid',
        'should be upi for a transfer with a transfer_token',
        input.mode,
      );
    }
    const vpa = spendTransferToken(ctx, input.transfer_token, input.transfer_id);
    if (beneficiary.vpa !== null && beneficiary.vpa !== vpa) {
      throw fieldError(
        'beneficiary_details.beneficiary_instrument_details.vpa',
        'invalid',
        `should be ${vpa}, the VPA the transfer_token validated`,
        beneficiary.vpa,
      );
    }
    beneficiary = { ...beneficiary, vpa };
  }
  if (input.mode === 'upi' && beneficiary.vpa === null) {
    throw missing(`${prefix}beneficiary_details.beneficiary_instrument_details.vpa`);
  }
  const now = ctx.clock.now();
  const threshold = ctx.config.payouts.approvalThreshold;
  const parked = threshold !== undefined && input.amount >= (toPaise(threshold) ?? Number.POSITIVE_INFINITY);
  const state = parked ? describe('APPROVAL_PENDING', 'APPROVAL_PENDING') : describe('RECEIVED', 'RECEIVED');
  const row: TransferRow = {
    cf_transfer_id: ctx.store.ids.transfer.next(),
    transfer_id: input.transfer_id,
    cf_batch_transfer_id: batch?.cfBatchId ?? null,
    ...state,
    beneficiary: JSON.stringify(beneficiary),
    amount: input.amount,
    mode: input.mode,
    remarks: input.remarks,
    fundsource_id: input.fundsource_id ?? FUNDSOURCE,
    outcome: payoutOutcome(input.mode, beneficiary),
    utr: null,
    service_charge: null,
    service_tax: null,
    debited: 0,
    added_on: now,
    updated_on: now,
  };
  transfers.insert(row);
  if (!parked) ctx.scheduler.schedule(TRANSFER_STEP, row.cf_transfer_id, now + TRANSFER_STEP_MS.toPending);
  return row;
}

/**
 * Moves a transfer to `to` with its consequences on the balance: going to the bank (PENDING)
 * reserves the amount and the fee, or rejects the transfer (INSUFFICIENT_BALANCE) when the balance
 * is short; FAILED gives back what was reserved; SUCCESS records the fee; REVERSED gives back the
 * amount (the fee stays charged). Emits the Payouts event of the change and schedules the next
 * automatic step. Call inside a transaction.
 */
export function moveTransfer(ctx: SandboxContext, row: TransferRow, target: DescribedState): TransferRow {
  const t = nextTransferStatus(row.status as TransferStatus, target.status);
  if (!t.ok) throw badRequest(t.code, t.message);
  let to = target;
  const next: TransferRow = { ...row, updated_on: ctx.clock.now() };
  if (to.status === 'PENDING' && row.status !== 'PENDING') {
    const cost = transferCost(row.amount);
    if (payoutBalance(ctx) < cost) {
      to = describe('REJECTED', 'INSUFFICIENT_BALANCE');
    } else {
      adjustPayoutBalance(ctx, -cost);
      next.debited = cost;
    }
  } else if (to.status === 'FAILED') {
    adjustPayoutBalance(ctx, row.debited);
    next.debited = 0;
  } else if (to.status === 'SUCCESS' && row.status !== 'SUCCESS') {
    next.service_charge = TRANSFER_FEE.serviceCharge;
    next.service_tax = TRANSFER_FEE.serviceTax;
    next.utr = `TESTR${randomDigits(17)}`;
  } else if (to.status === 'REVERSED') {
    adjustPayoutBalance(ctx, row.amount);
    next.debited = row.debited - row.amount;
  }
  Object.assign(next, to);
  ctx.store.payouts.transfers.update(next);
  ctx.scheduler.cancel(TRANSFER_STEP, row.cf_transfer_id);
  const step = nextTransferStep(row.outcome as PayoutOutcome, next as DescribedState);
  if (step) ctx.scheduler.schedule(TRANSFER_STEP, row.cf_transfer_id, next.updated_on + step.afterMs);
  emitTransferEvent(ctx, row, next);
  if (next.status === 'REJECTED' && next.cf_batch_transfer_id !== null)
    emitBatchRejected(ctx, next.cf_batch_transfer_id);
  return next;
}

/**
 * BULK_TRANSFER_REJECTED once the last transfer of a batch is rejected, with Cashfree's sample data
 * `{batch_transfer_id, cf_batch_transfer_id, status: "REJECTED"}`. Cashfree's text ("one or all
 * transfers of a batch rejected") is ambiguous; the sandbox sends it when all are.
 */
function emitBatchRejected(ctx: SandboxContext, cfBatchId: number): void {
  if (ctx.store.payouts.transfers.notRejectedInBatch(cfBatchId) > 0) return;
  const batch = ctx.store.payouts.batches.byId(cfBatchId);
  if (!batch) return;
  appendPayoutsEvent(ctx, 'BULK_TRANSFER_REJECTED', {
    batch_transfer_id: batch.batch_transfer_id,
    cf_batch_transfer_id: String(cfBatchId),
    status: 'REJECTED',
  });
}

/**
 * Appends the Payouts webhook of a change to the sandbox's outbox (`{data, event_time, type}` with
 * the Transfer as `data`, Cashfree's V2 envelope), so webhook delivery and `onEvent` see it.
 */
function emitTransferEvent(ctx: SandboxContext, before: TransferRow, after: TransferRow): void {
  const type = transferEventType(before as DescribedState, after as DescribedState);
  if (type === undefined) return;
  appendPayoutsEvent(ctx, type, transferEntity(after));
}

/** Job: the transfer's next automatic step is due. */
export function stepTransfer(ctx: SandboxContext, cfTransferId: number): void {
  const row = ctx.store.payouts.transfers.byId(cfTransferId);
  if (!row) return;
  const step = nextTransferStep(row.outcome as PayoutOutcome, row as DescribedState);
  if (step) moveTransfer(ctx, row, step.to);
}

/** Admin: approves an APPROVAL_PENDING transfer, which goes to the bank at once. */
export function approveTransfer(ctx: SandboxContext, row: TransferRow): TransferRow {
  if (row.status !== 'APPROVAL_PENDING') {
    throw badRequest(
      'sandbox_request_invalid',
      `[cashfree-sandbox] transfer ${row.transfer_id} is ${row.status}, not APPROVAL_PENDING`,
    );
  }
  return moveTransfer(ctx, row, describe('PENDING', 'PENDING'));
}

/** Admin: rejects an APPROVAL_PENDING transfer (REJECTED, `MANUALLY_REJECTED`). */
export function rejectTransfer(ctx: SandboxContext, row: TransferRow): TransferRow {
  if (row.status !== 'APPROVAL_PENDING') {
    throw badRequest(
      'sandbox_request_invalid',
      `[cashfree-sandbox] transfer ${row.transfer_id} is ${row.status}, not APPROVAL_PENDING`,
    );
  }
  return moveTransfer(ctx, row, describe('REJECTED', 'MANUALLY_REJECTED'));
}

/** How `GET /transfers` names a transfer. */
export type TransferLookup = { transfer_id?: string | undefined; cf_transfer_id?: string | undefined };

/** The transfer `GET /transfers` names, or Cashfree's 404 for the identifier given. */
export function findTransfer(ctx: SandboxContext, lookup: TransferLookup): TransferRow {
  const table = ctx.store.payouts.transfers;
  if (lookup.transfer_id) {
    const row = table.byTransferId(lookup.transfer_id);
    if (!row) throw notFound('transfer_id_not_found', 'transfer_id does not exist');
    return row;
  }
  if (lookup.cf_transfer_id) {
    const id = Number(lookup.cf_transfer_id);
    const row = Number.isSafeInteger(id) ? table.byId(id) : undefined;
    if (!row) throw notFound('cf_transfer_id_not_found', 'cf_transfer_id does not exist');
    return row;
  }
  // Cashfree documents no code for a lookup naming neither id: the sandbox names the usual one.
  throw missing('transfer_id');
}
