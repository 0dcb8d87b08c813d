/**
 * `cashfree subscriptions create|get|manage|eligibility|charge|authorize` and, under it,
 * `payments …` and `refunds …`: recurring payments on a plan. Each API command calls one row of
 * the SDK's subscription tables, whose checks run before anything is sent; `authorize` is the
 * local sandbox's admin call, standing in for the customer on the mandate page.
 */
import {
  type CreateSubscriptionPaymentRequest,
  type CreateSubscriptionRequest,
  type ManageSubscriptionRequest,
  SUBSCRIPTION_ACTIONS,
  SUBSCRIPTION_OPERATIONS,
  SUBSCRIPTION_PAYMENT_METHODS,
  SUBSCRIPTION_PAYMENT_OPERATIONS,
  type SubscriptionEntity,
} from 'cashfree-kit';
import type { Command } from 'commander';
import { apiCommand } from '../api-command.js';
import type { CliContext } from '../context.js';
import { amountFlag, asRequest, generatedId, readJsonData, setField } from '../input/data.js';
import { CliError, EXIT } from '../output/exit-codes.js';
import {
  subscriptionEligibilityTable,
  subscriptionPaymentView,
  subscriptionView,
} from '../output/subscription-views.js';
import type { SandboxAdmin } from '../sandbox/admin-client.js';
import { detectLocalSandbox, serverNow } from '../sandbox/detect.js';
import { sandboxMandateUrl } from '../sandbox/hosted-pages.js';
import { actionArgument, methodsFlag, tomorrowInIndia } from './subscriptions-flags.js';
import { registerSubscriptionPaymentsCommands } from './subscriptions-payments.js';
import { registerSubscriptionRefundsCommands } from './subscriptions-refunds.js';

interface CreateFlags {
  subscriptionId?: string;
  planId?: string;
  phone?: string;
  email?: string;
  name?: string;
  methods?: string;
  authAmount?: string;
  firstCharge?: string;
  expiry?: string;
  returnUrl?: string;
  note?: string;
  data?: string;
}

/** The create-subscription body from `--data` and the flags (flags win). */
export async function createSubscriptionBody(
  flags: CreateFlags,
  context: CliContext,
): Promise<Record<string, unknown>> {
  const body = await readJsonData(flags.data, context.runtime);
  setField(
    body,
    'subscription_id',
    flags.subscriptionId ?? (body['subscription_id'] === undefined ? generatedId('sub') : undefined),
  );
  setField(body, 'plan_details.plan_id', flags.planId);
  setField(body, 'customer_details.customer_phone', flags.phone);
  setField(body, 'customer_details.customer_email', flags.email);
  setField(body, 'customer_details.customer_name', flags.name);
  setField(body, 'authorization_details.payment_methods', methodsFlag(flags.methods));
  setField(body, 'authorization_details.authorization_amount', amountFlag(flags.authAmount));
  setField(body, 'subscription_first_charge_time', flags.firstCharge);
  setField(body, 'subscription_expiry_time', flags.expiry);
  setField(body, 'subscription_meta.return_url', flags.returnUrl);
  setField(body, 'subscription_note', flags.note);
  return body;
}

/** Says how the new subscription gets its mandate on the local sandbox: its page, or the CLI. */
function authoriseHint(subscription: SubscriptionEntity, mandateUrl: string | undefined): string[] {
  return [
    '',
    ...(mandateUrl
      ? [
          `The customer authorises the mandate on the local sandbox's mandate page: ${mandateUrl}`,
          '(UPI Autopay, e-NACH or a card; the page lists its test data). Or, without a browser:',
        ]
      : ['The customer authorises the mandate next. On the local sandbox, do it for them:']),
    `  cashfree subscriptions authorize ${subscription.subscription_id}`,
    '(UPI Autopay with a VPA whose debits succeed; --method card|enach|pnach, --reference for other test data)',
  ];
}

interface ChargeFlags {
  amount?: string;
  paymentId?: string;
  scheduleDate?: string;
  remarks?: string;
  data?: string;
}

interface AuthorizeFlags {
  method?: string;
  reference?: string;
  fail?: true;
  waitForBank?: true;
}

/** The local sandbox at the configured URL, or a refusal saying where `authorize` works. */
async function localSandboxFor(context: CliContext, command: Command): Promise<SandboxAdmin> {
  const admin = await detectLocalSandbox(context.config(command).baseUrl);
  if (admin) return admin;
  throw new CliError(
    "'subscriptions authorize' stands in for the customer on the local sandbox only ('cashfree sandbox start', " +
      'CASHFREE_BASE_URL set to the URL it prints). On Cashfree the customer authorises the mandate on its page: ' +
      "open it with cashfree.js's subscriptionsCheckout({ subsSessionId }) using the subscription_session_id.",
  );
}

export function registerSubscriptionsCommands(program: Command, context: CliContext): void {
  const subscriptions = program
    .command('subscriptions')
    .description('recurring payments on a plan: mandates, charges, pauses, refunds');
  const { output } = context;

  apiCommand(subscriptions, 'create', SUBSCRIPTION_OPERATIONS.create)
    .option(
      '--subscription-id <id>',
      'subscription_id: up to 250 letters, digits, _ . - and spaces (default: generated)',
    )
    .option('--plan-id <id>', 'plan_details.plan_id of a plan made with cashfree plans create')
    .option('--phone <digits>', 'customer_details.customer_phone: 10 digits, no +91')
    .option('--email <email>', 'customer_details.customer_email')
    .option('--name <name>', 'customer_details.customer_name')
    .option(
      '--methods <list>',
      `authorization_details.payment_methods, comma-separated: ${SUBSCRIPTION_PAYMENT_METHODS.join(', ')}`,
    )
    .option('--auth-amount <rupees>', 'authorization_details.authorization_amount in rupees')
    .option('--first-charge <iso8601>', 'subscription_first_charge_time: the first periodic charge')
    .option('--expiry <iso8601>', 'subscription_expiry_time: unauthorised by then, it expires')
    .option(
      '--return-url <url>',
      'subscription_meta.return_url, where the mandate page sends the customer back',
    )
    .option('--note <text>', 'subscription_note')
    .option(
      '--data <file|->',
      'the JSON body (a file, - for stdin, or inline JSON; an inline plan goes in plan_details); flags override its fields',
    )
    .action(async (flags: CreateFlags, command: Command) => {
      const body = await createSubscriptionBody(flags, context);
      const client = context.client(command);
      const subscription = await output.during('Creating subscription', () =>
        client.subscriptions.create(asRequest<CreateSubscriptionRequest>(body)),
      );
      // On the local sandbox the customer's part can be played at once: say how.
      const sandbox =
        subscription.subscription_status === 'INITIALIZED'
          ? await detectLocalSandbox(context.config(command).baseUrl)
          : undefined;
      if (!sandbox) return output.result(subscription, () => subscriptionView(subscription));
      const mandateUrl = subscription.subscription_session_id
        ? await sandboxMandateUrl(sandbox, subscription.subscription_session_id)
        : undefined;
      const authorize = `cashfree subscriptions authorize ${subscription.subscription_id}`;
      output.result(
        { ...subscription, ...(mandateUrl ? { mandate_url: mandateUrl } : {}), authorize_command: authorize },
        () => [subscriptionView(subscription), ...authoriseHint(subscription, mandateUrl)].join('\n'),
      );
    });

  apiCommand(subscriptions, 'get', SUBSCRIPTION_OPERATIONS.get)
    .argument('<subscription_id>')
    .action(async (subscriptionId: string, _flags: unknown, command: Command) => {
      const client = context.client(command);
      const subscription = await output.during('Fetching subscription', () =>
        client.subscriptions.get(subscriptionId),
      );
      output.result(subscription, () => subscriptionView(subscription));
    });

  apiCommand(subscriptions, 'manage', SUBSCRIPTION_OPERATIONS.manage)
    .argument('<subscription_id>')
    .argument(
      '[action]',
      `${SUBSCRIPTION_ACTIONS.join(', ')} (any case; change-plan works too; or action in --data)`,
    )
    .option(
      '--next-scheduled-time <iso8601>',
      'action_details.next_scheduled_time: the next charge after ACTIVATE (required for it)',
    )
    .option('--plan-id <id>', 'action_details.plan_id: the plan to move to (required for CHANGE_PLAN)')
    .option(
      '--data <file|->',
      'the JSON body (a file, - for stdin, or inline JSON); flags override its fields',
    )
    .action(
      async (
        subscriptionId: string,
        action: string | undefined,
        flags: { nextScheduledTime?: string; planId?: string; data?: string },
        command: Command,
      ) => {
        const body = await readJsonData(flags.data, context.runtime);
        setField(body, 'action', action === undefined ? undefined : actionArgument(action));
        setField(body, 'action_details.next_scheduled_time', flags.nextScheduledTime);
        setField(body, 'action_details.plan_id', flags.planId);
        const client = context.client(command);
        const subscription = await output.during(`Sending ${String(body['action'])}`, () =>
          client.subscriptions.manage(subscriptionId, asRequest<ManageSubscriptionRequest>(body)),
        );
        output.result(subscription, () => subscriptionView(subscription));
      },
    );

  apiCommand(subscriptions, 'eligibility', SUBSCRIPTION_OPERATIONS.eligibility)
    .argument('[subscription_id]', 'queries.subscription_id (or in --data)')
    .option('--methods <list>', `filters.payment_methods: ${SUBSCRIPTION_PAYMENT_METHODS.join(', ')}`)
    .option(
      '--data <file|->',
      'the JSON body (a file, - for stdin, or inline JSON); flags override its fields',
    )
    .action(
      async (
        subscriptionId: string | undefined,
        flags: { methods?: string; data?: string },
        command: Command,
      ) => {
        const body = await readJsonData(flags.data, context.runtime);
        setField(body, 'queries.subscription_id', subscriptionId);
        setField(body, 'filters.payment_methods', methodsFlag(flags.methods));
        const client = context.client(command);
        const answer = await output.during('Fetching mandate methods', () =>
          client.subscriptions.eligibility(asRequest(body)),
        );
        output.result(answer, () => subscriptionEligibilityTable(answer.type ?? []));
      },
    );

  apiCommand(subscriptions, 'charge', SUBSCRIPTION_PAYMENT_OPERATIONS.create)
    .argument('[subscription_id]', 'the subscription to charge (or subscription_id in --data)')
    .option('--amount <rupees>', 'payment_amount in rupees, at most the plan’s plan_max_amount (not paise)')
    .option('--payment-id <id>', 'payment_id: your id for the charge (default: generated)')
    .option(
      '--schedule-date <date>',
      'payment_schedule_date, e.g. 2026-12-10 or ISO 8601 (default: tomorrow 10:00 India time, the earliest for UPI and cards; on the local sandbox by its clock)',
    )
    .option('--remarks <text>', 'payment_remarks')
    .option(
      '--data <file|->',
      'the JSON body (a file, - for stdin, or inline JSON); flags override its fields',
    )
    .action(async (subscriptionId: string | undefined, flags: ChargeFlags, command: Command) => {
      const body = await readJsonData(flags.data, context.runtime);
      setField(body, 'subscription_id', subscriptionId);
      setField(body, 'payment_type', 'CHARGE');
      setField(
        body,
        'payment_id',
        flags.paymentId ?? (body['payment_id'] === undefined ? generatedId('charge') : undefined),
      );
      setField(body, 'payment_amount', amountFlag(flags.amount));
      setField(body, 'payment_remarks', flags.remarks);
      const config = context.config(command);
      setField(
        body,
        'payment_schedule_date',
        flags.scheduleDate ??
          (body['payment_schedule_date'] === undefined
            ? tomorrowInIndia(await serverNow(config.baseUrl))
            : undefined),
      );
      const client = context.client(command);
      const payment = await output.during('Raising charge', () =>
        client.subscriptions.payments.create(asRequest<CreateSubscriptionPaymentRequest>(body)),
      );
      output.result(payment, () => subscriptionPaymentView(payment));
    });

  subscriptions
    .command('authorize')
    .description(
      'local sandbox only: the customer authorises the mandate now, without a browser (POST /_sandbox/subscriptions/{id}/authorize)',
    )
    .argument('<subscription_id>')
    .option(
      '--method <method>',
      `${SUBSCRIPTION_PAYMENT_METHODS.join(', ')} (default: the pending AUTH's, else the first the subscription allows)`,
    )
    .option(
      '--reference <value>',
      'the VPA, card number or bank account the mandate is on; its test data decide the debits (default: one that succeeds)',
    )
    .option('--fail', 'the customer refuses the mandate')
    .option('--wait-for-bank', 'leave a UPI or NACH mandate in BANK_APPROVAL_PENDING for now')
    .action(async (subscriptionId: string, flags: AuthorizeFlags, command: Command) => {
      const method = flags.method?.toLowerCase();
      if (method !== undefined && !(SUBSCRIPTION_PAYMENT_METHODS as readonly string[]).includes(method)) {
        throw new CliError(
          `--method must be one of ${SUBSCRIPTION_PAYMENT_METHODS.join(', ')}; received '${flags.method}'.`,
        );
      }
      const admin = await localSandboxFor(context, command);
      const body: Record<string, unknown> = {};
      setField(body, 'payment_method', method);
      setField(body, 'reference', flags.reference);
      setField(body, 'outcome', flags.fail ? 'FAILED' : undefined);
      setField(body, 'wait_for_bank', flags.waitForBank);
      const subscription = await output.during('Authorising the mandate', () =>
        admin.call<SubscriptionEntity>(
          'POST',
          `/subscriptions/${encodeURIComponent(subscriptionId)}/authorize`,
          body,
        ),
      );
      output.result(subscription, () => subscriptionView(subscription));
      if (flags.fail === undefined && subscription.subscription_status === 'INITIALIZED') {
        // The instrument's test data refused the mandate: say so as a failure, not a success.
        throw new CliError(
          `The mandate was refused (the test data of ${flags.reference ?? 'the instrument'}); the subscription stays INITIALIZED. Try another --reference.`,
          EXIT.failure,
        );
      }
    });

  registerSubscriptionPaymentsCommands(subscriptions, context);
  registerSubscriptionRefundsCommands(subscriptions, context);
}
