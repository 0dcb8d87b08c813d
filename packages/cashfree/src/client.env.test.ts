import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { APP_ID, SECRET } from '../test/support.js';
import { Cashfree } from './client.js';
import { isValidationError, type ValidationError } from './core/errors.js';
import { createFakeFetch } from './testing/index.js';

const keys = { CASHFREE_APP_ID: APP_ID, CASHFREE_SECRET_KEY: SECRET };

function envError(env: Record<string, string | undefined>): ValidationError {
  try {
    Cashfree.fromEnv(env, { fetch: createFakeFetch() });
  } catch (error) {
    assert.ok(isValidationError(error));
    return error;
  }
  throw new Error('expected fromEnv to throw');
}

describe('Cashfree.fromEnv', () => {
  for (const [value, environment] of [
    ['TEST', 'sandbox'],
    ['test', 'sandbox'],
    ['Sandbox', 'sandbox'],
    ['PROD', 'production'],
    ['prod', 'production'],
    ['PRODUCTION', 'production'],
    [' production ', 'production'],
  ] as const) {
    test(`CASHFREE_ENV=${JSON.stringify(value)} selects ${environment}`, () => {
      const client = Cashfree.fromEnv({ ...keys, CASHFREE_ENV: value }, { fetch: createFakeFetch() });
      assert.equal(client.environment, environment);
      assert.equal(
        client.baseUrl,
        environment === 'sandbox' ? 'https://sandbox.cashfree.com/pg' : 'https://api.cashfree.com/pg',
      );
    });
  }

  test("CASHFREE_ENV=live (the dashboard's name for production mode) selects production", () => {
    for (const value of ['live', 'LIVE', ' Live ']) {
      const client = Cashfree.fromEnv({ ...keys, CASHFREE_ENV: value }, { fetch: createFakeFetch() });
      assert.equal(client.environment, 'production', value);
      assert.equal(client.baseUrl, 'https://api.cashfree.com/pg', value);
    }
  });

  test('a missing CASHFREE_ENV defaults to sandbox, never production', () => {
    assert.equal(Cashfree.fromEnv(keys, { fetch: createFakeFetch() }).environment, 'sandbox');
    assert.equal(
      Cashfree.fromEnv({ ...keys, CASHFREE_ENV: '' }, { fetch: createFakeFetch() }).environment,
      'sandbox',
    );
  });

  test('an unknown CASHFREE_ENV names the accepted values', () => {
    const error = envError({ ...keys, CASHFREE_ENV: 'staging' });
    assert.equal(error.field, 'CASHFREE_ENV');
    assert.equal(
      error.message,
      "CASHFREE_ENV must be TEST or sandbox (test keys), or PROD or production (live keys), in any case; received 'staging'.",
    );
  });

  test('missing credentials name the variable', () => {
    const appId = envError({ CASHFREE_SECRET_KEY: SECRET });
    assert.equal(appId.field, 'CASHFREE_APP_ID');
    assert.match(appId.message, /CASHFREE_APP_ID is not set\. Set it to your app id \(x-client-id\)/);
    const secret = envError({ CASHFREE_APP_ID: APP_ID, CASHFREE_SECRET_KEY: '   ' });
    assert.equal(secret.field, 'CASHFREE_SECRET_KEY');
    assert.match(secret.message, /CASHFREE_SECRET_KEY is not set/);
  });

  test('CASHFREE_BASE_URL points the client at the local sandbox', async () => {
    const fetch = createFakeFetch();
    const client = Cashfree.fromEnv({ ...keys, CASHFREE_BASE_URL: 'http://127.0.0.1:8080/pg/' }, { fetch });
    await client.orders.get('order_001');
    assert.equal(fetch.lastCall?.url, 'http://127.0.0.1:8080/pg/orders/order_001');
    assert.equal(fetch.lastCall?.headers['x-client-secret'], SECRET);
  });

  test('a malformed CASHFREE_BASE_URL is reported as the baseUrl', () => {
    assert.equal(envError({ ...keys, CASHFREE_BASE_URL: 'localhost:8080' }).field, 'baseUrl');
  });

  test('explicit options win over the variables', () => {
    const client = Cashfree.fromEnv(
      { ...keys, CASHFREE_ENV: 'PROD' },
      { environment: 'sandbox', maxRetries: 0, fetch: createFakeFetch() },
    );
    assert.equal(client.environment, 'sandbox');
    assert.equal(client.maxRetries, 0);
  });

  test('without an argument it reads process.env', (t) => {
    const saved = { ...process.env };
    t.after(() => {
      for (const name of ['CASHFREE_APP_ID', 'CASHFREE_SECRET_KEY', 'CASHFREE_ENV', 'CASHFREE_BASE_URL']) {
        if (saved[name] === undefined) delete process.env[name];
        else process.env[name] = saved[name];
      }
    });
    process.env['CASHFREE_APP_ID'] = APP_ID;
    process.env['CASHFREE_SECRET_KEY'] = SECRET;
    process.env['CASHFREE_ENV'] = 'PROD';
    delete process.env['CASHFREE_BASE_URL'];
    const client = Cashfree.fromEnv(undefined, { fetch: createFakeFetch() });
    assert.equal(client.environment, 'production');
    assert.equal(client.appId, APP_ID);
  });
});
