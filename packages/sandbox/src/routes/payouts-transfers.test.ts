import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { DAY_MS, HOUR_MS, MINUTE_MS, SECOND_MS } from '../clock/time.js';
import type { SandboxEvent } from '../context.js';
import { harness } from '../testing/harness.js';
import { payoutCalls, SUCCESS_ACCOUNT } from '../testing/payouts.js';

const h = harness();
const p = payoutCalls(h);
const events: SandboxEvent[] = [];
h.sandbox.onEvent((event) => events.push(event));

/** ₹1.00 service charge and ₹0.18 tax of a successful transfer. */
const FEE = 1.18;
/** Rupees to the paisa, so sums compare exactly. */
const rupees = (value: number) => Math.round(value * 100) / 100;

describe('POST /payout/transfers', () => {
  test('accepts a transfer as RECEIVED, in Cashfree’s Transfer shape', async () => {
    const res = await p.transfer('payout_0001', 100.5, SUCCESS_ACCOUNT, {
      transfer_remarks: 'Tea leaves December',
    });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('x-api-version'), '2024-01-01');
    const t = res.body;
    assert.equal(t.transfer_id, 'payout_0001');
    assert.match(t.cf_transfer_id, /^\d+$/);
    assert.equal(t.status, 'RECEIVED');
    assert.equal(t.status_code, 'RECEIVED');
    assert.equal(typeof t.status_description, 'string');
    // Cashfree leaves out what is not set: no beneficiary_id inline, no UTR or charges yet.
    assert.deepEqual(t.beneficiary_details, { beneficiary_instrument_details: SUCCESS_ACCOUNT });
    assert.equal(t.transfer_amount, 100.5);
    assert.equal(t.transfer_mode, 'BANK');
    assert.equal(t.fundsource_id, 'CASHFREE_1');
    for (const absent of ['transfer_utr', 'transfer_service_charge', 'transfer_service_tax'])
      assert.ok(!(absent in t), absent);
    assert.equal(t.added_on, '2025-01-15T04:30:00Z');
  });

  test('a repeated transfer_id is 409 and changes nothing', async () => {
    const before = await p.get('payout_0001');
    const balance = await p.balance();
    const res = await p.transfer('payout_0001', 5000, {
      bank_account_number: '00011020001772',
      bank_ifsc: 'HDFC0000001',
    });
    assert.equal(res.status, 409);
    assert.equal(res.body.code, 'transfer_id_already_exists');
    assert.equal(res.body.type, 'invalid_request_error');
    assert.deepEqual(await p.get('payout_0001'), before);
    assert.equal(await p.balance(), balance);
  });

  test('ignores x-idempotency-key: the transfer_id is the only key', async () => {
    const key = { 'x-idempotency-key': 'same-key' };
    const first = await p.call(
      'POST',
      '/transfers',
      {
        transfer_id: 'idem_1',
        transfer_amount: 2,
        beneficiary_details: { beneficiary_name: 'A B', beneficiary_instrument_details: SUCCESS_ACCOUNT },
      },
      key,
    );
    const second = await p.call(
      'POST',
      '/transfers',
      {
        transfer_id: 'idem_2',
        transfer_amount: 2,
        beneficiary_details: { beneficiary_name: 'A B', beneficiary_instrument_details: SUCCESS_ACCOUNT },
      },
      key,
    );
    assert.equal(first.status, 200);
    assert.equal(second.status, 200);
    assert.equal(second.body.transfer_id, 'idem_2');
    assert.equal(second.headers.get('x-idempotency-replayed'), null);
  });

  test('pays a saved beneficiary, and refuses details that contradict it', async () => {
    await p.call('POST', '/beneficiary', {
      beneficiary_id: 'hdfc_supplier',
      beneficiary_name: 'Hill Supplier',
      beneficiary_instrument_details: { bank_account_number: '00011020001772', bank_ifsc: 'HDFC0000001' },
    });
    const ok = await p.call('POST', '/transfers', {
      transfer_id: 'saved_1',
      transfer_amount: 10,
      beneficiary_details: { beneficiary_id: 'hdfc_supplier' },
    });
    assert.equal(ok.status, 200);
    assert.deepEqual(ok.body.beneficiary_details, {
      beneficiary_id: 'hdfc_supplier',
      beneficiary_instrument_details: {
        bank_account_number: '00011020001772',
        bank_ifsc: 'HDFC0000001',
      },
    });
    const mismatch = await p.call('POST', '/transfers', {
      transfer_id: 'saved_2',
      transfer_amount: 10,
      beneficiary_details: {
        beneficiary_id: 'hdfc_supplier',
        beneficiary_instrument_details: { bank_account_number: '1233943142', bank_ifsc: 'HDFC0000001' },
      },
    });
    assert.equal(mismatch.status, 400);
    assert.equal(
      mismatch.body.code,
      'beneficiary_details.beneficiary_instrument_details.bank_account_number_invalid',
    );
    assert.match(
      mismatch.body.message,
      /does not match with the beneficiary with beneficiary_id :: hdfc_supplier/,
    );
    const unknown = await p.call('POST', '/transfers', {
      transfer_id: 'saved_3',
      transfer_amount: 10,
      beneficiary_details: { beneficiary_id: 'nobody' },
    });
    assert.equal(unknown.status, 404);
    assert.deepEqual(unknown.body, {
      message: 'Beneficiary does not exist',
      code: 'beneficiary_not_found',
      type: 'invalid_request_error',
    });
    assert.equal((await p.call('GET', '/transfers?transfer_id=saved_2')).status, 404);
  });

  test('bad fields are 400 in Cashfree’s codes and wording', async () => {
    const bene = { beneficiary_name: 'A B', beneficiary_instrument_details: SUCCESS_ACCOUNT };
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ transfer_amount: 1, beneficiary_details: bene }, 'transfer_id_missing', /transfer_id : is missing/],
      [
        { transfer_id: 'bad-id', transfer_amount: 1, beneficiary_details: bene },
        'transfer_id_invalid',
        /alphanumeric/,
      ],
      [{ transfer_id: 'v1', beneficiary_details: bene }, 'transfer_amount_missing', /missing/],
      [
        { transfer_id: 'v1', transfer_amount: 0.99, beneficiary_details: bene },
        'transfer_amount_invalid',
        /^transfer_amount should be greater then 1.00/,
      ],
      [
        { transfer_id: 'v1', transfer_amount: 1.001, beneficiary_details: bene },
        'transfer_amount_invalid',
        /two decimals/,
      ],
      [
        { transfer_id: 'v1', transfer_amount: 1, transfer_mode: 'cash', beneficiary_details: bene },
        'transfer_mode_invalid',
        /allowed values are : banktransfer, imps/,
      ],
      [{ transfer_id: 'v1', transfer_amount: 1 }, 'beneficiary_details_missing', /missing/],
      [
        { transfer_id: 'v1', transfer_amount: 1, beneficiary_details: { beneficiary_name: 'A1' } },
        'beneficiary_details.beneficiary_name_invalid',
        /alphabets/,
      ],
      [
        { transfer_id: 'v1', transfer_amount: 1, beneficiary_details: { beneficiary_name: 'A B' } },
        'beneficiary_details.beneficiary_instrument_details.bank_account_number_missing',
        /missing/,
      ],
      [
        {
          transfer_id: 'v1',
          transfer_amount: 1,
          beneficiary_details: {
            beneficiary_name: 'A B',
            beneficiary_instrument_details: { bank_account_number: '12345678', bank_ifsc: 'bad' },
          },
        },
        'beneficiary_details.beneficiary_instrument_details.bank_ifsc_invalid',
        /valid IFSC/,
      ],
      [
        {
          transfer_id: 'v1',
          transfer_amount: 1,
          transfer_mode: 'upi',
          beneficiary_details: {
            beneficiary_name: 'A B',
            beneficiary_instrument_details: { vpa: 'no-at-sign' },
          },
        },
        'beneficiary_details.beneficiary_instrument_details.vpa_invalid',
        /VPA/,
      ],
      [
        {
          transfer_id: 'v1',
          transfer_amount: 1,
          transfer_mode: 'upi',
          beneficiary_details: { beneficiary_name: 'A B', beneficiary_instrument_details: SUCCESS_ACCOUNT },
        },
        'beneficiary_details.beneficiary_instrument_details.vpa_missing',
        /missing/,
      ],
      [
        {
          transfer_id: 'v1',
          transfer_amount: 1,
          beneficiary_details: bene,
          transfer_remarks: 'x'.repeat(71),
        },
        'transfer_remarks_invalid',
        /70/,
      ],
    ];
    for (const [body, code, message] of cases) {
      const res = await p.call('POST', '/transfers', body);
      assert.equal(res.status, 400, code);
      assert.equal(res.body.code, code);
      assert.match(res.body.message, message);
    }
    assert.equal((await p.call('GET', '/transfers?transfer_id=v1')).status, 404);
  });

  test('speaks only x-api-version 2024-01-01, and Payouts keys', async () => {
    const pgVersion = await h.call('GET', '/payout/transfers?transfer_id=payout_0001');
    assert.equal(pgVersion.status, 400);
    assert.equal(pgVersion.body.code, 'version_invalid');
    assert.match(pgVersion.body.help, /2024-01-01/);
    const badKeys = await p.call('GET', '/transfers?transfer_id=payout_0001', undefined, {
      'x-client-secret': 'wrong',
    });
    assert.equal(badKeys.status, 401);
    assert.equal(badKeys.body.type, 'authentication_error');
    assert.match(badKeys.body.help, /CASHFREE_PAYOUTS_CLIENT_ID/);
    assert.doesNotMatch(JSON.stringify(badKeys.body), new RegExp(h.sandbox.secretKey));
  });

  test('a /payout/v2 path is a 404 that names the path without /v2', async () => {
    const res = await p.call('GET', '/v2/transfers?transfer_id=payout_0001');
    assert.equal(res.status, 404);
    assert.match(res.body.help, /no \/v2: use \/payout\/transfers/);
  });
});

describe('GET /payout/transfers', () => {
  test('finds a transfer by transfer_id or cf_transfer_id', async () => {
    const byId = await p.get('payout_0001');
    const byCf = await p.call('GET', `/transfers?cf_transfer_id=${byId.cf_transfer_id}`);
    assert.equal(byCf.status, 200);
    assert.deepEqual(byCf.body, byId);
  });

  test('answers 404 per identifier, and 400 without one', async () => {
    assert.deepEqual((await p.call('GET', '/transfers?transfer_id=nope')).body, {
      message: 'transfer_id does not exist',
      code: 'transfer_id_not_found',
      type: 'invalid_request_error',
    });
    assert.equal((await p.call('GET', '/transfers?cf_transfer_id=42')).body.code, 'cf_transfer_id_not_found');
    const none = await p.call('GET', '/transfers');
    assert.equal(none.status, 400);
    assert.equal(none.body.code, 'transfer_id_missing');
  });
});

describe('a transfer’s life on the sandbox clock', () => {
  // Let the transfers of the tests above end first, so the balance moves only for each test's own.
  before(() => h.advance(DAY_MS));

  test('success: PENDING, SUCCESS with fee and UTR, then COMPLETED; the balance pays amount and fee', async () => {
    const start = await p.balance();
    await p.transfer('life_ok', 250);
    await h.advance(5 * SECOND_MS);
    const pending = await p.get('life_ok');
    assert.equal(pending.status, 'PENDING');
    assert.equal(await p.balance(), rupees(start - 250 - FEE));
    await h.advance(30 * SECOND_MS);
    const sent = await p.get('life_ok');
    assert.equal(sent.status, 'SUCCESS');
    assert.equal(sent.status_code, 'SENT_TO_BENEFICIARY');
    assert.equal(sent.transfer_service_charge, 1);
    assert.equal(sent.transfer_service_tax, 0.18);
    assert.match(sent.transfer_utr, /^TESTR\d+$/);
    await h.advance(2 * MINUTE_MS);
    const done = await p.get('life_ok');
    assert.equal(done.status, 'SUCCESS');
    assert.equal(done.status_code, 'COMPLETED');
    assert.equal(await p.balance(), rupees(start - 250 - FEE));
    const types = events
      .filter((e) => (e.data as { transfer_id?: string }).transfer_id === 'life_ok')
      .map((e) => e.type);
    assert.deepEqual(types, ['TRANSFER_SUCCESS', 'TRANSFER_ACKNOWLEDGED']);
  });

  test('invalid IFSC, invalid account and unknown accounts fail, and give back the balance', async () => {
    const start = await p.balance();
    await p.transfer('life_ifsc', 10, { bank_account_number: '2640101002729', bank_ifsc: 'CNRR0002640' });
    await p.transfer('life_account', 10, {
      bank_account_number: '026291800001190',
      bank_ifsc: 'YESB0000262',
    });
    await p.transfer('life_unknown', 10, { bank_account_number: '111122223333', bank_ifsc: 'HDFC0000001' });
    await h.advance(35 * SECOND_MS);
    assert.equal((await p.get('life_ifsc')).status_code, 'INVALID_IFSC_FAIL');
    assert.equal((await p.get('life_account')).status_code, 'INVALID_ACCOUNT_FAIL');
    const unknown = await p.get('life_unknown');
    assert.equal(unknown.status, 'FAILED');
    assert.match(unknown.status_description, /test accounts/);
    assert.equal(await p.balance(), start);
    assert.ok(
      events.some(
        (e) =>
          e.type === 'TRANSFER_FAILED' && (e.data as { transfer_id: string }).transfer_id === 'life_ifsc',
      ),
    );
  });

  test('pending accounts: one stays PENDING, the others end after a long wait', async () => {
    await p.transfer('life_pending', 10, { bank_account_number: '007711000031', bank_ifsc: 'HDFC0000077' });
    await p.transfer('life_pend_ok', 10, { bank_account_number: '00224412311300', bank_ifsc: 'YESB0000001' });
    await p.transfer('life_pend_fail', 10, {
      bank_account_number: '7766666351000',
      bank_ifsc: 'YESB0000001',
    });
    await h.advance(10 * MINUTE_MS);
    for (const id of ['life_pending', 'life_pend_ok', 'life_pend_fail'])
      assert.equal((await p.get(id)).status, 'PENDING', id);
    await h.advance(DAY_MS);
    assert.equal((await p.get('life_pending')).status, 'PENDING');
    assert.equal((await p.get('life_pend_ok')).status, 'SUCCESS');
    assert.equal((await p.get('life_pend_fail')).status, 'FAILED');
  });

  test('a reversal account succeeds, then is REVERSED and the amount comes back', async () => {
    const start = await p.balance();
    await p.transfer('life_reversed', 40, { bank_account_number: '7766671735000', bank_ifsc: 'SBIN0000004' });
    await h.advance(35 * SECOND_MS);
    assert.equal((await p.get('life_reversed')).status, 'SUCCESS');
    await h.advance(HOUR_MS);
    const reversed = await p.get('life_reversed');
    assert.equal(reversed.status, 'REVERSED');
    assert.equal(reversed.status_code, 'INVALID_ACCOUNT_FAIL');
    assert.equal(await p.balance(), rupees(start - FEE));
    assert.ok(events.some((e) => e.type === 'TRANSFER_REVERSED'));
  });

  test('UPI to success@upi succeeds; to failure@upi fails', async () => {
    const upi = (vpa: string) => ({
      beneficiary_details: { beneficiary_name: 'John Snow', beneficiary_instrument_details: { vpa } },
      transfer_mode: 'upi',
    });
    assert.equal(
      (
        await p.call('POST', '/transfers', {
          transfer_id: 'upi_ok',
          transfer_amount: 5,
          ...upi('success@upi'),
        })
      ).body.transfer_mode,
      'UPI',
    );
    await p.call('POST', '/transfers', { transfer_id: 'upi_bad', transfer_amount: 5, ...upi('failure@upi') });
    await h.advance(35 * SECOND_MS);
    assert.equal((await p.get('upi_ok')).status, 'SUCCESS');
    assert.equal((await p.get('upi_bad')).status_code, 'INVALID_BENE_VPA');
  });
});
