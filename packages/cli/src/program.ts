/**
 * The `cashfree` command tree: every command registered on one commander program, with the help
 * text and exit-code table, for one run. Internal: `run()` (./index.ts) is the package's entry.
 */
import { Readable } from 'node:stream';
import { describeEnvironmentNames, type Operation } from 'cashfree-kit';
import { type Command, Command as CommanderCommand } from 'commander';
import { operationOf } from './api-command.js';
import { registerAgentCommands } from './commands/agent.js';
import { registerDoctorCommand } from './commands/doctor.js';
import { registerEligibilityCommands } from './commands/eligibility.js';
import { registerErrorsCommands } from './commands/errors.js';
import { registerLinksCommands } from './commands/links.js';
import { registerOrdersCommands } from './commands/orders.js';
import { registerPaymentsCommands } from './commands/payments.js';
import { registerPayoutsCommands } from './commands/payouts.js';
import { registerPlansCommands } from './commands/plans.js';
import { registerRefundsCommands } from './commands/refunds.js';
import { registerSandboxCommands } from './commands/sandbox.js';
import { registerSettlementsCommands } from './commands/settlements.js';
import { registerSmokeCommand } from './commands/smoke.js';
import { registerSubscriptionsCommands } from './commands/subscriptions.js';
import { registerWebhooksCommands } from './commands/webhooks.js';
import { type CliContext, createContext } from './context.js';
import { EXIT_CODE_TABLE } from './output/exit-codes.js';
import { Output } from './output/output.js';
import type { Runtime } from './runtime.js';
import { CLI_VERSION } from './version.js';

const epilogue = `
Global options work before or after the command. Output is JSON when stdout is not a terminal
(a pipe, CI); --json and --no-json force either.

Environment:
  CASHFREE_APP_ID, CASHFREE_SECRET_KEY  your keys (x-client-id, x-client-secret); never printed in full
  CASHFREE_ENV                          ${describeEnvironmentNames()}; default TEST
  CASHFREE_BASE_URL                     another base URL, e.g. http://127.0.0.1:8080/pg for a local sandbox
  CASHFREE_PAYOUTS_CLIENT_ID, CASHFREE_PAYOUTS_CLIENT_SECRET
                                        Payouts keys for 'cashfree payouts' (a local sandbox takes the PG keys)
  CASHFREE_PAYOUTS_BASE_URL             Payouts' base URL; default CASHFREE_BASE_URL's host with /payout

Exit codes:
${EXIT_CODE_TABLE.map(([code, meaning]) => `  ${String(code).padEnd(2)} ${meaning}`).join('\n')}

Start here: 'cashfree sandbox start' in one terminal, 'cashfree smoke' in another.`;

/** Builds the `cashfree` command tree for one run. */
export function createProgram(context: CliContext): Command {
  const program = new CommanderCommand('cashfree')
    .description(
      'Cashfree Payments from your terminal: a local sandbox, an end-to-end smoke test, orders, payments, ' +
        'refunds, links, settlements, webhooks and error lookup.',
    )
    .version(CLI_VERSION, '-V, --version', 'print the version')
    .option('--json', 'machine-readable JSON on stdout (default when stdout is not a terminal)')
    .option('--no-json', 'human-readable text even when stdout is not a terminal')
    .option('--env <env>', `${describeEnvironmentNames()}; default CASHFREE_ENV, else sandbox`)
    .option('--base-url <url>', 'API base URL; default CASHFREE_BASE_URL, else the environment’s')
    .helpOption('-h, --help', 'show help for a command')
    // `cashfree doctor --help` lists --json, --env and --base-url too: they work after any command.
    .configureHelp({ showGlobalOptions: true })
    .configureOutput({
      writeOut: (text) => context.runtime.stdout.write(text),
      writeErr: (text) => context.runtime.stderr.write(text),
      // Errors are reported by run(), in the CLI's own format.
      outputError: () => {},
    });
  registerSandboxCommands(program, context);
  registerSmokeCommand(program, context);
  registerOrdersCommands(program, context);
  registerPaymentsCommands(program, context);
  registerRefundsCommands(program, context);
  registerLinksCommands(program, context);
  registerSettlementsCommands(program, context);
  registerEligibilityCommands(program, context);
  registerPlansCommands(program, context);
  registerSubscriptionsCommands(program, context);
  registerPayoutsCommands(program, context);
  registerWebhooksCommands(program, context);
  registerErrorsCommands(program, context);
  registerDoctorCommand(program, context);
  registerAgentCommands(program, context);
  // The MCP server (@cashfree-kit/mcp), loaded only when this command runs; it serves until stopped.
  program
    .command('mcp')
    .description('serve the MCP server for coding agents over stdio (no keys: the local sandbox)')
    .option('--http [port]', 'serve Streamable HTTP on 127.0.0.1 instead (default port 8790)')
    .option('--allow-production-writes', 'with production keys, let tools that write run')
    .action(async (options: { http?: string | true; allowProductionWrites?: true }, command: Command) => {
      const { parseArguments, serve } = await import('@cashfree-kit/mcp');
      const flags = command.optsWithGlobals<{ env?: string; baseUrl?: string }>();
      const http =
        options.http === undefined ? [] : options.http === true ? ['--http'] : ['--http', options.http];
      const parsed = parseArguments(
        options.allowProductionWrites ? [...http, '--allow-production-writes'] : http,
      );
      const env = {
        ...context.runtime.env,
        ...(flags.env ? { CASHFREE_ENV: flags.env } : {}),
        ...(flags.baseUrl ? { CASHFREE_BASE_URL: flags.baseUrl } : {}),
      };
      await serve({
        env,
        allowProductionWrites: parsed.allowProductionWrites,
        http: parsed.http,
        untilStopped: context.runtime.untilStopped(),
      });
    });

  program.addHelpText('after', () => `\nEvery command:\n${commandList(program)}\n${epilogue}`);

  forEachCommand(program, (command) => {
    command.exitOverride((error) => {
      throw Object.assign(error, { command });
    });
  });
  return program;
}

function forEachCommand(command: Command, visit: (command: Command) => void): void {
  visit(command);
  for (const sub of command.commands) forEachCommand(sub, visit);
}

/** `  orders create [options]  create an order…` for every runnable command, for the root help. */
function commandList(program: Command): string {
  const rows: [string, string][] = [];
  forEachCommand(program, (command) => {
    if (command === program || command.commands.length > 0 || command.name() === 'help') return;
    const args = command.registeredArguments.map((argument) =>
      argument.required ? `<${argument.name()}>` : `[${argument.name()}]`,
    );
    const usage = [commandPath(command).replace(/^cashfree /, ''), ...args].join(' ');
    rows.push([usage, command.description()]);
  });
  const width = Math.max(...rows.map(([usage]) => usage.length));
  return rows.map(([usage, description]) => `  ${usage.padEnd(width)}  ${description}`).join('\n');
}

/** `cashfree orders create`: the full name of a command, for messages. */
export function commandPath(command: Command): string {
  const names: string[] = [];
  for (let current: Command | null = command; current; current = current.parent)
    names.unshift(current.name());
  return names.join(' ');
}

/**
 * Every command that calls a Cashfree operation, with the row it calls (`orders get` →
 * `OPERATIONS.orders.get`), in help order: what docs/endpoints.md's CLI column shows. Read from
 * the command tree itself, built with a runtime that reads and writes nothing, since no command runs.
 *
 * @example
 * ```ts
 * import { operationCommands } from '@cashfree-kit/cli';
 *
 * for (const { command, operation } of operationCommands()) {
 *   console.log(`cashfree ${command}`, operation.method, operation.path);
 * }
 * ```
 */
export function operationCommands(): { command: string; operation: Operation }[] {
  const silent: Runtime = {
    env: {},
    stdout: { write: () => true },
    stderr: { write: () => true },
    stdin: Readable.from([]),
    untilStopped: () => new Promise<string>(() => {}),
  };
  const program = createProgram(createContext(silent, new Output(silent, true)));
  const found: { command: string; operation: Operation }[] = [];
  forEachCommand(program, (command) => {
    const operation = operationOf(command);
    if (operation) found.push({ command: commandPath(command).replace(/^cashfree /, ''), operation });
  });
  return found;
}
