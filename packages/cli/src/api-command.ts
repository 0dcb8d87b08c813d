/**
 * The CLI commands that call a Cashfree operation, and the one place that says which row each
 * calls: `apiCommand()` registers the command with its help taken from the SDK's operation table,
 * so a changed method, path or summary shows in `cashfree --help` and docs/endpoints.md without
 * anyone editing a help string.
 */
import type { Operation } from 'cashfree-kit';
import type { Command } from 'commander';

/** The row each API command calls; commands are built per run, so the pairing lives on them. */
const operations = new WeakMap<Command, Operation>();

/**
 * A command's help line from its row: `GET /orders/{order_id}: Fetches an order; …`, and, when
 * the SDK checks the body, that nothing is sent until it passes.
 */
export function describeOperation(operation: Operation): string {
  const checked = (operation.request?.checks.length ?? 0) > 0 ? ' Checked before anything is sent.' : '';
  return `${operation.method} ${operation.path}: ${operation.summary}${checked}`;
}

/** Adds `name` under `parent` as the command that calls `operation`, described by it. */
export function apiCommand(parent: Command, name: string, operation: Operation): Command {
  const command = parent.command(name).description(describeOperation(operation));
  operations.set(command, operation);
  return command;
}

/** The operation a command calls, if it is an API command. */
export function operationOf(command: Command): Operation | undefined {
  return operations.get(command);
}
