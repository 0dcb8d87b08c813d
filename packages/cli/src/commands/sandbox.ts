/**
 * `cashfree sandbox start`: runs the local Cashfree sandbox until Ctrl-C, and prints its URL,
 * credentials and the environment lines that point cashfree-kit (and this CLI) at it.
 * `cashfree sandbox reset`: empties the local sandbox.
 */

import type { SandboxOptions, WebhookRetryTimestamp } from '@cashfree-kit/sandbox';
import { WEBHOOK_VERSIONS } from 'cashfree-kit/webhooks';
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { CliError, EXIT } from '../output/exit-codes.js';
import { maskSecret } from '../output/mask.js';
import { confirm } from '../sandbox/confirm.js';
import { detectLocalSandbox } from '../sandbox/detect.js';
import { defaultSandboxCredentials, sandboxBanner, startLocalSandbox } from '../sandbox/local.js';
import { parseWebhookVersion } from './webhooks.js';

interface StartFlags {
  port?: string;
  host?: string;
  db?: string;
  appId?: string;
  secretKey?: string;
  webhookVersion?: string;
  fastRetries?: boolean;
  webhookRetryTimestamp?: string;
  rateLimits?: boolean;
  merchantName?: string;
}

// Spelled out here so the CLI parses its flags without loading the sandbox.
const RETRY_TIMESTAMPS = ['original', 'fresh'] as const satisfies readonly WebhookRetryTimestamp[];

function parseRetryTimestamp(value: string | undefined): WebhookRetryTimestamp | undefined {
  if (value === undefined) return undefined;
  if ((RETRY_TIMESTAMPS as readonly string[]).includes(value)) return value as WebhookRetryTimestamp;
  throw new CliError(`--webhook-retry-timestamp must be original or fresh; received '${value}'.`);
}

const DEFAULT_PORT = 8787;

/** The sandbox accepts 1 to 100 characters; checked here so the error names the flag. */
const MERCHANT_NAME_MAX = 100;

function parseMerchantName(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const name = value.trim();
  if (name === '' || name.length > MERCHANT_NAME_MAX) {
    throw new CliError(
      `--merchant-name must be 1 to ${MERCHANT_NAME_MAX} characters (the name checkout pages show, e.g. 'Pahadi Tea Co.'); received ${name.length}.`,
    );
  }
  return name;
}

function parsePort(value: string | undefined, where: string): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new CliError(
      `${where} must be a port number from 0 to 65535 (0 picks a free one); received '${value}'.`,
    );
  }
  return port;
}

/** Where each credential of the started sandbox came from. */
type CredentialSource = 'default' | 'flag' | 'env';

function source(
  flag: string | undefined,
  variable: string | undefined,
  value: string,
  fallback: string,
): CredentialSource {
  if (flag !== undefined) return 'flag';
  if (variable && variable === value && value !== fallback) return 'env';
  return 'default';
}

/**
 * The sandbox's own start banner (shared with `npm start`), with the webhook settings added to its
 * summary and the secret's real source named when it came from --secret-key.
 */
function bannerText(
  banner: string,
  secretSource: CredentialSource,
  delivery: { version: string; retries: string },
): string {
  const lines = (
    secretSource === 'flag'
      ? banner
          .replace('(from CASHFREE_SECRET_KEY, not shown)', '(from --secret-key, not shown)')
          .replace('<your CASHFREE_SECRET_KEY>', '<the --secret-key you passed>')
      : banner
  ).split('\n');
  if (delivery) {
    const retries = delivery.retries === 'fast' ? 'retries within seconds' : 'retries at 2, 10 and 30 min';
    const summaryEnd = lines.findLastIndex((line) => line.startsWith('[cashfree-sandbox]'));
    lines.splice(
      summaryEnd + 1,
      0,
      `[cashfree-sandbox]   Webhooks   version ${delivery.version}, ${retries}`,
    );
  }
  return lines.join('\n');
}

async function startAction(flags: StartFlags, context: CliContext): Promise<void> {
  const { output, runtime } = context;
  const port =
    parsePort(flags.port, '--port') ??
    parsePort(runtime.env['CASHFREE_SANDBOX_PORT'], 'CASHFREE_SANDBOX_PORT') ??
    DEFAULT_PORT;
  const webhookVersion = parseWebhookVersion(flags.webhookVersion);
  const retryTimestamp = parseRetryTimestamp(flags.webhookRetryTimestamp);
  const merchantName = parseMerchantName(flags.merchantName);
  const options: SandboxOptions = {
    port,
    ...(flags.host ? { host: flags.host } : {}),
    ...(flags.db ? { db: flags.db } : {}),
    ...(flags.appId ? { appId: flags.appId } : {}),
    ...(flags.secretKey ? { secretKey: flags.secretKey } : {}),
    ...(webhookVersion ? { webhookVersion } : {}),
    ...(flags.fastRetries ? { webhookRetrySchedule: 'fast' as const } : {}),
    ...(retryTimestamp ? { webhookRetryTimestamp: retryTimestamp } : {}),
    ...(flags.rateLimits ? { rateLimits: 'cashfree-sandbox' as const } : {}),
    ...(merchantName ? { merchantName } : {}),
  };
  // Listen for Ctrl-C from the start: a stop during start-up, or right after the banner is read,
  // must still close the server and the database.
  const stopped = runtime.untilStopped();
  let sandbox: Awaited<ReturnType<typeof startLocalSandbox>>;
  try {
    sandbox = await startLocalSandbox(options);
  } catch (error) {
    const message =
      error instanceof Error ? error.message.replace(/^\[cashfree-sandbox\] /, '') : String(error);
    const code = (error as { code?: string }).code;
    throw new CliError(
      code === 'EADDRINUSE' ? `${message} (--port ${port})` : `could not start the sandbox: ${message}`,
      EXIT.failure,
    );
  }

  try {
    const defaults = await defaultSandboxCredentials();
    const secretSource = source(
      flags.secretKey,
      runtime.env['CASHFREE_SECRET_KEY'],
      sandbox.secretKey,
      defaults.secretKey,
    );
    // The sandbox's own keys are local test keys and are printed; a key the user brought is not.
    const builtInSecret = secretSource === 'default';
    const env: Record<string, string> = {
      CASHFREE_BASE_URL: sandbox.apiBase,
      CASHFREE_APP_ID: sandbox.appId,
      ...(builtInSecret ? { CASHFREE_SECRET_KEY: sandbox.secretKey } : {}),
      CASHFREE_ENV: 'TEST',
    };
    const delivery = {
      version: webhookVersion ?? WEBHOOK_VERSIONS[0],
      retries: flags.fastRetries ? 'fast' : 'cashfree',
      retry_timestamp: retryTimestamp ?? 'original',
    };
    const banner = await sandboxBanner(sandbox);
    output.event(
      {
        event: 'ready',
        url: sandbox.url,
        api_url: sandbox.apiBase,
        app_id: sandbox.appId,
        secret_key: builtInSecret ? sandbox.secretKey : maskSecret(sandbox.secretKey),
        secret_key_source: secretSource,
        db: sandbox.db,
        webhooks: delivery,
        env,
      },
      () => bannerText(banner, secretSource, delivery),
    );
    const signal = await stopped;
    output.note(`[cashfree-sandbox] stopping (${signal})…`);
  } finally {
    await sandbox.close();
  }
  output.event({ event: 'stopped' }, () =>
    sandbox.db === ':memory:'
      ? '[cashfree-sandbox] stopped; the in-memory state is gone.'
      : `[cashfree-sandbox] stopped; state is kept in ${sandbox.db}.`,
  );
}

/**
 * `cashfree sandbox reset`: empties the local sandbox the configuration points at (orders,
 * payments, refunds, links, settlements, Payouts, webhook deliveries) and resets its clock, after a
 * yes on the terminal unless `--yes`. Anything that is not a cashfree-kit local sandbox is refused
 * before a request is sent to it.
 */
async function resetAction(flags: { yes?: boolean }, command: Command, context: CliContext): Promise<void> {
  const { output, runtime } = context;
  const config = context.config(command);
  const sandbox = await detectLocalSandbox(config.baseUrl);
  if (!sandbox) {
    throw new CliError(
      config.baseUrlSource === 'default'
        ? `'sandbox reset' empties a local sandbox only, and CASHFREE_BASE_URL is not set (the target is ${config.baseUrl}). ` +
            "Point CASHFREE_BASE_URL (or --base-url) at the URL 'cashfree sandbox start' prints."
        : `'sandbox reset' empties a local sandbox only; ${config.baseUrl} is not one (no cashfree-kit sandbox answers /_sandbox/health there).`,
      EXIT.usage,
    );
  }
  if (
    !flags.yes &&
    !(await confirm(
      runtime,
      `Delete every order, payment, refund, link, settlement and payout on ${sandbox.origin}?`,
    ))
  ) {
    throw new CliError('Nothing was reset: answer y, or pass --yes to reset without asking.', EXIT.usage);
  }
  const reset = await sandbox.call<{ now: string }>('POST', '/reset');
  output.result(
    { reset: true, sandbox: sandbox.origin, now: reset.now },
    () => `Reset the local sandbox at ${sandbox.origin}: its state is empty and its clock is ${reset.now}.`,
  );
}

export function registerSandboxCommands(program: Command, context: CliContext): void {
  const sandbox = program.command('sandbox').description('the local, offline Cashfree sandbox');

  sandbox
    .command('start')
    .description('run the local sandbox until Ctrl-C; prints its URL, keys and the env lines to paste')
    .option(
      '--port <port>',
      'port to listen on, 0 for any free one (default CASHFREE_SANDBOX_PORT, else 8787)',
    )
    .option('--host <host>', 'interface to listen on (default 127.0.0.1, loopback only)')
    .option('--db <path>', "SQLite file, or ':memory:' (default .cashfree-sandbox/sandbox.db)")
    .option(
      '--app-id <id>',
      'app id (x-client-id) the sandbox accepts (default CASHFREE_APP_ID, else its own)',
    )
    .option(
      '--secret-key <key>',
      'secret key the sandbox accepts (default CASHFREE_SECRET_KEY, else its own)',
    )
    .option(
      '--webhook-version <version>',
      'webhook payloads and x-webhook-version: 2025-01-01 (default) or 2023-08-01',
    )
    .option(
      '--fast-retries',
      'retry failed webhook deliveries within seconds instead of 2, 10 and 30 minutes',
    )
    .option(
      '--webhook-retry-timestamp <mode>',
      'x-webhook-timestamp of a retry: original (default; as old as the webhook) or fresh (re-signed per attempt)',
    )
    .option('--rate-limits', "enforce Cashfree's sandbox rate limits (429 after e.g. 30 orders a minute)")
    .option(
      '--merchant-name <name>',
      'business name checkout, mandate and payment link pages show (default CASHFREE_SANDBOX_MERCHANT_NAME, else "the merchant <app id>")',
    )
    .action((flags: StartFlags) => startAction(flags, context));

  sandbox
    .command('reset')
    .description('empty the local sandbox (CASHFREE_BASE_URL) and reset its clock; asks first unless --yes')
    .option('--yes', 'reset without asking')
    .action((flags: { yes?: boolean }, command: Command) => resetAction(flags, command, context));
}
