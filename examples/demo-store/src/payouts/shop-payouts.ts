/**
 * "Pay a supplier": the store's Cashfree Payouts client (cashfree-kit's `CashfreePayouts`, from the
 * environment) and what the shop records of each call. A transfer's id is made once per click and
 * is the only idempotency key Payouts has; the SDK never sends it twice blindly (after a timeout it
 * looks the id up first), so a retried click cannot pay the estate twice.
 */
import { isApiError, isValidationError, paiseToRupees } from 'cashfree-kit';
import { type BatchTransferItem, CashfreePayouts, type Transfer } from 'cashfree-kit/payouts';
import type { PayoutsTable, ShopBatch, ShopBeneficiary, ShopTransfer } from '../db/payouts.js';
import { newId } from '../ids.js';
import type { BatchRow, CsvProblem } from './batch-csv.js';
import { SUPPLIER, SUPPLIER_REMARKS } from './supplier.js';

/** The code the checking client's fetch answers with: a request got past every check. */
const CHECKED = 'demo_store_checks_passed';

export class ShopPayouts {
  readonly #client: CashfreePayouts;
  /** The same client whose fetch never sends: the SDK's own checks, without the wire. */
  readonly #checker: CashfreePayouts;

  constructor(
    env: Record<string, string | undefined>,
    private readonly table: PayoutsTable,
    private readonly now: () => number = Date.now,
  ) {
    this.#client = CashfreePayouts.fromEnv(env);
    this.#checker = CashfreePayouts.fromEnv(env, {
      maxRetries: 0,
      fetch: async () =>
        new Response(
          JSON.stringify({ message: 'checked, not sent', code: CHECKED, type: 'invalid_request_error' }),
          {
            status: 400,
            headers: { 'content-type': 'application/json' },
          },
        ),
    });
  }

  /** The Payouts API base every call goes to. */
  get baseUrl(): string {
    return this.#client.baseUrl;
  }

  /** Saves the tea estate as a beneficiary (again: Cashfree's answer for the same details is kept). */
  async addSupplier(): Promise<ShopBeneficiary> {
    const beneficiary = await this.#client.beneficiaries.create(SUPPLIER);
    const saved: ShopBeneficiary = {
      beneficiary_id: beneficiary.beneficiary_id,
      name: beneficiary.beneficiary_name ?? SUPPLIER.beneficiary_name,
      bank_account_number: SUPPLIER.beneficiary_instrument_details.bank_account_number,
      bank_ifsc: SUPPLIER.beneficiary_instrument_details.bank_ifsc,
      status: beneficiary.beneficiary_status ?? 'VERIFIED',
      added_at: this.now(),
    };
    this.table.saveBeneficiary(saved);
    return saved;
  }

  /** Pays the estate `amountPaise`; the transfer is recorded as Cashfree answered it. */
  async paySupplier(amountPaise: number): Promise<ShopTransfer> {
    const transferId = newId('payout');
    const transfer = await this.#client.transfers.create({
      transfer_id: transferId,
      transfer_amount: Number(paiseToRupees(amountPaise)),
      transfer_currency: 'INR',
      transfer_mode: 'banktransfer',
      beneficiary_details: { beneficiary_id: SUPPLIER.beneficiary_id },
      transfer_remarks: SUPPLIER_REMARKS,
    });
    const at = this.now();
    const record = shopTransfer(transfer, SUPPLIER.beneficiary_id, amountPaise, null, at);
    this.table.insertTransfer(record);
    return record;
  }

  /**
   * The SDK's checks of each row (as a one-transfer batch) and then of the whole batch, none of
   * them sent: every problem, named by the line it is on.
   */
  async check(batchId: string, rows: readonly BatchRow[]): Promise<CsvProblem[]> {
    const problems: CsvProblem[] = [];
    for (const row of rows) {
      const problem = await this.#checkBatch(batchId, [{ transfer_id: `${batchId}_check`, ...row.item }]);
      if (problem) problems.push({ line: row.line, message: problem.message });
    }
    if (problems.length > 0) return problems;
    const problem = await this.#checkBatch(batchId, items(batchId, rows));
    if (problem) {
      const line = problem.index === undefined ? rows[0]?.line : rows[problem.index]?.line;
      problems.push({ line: line ?? 1, message: problem.message });
    }
    return problems;
  }

  /** Sends the batch (after {@link check} found nothing) and records it with its transfers. */
  async sendBatch(batchId: string, rows: readonly BatchRow[]): Promise<ShopBatch> {
    const transfers = items(batchId, rows);
    const batch = await this.#client.batchTransfers.create({ batch_transfer_id: batchId, transfers });
    const at = this.now();
    const record: ShopBatch = {
      batch_transfer_id: batch.batch_transfer_id,
      cf_batch_transfer_id: batch.cf_batch_transfer_id ?? null,
      status: batch.status,
      transfer_count: rows.length,
      amount_paise: rows.reduce((sum, row) => sum + row.amountPaise, 0),
      created_at: at,
      updated_at: at,
    };
    this.table.insertBatch(
      record,
      rows.map((row, i) => ({
        transfer_id: transfers[i]?.transfer_id ?? '',
        cf_transfer_id: null,
        batch_transfer_id: batchId,
        beneficiary: row.payee,
        amount_paise: row.amountPaise,
        status: 'RECEIVED',
        status_code: null,
        status_description: null,
        utr: null,
        created_at: at,
        updated_at: at,
      })),
    );
    return record;
  }

  /** Asks Cashfree for the batch and moves the shop's records forward with its answer. */
  async refreshBatch(batchId: string): Promise<void> {
    const batch = await this.#client.batchTransfers.get({ batch_transfer_id: batchId });
    const at = this.now();
    this.table.setBatchStatus(batchId, batch.status, at);
    for (const transfer of batch.transfers ?? []) this.table.advanceTransfer(transfer, at);
  }

  /** Asks Cashfree for one transfer and moves the shop's record forward with its answer. */
  async refreshTransfer(transferId: string): Promise<void> {
    const transfer = await this.#client.transfers.get({ transfer_id: transferId });
    this.table.advanceTransfer(transfer, this.now());
  }

  /** The SDK's verdict on a batch: `undefined` when it would be sent, else the first problem. */
  async #checkBatch(
    batchId: string,
    transfers: BatchTransferItem[],
  ): Promise<{ index: number | undefined; message: string } | undefined> {
    try {
      await this.#checker.batchTransfers.create({ batch_transfer_id: batchId, transfers });
    } catch (error) {
      if (isApiError(error) && error.code === CHECKED) return undefined;
      if (!isValidationError(error)) throw error;
      // `transfers[3].transfer_amount: …` names the row; the line says it better on the page.
      const index = /^transfers\[(\d+)\]/.exec(error.field)?.[1];
      return {
        index: index === undefined ? undefined : Number(index),
        message: error.message.replace(/transfers\[\d+\]\./g, ''),
      };
    }
    throw new Error('the checking client has no wire; it cannot have sent the batch');
  }
}

/** The batch's items, each with its id: the batch id and the row's number. */
function items(batchId: string, rows: readonly BatchRow[]): BatchTransferItem[] {
  return rows.map((row, i) => ({ transfer_id: `${batchId}_${i + 1}`, ...row.item }));
}

function shopTransfer(
  transfer: Transfer,
  beneficiary: string,
  amountPaise: number,
  batchId: string | null,
  at: number,
): ShopTransfer {
  return {
    transfer_id: transfer.transfer_id,
    cf_transfer_id: transfer.cf_transfer_id ?? null,
    batch_transfer_id: batchId,
    beneficiary,
    amount_paise: amountPaise,
    status: transfer.status,
    status_code: transfer.status_code ?? null,
    status_description: transfer.status_description ?? null,
    utr: transfer.transfer_utr ?? null,
    created_at: at,
    updated_at: at,
  };
}
