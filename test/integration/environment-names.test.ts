/**
 * `CASHFREE_ENV` means the same in every part of cashfree-kit, because all of them read it through
 * the SDK's `environmentNamed()`: `live` (any case) is production in the SDK's `fromEnv()`, in the
 * CLI (`CASHFREE_ENV` and `--env`), and in the demo store, which refuses it as production.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Cashfree, ENVIRONMENT_NAMES } from 'cashfree-kit';
import { ConfigError, loadConfig } from '../../examples/demo-store/src/config.ts';
import { resolveConfig } from '../../packages/cli/src/config.ts';

const keys = { CASHFREE_APP_ID: 'TESTenvnames', CASHFREE_SECRET_KEY: 'cfsk_ma_test_env_names_secret' };

test('CASHFREE_ENV=live is production in the SDK, the CLI and the demo store', () => {
  for (const live of ['live', 'LIVE', ' Live ']) {
    const env = { ...keys, CASHFREE_ENV: live };
    assert.equal(Cashfree.fromEnv(env).environment, 'production', `fromEnv() with ${live}`);
    assert.equal(resolveConfig({}, env).environment, 'production', `the CLI with CASHFREE_ENV=${live}`);
    assert.equal(resolveConfig({ env: live }, {}).environment, 'production', `the CLI with --env ${live}`);
    assert.throws(
      () => loadConfig(env),
      (error: unknown) =>
        error instanceof ConfigError && /CASHFREE_ENV asks for production/.test(error.message),
      `the demo store with ${live}`,
    );
  }
});

test('every name in ENVIRONMENT_NAMES selects the same environment in the SDK and the CLI', () => {
  for (const [name, environment] of Object.entries(ENVIRONMENT_NAMES)) {
    const env = { ...keys, CASHFREE_ENV: name };
    assert.equal(Cashfree.fromEnv(env).environment, environment, `fromEnv() with ${name}`);
    assert.equal(resolveConfig({}, env).environment, environment, `the CLI with ${name}`);
  }
});
