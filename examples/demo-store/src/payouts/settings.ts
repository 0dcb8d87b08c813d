/**
 * Which Cashfree Payouts account the store's "Pay a supplier" uses. Payouts keys are not PG keys:
 * with `CASHFREE_PAYOUTS_CLIENT_ID` and `CASHFREE_PAYOUTS_CLIENT_SECRET` set, the store uses them
 * (through the SDK's `CashfreePayouts.fromEnv`, which also reads `CASHFREE_PAYOUTS_BASE_URL` and the
 * 2FA `CASHFREE_PAYOUTS_PUBLIC_KEY`). Without them the local sandbox is still served, with the
 * store's app id and secret key, which the sandbox accepts for Payouts too; against Cashfree's TEST
 * environment the section says Payouts is not configured and how to configure it.
 */
import { isValidationError, PRODUCTS } from 'cashfree-kit';
import { CashfreePayouts } from 'cashfree-kit/payouts';

const { idVariable, secretVariable } = PRODUCTS.payouts.credentials;
const pgCredentials = PRODUCTS.pg.credentials;

/** The store's Payouts setting: the variables for `CashfreePayouts.fromEnv`, or why there are none. */
export type PayoutsSettings =
  | {
      configured: true;
      /** The variables `CashfreePayouts.fromEnv` reads. */
      env: Record<string, string | undefined>;
      /** The Payouts client secret: it signs Payouts webhooks. Never rendered. */
      secret: string;
      /** Where the keys came from, for the page and the start line. */
      keys: 'payouts' | 'sandbox app id';
      /** The Payouts API base, e.g. `http://127.0.0.1:8787/payout`. */
      apiBase: string;
    }
  | { configured: false; why: string };

/** A Payouts setting the store cannot start with, e.g. one of the two keys set without the other. */
export class PayoutsSettingsError extends Error {
  override name = 'PayoutsSettingsError';
}

/** How to configure Payouts, shown where the section would be. */
export const NOT_CONFIGURED =
  `Payouts is not configured: set ${idVariable} and ${secretVariable} to your Payouts test keys ` +
  '(Cashfree dashboard → Payouts → Developers → API Keys; they are not your Payment Gateway keys) and restart the store.';

/**
 * Reads the Payouts setting from `env`. `localSandbox` says the store's Cashfree is a cashfree-kit
 * sandbox, whose PG keys serve Payouts too.
 *
 * @throws PayoutsSettingsError naming the variable to fix
 */
export function payoutsSettings(
  env: Record<string, string | undefined>,
  localSandbox: boolean,
): PayoutsSettings {
  const own = Boolean(env[idVariable]?.trim() || env[secretVariable]?.trim());
  if (!own && !localSandbox) return { configured: false, why: NOT_CONFIGURED };
  const payoutsEnv: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(env)) {
    if (name.startsWith('CASHFREE_PAYOUTS_')) payoutsEnv[name] = value;
  }
  payoutsEnv['CASHFREE_ENV'] = env['CASHFREE_ENV'];
  payoutsEnv['CASHFREE_BASE_URL'] = env['CASHFREE_BASE_URL'];
  if (!own) {
    payoutsEnv[idVariable] = env[pgCredentials.idVariable];
    payoutsEnv[secretVariable] = env[pgCredentials.secretVariable];
  }
  let client: CashfreePayouts;
  try {
    client = CashfreePayouts.fromEnv(payoutsEnv);
  } catch (error) {
    if (isValidationError(error)) throw new PayoutsSettingsError(`[demo-store] ${error.message}`);
    throw error;
  }
  if (client.environment === 'production' || new URL(client.baseUrl).hostname === 'api.cashfree.com') {
    throw new PayoutsSettingsError(
      "[demo-store] the Payouts settings point at Cashfree's production API: this demo store only sends test payouts. " +
        'Set CASHFREE_ENV=TEST, use your Payouts test keys and unset CASHFREE_PAYOUTS_BASE_URL.',
    );
  }
  return {
    configured: true,
    env: payoutsEnv,
    secret: (payoutsEnv[secretVariable] ?? '').trim(),
    keys: own ? 'payouts' : 'sandbox app id',
    apiBase: client.baseUrl,
  };
}
