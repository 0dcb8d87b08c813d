/** `cashfree refunds create|get|list`. */

import { type CreateRefundRequest, OPERATIONS, validateCreateRefundRequest } from 'cashfree-kit';
import type { Command } from 'commander';
import { apiCommand } from '../api-command.js';
import type { CliContext } from '../context.js';
import { amountFlag, asRequest, generatedId, readJsonData, setField } from '../input/data.js';
import { refundsTable, refundView } from '../output/views.js';

interface CreateFlags {
  amount?: string;
  refundId?: string;
  note?: string;
  speed?: string;
  data?: string;
}

export function registerRefundsCommands(program: Command, context: CliContext): void {
  const refunds = program.command('refunds').description('refund paid orders');
  const { output } = context;

  apiCommand(refunds, 'create', OPERATIONS.refunds.create)
    .argument('<order_id>')
    .option('--amount <rupees>', 'refund_amount in rupees, at most what is left to refund')
    .option('--refund-id <id>', 'refund_id: 3-40 letters, digits, _ or - (default: generated)')
    .option('--note <text>', 'refund_note')
    .option('--speed <speed>', 'refund_speed: STANDARD or INSTANT')
    .option(
      '--data <file|->',
      'the JSON body (a file, - for stdin, or inline JSON); flags override its fields',
    )
    .action(async (orderId: string, flags: CreateFlags, command: Command) => {
      const body = await readJsonData(flags.data, context.runtime);
      setField(body, 'refund_amount', amountFlag(flags.amount));
      setField(
        body,
        'refund_id',
        flags.refundId ?? (body['refund_id'] === undefined ? generatedId('refund') : undefined),
      );
      setField(body, 'refund_note', flags.note);
      setField(body, 'refund_speed', flags.speed?.toUpperCase());
      const request = asRequest<CreateRefundRequest>(body, validateCreateRefundRequest);
      const client = context.client(command);
      const refund = await output.during('Creating refund', () => client.refunds.create(orderId, request));
      output.result(refund, () => refundView(refund));
    });

  apiCommand(refunds, 'get', OPERATIONS.refunds.get)
    .argument('<order_id>')
    .argument('<refund_id>')
    .action(async (orderId: string, refundId: string, _flags: unknown, command: Command) => {
      const client = context.client(command);
      const refund = await output.during('Fetching refund', () => client.refunds.get(orderId, refundId));
      output.result(refund, () => refundView(refund));
    });

  apiCommand(refunds, 'list', OPERATIONS.refunds.list)
    .argument('<order_id>')
    .action(async (orderId: string, _flags: unknown, command: Command) => {
      const client = context.client(command);
      const list = await output.during('Fetching refunds', () => client.refunds.list(orderId));
      output.result(list, () => refundsTable(list));
    });
}
