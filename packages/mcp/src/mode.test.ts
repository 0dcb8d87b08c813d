/** Which target the keys in the environment choose, and when writes are allowed. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decideMode, loopbackSandboxOrigin, productionWriteRefusal } from './mode.js';

const keys = { CASHFREE_APP_ID: 'app_1', CASHFREE_SECRET_KEY: 'secret_1' };

test('no keys: the local sandbox', () => {
  assert.equal(decideMode({}, false).target, 'local');
  assert.equal(decideMode({ CASHFREE_APP_ID: 'app_1', CASHFREE_SECRET_KEY: ' ' }, false).target, 'local');
});

test('keys: TEST by default, production when CASHFREE_ENV says so, writes refused there without the flag', () => {
  assert.deepEqual(
    [decideMode(keys, false).target, decideMode(keys, false).writesAllowed],
    ['sandbox', true],
  );
  const production = decideMode({ ...keys, CASHFREE_ENV: 'PROD' }, false);
  assert.equal(production.target, 'production');
  assert.equal(production.writesAllowed, false);
  assert.equal(decideMode({ ...keys, CASHFREE_ENV: 'production' }, true).writesAllowed, true);
  assert.equal(
    decideMode(
      { CASHFREE_PAYOUTS_CLIENT_ID: 'p', CASHFREE_PAYOUTS_CLIENT_SECRET: 's', CASHFREE_ENV: 'live' },
      false,
    ).target,
    'production',
  );
});

test('an unknown CASHFREE_ENV is an error naming the values', () => {
  assert.throws(() => decideMode({ ...keys, CASHFREE_ENV: 'staging' }, false), /CASHFREE_ENV.*TEST.*PROD/);
});

test('the refusal names the flag', () => {
  assert.match(productionWriteRefusal('refunds_create'), /refunds_create.*--allow-production-writes/);
});

test('keys pointed at a local sandbox on loopback offer its origin for the sandbox tools; nothing else does', () => {
  const at = (base: string | undefined, env: string | undefined = undefined) =>
    loopbackSandboxOrigin(decideMode({ ...keys, CASHFREE_BASE_URL: base, CASHFREE_ENV: env }, false));
  assert.equal(at('http://127.0.0.1:8787/pg'), 'http://127.0.0.1:8787');
  assert.equal(at('http://localhost:8787/pg/'), 'http://localhost:8787');
  assert.equal(at(undefined), undefined, "Cashfree's TEST environment has no sandbox tools");
  assert.equal(at('https://sandbox.cashfree.com/pg'), undefined);
  assert.equal(at('http://10.0.0.5:8787/pg'), undefined, 'not loopback');
  assert.equal(at('http://127.0.0.1:8787/payout'), undefined, 'not the PG base path');
  assert.equal(at('not a url'), undefined);
  assert.equal(at('http://127.0.0.1:8787/pg', 'PROD'), undefined, 'never in production');
  assert.equal(loopbackSandboxOrigin(decideMode({}, false)), undefined, 'the local target runs its own');
});
