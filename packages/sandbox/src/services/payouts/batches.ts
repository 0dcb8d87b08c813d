import type { SandboxContext } from '../../context.js';
import { transferEntity } from '../../entities/payouts.js';
import { conflict, notFound } from '../../http/errors.js';
import { batchStatus, type TransferStatus } from '../../state/transfer-machine.js';
import type { BatchRow } from '../../store/payouts/batches.js';
import { missing } from '../../validation/fields.js';
import type { NewBatch } from '../../validation/payouts/batch.js';
import { createTransfer } from './transfers.js';

/**
 * `POST /transfers/batch`: every transfer is created as a single one would be, in one transaction,
 * so a refused item (an id already used, an unknown beneficiary) leaves nothing behind. A
 * `batch_transfer_id` already used is Cashfree's 409. Call inside a transaction.
 */
export function createBatch(ctx: SandboxContext, input: NewBatch): BatchRow {
  if (ctx.store.payouts.batches.byBatchId(input.batch_transfer_id)) {
    throw conflict(
      'batch_transfer_id_already_exists',
      'batch_transfer_id already exists. please pass unique id in each request',
    );
  }
  const row: BatchRow = {
    cf_batch_transfer_id: ctx.store.ids.batchTransfer.next(),
    batch_transfer_id: input.batch_transfer_id,
    added_on: ctx.clock.now(),
  };
  ctx.store.payouts.batches.insert(row);
  input.transfers.forEach((transfer, index) => {
    createTransfer(ctx, transfer, { cfBatchId: row.cf_batch_transfer_id, index });
  });
  return row;
}

/** The answer to a batch create. */
export function batchCreatedEntity(row: BatchRow) {
  return {
    batch_transfer_id: row.batch_transfer_id,
    cf_batch_transfer_id: String(row.cf_batch_transfer_id),
    status: 'RECEIVED',
  };
}

/** The batch with its status (from its transfers) and each transfer. */
export function batchEntity(ctx: SandboxContext, row: BatchRow) {
  const transfers = ctx.store.payouts.transfers.byBatch(row.cf_batch_transfer_id);
  return {
    batch_transfer_id: row.batch_transfer_id,
    cf_batch_transfer_id: String(row.cf_batch_transfer_id),
    status: batchStatus(transfers.map((t) => t.status as TransferStatus)),
    transfers: transfers.map(transferEntity),
  };
}

/** The batch `GET /transfers/batch` names, or Cashfree's 404 (its code for an unknown cf id has no `_not_found`). */
export function findBatch(
  ctx: SandboxContext,
  lookup: { batch_transfer_id?: string | undefined; cf_batch_transfer_id?: string | undefined },
): BatchRow {
  const table = ctx.store.payouts.batches;
  if (!lookup.batch_transfer_id && !lookup.cf_batch_transfer_id) throw missing('batch_transfer_id');
  if (lookup.batch_transfer_id) {
    const row = table.byBatchId(lookup.batch_transfer_id);
    if (!row) throw notFound('batch_transfer_id_not_found', 'batch_transfer_id does not exist');
    return row;
  }
  const id = Number(lookup.cf_batch_transfer_id);
  const row = lookup.cf_batch_transfer_id && Number.isSafeInteger(id) ? table.byId(id) : undefined;
  if (!row) throw notFound('cf_batch_transfer_id', 'cf_batch_transfer_id does not exist');
  return row;
}
