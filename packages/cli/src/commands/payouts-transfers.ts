/** `cashfree payouts transfers create|get|validate`. */

import { PAYOUT_OPERATIONS } from 'cashfree-kit';
import {
  type CreateTransferRequest,
  type TransferLookup,
  type ValidatePayoutRequest,
  validateCreateTransferRequest,
} from 'cashfree-kit/payouts';
import type { Command } from 'commander';
import { apiCommand } from '../api-command.js';
import type { CliContext } from '../context.js';
import { amountFlag, asRequest, readJsonData, setField } from '../input/data.js';
import { CliError } from '../output/exit-codes.js';
import { formatKeyValues } from '../output/format.js';
import { createPayoutsClient } from '../payouts/client.js';
import { transferView } from '../payouts/views.js';

interface CreateFlags {
  transferId?: string;
  amount?: string;
  beneficiaryId?: string;
  name?: string;
  account?: string;
  ifsc?: string;
  vpa?: string;
  mode?: string;
  remarks?: string;
  token?: string;
  data?: string;
}

const BENEFICIARY = 'beneficiary_details';
const INSTRUMENT = `${BENEFICIARY}.beneficiary_instrument_details`;

/** The transfer body from `--data` and the flags (flags win). */
export async function createTransferBody(
  flags: CreateFlags,
  context: CliContext,
): Promise<Record<string, unknown>> {
  const body = await readJsonData(flags.data, context.runtime);
  setField(body, 'transfer_id', flags.transferId);
  setField(body, 'transfer_amount', amountFlag(flags.amount));
  setField(body, 'transfer_mode', flags.mode?.toLowerCase());
  setField(body, 'transfer_remarks', flags.remarks);
  setField(body, 'transfer_token', flags.token);
  setField(body, `${BENEFICIARY}.beneficiary_id`, flags.beneficiaryId);
  setField(body, `${BENEFICIARY}.beneficiary_name`, flags.name);
  setField(body, `${INSTRUMENT}.bank_account_number`, flags.account);
  setField(body, `${INSTRUMENT}.bank_ifsc`, flags.ifsc?.toUpperCase());
  setField(body, `${INSTRUMENT}.vpa`, flags.vpa);
  // A transfer to a VPA, or spending a validation token, is a UPI transfer unless --mode says otherwise.
  if ((flags.vpa !== undefined || flags.token !== undefined) && body['transfer_mode'] === undefined)
    body['transfer_mode'] = 'upi';
  return body;
}

/** `<transfer_id>` or `--cf-transfer-id`, not both. */
function transferLookup(id: string | undefined, cfId: string | undefined): TransferLookup {
  if (id !== undefined && cfId !== undefined) {
    throw new CliError('Give the transfer_id or --cf-transfer-id, not both.');
  }
  if (id !== undefined) return { transfer_id: id };
  if (cfId !== undefined) return { cf_transfer_id: cfId };
  throw new CliError(
    'Say which transfer: its transfer_id (cashfree payouts transfers get payout_0001) or --cf-transfer-id 123456.',
  );
}

export function registerPayoutsTransfersCommands(payouts: Command, context: CliContext): void {
  const transfers = payouts.command('transfers').description('pay a beneficiary and follow the transfer');
  const { output } = context;
  const operations = PAYOUT_OPERATIONS.transfers;

  apiCommand(transfers, 'create', operations.create)
    .option(
      '--transfer-id <id>',
      'transfer_id: up to 40 letters, digits and _; your idempotency key, so reuse it to retry, never to pay again',
    )
    .option('--amount <rupees>', 'transfer_amount in rupees, at least 1.00, e.g. 1 or 250.50 (not paise)')
    .option('--beneficiary-id <id>', 'beneficiary_details.beneficiary_id of a saved beneficiary')
    .option('--name <name>', 'beneficiary_details.beneficiary_name, to pay an unsaved beneficiary')
    .option(
      '--account <number>',
      'beneficiary_instrument_details.bank_account_number (with --ifsc and --name)',
    )
    .option('--ifsc <ifsc>', 'beneficiary_instrument_details.bank_ifsc, e.g. YESB0000262')
    .option('--vpa <vpa>', 'beneficiary_instrument_details.vpa; makes the mode upi')
    .option('--mode <mode>', 'transfer_mode, e.g. banktransfer (default), imps, neft, upi')
    .option('--remarks <text>', 'transfer_remarks: up to 70 letters, digits and spaces')
    .option(
      '--token <token>',
      'transfer_token from payouts transfers validate (a upi transfer, same transfer_id)',
    )
    .option(
      '--data <file|->',
      'the JSON body (a file, - for stdin, or inline JSON); flags override its fields',
    )
    .action(async (flags: CreateFlags, command: Command) => {
      const body = await createTransferBody(flags, context);
      const request = asRequest<CreateTransferRequest>(body, validateCreateTransferRequest);
      const client = createPayoutsClient(context.config(command), context.runtime.env);
      const transfer = await output.during('Sending transfer', () => client.transfers.create(request));
      output.result(transfer, () => transferView(transfer));
    });

  apiCommand(transfers, 'get', operations.get)
    .argument('[transfer_id]')
    .option('--cf-transfer-id <id>', "look it up by Cashfree's cf_transfer_id instead")
    .action(async (id: string | undefined, flags: { cfTransferId?: string }, command: Command) => {
      const lookup = transferLookup(id, flags.cfTransferId);
      const client = createPayoutsClient(context.config(command), context.runtime.env);
      const transfer = await output.during('Fetching transfer', () => client.transfers.get(lookup));
      output.result(transfer, () => transferView(transfer));
    });

  apiCommand(transfers, 'validate', operations.validate)
    .option('--transfer-id <id>', 'transfer_id the token is for; the upi transfer must use the same one')
    .option('--vpa <vpa>', 'the UPI VPA to check, e.g. success@upi')
    .option('--phone <digits>', 'or the phone number whose UPI id to check')
    .action(async (flags: { transferId?: string; vpa?: string; phone?: string }, command: Command) => {
      const body: Record<string, unknown> = {};
      setField(body, 'transfer_id', flags.transferId);
      setField(body, 'vpa', flags.vpa);
      setField(body, 'phone', flags.phone);
      if ((flags.vpa === undefined) === (flags.phone === undefined)) {
        throw new CliError('Pass exactly one of --vpa (e.g. success@upi) and --phone (e.g. 9876543210).');
      }
      const client = createPayoutsClient(context.config(command), context.runtime.env);
      const answer = await output.during('Validating', () =>
        client.transfers.validate(body as unknown as ValidatePayoutRequest),
      );
      output.result(answer, () =>
        formatKeyValues([
          ['account_status', answer.account_status],
          ['name_at_bank', answer.name_at_bank],
          ['vpa', answer.vpa],
          ['phone', answer.phone],
          ['transfer_token', answer.transfer_token],
          [
            'next',
            answer.transfer_token
              ? `cashfree payouts transfers create --transfer-id ${String(body['transfer_id'])} --mode upi --token ${answer.transfer_token} --amount …`
              : undefined,
          ],
        ]),
      );
    });
}
