/**
 * The entry point of the `cashfree-mcp` binary (run by bin/cashfree-mcp.js): parses the command
 * line, serves until stopped, and exits.
 */
import { parseArguments, serve, USAGE } from './serve.js';

// Started from source by bin/cashfree-mcp.js: exit when that launcher goes away, whatever killed it.
if (process.channel) {
  process.channel.unref();
  process.on('disconnect', () => process.exit(129));
}

let exitCode = 0;
try {
  const parsed = parseArguments(process.argv.slice(2));
  if (parsed.help) process.stdout.write(USAGE);
  else await serve({ allowProductionWrites: parsed.allowProductionWrites, http: parsed.http });
} catch (error) {
  process.stderr.write(`cashfree-mcp: ${error instanceof Error ? error.message : String(error)}\n`);
  exitCode = 2;
}
process.exit(exitCode);
