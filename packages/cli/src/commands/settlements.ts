/** `cashfree settlements order|list`. */

import { OPERATIONS, type SettlementSummary } from 'cashfree-kit';
import type { Command } from 'commander';
import { apiCommand } from '../api-command.js';
import type { CliContext } from '../context.js';
import { CliError } from '../output/exit-codes.js';
import { settlementsTable, settlementView } from '../output/views.js';
import { serverNow } from '../sandbox/detect.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** `2025-01-31` → start or end of that day in UTC; a full ISO time is passed through. */
export function settlementDate(value: string, flag: string, endOfDay: boolean): string {
  const text = value.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return `${text}T${endOfDay ? '23:59:59' : '00:00:00'}Z`;
  if (!Number.isNaN(Date.parse(text)) && /^\d{4}-\d{2}-\d{2}T/.test(text)) return text;
  throw new CliError(`${flag} must be a date like 2025-01-31 or an ISO 8601 time; received '${value}'.`);
}

export function registerSettlementsCommands(program: Command, context: CliContext): void {
  const settlements = program.command('settlements').description('money Cashfree paid out to your bank');
  const { output } = context;

  apiCommand(settlements, 'order', OPERATIONS.settlements.forOrder)
    .argument('<order_id>')
    .action(async (orderId: string, _flags: unknown, command: Command) => {
      const client = context.client(command);
      const settlement = await output.during('Fetching settlement', () =>
        client.settlements.forOrder(orderId),
      );
      output.result(settlement, () => settlementView(settlement));
    });

  apiCommand(settlements, 'list', OPERATIONS.settlements.list)
    .option(
      '--from <date>',
      'start date, e.g. 2025-01-01 (default: 30 days ago; on the local sandbox, by its clock)',
    )
    .option('--to <date>', 'end date, e.g. 2025-01-31 (default: now; on the local sandbox, by its clock)')
    .option('--limit <n>', 'page size, 1-1000 (default 10)')
    .option('--all', 'follow the cursor and fetch every page')
    .action(
      async (flags: { from?: string; to?: string; limit?: string; all?: boolean }, command: Command) => {
        const limit = flags.limit === undefined ? undefined : Number(flags.limit);
        if (limit !== undefined && (!Number.isInteger(limit) || limit < 1 || limit > 1000)) {
          throw new CliError(`--limit must be a whole number from 1 to 1000; received '${flags.limit}'.`);
        }
        const from = flags.from ? settlementDate(flags.from, '--from', false) : undefined;
        const to = flags.to ? settlementDate(flags.to, '--to', true) : undefined;
        // The local sandbox's clock moves when advanced: its "now", not this machine's, bounds the range.
        const now = from && to ? Date.now() : await serverNow(context.config(command).baseUrl);
        const start = from ?? new Date(now - 30 * DAY_MS).toISOString();
        const end = to ?? new Date(now).toISOString();
        const client = context.client(command);
        const query = {
          filters: { start_date: start, end_date: end },
          ...(limit !== undefined ? { pagination: { limit } } : {}),
        };
        const page = await output.during('Fetching settlements', async () => {
          if (!flags.all) return client.settlements.list(query);
          const data: SettlementSummary[] = [];
          for await (const settlement of client.settlements.list(query)) data.push(settlement);
          return { data, cursor: null, limit };
        });
        output.result({ data: page.data, cursor: page.cursor }, () => {
          const more = page.cursor ? '\nMore settlements exist: add --all to fetch every page.' : '';
          return `${settlementsTable(page.data)}${more}`;
        });
      },
    );
}
