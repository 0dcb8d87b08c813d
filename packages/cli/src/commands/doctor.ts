/**
 * `cashfree doctor`: checks what usually breaks a Cashfree integration before any code runs —
 * credentials present and of the right environment (TEST/PROD app id, cfsk_ma_test/cfsk_ma_prod
 * secret), a base URL that matches the environment, the API version, the clock (webhook
 * timestamps and order expiry depend on it) and whether the API is reachable with these keys —
 * and says what to fix.
 */

import { BASE_URLS, DEFAULT_API_VERSION, type Environment } from 'cashfree-kit';
import { DEFAULT_MAX_AGE_SECONDS, DEFAULT_TOLERANCE_SECONDS } from 'cashfree-kit/webhooks';
import type { Command } from 'commander';
import { type CliConfig, isLoopback } from '../config.js';
import type { CliContext } from '../context.js';
import { EXIT, ExitWith } from '../output/exit-codes.js';
import { formatDuration } from '../output/format.js';
import { maskSecret } from '../output/mask.js';

/** The outcome of one check. */
export interface DoctorCheck {
  name: string;
  status: 'ok' | 'warn' | 'fail';
  message: string;
  fix?: string;
}

/** Below this much skew the clock is fine; above it, worth syncing before it drifts further. */
const SKEW_WARN_SECONDS = 30;

type KeyEnvironment = Environment | 'unknown';

/** Which environment a key's prefix says it belongs to. */
export function keyEnvironment(kind: 'appId' | 'secretKey', value: string): KeyEnvironment {
  if (kind === 'appId') {
    if (/^TEST/i.test(value)) return 'sandbox';
    if (/^PROD/i.test(value)) return 'production';
    return 'unknown';
  }
  if (value.startsWith('cfsk_ma_test')) return 'sandbox';
  if (value.startsWith('cfsk_ma_prod')) return 'production';
  return 'unknown';
}

/** Cashfree's secret keys start with `cfsk_`; an app id never does. */
function looksLikeSecret(value: string): boolean {
  return value.trim().startsWith('cfsk_');
}

const envName = (environment: Environment) => (environment === 'sandbox' ? 'TEST' : 'PROD');

/** Checks the credentials and their prefixes against the environment (no network). */
export function checkCredentials(config: CliConfig, env: Record<string, string | undefined>): DoctorCheck[] {
  const checks: DoctorCheck[] = [];
  const missing = [!config.appId && 'CASHFREE_APP_ID', !config.secretKey && 'CASHFREE_SECRET_KEY'].filter(
    Boolean,
  );
  if (missing.length > 0) {
    checks.push({
      name: 'credentials',
      status: 'fail',
      message: `${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not set.`,
      fix:
        'Export your keys from Dashboard → Developers → API Keys (Test keys for sandbox), ' +
        "or run 'cashfree sandbox start' and paste the lines it prints.",
    });
  } else if (looksLikeSecret(config.appId as string)) {
    // The two variables swapped: the "app id" is a secret key, so it is masked like one.
    checks.push({
      name: 'credentials',
      status: 'fail',
      message: `CASHFREE_APP_ID ${maskSecret(config.appId)} looks like a secret key (cfsk_…), CASHFREE_SECRET_KEY ${maskSecret(config.secretKey)}.`,
      fix: 'The two variables look swapped: CASHFREE_APP_ID takes the app id (TEST…/PROD…), CASHFREE_SECRET_KEY the secret key (cfsk_ma_…).',
    });
    return checks;
  } else {
    checks.push({
      name: 'credentials',
      status: 'ok',
      message: `CASHFREE_APP_ID ${config.appId}, CASHFREE_SECRET_KEY ${maskSecret(config.secretKey)}`,
    });
  }
  for (const variable of ['CASHFREE_APP_ID', 'CASHFREE_SECRET_KEY']) {
    const raw = env[variable];
    if (raw !== undefined && raw.trim() !== raw && raw.trim() !== '') {
      checks.push({
        name: 'whitespace',
        status: 'warn',
        message: `${variable} has leading or trailing whitespace (the CLI trims it; your app may not).`,
        fix: `Remove the whitespace from ${variable} where you set it (.env files often add a newline or a space).`,
      });
    }
  }
  if (missing.length > 0) return checks;

  const local = isLoopback(config.baseUrl);
  const wanted = config.environment;
  const appEnv = keyEnvironment('appId', config.appId as string);
  const secretEnv = keyEnvironment('secretKey', config.secretKey as string);
  const keys = [
    ['CASHFREE_APP_ID', appEnv, 'TEST/PROD'] as const,
    ['CASHFREE_SECRET_KEY', secretEnv, 'cfsk_ma_test/cfsk_ma_prod'] as const,
  ];
  const problems: string[] = [];
  const unknown: string[] = [];
  for (const [variable, belongsTo, prefixes] of keys) {
    if (belongsTo === 'unknown') unknown.push(`${variable} has no ${prefixes} prefix`);
    else if (belongsTo !== wanted)
      problems.push(`${variable} is a ${belongsTo} key but the environment is ${wanted}`);
  }
  if (appEnv !== 'unknown' && secretEnv !== 'unknown' && appEnv !== secretEnv) {
    problems.push('the app id and the secret key belong to different environments');
  }
  if (problems.length > 0) {
    checks.push({
      name: 'key prefixes',
      status: 'fail',
      message: `${problems.join('; ')}.`,
      fix:
        `Use the ${wanted} keys (Dashboard → Developers → API Keys, ${wanted === 'sandbox' ? 'Test' : 'Live'} mode), ` +
        `or set CASHFREE_ENV=${envName(wanted === 'sandbox' ? 'production' : 'sandbox')} if the keys are right.`,
    });
  } else if (unknown.length > 0) {
    checks.push({
      name: 'key prefixes',
      status: local ? 'ok' : 'warn',
      message: local
        ? 'Local sandbox keys (any value works against a local sandbox).'
        : `${unknown.join('; ')}, so the environment cannot be checked.`,
      ...(local
        ? {}
        : { fix: 'Check that the keys are the ones shown in the dashboard for this environment.' }),
    });
  } else {
    checks.push({ name: 'key prefixes', status: 'ok', message: `Both keys are ${wanted} keys.` });
  }
  return checks;
}

/** Checks that the base URL belongs to the environment (no network). */
export function checkBaseUrl(config: CliConfig): DoctorCheck {
  const host = new URL(config.baseUrl).host;
  const other: Environment = config.environment === 'sandbox' ? 'production' : 'sandbox';
  if (host === new URL(BASE_URLS[other]).host) {
    return {
      name: 'base URL',
      status: 'fail',
      message: `${config.baseUrl} is Cashfree's ${other} API but the environment is ${config.environment}.`,
      fix: `Unset CASHFREE_BASE_URL (or --base-url), or set CASHFREE_ENV=${envName(other)}.`,
    };
  }
  const where = isLoopback(config.baseUrl)
    ? 'a local sandbox'
    : host === new URL(BASE_URLS[config.environment]).host
      ? `Cashfree ${config.environment}`
      : 'a custom URL';
  return { name: 'base URL', status: 'ok', message: `${config.baseUrl} (${where}).` };
}

/**
 * The clock check from the server's `date` header, taken at the middle of the round trip. Which
 * way the clock is off matters, because the webhook verifier's window is lopsided: it refuses a
 * delivery signed more than `DEFAULT_TOLERANCE_SECONDS` (300 s) ahead of this clock, but accepts
 * one signed up to `DEFAULT_MAX_AGE_SECONDS` (a day) ago. So a clock more than 300 s behind refuses
 * every webhook, while one ahead only shortens the day a retry of a delivery stays acceptable.
 */
export function checkClock(dateHeader: string | null, localMidpointMs: number): DoctorCheck {
  const serverMs = dateHeader ? Date.parse(dateHeader) : Number.NaN;
  if (Number.isNaN(serverMs)) {
    return {
      name: 'clock',
      status: 'warn',
      message: 'The server sent no usable Date header; clock skew not checked.',
    };
  }
  // The Date header has 1 s resolution; allow for it.
  const skewSeconds = Math.round((localMidpointMs - serverMs) / 1000);
  const direction = skewSeconds > 0 ? 'ahead of' : 'behind';
  const message = `Local clock is ${Math.abs(skewSeconds)} s ${direction} the server.`;
  const sync = "Sync the clock (NTP, e.g. 'timedatectl set-ntp true')";
  if (-skewSeconds > DEFAULT_TOLERANCE_SECONDS) {
    return {
      name: 'clock',
      status: 'fail',
      message,
      fix: `${sync}: webhook verification refuses a delivery signed more than ${DEFAULT_TOLERANCE_SECONDS} s ahead of this clock, so it refuses every genuine one as signed in the future, and order expiry times computed here land early.`,
    };
  }
  if (skewSeconds > DEFAULT_MAX_AGE_SECONDS) {
    return {
      name: 'clock',
      status: 'fail',
      message,
      fix: `${sync}: webhook verification refuses a delivery signed more than ${DEFAULT_MAX_AGE_SECONDS} s ago by this clock, so it refuses every genuine one as a replay.`,
    };
  }
  if (skewSeconds > DEFAULT_TOLERANCE_SECONDS) {
    return {
      name: 'clock',
      status: 'warn',
      message,
      fix: `${sync}: webhooks still verify, but a retry is accepted for ${skewSeconds} s less than the ${DEFAULT_MAX_AGE_SECONDS} s window, and order expiry times computed here land late.`,
    };
  }
  if (Math.abs(skewSeconds) > SKEW_WARN_SECONDS) {
    return {
      name: 'clock',
      status: 'warn',
      message,
      fix: 'Sync the clock with NTP before it drifts further.',
    };
  }
  return {
    name: 'clock',
    status: 'ok',
    message: Math.abs(skewSeconds) <= 1 ? 'In sync with the server.' : message,
  };
}

interface Probe {
  checks: DoctorCheck[];
}

/** One unauthenticated-safe request: GET an order that cannot exist, and read the answer. */
async function probe(config: CliConfig): Promise<Probe> {
  const url = `${config.baseUrl}/orders/cfk_doctor_probe_${Date.now().toString(36)}`;
  const headers: Record<string, string> = { accept: 'application/json', 'x-api-version': config.apiVersion };
  if (config.appId) headers['x-client-id'] = config.appId;
  if (config.secretKey) headers['x-client-secret'] = config.secretKey;
  const started = Date.now();
  let response: Response;
  try {
    response = await fetch(url, { headers, signal: AbortSignal.timeout(10_000) });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
    return {
      checks: [
        {
          name: 'reachability',
          status: 'fail',
          message: `Could not reach ${config.baseUrl} (${cause}).`,
          fix: isLoopback(config.baseUrl)
            ? "Start the local sandbox ('cashfree sandbox start') or fix CASHFREE_BASE_URL."
            : 'Check network access (proxy, firewall, DNS) to the Cashfree API, or fix CASHFREE_BASE_URL.',
        },
      ],
    };
  }
  const elapsed = Date.now() - started;
  const text = await response.text();
  let body: { code?: string; message?: string } = {};
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    // not JSON; reported below when it matters
  }
  const checks: DoctorCheck[] = [];
  const reached = `${config.baseUrl} answered HTTP ${response.status} in ${formatDuration(elapsed)}`;
  const credentialsSet = Boolean(config.appId && config.secretKey);
  if (response.status === 404 || response.status === 200) {
    checks.push({ name: 'reachability', status: 'ok', message: `${reached}; credentials accepted.` });
  } else if (response.status === 401) {
    checks.push({
      name: 'reachability',
      status: 'fail',
      message: `${reached}: credentials ${credentialsSet ? 'rejected' : 'missing'} (${body.message ?? 'authentication failed'}).`,
      fix: credentialsSet
        ? `Copy both keys again for ${config.environment} (Dashboard → Developers → API Keys); keys of the other environment are rejected.`
        : 'Set CASHFREE_APP_ID and CASHFREE_SECRET_KEY.',
    });
  } else if (response.status === 400 && /version/.test(body.code ?? '')) {
    checks.push({ name: 'reachability', status: 'ok', message: `${reached}.` });
  } else {
    checks.push({
      name: 'reachability',
      status: 'warn',
      message: `${reached}, which a missing order should not give (${body.code ?? text.slice(0, 80)}).`,
      fix: "Check the base URL; 'cashfree errors explain <code>' explains the code.",
    });
  }

  const deprecatedAt = response.headers.get('x-deprecated-at');
  if (response.status === 400 && /version/.test(body.code ?? '')) {
    checks.push({
      name: 'API version',
      status: 'fail',
      message: `The server refused x-api-version ${config.apiVersion} (${body.code}).`,
      fix: `Send x-api-version ${DEFAULT_API_VERSION}.`,
    });
  } else if (deprecatedAt) {
    checks.push({
      name: 'API version',
      status: 'warn',
      message: `x-api-version ${config.apiVersion} is deprecated (x-deprecated-at: ${deprecatedAt}).`,
      fix: `Move to ${DEFAULT_API_VERSION}.`,
    });
  } else {
    checks.push({
      name: 'API version',
      status: 'ok',
      message: `${config.apiVersion}${config.apiVersion === DEFAULT_API_VERSION ? ' (the latest cashfree-kit knows)' : ''}.`,
    });
  }
  checks.push(checkClock(response.headers.get('date'), (started + Date.now()) / 2));
  return { checks };
}

export function registerDoctorCommand(program: Command, context: CliContext): void {
  program
    .command('doctor')
    .description('check credentials, environment, API version, clock and reachability, and say what to fix')
    .action(async (_flags: unknown, command: Command) => {
      const { output, runtime } = context;
      const config = context.config(command);
      const checks = [...checkCredentials(config, runtime.env), checkBaseUrl(config)];
      const { checks: remote } = await output.during(`Contacting ${config.baseUrl}`, () => probe(config));
      checks.push(...remote);
      const failures = checks.filter((check) => check.status === 'fail').length;
      const warnings = checks.filter((check) => check.status === 'warn').length;
      const c = output.color;
      output.result(
        { ok: failures === 0, environment: config.environment, base_url: config.baseUrl, checks },
        () => {
          const width = Math.max(...checks.map((check) => check.name.length));
          const lines = [`cashfree doctor: ${config.environment} · ${config.baseUrl}`];
          for (const check of checks) {
            const mark =
              check.status === 'ok' ? c.green('✓') : check.status === 'warn' ? c.yellow('!') : c.red('✗');
            lines.push(`${mark} ${check.name.padEnd(width)}  ${check.message}`);
            if (check.fix && check.status !== 'ok')
              lines.push(`  ${' '.repeat(width)}  ${c.dim('fix:')} ${check.fix}`);
          }
          lines.push(
            failures > 0
              ? c.red(`${failures} problem${failures > 1 ? 's' : ''} to fix.`)
              : warnings > 0
                ? c.yellow(`No problems; ${warnings} warning${warnings > 1 ? 's' : ''}.`)
                : c.green('All good.'),
          );
          return lines.join('\n');
        },
      );
      if (failures > 0) {
        if (output.json) {
          const first = checks.find((check) => check.status === 'fail');
          output.note(
            `cashfree: doctor found ${failures} problem${failures > 1 ? 's' : ''}: ${first?.message} ${first?.fix ?? ''}`.trim(),
          );
        }
        throw new ExitWith(EXIT.failure);
      }
    });
}
