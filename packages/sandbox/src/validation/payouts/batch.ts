import { bodyReader, missing } from '../fields.js';
import { fieldError } from './rules.js';
import { type NewTransfer, parseTransfer } from './transfer.js';

/**
 * How many transfers one batch may hold on the sandbox: Cashfree's default for an account in test
 * mode (production allows 5,000, which the SDK checks).
 */
export const SANDBOX_BATCH_LIMIT = 1000;

/** A checked `POST /transfers/batch` body. */
export interface NewBatch {
  batch_transfer_id: string;
  transfers: NewTransfer[];
}

const BATCH_ID = /^[A-Za-z0-9_]{1,60}$/;

/**
 * Checks `POST /transfers/batch`: the batch id, the number of transfers, then each transfer with
 * its index in the code (`transfers[0].transfer_amount_invalid`). A `transfer_id` repeated inside
 * the batch is refused at its second place (Cashfree's behaviour is undocumented: a choice).
 */
export function parseCreateBatch(body: unknown): NewBatch {
  const r = bodyReader(body);
  const id = r.raw('batch_transfer_id');
  if (id === undefined || id === '') throw missing('batch_transfer_id');
  if (typeof id !== 'string' || !BATCH_ID.test(id)) {
    throw fieldError(
      'batch_transfer_id',
      'invalid',
      'should be alphanumeric (letters, digits and _), at most 60 characters',
      id,
    );
  }
  const items = r.raw('transfers');
  if (items === undefined) throw missing('transfers');
  if (!Array.isArray(items) || items.length === 0) {
    throw fieldError('transfers', 'invalid', 'should be a list of at least one transfer', items);
  }
  if (items.length > SANDBOX_BATCH_LIMIT) {
    throw fieldError(
      'transfers',
      'invalid',
      `should have at most ${SANDBOX_BATCH_LIMIT} transfers on a test account`,
      `${items.length} transfers`,
    );
  }
  const seen = new Map<string, number>();
  const transfers = items.map((item, i) => {
    const transfer = parseTransfer(item, `transfers[${i}].`, { tokenAllowed: false });
    const first = seen.get(transfer.transfer_id);
    if (first !== undefined) {
      throw fieldError(
        `transfers[${i}].transfer_id`,
        'invalid',
        `is already used by transfers[${first}] of this batch`,
        transfer.transfer_id,
      );
    }
    seen.set(transfer.transfer_id, i);
    return transfer;
  });
  return { batch_transfer_id: id, transfers };
}
