/** `cashfree orders create|get|terminate|update-extended`. */

import {
  type CreateOrderRequest,
  OPERATIONS,
  type UpdateOrderExtendedRequest,
  validateCreateOrderRequest,
} from 'cashfree-kit';
import type { Command } from 'commander';
import { apiCommand } from '../api-command.js';
import type { CliContext } from '../context.js';
import { amountFlag, asRequest, readJsonData, setField } from '../input/data.js';
import { orderShipmentView, orderView } from '../output/views.js';
import { detectLocalSandbox } from '../sandbox/detect.js';
import { sandboxCheckoutUrl } from '../sandbox/hosted-pages.js';

interface UpdateExtendedFlags {
  company?: string;
  trackingNumbers?: string;
  trackingUrls?: string;
  status?: string;
  reason?: string;
  data?: string;
}

/** `a, b,c` → `['a', 'b', 'c']`; undefined when the flag is not given. */
function listFlag(value: string | undefined): string[] | undefined {
  return value
    ?.split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** `3-45`: order_id's length as the create-order row checks it, for the --order-id help. */
function orderIdLength(): string {
  const rule = OPERATIONS.orders.create.request?.checks.find((r) => r.field === 'order_id');
  return rule?.check.kind === 'id' ? `${rule.check.min}-${rule.check.max}` : '';
}

interface CreateFlags {
  amount?: string;
  phone?: string;
  orderId?: string;
  customerId?: string;
  email?: string;
  name?: string;
  currency?: string;
  returnUrl?: string;
  notifyUrl?: string;
  note?: string;
  expiry?: string;
  data?: string;
}

/** The create-order body from `--data` and the flags (flags win). */
export async function createOrderBody(
  flags: CreateFlags,
  context: CliContext,
): Promise<Record<string, unknown>> {
  const body = await readJsonData(flags.data, context.runtime);
  setField(body, 'order_id', flags.orderId);
  setField(body, 'order_amount', amountFlag(flags.amount));
  setField(
    body,
    'order_currency',
    flags.currency ?? (body['order_currency'] === undefined ? 'INR' : undefined),
  );
  setField(body, 'customer_details.customer_phone', flags.phone);
  setField(body, 'customer_details.customer_email', flags.email);
  setField(body, 'customer_details.customer_name', flags.name);
  setField(body, 'order_meta.return_url', flags.returnUrl);
  setField(body, 'order_meta.notify_url', flags.notifyUrl);
  setField(body, 'order_note', flags.note);
  setField(body, 'order_expiry_time', flags.expiry);
  const customer = body['customer_details'] as Record<string, unknown> | undefined;
  const phone = customer?.['customer_phone'];
  // customer_id is required by Cashfree; default to one derived from the phone number so a quick
  // `orders create --amount 1 --phone 9876543210` works (and a malformed phone is reported as such).
  const phoneDigits = typeof phone === 'string' ? phone.replace(/\D/g, '').slice(-10) : '';
  setField(
    body,
    'customer_details.customer_id',
    flags.customerId ??
      (customer?.['customer_id'] === undefined && phoneDigits ? `cust_${phoneDigits}` : undefined),
  );
  return body;
}

export function registerOrdersCommands(program: Command, context: CliContext): void {
  const orders = program.command('orders').description('create, fetch and terminate orders');
  const { output } = context;

  apiCommand(orders, 'create', OPERATIONS.orders.create)
    .option('--amount <rupees>', 'order_amount in rupees, e.g. 499 or 499.50 (not paise)')
    .option('--phone <digits>', 'customer_details.customer_phone: 10 digits, no +91')
    .option(
      '--order-id <id>',
      `order_id: ${orderIdLength()} letters, digits, _ or - (default: Cashfree generates one)`,
    )
    .option('--customer-id <id>', 'customer_details.customer_id (default: cust_<phone>)')
    .option('--email <email>', 'customer_details.customer_email')
    .option('--name <name>', 'customer_details.customer_name')
    .option('--currency <code>', 'order_currency (default INR)')
    .option('--return-url <url>', 'order_meta.return_url, where checkout sends the customer back')
    .option('--notify-url <url>', 'order_meta.notify_url, an https webhook URL for this order')
    .option('--note <text>', 'order_note')
    .option('--expiry <iso8601>', 'order_expiry_time, 16 minutes to 30 days ahead')
    .option(
      '--data <file|->',
      'the JSON body (a file, - for stdin, or inline JSON); flags override its fields',
    )
    .action(async (flags: CreateFlags, command: Command) => {
      const body = await createOrderBody(flags, context);
      const request = asRequest<CreateOrderRequest>(body, validateCreateOrderRequest);
      const client = context.client(command);
      const order = await output.during('Creating order', () => client.orders.create(request));
      // On the local sandbox the order can be paid at once in its hosted checkout: say where.
      const sandbox = await detectLocalSandbox(context.config(command).baseUrl);
      const checkoutUrl =
        sandbox && order.payment_session_id
          ? await sandboxCheckoutUrl(sandbox, order.payment_session_id)
          : undefined;
      if (!checkoutUrl) return output.result(order, () => orderView(order));
      output.result({ ...order, checkout_url: checkoutUrl }, () =>
        [
          orderView(order),
          '',
          `Pay it in the local sandbox's checkout: ${checkoutUrl}`,
          '(the page lists its test cards, UPI ids and banks)',
        ].join('\n'),
      );
    });

  apiCommand(orders, 'get', OPERATIONS.orders.get)
    .argument('<order_id>')
    .action(async (orderId: string, _flags: unknown, command: Command) => {
      const client = context.client(command);
      const order = await output.during('Fetching order', () => client.orders.get(orderId));
      output.result(order, () => orderView(order));
    });

  apiCommand(orders, 'terminate', OPERATIONS.orders.terminate)
    .argument('<order_id>')
    .action(async (orderId: string, _flags: unknown, command: Command) => {
      const client = context.client(command);
      const order = await output.during('Terminating order', () => client.orders.terminate(orderId));
      output.result(order, () => orderView(order));
    });

  apiCommand(orders, 'update-extended', OPERATIONS.orders.updateExtended)
    .argument('<order_id>')
    .option('--company <name>', 'shipment_details[0].tracking_company, e.g. DHL')
    .option('--tracking-numbers <list>', 'shipment_details[0].tracking_numbers, comma-separated')
    .option('--tracking-urls <list>', 'shipment_details[0].tracking_urls, comma-separated')
    .option('--status <status>', 'order_delivery_status.status, e.g. SHIPPED, OUT_FOR_DELIVERY, DELIVERED')
    .option('--reason <text>', 'order_delivery_status.reason')
    .option(
      '--data <file|->',
      'the JSON body (a file, - for stdin, or inline JSON); flags override its fields',
    )
    .action(async (orderId: string, flags: UpdateExtendedFlags, command: Command) => {
      const body = await readJsonData(flags.data, context.runtime);
      if (
        flags.company !== undefined ||
        flags.trackingNumbers !== undefined ||
        flags.trackingUrls !== undefined
      ) {
        // The flags describe one parcel; several need --data.
        setField(body, 'shipment_details', [
          {
            tracking_company: flags.company,
            tracking_urls: listFlag(flags.trackingUrls) ?? [],
            tracking_numbers: listFlag(flags.trackingNumbers) ?? [],
          },
        ]);
      }
      setField(body, 'order_delivery_status.status', flags.status?.toUpperCase());
      setField(body, 'order_delivery_status.reason', flags.reason);
      const client = context.client(command);
      const update = await output.during('Updating order shipment', () =>
        client.orders.updateExtended(orderId, asRequest<UpdateOrderExtendedRequest>(body)),
      );
      output.result(update, () => orderShipmentView(update));
    });
}
