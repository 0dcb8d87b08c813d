import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NOT_CONFIGURED, PayoutsSettingsError, payoutsSettings } from './settings.js';

const local = {
  CASHFREE_APP_ID: 'TEST_sandbox_app',
  CASHFREE_SECRET_KEY: 'cfsk_ma_test_local',
  CASHFREE_ENV: 'TEST',
  CASHFREE_BASE_URL: 'http://127.0.0.1:8787/pg',
};
const real = { CASHFREE_APP_ID: 'TEST123', CASHFREE_SECRET_KEY: 'cfsk_ma_test_real', CASHFREE_ENV: 'TEST' };

test('on the local sandbox without Payouts keys, the store’s app id and secret serve Payouts at /payout', () => {
  const settings = payoutsSettings(local, true);
  assert.ok(settings.configured);
  assert.equal(settings.apiBase, 'http://127.0.0.1:8787/payout');
  assert.equal(settings.secret, 'cfsk_ma_test_local');
  assert.equal(settings.keys, 'sandbox app id');
});

test('Payouts keys, when set, are used (with their own base URL) and said to be', () => {
  const settings = payoutsSettings(
    {
      ...local,
      CASHFREE_PAYOUTS_CLIENT_ID: 'TESTpayouts',
      CASHFREE_PAYOUTS_CLIENT_SECRET: 'payouts-secret',
      CASHFREE_PAYOUTS_BASE_URL: 'http://127.0.0.1:9999/payout',
    },
    true,
  );
  assert.ok(settings.configured);
  assert.deepEqual(
    [settings.secret, settings.keys, settings.apiBase],
    ['payouts-secret', 'payouts', 'http://127.0.0.1:9999/payout'],
  );
});

test("against Cashfree's TEST environment without Payouts keys the section is off and says how to turn it on", () => {
  assert.deepEqual(payoutsSettings(real, false), { configured: false, why: NOT_CONFIGURED });
  assert.match(NOT_CONFIGURED, /CASHFREE_PAYOUTS_CLIENT_ID and CASHFREE_PAYOUTS_CLIENT_SECRET/);
  const settings = payoutsSettings(
    { ...real, CASHFREE_PAYOUTS_CLIENT_ID: 'TESTp', CASHFREE_PAYOUTS_CLIENT_SECRET: 's' },
    false,
  );
  assert.ok(settings.configured);
  assert.equal(settings.apiBase, 'https://sandbox.cashfree.com/payout');
});

test('one Payouts key without the other, or a production Payouts URL, is refused naming the variable', () => {
  assert.throws(
    () => payoutsSettings({ ...real, CASHFREE_PAYOUTS_CLIENT_ID: 'TESTp' }, false),
    (error: unknown) =>
      error instanceof PayoutsSettingsError && /CASHFREE_PAYOUTS_CLIENT_SECRET/.test(error.message),
  );
  assert.throws(
    () =>
      payoutsSettings(
        {
          ...real,
          CASHFREE_PAYOUTS_CLIENT_ID: 'p',
          CASHFREE_PAYOUTS_CLIENT_SECRET: 's',
          CASHFREE_PAYOUTS_BASE_URL: 'https://api.cashfree.com/payout',
        },
        false,
      ),
    /production API/,
  );
});
