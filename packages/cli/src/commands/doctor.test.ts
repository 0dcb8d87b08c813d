import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  DEFAULT_MAX_AGE_SECONDS,
  DEFAULT_TOLERANCE_SECONDS,
  signWebhook,
  verifyWebhookSignature,
} from 'cashfree-kit/webhooks';
import { resolveConfig } from '../config.js';
import { checkBaseUrl, checkClock, checkCredentials, keyEnvironment } from './doctor.js';

/** Whether a webhook signed at `signedMs` by Cashfree's clock verifies on a server whose clock reads `localMs`. */
async function verifiesAt(signedMs: number, localMs: number): Promise<boolean> {
  const secret = 'doctor-clock-test-secret';
  const { rawBody, headers } = await signWebhook({ body: '{"type":"TEST"}', secret, timestamp: signedMs });
  const signature = headers['x-webhook-signature'] ?? '';
  const timestamp = headers['x-webhook-timestamp'] ?? '';
  return verifyWebhookSignature({ rawBody, signature, timestamp, secret, now: localMs }).then(
    () => true,
    () => false,
  );
}

describe('doctor checks that need no network', () => {
  test('key prefixes say which environment a key belongs to', () => {
    assert.equal(keyEnvironment('appId', 'TEST10987'), 'sandbox');
    assert.equal(keyEnvironment('appId', 'PROD_123'), 'production');
    assert.equal(keyEnvironment('appId', '12345'), 'unknown');
    assert.equal(keyEnvironment('secretKey', 'cfsk_ma_test_abc'), 'sandbox');
    assert.equal(keyEnvironment('secretKey', 'cfsk_ma_prod_abc'), 'production');
    assert.equal(keyEnvironment('secretKey', 'abc'), 'unknown');
  });

  test('production keys with CASHFREE_ENV=TEST fail with the fix', () => {
    const env = {
      CASHFREE_APP_ID: 'PROD1',
      CASHFREE_SECRET_KEY: 'cfsk_ma_prod_0123456789',
      CASHFREE_ENV: 'TEST',
    };
    const checks = checkCredentials(resolveConfig({}, env), env);
    const prefixes = checks.find((check) => check.name === 'key prefixes');
    assert.equal(prefixes?.status, 'fail');
    assert.match(
      prefixes?.message ?? '',
      /CASHFREE_APP_ID is a production key but the environment is sandbox/,
    );
    assert.match(prefixes?.fix ?? '', /CASHFREE_ENV=PROD/);
  });

  test('unknown prefixes warn against Cashfree and pass against a local sandbox; whitespace warns', () => {
    const env = { CASHFREE_APP_ID: 'abc123 ', CASHFREE_SECRET_KEY: 'secret-without-prefix' };
    const remote = checkCredentials(resolveConfig({}, env), env);
    assert.equal(remote.find((check) => check.name === 'key prefixes')?.status, 'warn');
    assert.match(
      remote.find((check) => check.name === 'whitespace')?.message ?? '',
      /CASHFREE_APP_ID has leading or trailing whitespace/,
    );
    const local = checkCredentials(resolveConfig({ baseUrl: 'http://127.0.0.1:8787/pg' }, env), env);
    assert.equal(local.find((check) => check.name === 'key prefixes')?.status, 'ok');
  });

  test('the secret is masked in the credentials check', () => {
    const env = { CASHFREE_APP_ID: 'TEST1', CASHFREE_SECRET_KEY: 'cfsk_ma_test_0123456789abcdef' };
    const [credentials] = checkCredentials(resolveConfig({}, env), env);
    assert.equal(credentials?.message, 'CASHFREE_APP_ID TEST1, CASHFREE_SECRET_KEY cfsk…cdef');
  });

  test('swapped variables: the secret in CASHFREE_APP_ID is masked and the swap is named', () => {
    const secret = 'cfsk_ma_test_0123456789abcdef';
    const env = { CASHFREE_APP_ID: secret, CASHFREE_SECRET_KEY: 'TEST1' };
    const checks = checkCredentials(resolveConfig({ baseUrl: 'http://127.0.0.1:8787/pg' }, env), env);
    const credentials = checks.find((check) => check.name === 'credentials');
    assert.equal(credentials?.status, 'fail');
    assert.match(credentials?.fix ?? '', /look swapped/);
    assert.ok(!JSON.stringify(checks).includes(secret), 'the secret is never printed in full');
  });

  test('a base URL of the other environment fails', () => {
    const wrong = checkBaseUrl(resolveConfig({ baseUrl: 'https://api.cashfree.com/pg' }, {}));
    assert.equal(wrong.status, 'fail');
    assert.match(wrong.fix ?? '', /CASHFREE_ENV=PROD/);
    assert.equal(checkBaseUrl(resolveConfig({}, {})).status, 'ok');
    assert.match(
      checkBaseUrl(resolveConfig({ baseUrl: 'http://127.0.0.1:8787/pg' }, {})).message,
      /local sandbox/,
    );
  });

  test('clock: in sync, drifting (warn), beyond the webhook window (fail), unknown', () => {
    const server = Date.parse('Mon, 01 Jan 2024 00:00:00 GMT');
    const date = new Date(server).toUTCString();
    assert.equal(checkClock(date, server + 400).status, 'ok');
    assert.equal(checkClock(date, server + 60_000).status, 'warn');
    assert.equal(checkClock(date, server - 60_000).status, 'warn');
    assert.equal(checkClock(null, server).status, 'warn');
  });

  test('clock: behind by more than the tolerance fails, as every webhook would be refused', async () => {
    const server = Date.parse('Mon, 01 Jan 2024 00:00:00 GMT');
    const date = new Date(server).toUTCString();
    const tolerance = DEFAULT_TOLERANCE_SECONDS * 1000;
    assert.equal(checkClock(date, server - tolerance).status, 'warn');
    assert.equal(await verifiesAt(server, server - tolerance), true, 'at the tolerance, deliveries verify');
    const behind = checkClock(date, server - tolerance - 2_000);
    assert.equal(behind.status, 'fail');
    assert.match(behind.message, /302 s behind the server/);
    assert.match(behind.fix ?? '', /refuses every genuine one as signed in the future/);
    assert.equal(await verifiesAt(server, server - tolerance - 2_000), false, 'the verifier agrees');
  });

  test('clock: ahead only warns until deliveries would look older than the maximum age', async () => {
    const server = Date.parse('Mon, 01 Jan 2024 00:00:00 GMT');
    const date = new Date(server).toUTCString();
    const ahead = checkClock(date, server + 3_600_000);
    assert.equal(ahead.status, 'warn');
    assert.match(ahead.message, /3600 s ahead of the server/);
    assert.match(ahead.fix ?? '', /webhooks still verify, but a retry is accepted for 3600 s less/);
    assert.equal(await verifiesAt(server, server + 3_600_000), true, 'the verifier agrees');
    const dayAhead = (DEFAULT_MAX_AGE_SECONDS + 2) * 1000;
    const failing = checkClock(date, server + dayAhead);
    assert.equal(failing.status, 'fail');
    assert.match(failing.fix ?? '', /refuses every genuine one as a replay/);
    assert.equal(await verifiesAt(server, server + dayAhead), false, 'the verifier agrees');
  });
});
