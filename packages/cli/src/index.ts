/**
 * `cashfree`, the command line of cashfree-kit, from code: `run()` runs one command line in this
 * process and returns its exit code, for scripts and tests that would otherwise spawn the binary;
 * `EXIT` and `EXIT_CODE_TABLE` name the codes. The `cashfree` binary (`bin/cashfree.js`) is
 * `run()` with the real process. The command tree and the CLI's own errors are internal.
 *
 * @example
 * ```ts
 * import { EXIT, run } from '@cashfree-kit/cli';
 *
 * const code = await run(['errors', 'explain', 'order_already_exists']);
 * if (code !== EXIT.ok) process.exitCode = code;
 * ```
 * @module @cashfree-kit/cli
 */
import { type Command, CommanderError } from 'commander';
import { createContext } from './context.js';
import { CliError, EXIT, ExitWith } from './output/exit-codes.js';
import { Output, wantsJson } from './output/output.js';
import { commandPath, createProgram } from './program.js';
import { processRuntime, type Runtime } from './runtime.js';

export { EXIT, EXIT_CODE_TABLE, exitCodeFor } from './output/exit-codes.js';
export { operationCommands } from './program.js';
export type { OutputStream, Runtime } from './runtime.js';
export { CLI_VERSION } from './version.js';

/** Turns a commander parse error into the CLI's own usage error, with the help command to run. */
function usageError(error: CommanderError & { command?: Command }): CliError {
  const message = error.message
    .replace(/^error: /, '')
    .replace(/\s*\n\s*\(Did you mean (.*)\)\s*$/, '. Did you mean $1')
    .replace(/\s*\n\s*/g, ' ');
  const path = error.command ? commandPath(error.command) : 'cashfree';
  const sentence = /[.!?]$/.test(message) ? message : `${message}.`;
  return new CliError(`${sentence} Run '${path} --help' for usage.`, EXIT.usage);
}

/**
 * Runs one command line (the arguments after `cashfree`) and returns its exit code, one of
 * {@link EXIT}. Never throws: every failure is reported on stderr (and as JSON on stdout in JSON
 * mode). Output, environment variables, stdin and stop signals come from `runtime`: the real
 * process unless you pass one, e.g. to capture the output.
 *
 * @example
 * ```ts
 * import { Readable } from 'node:stream';
 *
 * let json = '';
 * const code = await run(['errors', 'explain', 'order_not_found', '--json'], {
 *   env: {},
 *   stdout: { write: (text) => (json += text) },
 *   stderr: { write: (text) => process.stderr.write(text) },
 *   stdin: Readable.from([]),
 *   untilStopped: () => new Promise(() => {}),
 * });
 * if (code === EXIT.ok) console.log(JSON.parse(json).fix);
 * ```
 */
export async function run(argv: readonly string[], runtime: Runtime = processRuntime()): Promise<number> {
  const output = new Output(runtime, wantsJson(argv, runtime.stdout));
  const context = createContext(runtime, output);
  const program = createProgram(context);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT.ok;
      // `cashfree help <command>` exits 0; a command group run without a subcommand shows its help
      // on stderr and is a usage error.
      if (error.code === 'commander.help') return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
      return output.fail(usageError(error));
    }
    if (error instanceof ExitWith) return error.exitCode;
    return output.fail(error);
  }
}
