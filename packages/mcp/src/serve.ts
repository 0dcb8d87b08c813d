/**
 * Starting the server from a command line: stdio by default, Streamable HTTP on 127.0.0.1 with
 * `--http [port]`, `--allow-production-writes` to let writing tools run with production keys.
 * Used by the `cashfree-mcp` binary and by `cashfree mcp`.
 */
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { DEFAULT_HTTP_PORT, listenHttp } from './http.js';
import { CashfreeMcp, type CashfreeMcpOptions } from './server.js';

/** What the command line asked for. */
export interface ServeOptions extends CashfreeMcpOptions {
  /** Serve Streamable HTTP on this port of 127.0.0.1 (0: any free port) instead of stdio. */
  http?: number | undefined;
  /** Resolves when the server should stop (a signal); default: SIGINT or SIGTERM. */
  untilStopped?: Promise<unknown>;
}

/** The usage text of the command line. */
export const USAGE = `Usage: cashfree-mcp [--http [port]] [--allow-production-writes]

An MCP server for Cashfree Payments (cashfree-kit). Over stdio unless --http is given.

  --http [port]               serve Streamable HTTP at http://127.0.0.1:<port>/mcp (default ${DEFAULT_HTTP_PORT}; 0 = any free port)
  --allow-production-writes   with production keys, let tools that write run (refused otherwise)
  -h, --help                  show this help

With no keys set, the tools use a local sandbox (state in .cashfree-sandbox/). Set CASHFREE_APP_ID and
CASHFREE_SECRET_KEY (and CASHFREE_ENV=TEST) for Cashfree's TEST environment.
`;

/** Parses the arguments after the command name; throws an Error saying what is wrong. */
export function parseArguments(argv: readonly string[]): {
  http?: number;
  allowProductionWrites: boolean;
  help: boolean;
} {
  let http: number | undefined;
  let allowProductionWrites = false;
  let help = false;
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index];
    if (argument === '--allow-production-writes') allowProductionWrites = true;
    else if (argument === '-h' || argument === '--help') help = true;
    else if (argument === '--http' || argument?.startsWith('--http=')) {
      const inline = argument.includes('=') ? argument.slice('--http='.length) : undefined;
      const next =
        inline ??
        (argv[index + 1] !== undefined && /^\d+$/.test(argv[index + 1] ?? '') ? argv[++index] : undefined);
      http = next === undefined ? DEFAULT_HTTP_PORT : Number(next);
      if (!Number.isInteger(http) || http < 0 || http > 65_535) {
        throw new Error(`--http: ${JSON.stringify(next)} is not a port; give a number from 0 to 65535.`);
      }
    } else throw new Error(`Unknown argument ${JSON.stringify(argument)}.\n\n${USAGE}`);
  }
  return { ...(http === undefined ? {} : { http }), allowProductionWrites, help };
}

function stopSignal(): Promise<string> {
  return new Promise((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
      process.once(signal, () => resolve(signal));
  });
}

/**
 * Runs the server until it is stopped: over stdio until stdin closes (or a signal), over HTTP
 * until a signal. Closes the local sandbox, if one was started, before resolving.
 */
export async function serve(options: ServeOptions = {}): Promise<void> {
  const mcp = new CashfreeMcp(options);
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const stopped = options.untilStopped ?? stopSignal();
  log(mcp.describe());
  try {
    if (options.http !== undefined) {
      const endpoint = await listenHttp(mcp, options.http);
      log(`[cashfree-mcp] Streamable HTTP at ${endpoint.url}`);
      await stopped;
      await endpoint.close();
      return;
    }
    const server = mcp.createServer();
    const transport = new StdioServerTransport();
    const closed = new Promise<void>((resolve) => {
      transport.onclose = () => resolve();
      process.stdin.once('end', () => resolve());
    });
    await server.connect(transport);
    await Promise.race([closed, stopped]);
    await server.close();
  } finally {
    await mcp.close();
  }
}
