import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isCashfreeError } from 'cashfree-kit';
import { createClient, isLoopback, resolveConfig } from './config.js';
import { CliError } from './output/exit-codes.js';

describe('resolveConfig: flags, then environment variables, then defaults', () => {
  test('defaults to Cashfree sandbox with no credentials', () => {
    const config = resolveConfig({}, {});
    assert.equal(config.environment, 'sandbox');
    assert.equal(config.environmentSource, 'default');
    assert.equal(config.baseUrl, 'https://sandbox.cashfree.com/pg');
    assert.equal(config.baseUrlSource, 'default');
    assert.equal(config.appId, undefined);
    assert.equal(config.apiVersion, '2025-01-01');
  });

  test('reads CASHFREE_* variables, trimmed, with TEST/PROD in any case', () => {
    const config = resolveConfig(
      {},
      { CASHFREE_ENV: ' prod ', CASHFREE_APP_ID: ' PROD123 ', CASHFREE_SECRET_KEY: 'cfsk_ma_prod_x\n' },
    );
    assert.equal(config.environment, 'production');
    assert.equal(config.environmentSource, 'env');
    assert.equal(config.baseUrl, 'https://api.cashfree.com/pg');
    assert.equal(config.appId, 'PROD123');
    assert.equal(config.secretKey, 'cfsk_ma_prod_x');
  });

  test('flags win over variables; the base URL loses its trailing slash', () => {
    const config = resolveConfig(
      { env: 'sandbox', baseUrl: 'http://127.0.0.1:8787/pg/' },
      { CASHFREE_ENV: 'PROD', CASHFREE_BASE_URL: 'http://127.0.0.1:1/pg' },
    );
    assert.equal(config.environment, 'sandbox');
    assert.equal(config.environmentSource, 'flag');
    assert.equal(config.baseUrl, 'http://127.0.0.1:8787/pg');
    assert.equal(config.baseUrlSource, 'flag');
  });

  test('a bad --env or base URL is a usage error naming the source and an example', () => {
    assert.throws(
      () => resolveConfig({ env: 'staging' }, {}),
      (error: unknown) =>
        error instanceof CliError &&
        error.exitCode === 2 &&
        /--env must be TEST or sandbox.*--env sandbox/.test(error.message),
    );
    assert.throws(
      () => resolveConfig({}, { CASHFREE_ENV: 'dev' }),
      (error: unknown) =>
        error instanceof CliError && /CASHFREE_ENV must be.*CASHFREE_ENV=TEST/.test(error.message),
    );
    assert.throws(
      () => resolveConfig({}, { CASHFREE_BASE_URL: 'localhost:8787' }),
      (error: unknown) =>
        error instanceof CliError && /CASHFREE_BASE_URL must be an http\(s\) URL/.test(error.message),
    );
  });
});

test('createClient needs both keys (exit code 3) and builds a client for the URL', () => {
  assert.throws(
    () => createClient(resolveConfig({}, { CASHFREE_SECRET_KEY: 'x' })),
    (error: unknown) =>
      error instanceof CliError && error.exitCode === 3 && /CASHFREE_APP_ID is not set/.test(error.message),
  );
  assert.throws(
    () => createClient(resolveConfig({}, { CASHFREE_APP_ID: 'x' })),
    (error: unknown) =>
      error instanceof CliError &&
      error.exitCode === 3 &&
      /CASHFREE_SECRET_KEY is not set/.test(error.message),
  );
  const client = createClient(
    resolveConfig(
      { baseUrl: 'http://127.0.0.1:9/pg' },
      { CASHFREE_APP_ID: 'TESTa', CASHFREE_SECRET_KEY: 'cfsk_ma_test_b' },
    ),
  );
  assert.equal(client.baseUrl, 'http://127.0.0.1:9/pg');
  assert.equal(client.environment, 'sandbox');
  assert.equal(isCashfreeError(new Error('x')), false);
});

test('isLoopback recognises local sandboxes', () => {
  assert.equal(isLoopback('http://127.0.0.1:8787/pg'), true);
  assert.equal(isLoopback('http://localhost:8787/pg'), true);
  assert.equal(isLoopback('http://[::1]:8787/pg'), true);
  assert.equal(isLoopback('https://sandbox.cashfree.com/pg'), false);
});
