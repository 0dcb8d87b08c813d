import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Cashfree } from 'cashfree-kit';
import { createFakeFetch, jsonResponse } from 'cashfree-kit/testing';
import { CASHFREE_JS_URL, ConfigError, loadConfig, storeUrls } from './config.js';

const SECRET = 'cfsk_ma_test_0123456789abcdef_secret';
const local = {
  CASHFREE_BASE_URL: 'http://127.0.0.1:8787/pg',
  CASHFREE_APP_ID: 'TESTcashfreekitsandbox',
  CASHFREE_SECRET_KEY: SECRET,
  CASHFREE_ENV: 'TEST',
};
const real = { CASHFREE_APP_ID: 'TEST1234567890abcdef', CASHFREE_SECRET_KEY: SECRET, CASHFREE_ENV: 'TEST' };

function refused(env: Record<string, string>, pattern: RegExp): void {
  assert.throws(
    () => loadConfig(env),
    (error: unknown) => {
      assert.ok(error instanceof ConfigError, String(error));
      assert.match(error.message, /^\[demo-store\] /);
      assert.match(error.message, pattern);
      assert.ok(!error.message.includes(SECRET), 'the secret key is never echoed');
      return true;
    },
  );
}

describe('local sandbox mode (what npm start sets)', () => {
  test('loads cashfree.js from the sandbox and sends return_url and notify_url on the listening address', () => {
    const config = loadConfig(local);
    assert.equal(config.target, 'local-sandbox');
    assert.equal(config.apiBase, 'http://127.0.0.1:8787/pg');
    assert.equal(config.checkoutScriptUrl, 'http://127.0.0.1:8787/js/v3/cashfree.js');
    assert.equal(config.port, 3000);
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.db, '.demo-store/local-sandbox.db');
    assert.deepEqual(storeUrls(config, 'http://127.0.0.1:3000'), {
      baseUrl: 'http://127.0.0.1:3000',
      returnUrl: 'http://127.0.0.1:3000/return?order_id={order_id}',
      notifyUrl: 'http://127.0.0.1:3000/webhooks/cashfree',
      webhooksOff: undefined,
    });
  });

  test('DEMO_STORE_PORT, DEMO_STORE_HOST and DEMO_STORE_DB are read; a bad port names the variable', () => {
    const config = loadConfig({
      ...local,
      DEMO_STORE_PORT: '0',
      DEMO_STORE_HOST: '::1',
      DEMO_STORE_DB: ':memory:',
    });
    assert.equal(config.port, 0);
    assert.equal(config.host, '::1');
    assert.equal(config.db, ':memory:');
    refused({ ...local, DEMO_STORE_PORT: 'eighty' }, /DEMO_STORE_PORT must be a number from 0 to 65535/);
    refused({ ...local, DEMO_STORE_PORT: '70000' }, /DEMO_STORE_PORT/);
  });
});

test('DEMO_STORE_WEBHOOKS=off leaves notify_url out even on the local sandbox, and says why on every page', () => {
  const config = loadConfig({ ...local, DEMO_STORE_WEBHOOKS: 'off' });
  assert.equal(config.webhooks, 'off');
  const urls = storeUrls(config, 'http://127.0.0.1:3000');
  assert.equal(urls.notifyUrl, undefined);
  assert.equal(urls.returnUrl, 'http://127.0.0.1:3000/return?order_id={order_id}');
  assert.match(
    urls.webhooksOff ?? '',
    /DEMO_STORE_WEBHOOKS=off sends no notify_url.*the return page records each payment/,
  );
  assert.equal(loadConfig({ ...local, DEMO_STORE_WEBHOOKS: ' ON ' }).webhooks, 'on');
  assert.equal(loadConfig(local).webhooks, 'on');
  refused({ ...local, DEMO_STORE_WEBHOOKS: 'maybe' }, /DEMO_STORE_WEBHOOKS must be on or off; got "maybe"/);
});

describe("Cashfree's TEST environment (real mode), checked offline", () => {
  test('uses the real cashfree.js and Cashfree sandbox base URL', () => {
    const config = loadConfig(real);
    assert.equal(config.target, 'cashfree-sandbox');
    assert.equal(config.apiBase, 'https://sandbox.cashfree.com/pg');
    assert.equal(config.checkoutScriptUrl, CASHFREE_JS_URL);
    assert.equal(CASHFREE_JS_URL, 'https://sdk.cashfree.com/js/v3/cashfree.js');
    assert.equal(config.db, '.demo-store/cashfree-test.db', 'real orders never mix with local ones');
  });

  test('without DEMO_STORE_PUBLIC_URL there is no notify_url (Cashfree cannot post to 127.0.0.1), and the reason names the fix', () => {
    const urls = storeUrls(loadConfig(real), 'http://127.0.0.1:3000');
    assert.equal(urls.notifyUrl, undefined);
    assert.equal(urls.returnUrl, 'http://127.0.0.1:3000/return?order_id={order_id}');
    assert.match(urls.webhooksOff ?? '', /DEMO_STORE_PUBLIC_URL to a public https URL/);
    assert.match(urls.webhooksOff ?? '', /the return page records each payment it confirms/);
  });

  test('with a public https URL, return_url and notify_url are built on it', () => {
    const config = loadConfig({ ...real, DEMO_STORE_PUBLIC_URL: 'https://tea.example.ngrok.app/' });
    assert.deepEqual(storeUrls(config, 'http://127.0.0.1:3000'), {
      baseUrl: 'https://tea.example.ngrok.app',
      returnUrl: 'https://tea.example.ngrok.app/return?order_id={order_id}',
      notifyUrl: 'https://tea.example.ngrok.app/webhooks/cashfree',
      webhooksOff: undefined,
    });
  });

  test('refuses what would not work or would move real money', () => {
    refused({}, /no Cashfree credentials: run `npm start`/);
    refused({ CASHFREE_APP_ID: real.CASHFREE_APP_ID }, /CASHFREE_SECRET_KEY is not set/);
    refused({ CASHFREE_SECRET_KEY: SECRET }, /CASHFREE_APP_ID is not set/);
    refused({ ...real, CASHFREE_ENV: 'PROD' }, /only takes test payments. Set CASHFREE_ENV=TEST/);
    refused({ ...real, CASHFREE_ENV: 'staging' }, /CASHFREE_ENV must be TEST or sandbox/);
    refused({ ...real, CASHFREE_SECRET_KEY: 'cfsk_ma_prod_abcdef' }, /production key/);
    refused({ ...real, CASHFREE_BASE_URL: 'https://api.cashfree.com/pg' }, /production API/);
    refused({ ...real, DEMO_STORE_PUBLIC_URL: 'http://tea.example' }, /must be an https URL/);
    refused({ ...real, DEMO_STORE_PUBLIC_URL: 'not a url' }, /must be a URL/);
    refused({ ...real, DEMO_STORE_PUBLIC_URL: 'https://tea.example/?a=1' }, /query or fragment/);
  });

  test("every notify_url the store can produce passes the SDK's own check (https, or http on loopback)", async () => {
    const cases: Array<[Record<string, string>, string]> = [
      [local, 'http://127.0.0.1:3000'],
      [{ ...local, DEMO_STORE_PUBLIC_URL: 'https://tea.example' }, 'http://127.0.0.1:3000'],
      [{ ...real, DEMO_STORE_PUBLIC_URL: 'https://tea.example/shop' }, 'http://127.0.0.1:3000'],
    ];
    for (const [env, listening] of cases) {
      const urls = storeUrls(loadConfig(env), listening);
      assert.ok(urls.notifyUrl, JSON.stringify(env));
      const fetch = createFakeFetch(() => jsonResponse({ order_id: 'order_1', payment_session_id: 's' }));
      const cashfree = new Cashfree({ appId: 'TESTapp', secretKey: SECRET, environment: 'sandbox', fetch });
      await cashfree.orders.create({
        order_id: 'order_1',
        order_amount: 499,
        order_currency: 'INR',
        customer_details: { customer_id: 'cust_1', customer_phone: '9876543210' },
        order_meta: { return_url: urls.returnUrl, notify_url: urls.notifyUrl },
      });
      assert.equal(fetch.calls.length, 1, `${urls.notifyUrl} reached the wire`);
    }
  });
});
