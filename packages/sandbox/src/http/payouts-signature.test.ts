import assert from 'node:assert/strict';
import { constants, generateKeyPairSync, publicEncrypt } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { ApiError, isApiError } from 'cashfree-kit';
import { CashfreePayouts } from 'cashfree-kit/payouts';
import { PAYOUTS_2FA_VARIABLE, resolveOptions } from '../options.js';
import { createSandboxApp } from '../sandbox-app.js';
import { harness } from '../testing/harness.js';
import { PAYOUT_HEADERS, payoutCalls, SUCCESS_ACCOUNT } from '../testing/payouts.js';
import { PAYOUT_SIGNATURE_WINDOW_S } from './payouts-signature.js';

/** The SDK's Payouts client talking to `h`'s sandbox in-process (no socket). */
function sdkClient(h: ReturnType<typeof harness>, publicKey?: string): CashfreePayouts {
  return new CashfreePayouts({
    clientId: h.sandbox.appId,
    clientSecret: h.sandbox.secretKey,
    environment: 'sandbox',
    baseUrl: 'http://sandbox.test/payout',
    fetch: async (input, init) => h.sandbox.fetch(new Request(input, init)),
    maxRetries: 0,
    ...(publicKey === undefined ? {} : { publicKey }),
  });
}

/** `clientId.seconds` encrypted as Cashfree's docs say (RSA-OAEP, SHA-1), with Node's own crypto. */
function sign(publicKey: string, plaintext: string): string {
  return publicEncrypt(
    { key: publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha1' },
    Buffer.from(plaintext),
  ).toString('base64');
}

const transfer = (transfer_id: string) => ({
  transfer_id,
  transfer_amount: 100,
  beneficiary_details: {
    beneficiary_name: 'Darjeeling Tea Estate',
    beneficiary_instrument_details: SUCCESS_ACCOUNT,
  },
});

async function publicKeyOf(h: ReturnType<typeof harness>): Promise<string> {
  const res = await h.call('GET', '/_sandbox/payouts/two-factor');
  assert.equal(res.status, 200);
  assert.equal(res.body.enabled, true);
  return res.body.public_key;
}

describe('Payouts 2FA switched on', () => {
  const h = harness({ payouts: { twoFactor: true } });
  const p = payoutCalls(h);

  test('the admin API gives the public key as PEM, never the private half', async () => {
    const res = await h.call('GET', '/_sandbox/payouts/two-factor');
    assert.match(res.body.public_key, /^-----BEGIN PUBLIC KEY-----\n[\s\S]+-----END PUBLIC KEY-----\n?$/);
    assert.equal(res.body.window_seconds, PAYOUT_SIGNATURE_WINDOW_S);
    assert.doesNotMatch(JSON.stringify(res.body), /PRIVATE/);
  });

  test("the SDK given the sandbox's public key creates and reads a transfer", async () => {
    const payouts = sdkClient(h, await publicKeyOf(h));
    const created = await payouts.transfers.create(transfer('signed_1'));
    assert.equal(created.transfer_id, 'signed_1');
    const read = await payouts.transfers.get({ transfer_id: 'signed_1' });
    assert.equal(read.transfer_id, 'signed_1');
  });

  test('the SDK without the key gets the 403 as a typed ApiError, and nothing is paid', async () => {
    const error = await sdkClient(h)
      .transfers.create(transfer('unsigned_1'))
      .catch((e: unknown) => e);
    assert.ok(isApiError(error), `expected an ApiError, got ${String(error)}`);
    assert.ok(error instanceof ApiError);
    assert.equal(error.status, 403);
    assert.equal(error.code, 'two_factor_authentication_failed');
    assert.equal(error.type, 'authentication_error');
    const lookup = await p.call('GET', '/transfers?transfer_id=unsigned_1', undefined, {
      'x-cf-signature': sign(await publicKeyOf(h), `${h.sandbox.appId}.${Math.floor(Date.now() / 1000)}`),
    });
    assert.equal(lookup.status, 404);
  });

  test('the SDK with another key pair’s public key gets the 403', async () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({
      type: 'spki',
      format: 'pem',
    });
    const error = await sdkClient(h, String(other))
      .transfers.get({ transfer_id: 'signed_1' })
      .catch((e: unknown) => e);
    assert.ok(isApiError(error));
    assert.equal(error.status, 403);
    assert.match(String(error.body && JSON.stringify(error.body)), /could not be decrypted/);
  });

  test('a request without x-cf-signature is refused in Cashfree’s {message, code, type} shape', async () => {
    const res = await p.call('GET', '/transfers?transfer_id=signed_1');
    assert.equal(res.status, 403);
    assert.equal(res.body.message, 'IP not whitelisted');
    assert.equal(res.body.code, 'two_factor_authentication_failed');
    assert.equal(res.body.type, 'authentication_error');
    assert.match(res.body.help, /no x-cf-signature header/);
  });

  test('a signature older than the window is refused, one inside it accepted (fractional seconds too)', async () => {
    const key = await publicKeyOf(h);
    const now = Date.now() / 1000;
    const stale = await p.call('GET', '/transfers?transfer_id=signed_1', undefined, {
      'x-cf-signature': sign(key, `${h.sandbox.appId}.${Math.floor(now) - PAYOUT_SIGNATURE_WINDOW_S - 60}`),
    });
    assert.equal(stale.status, 403);
    assert.match(stale.body.help, /s old; it is valid for 600 s/);
    const fresh = await p.call('GET', '/transfers?transfer_id=signed_1', undefined, {
      'x-cf-signature': sign(key, `${h.sandbox.appId}.${now - 30}`),
    });
    assert.equal(fresh.status, 200);
  });

  test('a signature made for another client id is refused', async () => {
    const res = await p.call('GET', '/transfers?transfer_id=signed_1', undefined, {
      'x-cf-signature': sign(await publicKeyOf(h), `TESTsomeoneelse.${Math.floor(Date.now() / 1000)}`),
    });
    assert.equal(res.status, 403);
    assert.match(res.body.help, /another client id/);
  });

  test('wrong API keys are reported as such before the signature', async () => {
    const res = await h.call('GET', '/payout/transfers?transfer_id=signed_1', undefined, {
      ...PAYOUT_HEADERS,
      'x-client-secret': 'wrong',
    });
    assert.equal(res.status, 401);
  });

  test('PG calls need no signature', async () => {
    const order = await h.createOrder();
    assert.ok(order.order_id);
  });

  test('the key pair survives the admin reset', async () => {
    const before = await publicKeyOf(h);
    await h.call('POST', '/_sandbox/reset');
    assert.equal(await publicKeyOf(h), before);
  });
});

describe('Payouts 2FA off (the default, as in Cashfree’s sandbox)', () => {
  const h = harness();

  test('unsigned requests pass and the admin API says 2FA is off', async () => {
    const res = await payoutCalls(h).transfer('plain_1', 100);
    assert.equal(res.status, 200);
    const state = await h.call('GET', '/_sandbox/payouts/two-factor');
    assert.deepEqual(
      { enabled: state.body.enabled, public_key: state.body.public_key },
      { enabled: false, public_key: null },
    );
  });
});

describe('switching 2FA on', () => {
  test(`${PAYOUTS_2FA_VARIABLE} turns it on when the option is not given; the option wins`, () => {
    const on = (env: Record<string, string>, twoFactor?: boolean) =>
      resolveOptions({ payouts: twoFactor === undefined ? {} : { twoFactor } }, ':memory:', env).payouts
        .twoFactor;
    assert.equal(on({}), false);
    for (const value of ['1', 'true', 'YES', 'on'])
      assert.equal(on({ [PAYOUTS_2FA_VARIABLE]: value }), true, value);
    assert.equal(on({ [PAYOUTS_2FA_VARIABLE]: '0' }), false);
    assert.equal(on({ [PAYOUTS_2FA_VARIABLE]: '1' }, false), false);
    assert.equal(on({}, true), true);
  });

  test('a sandbox reopened on the same database file keeps its public key', async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'cf-2fa-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const db = join(dir, 'sandbox.db');
    const keyOf = async () => {
      const sandbox = createSandboxApp({ db, payouts: { twoFactor: true } });
      try {
        const res = await sandbox.request('/_sandbox/payouts/two-factor');
        return ((await res.json()) as { public_key: string }).public_key;
      } finally {
        sandbox.close();
      }
    };
    const first = await keyOf();
    assert.match(first, /BEGIN PUBLIC KEY/);
    assert.equal(await keyOf(), first);
  });
});
