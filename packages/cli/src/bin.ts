/**
 * The entry point of the `cashfree` binary (run by bin/cashfree.js): runs the command line and
 * exits with its code once stdout and stderr are flushed, so a piped JSON result is never cut off
 * and an idle keep-alive socket never holds the process open.
 */
import { run } from './index.js';

// Started from source by bin/cashfree.js: exit when that launcher goes away, whatever killed it.
if (process.channel) {
  process.channel.unref();
  process.on('disconnect', () => process.exit(129));
}

const exitCode = await run(process.argv.slice(2));
await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
await new Promise<void>((resolve) => process.stderr.write('', () => resolve()));
process.exit(exitCode);
