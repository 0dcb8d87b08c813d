/** `cashfree subscriptions refunds create|get`: refunds of a subscription's charges. */

import { type CreateSubscriptionRefundRequest, SUBSCRIPTION_REFUND_OPERATIONS } from 'cashfree-kit';
import type { Command } from 'commander';
import { apiCommand } from '../api-command.js';
import type { CliContext } from '../context.js';
import { amountFlag, asRequest, generatedId, readJsonData, setField } from '../input/data.js';
import { CliError } from '../output/exit-codes.js';
import { subscriptionRefundView } from '../output/subscription-views.js';

interface CreateFlags {
  paymentId?: string;
  cfPaymentId?: string;
  amount?: string;
  refundId?: string;
  note?: string;
  speed?: string;
  data?: string;
}

export function registerSubscriptionRefundsCommands(subscriptions: Command, context: CliContext): void {
  const refunds = subscriptions.command('refunds').description("refund a subscription's successful charge");
  const { output } = context;

  apiCommand(refunds, 'create', SUBSCRIPTION_REFUND_OPERATIONS.create)
    .argument('<subscription_id>')
    .option('--payment-id <id>', 'payment_id of the SUCCESS charge to refund')
    .option('--cf-payment-id <id>', "or the charge's cf_payment_id")
    .option('--amount <rupees>', 'refund_amount in rupees, at most what is left of the charge (not paise)')
    .option('--refund-id <id>', 'refund_id: your id for the refund (default: generated)')
    .option('--note <text>', 'refund_note')
    .option('--speed <speed>', 'refund_speed: STANDARD (UPI) or INSTANT (e-NACH, physical NACH)')
    .option(
      '--data <file|->',
      'the JSON body (a file, - for stdin, or inline JSON); flags override its fields',
    )
    .action(async (subscriptionId: string, flags: CreateFlags, command: Command) => {
      const body = await readJsonData(flags.data, context.runtime);
      setField(
        body,
        'refund_id',
        flags.refundId ?? (body['refund_id'] === undefined ? generatedId('refund') : undefined),
      );
      setField(body, 'refund_amount', amountFlag(flags.amount));
      setField(body, 'payment_id', flags.paymentId);
      if (flags.cfPaymentId !== undefined) {
        if (!/^\d+$/.test(flags.cfPaymentId)) {
          throw new CliError(
            `--cf-payment-id is Cashfree's number for the charge; received '${flags.cfPaymentId}'.`,
          );
        }
        body['cf_payment_id'] = Number(flags.cfPaymentId);
      }
      setField(body, 'refund_note', flags.note);
      setField(body, 'refund_speed', flags.speed?.toUpperCase());
      const client = context.client(command);
      const refund = await output.during('Creating refund', () =>
        client.subscriptions.refunds.create(subscriptionId, asRequest<CreateSubscriptionRefundRequest>(body)),
      );
      output.result(refund, () => subscriptionRefundView(refund));
    });

  apiCommand(refunds, 'get', SUBSCRIPTION_REFUND_OPERATIONS.get)
    .argument('<subscription_id>')
    .argument('<refund_id>')
    .action(async (subscriptionId: string, refundId: string, _flags: unknown, command: Command) => {
      const client = context.client(command);
      const refund = await output.during('Fetching refund', () =>
        client.subscriptions.refunds.get(subscriptionId, refundId),
      );
      output.result(refund, () => subscriptionRefundView(refund));
    });
}
