/** `cashfree subscriptions payments list|get|manage`: a subscription's authorisation and charges. */

import {
  type ManageSubscriptionPaymentRequest,
  SUBSCRIPTION_PAYMENT_ACTIONS,
  SUBSCRIPTION_PAYMENT_OPERATIONS,
} from 'cashfree-kit';
import type { Command } from 'commander';
import { apiCommand } from '../api-command.js';
import type { CliContext } from '../context.js';
import { asRequest, readJsonData, setField } from '../input/data.js';
import { subscriptionPaymentsTable, subscriptionPaymentView } from '../output/subscription-views.js';
import { actionArgument } from './subscriptions-flags.js';

export function registerSubscriptionPaymentsCommands(subscriptions: Command, context: CliContext): void {
  const payments = subscriptions
    .command('payments')
    .description("a subscription's authorisation (AUTH) and charges (CHARGE): list, fetch, cancel or retry");
  const { output } = context;
  const operations = SUBSCRIPTION_PAYMENT_OPERATIONS;

  apiCommand(payments, 'list', operations.list)
    .argument('<subscription_id>')
    .action(async (subscriptionId: string, _flags: unknown, command: Command) => {
      const client = context.client(command);
      const list = await output.during('Fetching payments', () =>
        client.subscriptions.payments.list(subscriptionId),
      );
      output.result(list, () => subscriptionPaymentsTable(list));
    });

  apiCommand(payments, 'get', operations.get)
    .argument('<subscription_id>')
    .argument('<payment_id>')
    .action(async (subscriptionId: string, paymentId: string, _flags: unknown, command: Command) => {
      const client = context.client(command);
      const payment = await output.during('Fetching payment', () =>
        client.subscriptions.payments.get(subscriptionId, paymentId),
      );
      output.result(payment, () => subscriptionPaymentView(payment));
    });

  apiCommand(payments, 'manage', operations.manage)
    .argument('<subscription_id>')
    .argument('<payment_id>')
    .argument('[action]', `${SUBSCRIPTION_PAYMENT_ACTIONS.join(' or ')} (any case; or action in --data)`)
    .option(
      '--next-scheduled-time <iso8601>',
      'action_details.next_scheduled_time: when to try a FAILED charge again (required for RETRY)',
    )
    .option(
      '--data <file|->',
      'the JSON body (a file, - for stdin, or inline JSON); flags override its fields',
    )
    .action(
      async (
        subscriptionId: string,
        paymentId: string,
        action: string | undefined,
        flags: { nextScheduledTime?: string; data?: string },
        command: Command,
      ) => {
        const body = await readJsonData(flags.data, context.runtime);
        setField(body, 'action', action === undefined ? undefined : actionArgument(action));
        setField(body, 'action_details.next_scheduled_time', flags.nextScheduledTime);
        const client = context.client(command);
        const payment = await output.during(`Sending ${String(body['action'])}`, () =>
          client.subscriptions.payments.manage(
            subscriptionId,
            paymentId,
            asRequest<ManageSubscriptionPaymentRequest>(body),
          ),
        );
        output.result(payment, () => subscriptionPaymentView(payment));
      },
    );
}
