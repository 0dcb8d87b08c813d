/**
 * Where the CLI talks to and with which keys, resolved in one place: flags, then environment
 * variables, then defaults. `--env` / CASHFREE_ENV pick sandbox or production; `--base-url` /
 * CASHFREE_BASE_URL override the URL (e.g. a local sandbox); credentials come only from
 * CASHFREE_APP_ID and CASHFREE_SECRET_KEY, so they never land in shell history.
 */
import {
  BASE_URLS,
  Cashfree,
  DEFAULT_API_VERSION,
  describeEnvironmentNames,
  type Environment,
  environmentNamed,
  isLoopbackHost,
} from 'cashfree-kit';
import { CliError, EXIT } from './output/exit-codes.js';

/** Where a setting came from. */
export type Source = 'flag' | 'env' | 'default';

/** The global flags that affect configuration. */
export interface ConfigFlags {
  env?: string | undefined;
  baseUrl?: string | undefined;
}

/** The resolved configuration. */
export interface CliConfig {
  environment: Environment;
  environmentSource: Source;
  baseUrl: string;
  baseUrlSource: Source;
  appId: string | undefined;
  secretKey: string | undefined;
  apiVersion: string;
}

/**
 * Parses an environment name with the SDK's table (`TEST`, `sandbox`, `PROD`, `production`, `live`,
 * any case), so `--env`, CASHFREE_ENV here and `Cashfree.fromEnv()` accept the same names.
 */
export function parseEnvironment(value: string, where: string): Environment {
  const environment = environmentNamed(value);
  if (!environment) {
    throw new CliError(
      `${where} must be ${describeEnvironmentNames()}; received '${value}'. ` +
        `Use e.g. ${where.startsWith('--') ? '--env sandbox' : 'CASHFREE_ENV=TEST'}.`,
    );
  }
  return environment;
}

function parseBaseUrl(value: string, where: string): string {
  let url: URL | undefined;
  try {
    url = new URL(value.trim());
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new CliError(
      `${where} must be an http(s) URL; received '${value}'. Use e.g. http://127.0.0.1:8080/pg for a ` +
        `local sandbox or ${BASE_URLS.sandbox}.`,
    );
  }
  return url.toString().replace(/\/+$/, '');
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** Flags > environment variables > defaults (sandbox, Cashfree's sandbox URL). */
export function resolveConfig(flags: ConfigFlags, env: Record<string, string | undefined>): CliConfig {
  const envFlag = nonEmpty(flags.env);
  const envVariable = nonEmpty(env['CASHFREE_ENV']);
  const environment = envFlag
    ? parseEnvironment(envFlag, '--env')
    : envVariable
      ? parseEnvironment(envVariable, 'CASHFREE_ENV')
      : 'sandbox';
  const environmentSource: Source = envFlag ? 'flag' : envVariable ? 'env' : 'default';

  const urlFlag = nonEmpty(flags.baseUrl);
  const urlVariable = nonEmpty(env['CASHFREE_BASE_URL']);
  const baseUrl = urlFlag
    ? parseBaseUrl(urlFlag, '--base-url')
    : urlVariable
      ? parseBaseUrl(urlVariable, 'CASHFREE_BASE_URL')
      : BASE_URLS[environment];
  const baseUrlSource: Source = urlFlag ? 'flag' : urlVariable ? 'env' : 'default';

  return {
    environment,
    environmentSource,
    baseUrl,
    baseUrlSource,
    appId: nonEmpty(env['CASHFREE_APP_ID']),
    secretKey: nonEmpty(env['CASHFREE_SECRET_KEY']),
    apiVersion: DEFAULT_API_VERSION,
  };
}

/** True when the base URL is a loopback address, i.e. a local sandbox. */
export function isLoopback(baseUrl: string): boolean {
  return isLoopbackHost(new URL(baseUrl).hostname);
}

/** The environment variables that tell the CLI where to go and with which keys. */
export function credentialsHelp(): string {
  return (
    'Set CASHFREE_APP_ID and CASHFREE_SECRET_KEY (Dashboard → Developers → API Keys, Test keys for sandbox), ' +
    "or run 'cashfree sandbox start' and paste the lines it prints."
  );
}

/** A client for the configuration; fails with exit code 3 when a credential is missing. */
export function createClient(config: CliConfig): Cashfree {
  if (!config.appId) throw new CliError(`CASHFREE_APP_ID is not set. ${credentialsHelp()}`, EXIT.auth);
  if (!config.secretKey)
    throw new CliError(`CASHFREE_SECRET_KEY is not set. ${credentialsHelp()}`, EXIT.auth);
  return new Cashfree({
    appId: config.appId,
    secretKey: config.secretKey,
    environment: config.environment,
    baseUrl: config.baseUrl,
    apiVersion: config.apiVersion,
  });
}
