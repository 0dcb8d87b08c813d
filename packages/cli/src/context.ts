/** What every command receives: the runtime, the output, and the configuration for its flags. */

import type { Cashfree } from 'cashfree-kit';
import type { Command } from 'commander';
import { type CliConfig, createClient, resolveConfig } from './config.js';
import type { Output } from './output/output.js';
import type { Runtime } from './runtime.js';

/** Shared by every command of one run. */
export interface CliContext {
  runtime: Runtime;
  output: Output;
  /** The configuration from the command's flags (and the global ones) and the environment. */
  config(command: Command): CliConfig;
  /** A client for that configuration; exit code 3 when credentials are missing. */
  client(command: Command): Cashfree;
}

/** Builds the context of one run. */
export function createContext(runtime: Runtime, output: Output): CliContext {
  const config = (command: Command) => {
    const flags = command.optsWithGlobals<{ env?: string; baseUrl?: string }>();
    return resolveConfig({ env: flags.env, baseUrl: flags.baseUrl }, runtime.env);
  };
  return { runtime, output, config, client: (command) => createClient(config(command)) };
}
