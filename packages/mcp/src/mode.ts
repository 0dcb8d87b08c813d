/**
 * Where the server's tools send their calls, decided once at start from the environment: the local
 * sandbox when no keys are set (nothing can reach Cashfree), Cashfree's TEST environment with test
 * keys, or production, where every tool that writes is refused unless the server was started with
 * `--allow-production-writes`.
 */
import { environmentNamed, isLoopbackHost, PRODUCTS } from 'cashfree-kit';

/** `local`: the in-process sandbox; `sandbox`: Cashfree's TEST environment; `production`: live keys. */
export type Target = 'local' | 'sandbox' | 'production';

/** The decided target and what the tools may do there. */
export interface Mode {
  readonly target: Target;
  /** Whether a tool that writes may run: always, except in production without the flag. */
  readonly writesAllowed: boolean;
  /** The environment the server reads keys from. */
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** True when a product's id and secret variables are both set (and not blank). */
export function hasKeys(
  env: Readonly<Record<string, string | undefined>>,
  product: keyof typeof PRODUCTS,
): boolean {
  const { idVariable, secretVariable } = PRODUCTS[product].credentials;
  return Boolean(env[idVariable]?.trim() && env[secretVariable]?.trim());
}

/**
 * The target for these variables: keys of either product mean Cashfree (`CASHFREE_ENV`, default
 * TEST, says which environment); no keys mean the local sandbox.
 */
export function decideMode(
  env: Readonly<Record<string, string | undefined>>,
  allowProductionWrites: boolean,
): Mode {
  if (!hasKeys(env, 'pg') && !hasKeys(env, 'payouts')) return { target: 'local', writesAllowed: true, env };
  const named = env['CASHFREE_ENV']?.trim() ? environmentNamed(env['CASHFREE_ENV']) : 'sandbox';
  if (named === undefined) {
    throw new Error(
      `CASHFREE_ENV is ${JSON.stringify(env['CASHFREE_ENV'])}: set it to TEST (Cashfree's sandbox) or PROD (live keys).`,
    );
  }
  return {
    target: named,
    writesAllowed: named !== 'production' || allowProductionWrites,
    env,
  };
}

/** The refusal a writing tool answers in production without the flag. */
export function productionWriteRefusal(tool: string): string {
  return (
    `${tool} was refused: this server uses production keys (CASHFREE_ENV=PROD), and it changes or moves real ` +
    'money or data. Restart the server with --allow-production-writes to allow it, or use TEST keys ' +
    '(or no keys, for the local sandbox) while building.'
  );
}

/**
 * The origin of a local sandbox the keys point at (`CASHFREE_BASE_URL=http://127.0.0.1:8787/pg`, as
 * `cashfree sandbox start` prints), so its test-only tools can be offered too; undefined otherwise,
 * and always in production.
 */
export function loopbackSandboxOrigin(mode: Mode): string | undefined {
  const base = mode.env['CASHFREE_BASE_URL']?.trim();
  if (mode.target !== 'sandbox' || !base) return undefined;
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    return undefined;
  }
  const pg = PRODUCTS.pg.basePath;
  return isLoopbackHost(url.hostname) && url.pathname.replace(/\/+$/, '') === pg ? url.origin : undefined;
}
