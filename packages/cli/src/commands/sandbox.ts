/**
 * `cashfree sandbox start`: runs the local Cashfree sandbox until Ctrl-C, and prints its URL,
 * credentials and the environment lines that point cashfree-kit (and this CLI) at it.
 */
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { CliError, EXIT } from '../output/exit-codes.js';
import { formatKeyValues } from '../output/format.js';
import { maskSecret } from '../output/mask.js';
import {
  defaultSandboxCredentials,
  hasWebhookAdmin,
  type LocalSandboxOptions,
  startLocalSandbox,
} from '../sandbox/local.js';
import { parseWebhookVersion } from './webhooks.js';

interface StartFlags {
  port?: string;
  host?: string;
  db?: string;
  appId?: string;
  secretKey?: string;
  webhookVersion?: string;
  fastRetries?: boolean;
  rateLimits?: boolean;
}

const DEFAULT_PORT = 8787;

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

async function startAction(flags: StartFlags, context: CliContext): Promise<void> {
  const { output, runtime } = context;
  const port =
    parsePort(flags.port, '--port') ??
    parsePort(runtime.env['CASHFREE_SANDBOX_PORT'], 'CASHFREE_SANDBOX_PORT') ??
    DEFAULT_PORT;
  const webhookVersion = parseWebhookVersion(flags.webhookVersion);
  const options: LocalSandboxOptions = {
    port,
    ...(flags.host ? { host: flags.host } : {}),
    ...(flags.db ? { db: flags.db } : {}),
    ...(flags.appId ? { appId: flags.appId } : {}),
    ...(flags.secretKey ? { secretKey: flags.secretKey } : {}),
    ...(webhookVersion ? { webhookVersion } : {}),
    ...(flags.fastRetries ? { webhookRetrySchedule: 'fast' as const } : {}),
    ...(flags.rateLimits ? { rateLimits: 'cashfree-sandbox' as const } : {}),
  };
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
    const webhooksWanted = webhookVersion !== undefined || flags.fastRetries === true;
    const webhooks = await hasWebhookAdmin(sandbox.url);
    if (webhooksWanted && !webhooks) {
      throw new CliError(
        'This build of @cashfree-kit/sandbox does not deliver webhooks yet, so --webhook-version and --fast-retries ' +
          'cannot be honoured. Start it without them, or update the sandbox.',
        EXIT.usage,
      );
    }
    const defaults = await defaultSandboxCredentials();
    const appIdSource = source(flags.appId, runtime.env['CASHFREE_APP_ID'], sandbox.appId, defaults.appId);
    const secretSource = source(
      flags.secretKey,
      runtime.env['CASHFREE_SECRET_KEY'],
      sandbox.secretKey,
      defaults.secretKey,
    );
    // The sandbox's own keys are local test keys and are printed; keys the user brought are not.
    const shownSecret = secretSource === 'default' ? sandbox.secretKey : maskSecret(sandbox.secretKey);
    const secretLine =
      secretSource === 'default'
        ? `export CASHFREE_SECRET_KEY=${sandbox.secretKey}`
        : secretSource === 'env'
          ? `# CASHFREE_SECRET_KEY: already set in your environment (${shownSecret})`
          : `# CASHFREE_SECRET_KEY: the --secret-key you passed (${shownSecret})`;
    const envLines = [
      `export CASHFREE_BASE_URL=${sandbox.apiBase}`,
      appIdSource === 'env'
        ? `# CASHFREE_APP_ID: already set in your environment (${sandbox.appId})`
        : `export CASHFREE_APP_ID=${sandbox.appId}`,
      secretLine,
      'export CASHFREE_ENV=TEST',
    ];
    const db = flags.db ?? '.cashfree-sandbox/sandbox.db';
    output.event(
      {
        event: 'ready',
        url: sandbox.url,
        api_url: sandbox.apiBase,
        app_id: sandbox.appId,
        secret_key: shownSecret,
        secret_key_source: secretSource,
        db,
        webhooks: webhooks
          ? { version: webhookVersion ?? '2025-01-01', retries: flags.fastRetries ? 'fast' : 'cashfree' }
          : null,
        env: envLines,
      },
      () =>
        [
          `${output.color.green('●')} Cashfree sandbox listening on ${output.color.bold(sandbox.url)}`,
          formatKeyValues([
            ['API', sandbox.apiBase],
            ['app id', sandbox.appId],
            ['secret key', shownSecret],
            ['database', db],
            [
              'webhooks',
              webhooks
                ? `version ${webhookVersion ?? '2025-01-01'}, retries ${flags.fastRetries ? 'fast (seconds)' : 'at 2, 10 and 30 minutes'}`
                : undefined,
            ],
          ])
            .split('\n')
            .map((line) => `  ${line}`)
            .join('\n'),
          '',
          'Point cashfree-kit and this CLI at it (paste into your shell or .env):',
          ...envLines.map((line) => `  ${line}`),
          '',
          'Ctrl-C to stop.',
        ].join('\n'),
    );
    const signal = await runtime.untilStopped();
    output.note(`Stopping the sandbox (${signal})…`);
  } finally {
    await sandbox.close();
  }
  output.event({ event: 'stopped' }, () => 'Sandbox stopped.');
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
    .option('--rate-limits', "enforce Cashfree's sandbox rate limits (429 after e.g. 30 orders a minute)")
    .action((flags: StartFlags) => startAction(flags, context));
}
