import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isValidationError, type ValidationError } from '../core/errors.js';
import { createFakeFetch, jsonResponse } from '../testing/index.js';
import { CashfreePayouts } from './client.js';
import { createPayoutSigner } from './signature.js';

const credentials = {
  clientId: 'CF_PAYOUT_ID',
  clientSecret: 'payout-secret-value',
  environment: 'sandbox',
} as const;

function client(reply: unknown = { status: 'RECEIVED' }, extra: Record<string, unknown> = {}) {
  const fetch = createFakeFetch(() => jsonResponse(reply));
  return { fetch, payouts: new CashfreePayouts({ ...credentials, fetch, ...extra }) };
}

async function rejectionOf(promise: Promise<unknown>): Promise<ValidationError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(isValidationError(error), String(error));
    return error;
  }
  assert.fail('expected a ValidationError');
}

describe('CashfreePayouts options', () => {
  test('production and sandbox base URLs come from PRODUCTS.payouts; baseUrl overrides them', () => {
    assert.equal(new CashfreePayouts(credentials).baseUrl, 'https://sandbox.cashfree.com/payout');
    assert.equal(
      new CashfreePayouts({ ...credentials, environment: 'production' }).baseUrl,
      'https://api.cashfree.com/payout',
    );
    assert.equal(
      new CashfreePayouts({ ...credentials, baseUrl: 'http://127.0.0.1:8080/payout/' }).baseUrl,
      'http://127.0.0.1:8080/payout',
    );
    assert.equal(new CashfreePayouts(credentials).apiVersion, '2024-01-01');
  });

  test('a missing credential names the option, the variable and Payouts keys; the secret never shows', () => {
    assert.throws(
      () => new CashfreePayouts({ ...credentials, clientId: '' }),
      (error: Error) => /clientId/.test(error.message) && /CASHFREE_PAYOUTS_CLIENT_ID/.test(error.message),
    );
    assert.throws(
      () => new CashfreePayouts({ ...credentials, clientSecret: ' ' }),
      (error: Error) =>
        /CASHFREE_PAYOUTS_CLIENT_SECRET/.test(error.message) && /not PG keys/.test(error.message),
    );
    assert.throws(
      () => new CashfreePayouts({ ...credentials, clientSecret: 'has space-secret' }),
      (error: Error) =>
        /clientSecret contains a space/.test(error.message) && !error.message.includes('has space-secret'),
    );
    assert.throws(
      () => new CashfreePayouts({ ...credentials, environment: 'TEST' as 'sandbox' }),
      /Did you mean 'sandbox'/,
    );
  });

  test('fromEnv reads the Payouts variables and CASHFREE_ENV, and follows a /pg CASHFREE_BASE_URL to /payout', () => {
    const env = {
      CASHFREE_PAYOUTS_CLIENT_ID: 'CF_PAYOUT_ID',
      CASHFREE_PAYOUTS_CLIENT_SECRET: 'payout-secret-value',
      CASHFREE_ENV: 'PROD',
    };
    const production = CashfreePayouts.fromEnv(env);
    assert.equal(production.environment, 'production');
    assert.equal(production.clientId, 'CF_PAYOUT_ID');
    assert.equal(
      CashfreePayouts.fromEnv({ ...env, CASHFREE_BASE_URL: 'http://127.0.0.1:8080/pg' }).baseUrl,
      'http://127.0.0.1:8080/payout',
    );
    assert.equal(
      CashfreePayouts.fromEnv({
        ...env,
        CASHFREE_BASE_URL: 'http://127.0.0.1:8080/pg',
        CASHFREE_PAYOUTS_BASE_URL: 'http://127.0.0.1:9090/payout',
      }).baseUrl,
      'http://127.0.0.1:9090/payout',
    );
    assert.throws(
      () => CashfreePayouts.fromEnv({ ...env, CASHFREE_BASE_URL: 'http://proxy.internal/cashfree' }),
      /CASHFREE_PAYOUTS_BASE_URL/,
    );
    assert.throws(
      () => CashfreePayouts.fromEnv({ CASHFREE_APP_ID: 'pg-app', CASHFREE_SECRET_KEY: 'pg-secret' }),
      /CASHFREE_PAYOUTS_CLIENT_ID is not set/,
    );
    assert.equal(CashfreePayouts.fromEnv({ ...env, CASHFREE_ENV: undefined }).environment, 'sandbox');
  });

  test('the client object shows no secret when logged', () => {
    const { payouts } = client();
    assert.doesNotMatch(JSON.stringify(payouts), /payout-secret-value/);
  });
});

describe('CashfreePayouts requests', () => {
  test('each resource sends its row: beneficiary lookups and removal by query, transfers, batches', async () => {
    const { payouts, fetch } = client({ beneficiary_id: 'tea_estate_01', status: 'RECEIVED' });
    await payouts.beneficiaries.create({
      beneficiary_id: 'tea_estate_01',
      beneficiary_name: 'Darjeeling Tea Estate',
    });
    await payouts.beneficiaries.get({ beneficiary_id: 'tea_estate_01' });
    await payouts.beneficiaries.get({ bank_account_number: '026291800001191', bank_ifsc: 'YESB0000262' });
    await payouts.beneficiaries.remove('tea_estate_01');
    await payouts.transfers.get({ cf_transfer_id: '123456' });
    await payouts.batchTransfers.get({ cf_batch_transfer_id: '654321' });
    await payouts.transfers.validate({ transfer_id: 'payout_0002', vpa: 'success@upi' });
    assert.deepEqual(
      fetch.calls.map((call) => `${call.method} ${call.path}?${call.query}`),
      [
        'POST /payout/beneficiary?',
        'GET /payout/beneficiary?beneficiary_id=tea_estate_01',
        'GET /payout/beneficiary?bank_account_number=026291800001191&bank_ifsc=YESB0000262',
        'DELETE /payout/beneficiary?beneficiary_id=tea_estate_01',
        'GET /payout/transfers?cf_transfer_id=123456',
        'GET /payout/transfers/batch?cf_batch_transfer_id=654321',
        'POST /payout/validatePayout?',
      ],
    );
  });

  test('a transfer that spends a validatePayout token needs no beneficiary but must be upi', async () => {
    const { payouts, fetch } = client();
    await payouts.transfers.create({
      transfer_id: 'payout_0002',
      transfer_amount: 10,
      transfer_mode: 'upi',
      transfer_token: '9d37bc17-token',
    });
    assert.equal(fetch.lastCall?.json.transfer_token, '9d37bc17-token');
    const error = await rejectionOf(
      payouts.transfers.create({ transfer_id: 'payout_0003', transfer_amount: 10, transfer_token: 't' }),
    );
    assert.equal(error.field, 'transfer_mode');
  });
});

describe('CashfreePayouts checks before the wire', () => {
  const cases: [string, () => Promise<unknown>, string, RegExp][] = [];
  const { payouts, fetch } = client();
  const base = {
    transfer_id: 'payout_0001',
    transfer_amount: 100,
    beneficiary_details: { beneficiary_id: 'tea_01' },
  };
  cases.push(
    [
      'a transfer id with a hyphen',
      () => payouts.transfers.create({ ...base, transfer_id: 'pay-1' }),
      'transfer_id',
      /40 letters, digits and '_'/,
    ],
    [
      'a transfer id of 41 characters',
      () => payouts.transfers.create({ ...base, transfer_id: 'a'.repeat(41) }),
      'transfer_id',
      /e\.g\./,
    ],
    [
      'paise instead of rupees',
      () => payouts.transfers.create({ ...base, transfer_amount: 0.5 }),
      'transfer_amount',
      /rupees/,
    ],
    [
      'three decimals',
      () => payouts.transfers.create({ ...base, transfer_amount: 10.005 }),
      'transfer_amount',
      /2 decimals/,
    ],
    [
      'an unknown mode',
      () => payouts.transfers.create({ ...base, transfer_mode: 'IMPS' as 'imps' }),
      'transfer_mode',
      /'imps'|imps/,
    ],
    [
      'remarks of 71 characters',
      () => payouts.transfers.create({ ...base, transfer_remarks: 'a'.repeat(71) }),
      'transfer_remarks',
      /70/,
    ],
    [
      'a lower-case IFSC',
      () =>
        payouts.transfers.create({
          ...base,
          beneficiary_details: {
            beneficiary_name: 'Tea Estate',
            beneficiary_instrument_details: {
              bank_account_number: '026291800001191',
              bank_ifsc: 'yesb0000262',
            },
          },
        }),
      'beneficiary_details.beneficiary_instrument_details.bank_ifsc',
      /IFSC/,
    ],
    [
      'no beneficiary at all',
      () => payouts.transfers.create({ transfer_id: 'payout_0001', transfer_amount: 100 }),
      'beneficiary_details',
      /beneficiary_id/,
    ],
    [
      'a name with digits',
      () => payouts.beneficiaries.create({ beneficiary_id: 'tea_01', beneficiary_name: 'Tea Estate 2' }),
      'beneficiary_name',
      /letters and spaces/,
    ],
    [
      'a beneficiary id with a space',
      () => payouts.beneficiaries.create({ beneficiary_id: 'tea 01', beneficiary_name: 'Tea Estate' }),
      'beneficiary_id',
      /50 letters/,
    ],
    [
      'an account of 3 characters',
      () =>
        payouts.beneficiaries.create({
          beneficiary_id: 'tea_01',
          beneficiary_name: 'Tea Estate',
          beneficiary_instrument_details: { bank_account_number: '123', bank_ifsc: 'YESB0000262' },
        }),
      'beneficiary_instrument_details.bank_account_number',
      /4–25/,
    ],
    [
      'a VPA without a handle',
      () => payouts.transfers.validate({ transfer_id: 'payout_0002', vpa: 'success' }),
      'vpa',
      /name@handle/,
    ],
    [
      'a phone of letters',
      () => payouts.transfers.validate({ transfer_id: 'payout_0002', phone: 'nine' }),
      'phone',
      /8–12 digits/,
    ],
    [
      'both vpa and phone',
      () =>
        payouts.transfers.validate({
          transfer_id: 'payout_0002',
          vpa: 'a@upi',
          phone: '9876543210',
        } as never),
      'vpa',
      /exactly one of vpa and phone/,
    ],
    [
      'a bad item of a batch',
      () =>
        payouts.batchTransfers.create({
          batch_transfer_id: 'batch_01',
          transfers: [base, { ...base, transfer_id: 'payout_0002', transfer_amount: 0 }],
        }),
      'transfers[1].transfer_amount',
      /transfers\[1\]\.transfer_amount/,
    ],
    [
      'an empty batch',
      () => payouts.batchTransfers.create({ batch_transfer_id: 'batch_01', transfers: [] }),
      'transfers',
      /1 to 5000 items/,
    ],
    [
      'a lookup by both transfer ids',
      () => payouts.transfers.get({ transfer_id: 'a', cf_transfer_id: '1' } as never),
      'lookup',
      /exactly \{ transfer_id \} or \{ cf_transfer_id \}/,
    ],
    [
      'a beneficiary lookup by account without IFSC',
      () => payouts.beneficiaries.get({ bank_account_number: '026291800001191' } as never),
      'lookup',
      /bank_account_number, bank_ifsc/,
    ],
  );
  for (const [name, call, field, message] of cases) {
    test(`${name} is refused under ${field}, naming the fix, before anything is sent`, async () => {
      fetch.reset();
      const error = await rejectionOf(call());
      assert.equal(error.field, field);
      assert.match(error.message, message);
      assert.equal(fetch.calls.length, 0);
    });
  }
});

describe('2FA x-cf-signature', () => {
  async function keyPair() {
    const pair = await crypto.subtle.generateKey(
      { name: 'RSA-OAEP', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-1' },
      true,
      ['encrypt', 'decrypt'],
    );
    const spki = new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey));
    const base64 = btoa(String.fromCharCode(...spki));
    const pem = `-----BEGIN PUBLIC KEY-----\n${base64.match(/.{1,64}/g)?.join('\n')}\n-----END PUBLIC KEY-----\n`;
    return { pem, privateKey: pair.privateKey };
  }

  async function decrypt(privateKey: CryptoKey, signature: string): Promise<string> {
    const bytes = Uint8Array.from(atob(signature), (char) => char.charCodeAt(0));
    return new TextDecoder().decode(await crypto.subtle.decrypt({ name: 'RSA-OAEP' }, privateKey, bytes));
  }

  test('every request carries a signature that decrypts to clientId.unixSeconds with the private key', async () => {
    const { pem, privateKey } = await keyPair();
    const { payouts, fetch } = client({ transfer_id: 'payout_0001', status: 'SUCCESS' }, { publicKey: pem });
    assert.equal(payouts.signsRequests, true);
    const before = Math.floor(Date.now() / 1000);
    await payouts.transfers.get({ transfer_id: 'payout_0001' });
    await payouts.transfers.get({ transfer_id: 'payout_0001' });
    const after = Math.floor(Date.now() / 1000);
    const signatures = fetch.calls.map((call) => call.headers['x-cf-signature'] as string);
    assert.notEqual(signatures[0], signatures[1], 'OAEP is randomised: each signature differs');
    for (const signature of signatures) {
      const [clientId, seconds] = (await decrypt(privateKey, signature)).split('.');
      assert.equal(clientId, 'CF_PAYOUT_ID');
      assert.ok(
        Number(seconds) >= before && Number(seconds) <= after,
        `${seconds} within [${before}, ${after}]`,
      );
    }
  });

  test('hooks see the signature redacted, as they see the secret', async () => {
    const { pem } = await keyPair();
    const seen: Record<string, string>[] = [];
    const { payouts, fetch } = client(
      { transfer_id: 'payout_0001', status: 'SUCCESS' },
      {
        publicKey: pem,
        onRequest: (event: { headers: Record<string, string> }) => void seen.push(event.headers),
      },
    );
    await payouts.transfers.get({ transfer_id: 'payout_0001' });
    assert.ok(fetch.lastCall?.headers['x-cf-signature'], 'sent');
    assert.equal(seen[0]?.['x-cf-signature'], '[REDACTED]');
  });

  test('a PKCS#1 key (BEGIN RSA PUBLIC KEY) is accepted too, and a broken key is a ValidationError', async () => {
    const { pem, privateKey } = await keyPair();
    // The SPKI of a 2048-bit RSA key is a 24-byte envelope around the PKCS#1 key.
    const spki = Uint8Array.from(atob(pem.replace(/-----[^-]+-----|\s/g, '')), (c) => c.charCodeAt(0));
    const pkcs1 = btoa(String.fromCharCode(...spki.slice(24)));
    const rsaPem = `-----BEGIN RSA PUBLIC KEY-----\n${pkcs1}\n-----END RSA PUBLIC KEY-----`;
    const sign = createPayoutSigner('CF_PAYOUT_ID', rsaPem, () => 1_700_000_000_500);
    assert.equal(await decrypt(privateKey, await sign()), 'CF_PAYOUT_ID.1700000000');

    const broken = createPayoutSigner(
      'CF_PAYOUT_ID',
      '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----',
    );
    await assert.rejects(
      broken(),
      (error: Error) => isValidationError(error) && /publicKey/.test(error.message),
    );
  });
});

describe('beneficiaries.create after a lost answer', () => {
  function beneficiaryServer(existing: Record<string, unknown>) {
    const fetch = createFakeFetch((request) =>
      request.method === 'POST'
        ? new Response(
            JSON.stringify({
              message: 'Beneficiary already exists with the given beneficiary_id',
              code: 'beneficiary_id_already_exists',
              type: 'invalid_request_error',
            }),
            { status: 409 },
          )
        : jsonResponse(existing),
    );
    return { fetch, payouts: new CashfreePayouts({ ...credentials, fetch }) };
  }
  const body = {
    beneficiary_id: 'tea_estate_01',
    beneficiary_name: 'Darjeeling Tea Estate',
    beneficiary_instrument_details: { bank_account_number: '026291800001191', bank_ifsc: 'YESB0000262' },
  };

  test('a 409 for a beneficiary with the same name and account returns that beneficiary', async () => {
    const { payouts, fetch } = beneficiaryServer({ ...body, beneficiary_status: 'VERIFIED' });
    const beneficiary = await payouts.beneficiaries.create(body);
    assert.equal(beneficiary.beneficiary_status, 'VERIFIED');
    assert.deepEqual(
      fetch.calls.map((call) => `${call.method} ${call.path}?${call.query}`),
      ['POST /payout/beneficiary?', 'GET /payout/beneficiary?beneficiary_id=tea_estate_01'],
    );
  });

  test('a 409 for another account under the id stays a ConflictError', async () => {
    const { payouts } = beneficiaryServer({
      ...body,
      beneficiary_instrument_details: { bank_account_number: '00011020001772', bank_ifsc: 'HDFC0000001' },
    });
    await assert.rejects(
      payouts.beneficiaries.create(body),
      (error: Error) => error.name === 'ConflictError',
    );
  });
});

describe('Payouts errors', () => {
  test("a 422 refusal of the request (invalid_request_error) is an ApiError, not PG's IdempotencyError", async () => {
    const fetch = createFakeFetch(() =>
      jsonResponse(
        {
          message: 'Beneficiary account is same as source',
          code: 'beneficiary_account_same_as_source',
          type: 'invalid_request_error',
        },
        { status: 422 },
      ),
    );
    const payouts = new CashfreePayouts({ ...credentials, fetch });
    await assert.rejects(
      payouts.beneficiaries.create({ beneficiary_id: 'self_01', beneficiary_name: 'Own Account' }),
      (error: Error & { status?: number; code?: string }) =>
        error.name === 'ApiError' &&
        error.status === 422 &&
        error.code === 'beneficiary_account_same_as_source',
    );
  });
});

describe('hooks and redaction', () => {
  test('the hooks see each attempt with the client secret redacted, and no x-idempotency-key', async () => {
    const events: { headers: Record<string, string>; idempotencyKey: string | undefined }[] = [];
    const { payouts } = client(
      { transfer_id: 'payout_0001', status: 'RECEIVED' },
      {
        onRequest: (event: { headers: Record<string, string>; idempotencyKey: string | undefined }) => {
          events.push(event);
        },
      },
    );
    await payouts.transfers.create({
      transfer_id: 'payout_0001',
      transfer_amount: 100,
      beneficiary_details: { beneficiary_id: 'tea_estate_01' },
    });
    assert.equal(events.length, 1);
    assert.equal(events[0]?.headers['x-client-id'], 'CF_PAYOUT_ID');
    assert.doesNotMatch(JSON.stringify(events), /payout-secret-value/);
    assert.equal(events[0]?.idempotencyKey, undefined);
  });
});
