import type { RequestOptions } from '../core/options.js';
import { BATCH_TRANSFER_OPERATIONS as operations } from '../operations/payouts.js';
import { PAYOUT_QUERY_CHECKS } from '../operations/payouts-checks.js';
import { checkRequest } from '../validation/request.js';
import { batchDifferences } from './differences.js';
import { createOnce } from './once.js';
import { checkLookup, PayoutsResource } from './resource.js';
import { lookupOptions } from './transfers.js';
import type { BatchTransfer, BatchTransferLookup, CreateBatchTransferRequest } from './types.js';

/**
 * Batch transfers: many payments in one request, each with its own `transfer_id`.
 *
 * @example
 * await payouts.batchTransfers.create({
 *   batch_transfer_id: 'salaries_2026_12',
 *   transfers: [{ transfer_id: 'salary_001', transfer_amount: 15000, beneficiary_details: { beneficiary_id: 'emp_001' } }],
 * });
 */
export class BatchTransfers extends PayoutsResource {
  /**
   * `POST /transfers/batch`, at most once per `batch_transfer_id`, as `transfers.create` is per
   * `transfer_id`: checked first (every transfer, errors naming `transfers[i].field`); after an
   * ambiguous failure it is looked up and sent again only when Cashfree answers that it does not
   * exist; a 409 resolves to the existing batch when its transfers are this request's.
   *
   * @example
   * const { status, cf_batch_transfer_id } = await payouts.batchTransfers.create({
   *   batch_transfer_id: 'salaries_2026_12',
   *   transfers: [{ transfer_id: 'salary_001', transfer_amount: 15000, beneficiary_details: { beneficiary_id: 'emp_001' } }],
   * });
   */
  async create(body: CreateBatchTransferRequest, options?: RequestOptions): Promise<BatchTransfer> {
    checkRequest(operations.create, body);
    return createOnce<BatchTransfer>({
      idField: 'batch_transfer_id',
      id: body.batch_transfer_id,
      send: () => this.call<BatchTransfer>(operations.create, { body }, { ...options, maxRetries: 0 }),
      lookup: () =>
        this.find<BatchTransfer>(
          operations.get,
          { batch_transfer_id: body.batch_transfer_id },
          'batch_transfer_id_not_found',
          lookupOptions(options),
        ),
      differences: (existing) => batchDifferences(body, existing),
      maxRetries: options?.maxRetries ?? this.context.maxRetries,
      wait: (attempt, failure) => this.waitToResend(attempt, failure, options?.signal),
    });
  }

  /**
   * `GET /transfers/batch`: a batch by `batch_transfer_id` or `cf_batch_transfer_id`; its transfers
   * are final once `status` is `PROCESSED`.
   *
   * @example
   * const { status, transfers } = await payouts.batchTransfers.get({ batch_transfer_id: 'salaries_2026_12' });
   */
  async get(lookup: BatchTransferLookup, options?: RequestOptions): Promise<BatchTransfer> {
    const query = checkLookup(
      'lookup',
      lookup,
      [['batch_transfer_id'], ['cf_batch_transfer_id']],
      PAYOUT_QUERY_CHECKS,
    );
    return this.call<BatchTransfer>(operations.get, { query }, options);
  }
}
