/** `cashfree payments list|get`. */
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { paymentsTable, paymentView } from '../output/views.js';

type Entity = Record<string, unknown>;

export function registerPaymentsCommands(program: Command, context: CliContext): void {
  const payments = program.command('payments').description('the payment attempts of an order');
  const { output } = context;

  payments
    .command('list')
    .description("an order's payment attempts (GET /orders/{order_id}/payments)")
    .argument('<order_id>')
    .action(async (orderId: string, _flags: unknown, command: Command) => {
      const client = context.client(command);
      const list = await output.during('Fetching payments', () => client.payments.list(orderId));
      output.result(list, () => paymentsTable(list as unknown as Entity[]));
    });

  payments
    .command('get')
    .description('one payment (GET /orders/{order_id}/payments/{cf_payment_id})')
    .argument('<order_id>')
    .argument('<cf_payment_id>')
    .action(async (orderId: string, cfPaymentId: string, _flags: unknown, command: Command) => {
      const client = context.client(command);
      const payment = await output.during('Fetching payment', () =>
        client.payments.get(orderId, cfPaymentId),
      );
      output.result(payment, () => paymentView(payment as unknown as Entity));
    });
}
