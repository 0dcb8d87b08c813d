/**
 * Runs the sandbox in the foreground on its defaults: `npm start` at the repository root runs
 * this file from source. Settings come from the environment:
 *
 * - `CASHFREE_SANDBOX_PORT` or `PORT` (default 8787), `CASHFREE_SANDBOX_HOST` (default 127.0.0.1)
 * - `CASHFREE_SANDBOX_DB` (default `.cashfree-sandbox/sandbox.db`; `:memory:` for none)
 * - `CASHFREE_APP_ID` / `CASHFREE_SECRET_KEY` (default: the sandbox's built-in test credentials)
 */
import { startBanner } from './banner.js';
import { DEFAULT_DB_FILE } from './options.js';
import { DEFAULT_PORT, startSandbox } from './server.js';

const env = process.env;
const portText = env['CASHFREE_SANDBOX_PORT'] || env['PORT'] || String(DEFAULT_PORT);
const port = Number(portText);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(
    `[cashfree-sandbox] the port must be a number from 0 to 65535; got ${JSON.stringify(portText)}.`,
  );
  process.exit(1);
}
const db = env['CASHFREE_SANDBOX_DB'] || DEFAULT_DB_FILE;

let sandbox: Awaited<ReturnType<typeof startSandbox>>;
try {
  sandbox = await startSandbox({ port, db, host: env['CASHFREE_SANDBOX_HOST'] || undefined });
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  console.error(
    message.startsWith('[cashfree-sandbox]') ? message : `[cashfree-sandbox] could not start: ${message}`,
  );
  process.exit(1);
}

console.log(
  startBanner({
    url: sandbox.url,
    appId: sandbox.appId,
    secretKey: sandbox.secretKey,
    db: sandbox.db,
  }),
);

let stopping = false;
const stop = (signal: NodeJS.Signals) => {
  // Ctrl-C reaches this process twice when started by scripts/start.mjs (terminal + forward).
  if (stopping) return;
  stopping = true;
  sandbox.close().then(
    () => {
      const kept =
        sandbox.db === ':memory:' ? 'the in-memory state is gone' : `state is kept in ${sandbox.db}`;
      console.log(`[cashfree-sandbox] stopped (${signal}); ${kept}`);
      process.exit(0);
    },
    (error: unknown) => {
      console.error('[cashfree-sandbox] error while stopping:', error);
      process.exit(1);
    },
  );
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
