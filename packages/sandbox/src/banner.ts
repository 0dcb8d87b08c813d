import { DEFAULT_SECRET_KEY } from './options.js';

/**
 * What the start banner shows.
 *
 * @example
 * const sandbox = await startSandbox({ port: 0, db: ':memory:' });
 * const input: BannerInput = { url: sandbox.url, appId: sandbox.appId, secretKey: sandbox.secretKey, db: sandbox.db };
 * console.log(startBanner(input));
 * await sandbox.close();
 */
export interface BannerInput {
  url: string;
  appId: string;
  secretKey: string;
  /** The database file (absolute path) or `:memory:`. */
  db: string;
}

/**
 * The lines `npm start` (and the CLI) print when the sandbox is up: where it listens, the
 * dashboard (the page a person opens; the JSON admin API beside it is for scripts), its
 * credentials and the environment lines to paste. A secret key that came from the environment
 * is never printed; only the sandbox's built-in one is.
 *
 * @example
 * const sandbox = await startSandbox({ port: 0, db: ':memory:' });
 * console.log(startBanner({ url: sandbox.url, appId: sandbox.appId, secretKey: sandbox.secretKey, db: sandbox.db }));
 * await sandbox.close();
 */
export function startBanner(input: BannerInput): string {
  const apiBase = `${input.url}/pg`;
  const secretShown = input.secretKey === DEFAULT_SECRET_KEY;
  const secret = secretShown ? input.secretKey : '(from CASHFREE_SECRET_KEY, not shown)';
  return [
    `[cashfree-sandbox] Cashfree PG sandbox listening on ${input.url}`,
    `[cashfree-sandbox]   API        ${apiBase}  (x-api-version 2025-01-01)`,
    `[cashfree-sandbox]   Dashboard  ${input.url}/_sandbox/`,
    `[cashfree-sandbox]   Database   ${input.db}`,
    `[cashfree-sandbox]   App id     ${input.appId}`,
    `[cashfree-sandbox]   Secret key ${secret}`,
    '',
    'Paste into your .env to point the SDK at this sandbox:',
    '',
    `CASHFREE_BASE_URL=${apiBase}`,
    `CASHFREE_APP_ID=${input.appId}`,
    `CASHFREE_SECRET_KEY=${secretShown ? input.secretKey : '<your CASHFREE_SECRET_KEY>'}`,
    'CASHFREE_ENV=TEST',
    '',
    'Test data: card 4111 1111 1111 1111 (OTP 111000), UPI success@cashfree / failure@cashfree, netbanking 3333.',
    'Stop with Ctrl-C.',
  ].join('\n');
}
