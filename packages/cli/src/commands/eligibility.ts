/** `cashfree eligibility payment-methods`. */

import { type EligibilityFetchPaymentMethodsRequest, OPERATIONS } from 'cashfree-kit';
import type { Command } from 'commander';
import { apiCommand } from '../api-command.js';
import type { CliContext } from '../context.js';
import { amountFlag, asRequest, readJsonData, setField } from '../input/data.js';
import { eligibilityTable } from '../output/views.js';

interface PaymentMethodsFlags {
  amount?: string;
  orderId?: string;
  methods?: string;
  data?: string;
}

export function registerEligibilityCommands(program: Command, context: CliContext): void {
  const eligibility = program
    .command('eligibility')
    .description('check which payment methods an amount or order can be paid with');
  const { output } = context;

  apiCommand(eligibility, 'payment-methods', OPERATIONS.eligibility.paymentMethods)
    .option('--amount <rupees>', 'queries.amount in rupees, e.g. 499 (not paise)')
    .option('--order-id <id>', 'queries.order_id: answer for this order instead of an amount')
    .option('--methods <types>', 'filters.payment_methods, comma-separated, e.g. upi,netbanking,credit_card')
    .option(
      '--data <file|->',
      'the JSON body (a file, - for stdin, or inline JSON); flags override its fields',
    )
    .action(async (flags: PaymentMethodsFlags, command: Command) => {
      const body = await readJsonData(flags.data, context.runtime);
      setField(body, 'queries.amount', amountFlag(flags.amount));
      setField(body, 'queries.order_id', flags.orderId);
      setField(
        body,
        'filters.payment_methods',
        flags.methods
          ?.split(',')
          .map((type) => type.trim())
          .filter((type) => type !== ''),
      );
      const client = context.client(command);
      const methods = await output.during('Checking payment methods', () =>
        client.eligibility.paymentMethods(asRequest<EligibilityFetchPaymentMethodsRequest>(body)),
      );
      output.result(methods, () => eligibilityTable(methods));
    });
}
