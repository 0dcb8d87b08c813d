/** `cashfree plans create|get`: what a subscription charges. */

import { type CreatePlanRequest, PLAN_INTERVAL_TYPES, PLAN_OPERATIONS, PLAN_TYPES } from 'cashfree-kit';
import type { Command } from 'commander';
import { apiCommand } from '../api-command.js';
import type { CliContext } from '../context.js';
import { amountFlag, asRequest, readJsonData, setField } from '../input/data.js';
import { CliError } from '../output/exit-codes.js';
import { planView } from '../output/subscription-views.js';

interface CreateFlags {
  planId?: string;
  name?: string;
  type?: string;
  amount?: string;
  maxAmount?: string;
  interval?: string;
  intervals?: string;
  maxCycles?: string;
  currency?: string;
  note?: string;
  data?: string;
}

/** A whole number of at least 1 from a flag (`--intervals 3`); undefined when the flag is absent. */
export function countFlag(value: string | undefined, flag: string, example: string): number | undefined {
  if (value === undefined) return undefined;
  if (/^\d+$/.test(value.trim()) && Number(value) >= 1) return Number(value);
  throw new CliError(`${flag} must be a whole number of at least 1, e.g. ${example}; received '${value}'.`);
}

/** The create-plan body from `--data` and the flags (flags win). */
export async function createPlanBody(
  flags: CreateFlags,
  context: CliContext,
): Promise<Record<string, unknown>> {
  const body = await readJsonData(flags.data, context.runtime);
  setField(body, 'plan_id', flags.planId);
  setField(body, 'plan_name', flags.name);
  setField(body, 'plan_type', flags.type?.toUpperCase().replace('-', '_'));
  setField(body, 'plan_recurring_amount', amountFlag(flags.amount));
  setField(body, 'plan_max_amount', amountFlag(flags.maxAmount));
  setField(body, 'plan_interval_type', flags.interval?.toUpperCase());
  setField(body, 'plan_intervals', countFlag(flags.intervals, '--intervals', '1'));
  setField(body, 'plan_max_cycles', countFlag(flags.maxCycles, '--max-cycles', '12'));
  setField(body, 'plan_currency', flags.currency?.toUpperCase());
  setField(body, 'plan_note', flags.note);
  // A periodic plan charging one fixed amount: its maximum is that amount unless said otherwise.
  if (body['plan_type'] === 'PERIODIC' && body['plan_max_amount'] === undefined)
    setField(body, 'plan_max_amount', body['plan_recurring_amount']);
  if (body['plan_interval_type'] !== undefined && body['plan_intervals'] === undefined)
    body['plan_intervals'] = 1;
  return body;
}

export function registerPlansCommands(program: Command, context: CliContext): void {
  const plans = program
    .command('plans')
    .description('subscription plans: a fixed amount every interval, or charges on demand');
  const { output } = context;

  apiCommand(plans, 'create', PLAN_OPERATIONS.create)
    .option('--plan-id <id>', 'plan_id: letters, digits, ., - and _, e.g. tea_monthly')
    .option('--name <name>', 'plan_name, shown to the customer on the mandate')
    .option('--type <type>', `plan_type: ${PLAN_TYPES.join(' or ')}`)
    .option('--amount <rupees>', 'plan_recurring_amount in rupees (PERIODIC), e.g. 499 (not paise)')
    .option(
      '--max-amount <rupees>',
      'plan_max_amount in rupees: the most one charge may be (default for PERIODIC: --amount)',
    )
    .option('--interval <type>', `plan_interval_type (PERIODIC): ${PLAN_INTERVAL_TYPES.join(', ')}`)
    .option('--intervals <n>', 'plan_intervals: how many of --interval between charges (default 1)')
    .option('--max-cycles <n>', 'plan_max_cycles: the subscription completes after this many charges')
    .option('--currency <code>', 'plan_currency (default INR)')
    .option('--note <text>', 'plan_note')
    .option(
      '--data <file|->',
      'the JSON body (a file, - for stdin, or inline JSON); flags override its fields',
    )
    .action(async (flags: CreateFlags, command: Command) => {
      const body = await createPlanBody(flags, context);
      const client = context.client(command);
      const plan = await output.during('Creating plan', () =>
        client.plans.create(asRequest<CreatePlanRequest>(body)),
      );
      output.result(plan, () => planView(plan));
    });

  apiCommand(plans, 'get', PLAN_OPERATIONS.get)
    .argument('<plan_id>')
    .action(async (planId: string, _flags: unknown, command: Command) => {
      const client = context.client(command);
      const plan = await output.during('Fetching plan', () => client.plans.get(planId));
      output.result(plan, () => planView(plan));
    });
}
