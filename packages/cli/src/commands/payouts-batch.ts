/** `cashfree payouts batch create|get`: many transfers in one request, from a CSV file or JSON. */

import { readFile } from 'node:fs/promises';
import { PAYOUT_OPERATIONS } from 'cashfree-kit';
import {
  type BatchTransferLookup,
  type CreateBatchTransferRequest,
  validateCreateBatchTransferRequest,
} from 'cashfree-kit/payouts';
import type { Command } from 'commander';
import { apiCommand } from '../api-command.js';
import type { CliContext } from '../context.js';
import { asRequest, readJsonData, setField } from '../input/data.js';
import { CliError, EXIT, ExitWith } from '../output/exit-codes.js';
import { createPayoutsClient } from '../payouts/client.js';
import { type CsvProblem, readTransfersCsv } from '../payouts/csv.js';
import { batchView } from '../payouts/views.js';

interface CreateFlags {
  batchId?: string;
  csv?: string;
  data?: string;
}

/** `<batch_transfer_id>` or `--cf-batch-transfer-id`, not both. */
function batchLookup(id: string | undefined, cfId: string | undefined): BatchTransferLookup {
  if (id !== undefined && cfId !== undefined) {
    throw new CliError('Give the batch_transfer_id or --cf-batch-transfer-id, not both.');
  }
  if (id !== undefined) return { batch_transfer_id: id };
  if (cfId !== undefined) return { cf_batch_transfer_id: cfId };
  throw new CliError(
    'Say which batch: its batch_transfer_id (cashfree payouts batch get batch_2026_12_01) or --cf-batch-transfer-id.',
  );
}

async function readCsvFile(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new CliError(
      `--csv: cannot read '${path}'${code ? ` (${code})` : ''}. Pass the path of a CSV file whose first line names the columns, e.g. transfer_id,amount,beneficiary_id.`,
    );
  }
}

export function registerPayoutsBatchCommands(payouts: Command, context: CliContext): void {
  const batch = payouts.command('batch').description('pay many beneficiaries in one request');
  const { output } = context;
  const operations = PAYOUT_OPERATIONS.batchTransfers;

  /** Prints every problem of the file, says nothing was sent, and ends the run with exit code 2. */
  function refuse(file: string, problems: readonly CsvProblem[]): never {
    const rows = new Set(problems.filter((p) => p.line > 1).map((p) => p.line)).size;
    const message =
      `${file}: ${problems.length} problem${problems.length === 1 ? '' : 's'}` +
      (rows > 0 ? ` on ${rows} row${rows === 1 ? '' : 's'}` : '') +
      '; nothing was sent. Fix them and run the command again.';
    for (const problem of problems) {
      output.note(`cashfree: ${file} line ${problem.line}, ${problem.field}: ${problem.message}`);
    }
    output.note(`cashfree: ${message}`);
    if (output.json) {
      output.result(
        { error: { name: 'CsvError', message, exit_code: EXIT.usage, file, problems } },
        () => '',
      );
    }
    throw new ExitWith(EXIT.usage);
  }

  apiCommand(batch, 'create', operations.create)
    .option(
      '--batch-id <id>',
      'batch_transfer_id: up to 60 letters, digits and _; the batch’s idempotency key',
    )
    .option(
      '--csv <file>',
      'the transfers, one per row under a header: transfer_id, amount, and beneficiary_id or bank_account_number, bank_ifsc and name; optional mode, remarks, vpa, email, phone',
    )
    .option('--data <file|->', 'the JSON body instead (a file, - for stdin, or inline JSON)')
    .action(async (flags: CreateFlags, command: Command) => {
      if (flags.csv !== undefined && flags.data !== undefined) {
        throw new CliError('Give the transfers with --csv or --data, not both.');
      }
      let body: Record<string, unknown>;
      if (flags.csv !== undefined) {
        const { transfers, problems } = readTransfersCsv(await readCsvFile(flags.csv));
        if (problems.length > 0) refuse(flags.csv, problems);
        body = { transfers };
      } else if (flags.data !== undefined) {
        body = await readJsonData(flags.data, context.runtime);
      } else {
        throw new CliError(
          'Give the transfers: --csv transfers.csv (one transfer per row) or --data batch.json.',
        );
      }
      setField(body, 'batch_transfer_id', flags.batchId);
      const request = asRequest<CreateBatchTransferRequest>(body, validateCreateBatchTransferRequest);
      const client = createPayoutsClient(context.config(command), context.runtime.env);
      const created = await output.during(`Sending ${request.transfers.length} transfers`, () =>
        client.batchTransfers.create(request),
      );
      output.result(created, () => batchView(created));
    });

  apiCommand(batch, 'get', operations.get)
    .argument('[batch_transfer_id]')
    .option('--cf-batch-transfer-id <id>', "look it up by Cashfree's cf_batch_transfer_id instead")
    .action(async (id: string | undefined, flags: { cfBatchTransferId?: string }, command: Command) => {
      const lookup = batchLookup(id, flags.cfBatchTransferId);
      const client = createPayoutsClient(context.config(command), context.runtime.env);
      const found = await output.during('Fetching batch', () => client.batchTransfers.get(lookup));
      output.result(found, () => batchView(found));
    });
}
