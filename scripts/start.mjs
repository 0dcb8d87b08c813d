#!/usr/bin/env node
// `npm start`: runs the local Cashfree sandbox from source (no build needed) on its defaults —
// port 8787 (PORT / CASHFREE_SANDBOX_PORT), database under .cashfree-sandbox/ — and prints its URL,
// credentials and the environment lines to paste. Ctrl-C or SIGTERM stops it cleanly.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('../packages/sandbox/src/main.ts', import.meta.url));
// Resolved here so that the script also works when started from another directory; the
// database lives under the directory it is started from (npm start: the repository root).
const tsx = import.meta.resolve('tsx');

const child = spawn(process.execPath, ['--conditions=cashfree-kit-source', '--import', tsx, entry], {
  stdio: 'inherit',
});

// Forward stop signals; the sandbox closes its server and database and exits on its own.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  });
}
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
