import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { harness } from '../testing/harness.js';
import { payoutCalls, SUCCESS_ACCOUNT } from '../testing/payouts.js';

const h = harness();
const p = payoutCalls(h);
const tea = {
  beneficiary_id: 'tea_estate_01',
  beneficiary_name: 'Darjeeling Tea Estate',
  beneficiary_instrument_details: SUCCESS_ACCOUNT,
  beneficiary_contact_details: { beneficiary_email: 'accounts@tea.example', beneficiary_phone: '9876543210' },
};

describe('POST /payout/beneficiary', () => {
  test('saves a VERIFIED beneficiary and answers 201 with it', async () => {
    const res = await p.call('POST', '/beneficiary', tea);
    assert.equal(res.status, 201);
    assert.equal(res.headers.get('x-api-version'), '2024-01-01');
    assert.deepEqual(res.body, {
      beneficiary_id: 'tea_estate_01',
      beneficiary_name: 'Darjeeling Tea Estate',
      beneficiary_instrument_details: SUCCESS_ACCOUNT,
      beneficiary_contact_details: {
        beneficiary_email: 'accounts@tea.example',
        beneficiary_phone: '9876543210',
      },
      beneficiary_status: 'VERIFIED',
      added_on: '2025-01-15T04:30:00Z',
    });
  });

  test('a beneficiary_id already saved is 409 beneficiary_id_already_exists', async () => {
    const res = await p.call('POST', '/beneficiary', {
      ...tea,
      beneficiary_instrument_details: { vpa: 'success@upi' },
    });
    assert.equal(res.status, 409);
    assert.deepEqual(res.body, {
      message: 'Beneficiary already exists with the given beneficiary_id',
      code: 'beneficiary_id_already_exists',
      type: 'invalid_request_error',
    });
  });

  test('an account and IFSC already saved is 409 beneficiary_already_exists', async () => {
    const res = await p.call('POST', '/beneficiary', { ...tea, beneficiary_id: 'tea_estate_02' });
    assert.equal(res.status, 409);
    assert.equal(res.body.code, 'beneficiary_already_exists');
  });

  test('a VPA-only beneficiary is accepted', async () => {
    const res = await p.call('POST', '/beneficiary', {
      beneficiary_id: 'upi.payee|1',
      beneficiary_name: 'John Snow',
      beneficiary_instrument_details: { vpa: 'success@upi' },
    });
    assert.equal(res.status, 201);
    assert.equal(res.body.beneficiary_instrument_details.vpa, 'success@upi');
  });

  test('bad fields are 400 in Cashfree’s codes and wording', async () => {
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ beneficiary_name: 'A' }, 'beneficiary_id_missing', /^beneficiary_id : is missing/],
      [
        { ...tea, beneficiary_id: 'x'.repeat(51) },
        'beneficiary_id_length_exceeded',
        /should not be more than 50 characters/,
      ],
      [
        { ...tea, beneficiary_id: 'tea estate' },
        'beneficiary_id_invalid',
        /letters, numbers, hyphen, underscore, pipe, and dot/,
      ],
      [{ ...tea, beneficiary_name: 'Tea Estate 42' }, 'beneficiary_name_invalid', /alphabets and whitespace/],
      [
        { ...tea, beneficiary_instrument_details: { bank_account_number: '026291800001191' } },
        'bank_ifsc_missing',
        /should be provided/,
      ],
      [
        { ...tea, beneficiary_instrument_details: { bank_ifsc: 'YESB0000262' } },
        'bank_account_number_missing',
        /should be provided/,
      ],
      [
        {
          ...tea,
          beneficiary_instrument_details: { bank_account_number: '1'.repeat(26), bank_ifsc: 'YESB0000262' },
        },
        'bank_account_number_length_exceeded',
        /25/,
      ],
      [
        { ...tea, beneficiary_instrument_details: { bank_account_number: '123', bank_ifsc: 'YESB0000262' } },
        'bank_account_number_length_short',
        /4/,
      ],
      [
        {
          ...tea,
          beneficiary_instrument_details: { bank_account_number: '1234-5678', bank_ifsc: 'YESB0000262' },
        },
        'bank_account_number_invalid',
        /alphanumeric/,
      ],
      [
        {
          ...tea,
          beneficiary_instrument_details: { bank_account_number: '12345678', bank_ifsc: 'YESB1000262' },
        },
        'bank_ifsc_invalid',
        /^bank_ifsc : please provide a valid IFSC. value received: YESB1000262$/,
      ],
      [
        { ...tea, beneficiary_contact_details: { beneficiary_postal_code: '12345' } },
        'beneficiary_contact_details.beneficiary_postal_code_invalid',
        /6 digits/,
      ],
    ];
    for (const [body, code, message] of cases) {
      const res = await p.call('POST', '/beneficiary', body);
      assert.equal(res.status, 400, code);
      assert.equal(res.body.code, code);
      assert.equal(res.body.type, 'invalid_request_error');
      assert.match(res.body.message, message);
    }
  });
});

describe('GET /payout/beneficiary', () => {
  test('finds a beneficiary by id, and by account and IFSC', async () => {
    const byId = await p.call('GET', '/beneficiary?beneficiary_id=tea_estate_01');
    assert.equal(byId.status, 200);
    assert.equal(byId.body.beneficiary_name, 'Darjeeling Tea Estate');
    const byAccount = await p.call(
      'GET',
      '/beneficiary?bank_account_number=026291800001191&bank_ifsc=YESB0000262',
    );
    assert.equal(byAccount.status, 200);
    assert.equal(byAccount.body.beneficiary_id, 'tea_estate_01');
  });

  test('answers Cashfree’s three 404 messages', async () => {
    const cases: Array<[string, string]> = [
      ['beneficiary_id=nobody', 'Beneficiary does not exist'],
      [
        'bank_account_number=00011020001772&bank_ifsc=HDFC0000001',
        'Beneficiary with the given bank_account_number and bank_ifsc does not exist',
      ],
      [
        'bank_account_number=026291800001191&bank_ifsc=HDFC0000001',
        'Beneficiary exists with the given bank_account_number but a different bank_ifsc',
      ],
    ];
    for (const [query, message] of cases) {
      const res = await p.call('GET', `/beneficiary?${query}`);
      assert.equal(res.status, 404);
      assert.deepEqual(res.body, { message, code: 'beneficiary_not_found', type: 'invalid_request_error' });
    }
  });

  test('needs exactly one identifier form', async () => {
    const cases: Array<[string, string]> = [
      ['', 'beneficiary_identifiers_missing'],
      [
        'beneficiary_id=tea_estate_01&bank_account_number=026291800001191&bank_ifsc=YESB0000262',
        'too_many_parameters_in_request',
      ],
      ['bank_account_number=026291800001191', 'bank_ifsc_missing'],
      ['bank_ifsc=YESB0000262', 'bank_account_number_missing'],
      ['beneficiary_id=bad id', 'beneficiary_id_invalid'],
    ];
    for (const [query, code] of cases) {
      const res = await p.call('GET', `/beneficiary?${query}`);
      assert.equal(res.status, 400, query);
      assert.equal(res.body.code, code);
    }
  });
});

describe('DELETE /payout/beneficiary', () => {
  test('answers the beneficiary as DELETED; it is gone and its id can be saved again', async () => {
    await p.call('POST', '/beneficiary', {
      ...tea,
      beneficiary_id: 'to_remove',
      beneficiary_instrument_details: { vpa: 'success@upi' },
    });
    const res = await p.call('DELETE', '/beneficiary?beneficiary_id=to_remove');
    assert.equal(res.status, 200);
    assert.equal(res.body.beneficiary_id, 'to_remove');
    assert.equal(res.body.beneficiary_status, 'DELETED');
    assert.equal((await p.call('GET', '/beneficiary?beneficiary_id=to_remove')).status, 404);
    assert.equal(
      (await p.call('DELETE', '/beneficiary?beneficiary_id=to_remove')).body.code,
      'beneficiary_not_found',
    );
    const again = await p.call('POST', '/beneficiary', {
      ...tea,
      beneficiary_id: 'to_remove',
      beneficiary_instrument_details: { vpa: 'success@upi' },
    });
    assert.equal(again.status, 201);
  });

  test('needs a well-formed beneficiary_id', async () => {
    assert.equal((await p.call('DELETE', '/beneficiary')).body.code, 'beneficiary_id_missing');
    assert.equal(
      (await p.call('DELETE', `/beneficiary?beneficiary_id=${'x'.repeat(51)}`)).body.code,
      'beneficiary_id_length_exceeded',
    );
  });
});
