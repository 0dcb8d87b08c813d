/** `cashfree links create|get|cancel|orders`. */

import { type CreateLinkRequest, OPERATIONS, validateCreateLinkRequest } from 'cashfree-kit';
import type { Command } from 'commander';
import { apiCommand } from '../api-command.js';
import type { CliContext } from '../context.js';
import { amountFlag, asRequest, generatedId, readJsonData, setField } from '../input/data.js';
import { CliError } from '../output/exit-codes.js';
import { linkOrdersTable, linkView } from '../output/views.js';

interface CreateFlags {
  amount?: string;
  purpose?: string;
  phone?: string;
  linkId?: string;
  email?: string;
  name?: string;
  currency?: string;
  expiry?: string;
  notifyUrl?: string;
  returnUrl?: string;
  partial?: boolean;
  minPartial?: string;
  data?: string;
}

export function registerLinksCommands(program: Command, context: CliContext): void {
  const links = program.command('links').description('payment links you can share by SMS or email');
  const { output } = context;

  apiCommand(links, 'create', OPERATIONS.links.create)
    .option('--amount <rupees>', 'link_amount in rupees, e.g. 999 (not paise)')
    .option('--purpose <text>', 'link_purpose, shown to the customer')
    .option('--phone <digits>', 'customer_details.customer_phone: 10 digits, no +91')
    .option('--link-id <id>', 'link_id: up to 50 letters, digits, _ or - (default: generated)')
    .option('--email <email>', 'customer_details.customer_email')
    .option('--name <name>', 'customer_details.customer_name')
    .option('--currency <code>', 'link_currency (default INR)')
    .option('--expiry <time>', 'link_expiry_time (default: 30 days)')
    .option('--notify-url <url>', 'link_meta.notify_url')
    .option('--return-url <url>', 'link_meta.return_url')
    .option('--partial', 'allow partial payments (link_partial_payments)')
    .option('--min-partial <rupees>', 'link_minimum_partial_amount')
    .option(
      '--data <file|->',
      'the JSON body (a file, - for stdin, or inline JSON); flags override its fields',
    )
    .action(async (flags: CreateFlags, command: Command) => {
      const body = await readJsonData(flags.data, context.runtime);
      setField(
        body,
        'link_id',
        flags.linkId ?? (body['link_id'] === undefined ? generatedId('link') : undefined),
      );
      setField(body, 'link_amount', amountFlag(flags.amount));
      setField(
        body,
        'link_currency',
        flags.currency ?? (body['link_currency'] === undefined ? 'INR' : undefined),
      );
      setField(body, 'link_purpose', flags.purpose);
      setField(body, 'customer_details.customer_phone', flags.phone);
      setField(body, 'customer_details.customer_email', flags.email);
      setField(body, 'customer_details.customer_name', flags.name);
      setField(body, 'link_expiry_time', flags.expiry);
      setField(body, 'link_meta.notify_url', flags.notifyUrl);
      setField(body, 'link_meta.return_url', flags.returnUrl);
      setField(body, 'link_partial_payments', flags.partial);
      setField(body, 'link_minimum_partial_amount', amountFlag(flags.minPartial));
      const request = asRequest<CreateLinkRequest>(body, validateCreateLinkRequest);
      const client = context.client(command);
      const link = await output.during('Creating payment link', () => client.links.create(request));
      output.result(link, () => linkView(link));
    });

  apiCommand(links, 'get', OPERATIONS.links.get)
    .argument('<link_id>')
    .action(async (linkId: string, _flags: unknown, command: Command) => {
      const client = context.client(command);
      const link = await output.during('Fetching payment link', () => client.links.get(linkId));
      output.result(link, () => linkView(link));
    });

  apiCommand(links, 'cancel', OPERATIONS.links.cancel)
    .argument('<link_id>')
    .action(async (linkId: string, _flags: unknown, command: Command) => {
      const client = context.client(command);
      const link = await output.during('Cancelling payment link', () => client.links.cancel(linkId));
      output.result(link, () => linkView(link));
    });

  apiCommand(links, 'orders', OPERATIONS.links.orders)
    .argument('<link_id>')
    .option('--status <status>', 'PAID (default) or ALL')
    .action(async (linkId: string, flags: { status?: string }, command: Command) => {
      const status = flags.status?.toUpperCase();
      if (status !== undefined && status !== 'PAID' && status !== 'ALL') {
        throw new CliError(`--status must be PAID or ALL; received '${flags.status}'.`);
      }
      const client = context.client(command);
      const orders = await output.during('Fetching link orders', () =>
        client.links.orders(linkId, status ? { status } : {}),
      );
      output.result(orders, () => linkOrdersTable(orders));
    });
}
