/**
 * The Payouts client for a command: its own keys (`CASHFREE_PAYOUTS_CLIENT_ID` /
 * `CASHFREE_PAYOUTS_CLIENT_SECRET`, Payouts keys are not PG keys), the environment and base URL
 * the global flags resolved, and the base URL derived by the SDK's `fromEnv()` (its own
 * `CASHFREE_PAYOUTS_BASE_URL`, else the PG base URL's host with `/payout`), so the CLI and the SDK
 * cannot disagree on where Payouts lives.
 */
import { isValidationError, PRODUCTS } from 'cashfree-kit';
import { CashfreePayouts } from 'cashfree-kit/payouts';
import { type CliConfig, isLoopback } from '../config.js';
import { CliError, EXIT } from '../output/exit-codes.js';

const { idVariable, secretVariable } = PRODUCTS.payouts.credentials;
const OWN_BASE_URL = 'CASHFREE_PAYOUTS_BASE_URL';

/** Where the Payouts calls go when a URL was given (their own, or PG's), for the loopback check. */
function configuredUrl(config: CliConfig, env: Record<string, string | undefined>): string | undefined {
  const own = env[OWN_BASE_URL]?.trim();
  if (own) return own;
  return config.baseUrlSource === 'default' ? undefined : config.baseUrl;
}

function loopback(url: string | undefined): boolean {
  if (url === undefined) return false;
  try {
    return isLoopback(url);
  } catch {
    return false; // not a URL: the SDK names the variable and the fix
  }
}

/** The help for missing Payouts keys, naming where they are and the local sandbox's shortcut. */
export function payoutsCredentialsHelp(): string {
  return (
    `Set ${idVariable} and ${secretVariable}: Payouts keys are not PG keys (Cashfree dashboard → Payouts → ` +
    'Developers → API Keys, test keys for sandbox). A local sandbox accepts its own app id and secret key on ' +
    "/payout too, so with CASHFREE_BASE_URL pointing at it, CASHFREE_APP_ID and CASHFREE_SECRET_KEY (the lines 'cashfree sandbox start' prints) are enough."
  );
}

/**
 * A Payouts client for the configuration; exit code 3 when the keys are missing. On a local
 * sandbox (a loopback URL), missing Payouts keys fall back to CASHFREE_APP_ID and
 * CASHFREE_SECRET_KEY, which the sandbox accepts on `/payout` by default.
 */
export function createPayoutsClient(
  config: CliConfig,
  env: Record<string, string | undefined>,
): CashfreePayouts {
  const variables: Record<string, string | undefined> = { ...env, CASHFREE_ENV: config.environment };
  // --base-url (or CASHFREE_BASE_URL) is PG's; fromEnv() follows it to the same host's /payout.
  if (config.baseUrlSource === 'default') delete variables['CASHFREE_BASE_URL'];
  else variables['CASHFREE_BASE_URL'] = config.baseUrl;

  const hasOwnKeys = Boolean(env[idVariable]?.trim() && env[secretVariable]?.trim());
  if (!hasOwnKeys && loopback(configuredUrl(config, env)) && config.appId && config.secretKey) {
    variables[idVariable] = config.appId;
    variables[secretVariable] = config.secretKey;
  }
  for (const name of [idVariable, secretVariable]) {
    if (!variables[name]?.trim())
      throw new CliError(`${name} is not set. ${payoutsCredentialsHelp()}`, EXIT.auth);
  }
  try {
    return CashfreePayouts.fromEnv(variables);
  } catch (error) {
    // A bad base URL or public key: the SDK's message names the variable and the fix.
    if (isValidationError(error)) throw new CliError(error.message, EXIT.usage);
    throw error;
  }
}
