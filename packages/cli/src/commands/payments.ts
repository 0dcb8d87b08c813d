/** `cashfree payments list|get`. */
import { OPERATIONS } from 'cashfree-kit';
import type { Command } from 'commander';
import { apiCommand } from '../api-command.js';
import type { CliContext } from '../context.js';
import { paymentsTable, paymentView } from '../output/views.js';

export function registerPaymentsCommands(program: Command, context: CliContext): void {
  const payments = program.command('payments').description('the payment attempts of an order');
  const { output } = context;

  apiCommand(payments, 'list', OPERATIONS.payments.list)
    .argument('<order_id>')
    .action(async (orderId: string, _flags: unknown, command: Command) => {
      const client = context.client(command);
      const list = await output.during('Fetching payments', () => client.payments.list(orderId));
      output.result(list, () => paymentsTable(list));
    });

  apiCommand(payments, 'get', OPERATIONS.payments.get)
    .argument('<order_id>')
    .argument('<cf_payment_id>')
    .action(async (orderId: string, cfPaymentId: string, _flags: unknown, command: Command) => {
      const client = context.client(command);
      const payment = await output.during('Fetching payment', () =>
        client.payments.get(orderId, cfPaymentId),
      );
      output.result(payment, () => paymentView(payment));
    });
}
