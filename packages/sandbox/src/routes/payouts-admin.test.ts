import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { HOUR_MS, SECOND_MS } from '../clock/time.js';
import type { SandboxEvent } from '../context.js';
import { harness } from '../testing/harness.js';
import { PAYOUT_HEADERS, payoutCalls, SUCCESS_ACCOUNT } from '../testing/payouts.js';

describe('the Payouts balance', () => {
  const h = harness({ payouts: { balance: 100 } });
  const p = payoutCalls(h);
  const events: SandboxEvent[] = [];
  h.sandbox.onEvent((event) => events.push(event));

  test('starts at the configured balance', async () => {
    assert.equal(await p.balance(), 100);
  });

  test('a transfer above the balance (with its fee) is REJECTED INSUFFICIENT_BALANCE and takes nothing', async () => {
    await p.transfer('too_much', 99);
    await h.advance(5 * SECOND_MS);
    const t = await p.get('too_much');
    assert.equal(t.status, 'REJECTED');
    assert.equal(t.status_code, 'INSUFFICIENT_BALANCE');
    assert.equal(await p.balance(), 100);
    assert.ok(events.some((e) => e.type === 'TRANSFER_REJECTED'));
  });

  test('a top-up adds to the balance, and the same transfer then goes through', async () => {
    const topup = await h.call('POST', '/_sandbox/payouts/balance/topup', { amount: 50.25 });
    assert.equal(topup.status, 200);
    assert.equal(topup.body.balance, 150.25);
    await p.transfer('enough_now', 99);
    await h.advance(HOUR_MS);
    assert.equal((await p.get('enough_now')).status, 'SUCCESS');
    assert.equal(await p.balance(), 50.07);
  });

  test('a bad top-up is refused', async () => {
    const res = await h.call('POST', '/_sandbox/payouts/balance/topup', { amount: -5 });
    assert.equal(res.status, 400);
    assert.equal(res.body.code, 'sandbox_request_invalid');
  });

  test('the admin state lists the balance, beneficiaries, transfers and batches', async () => {
    const state = await h.call('GET', '/_sandbox/payouts/state?limit=5');
    assert.equal(state.body.balance, 50.07);
    assert.deepEqual(
      state.body.transfers.map((t: { transfer_id: string }) => t.transfer_id),
      ['enough_now', 'too_much'],
    );
  });

  test('a reset brings back the starting balance and forgets every transfer', async () => {
    await h.call('POST', '/_sandbox/reset');
    assert.equal(await p.balance(), 100);
    assert.equal((await p.call('GET', '/transfers?transfer_id=enough_now')).status, 404);
  });
});

describe('a batch short of balance', () => {
  const h = harness({ payouts: { balance: 100 } });
  const p = payoutCalls(h);
  const events: SandboxEvent[] = [];
  h.sandbox.onEvent((event) => events.push(event));

  test('a batch whose every transfer is rejected is REJECTED, with BULK_TRANSFER_REJECTED', async () => {
    const item = (id: string) => ({
      transfer_id: id,
      transfer_amount: 60,
      beneficiary_details: {
        beneficiary_name: 'Tea Picker',
        beneficiary_instrument_details: SUCCESS_ACCOUNT,
      },
    });
    await p.call('POST', '/transfers/batch', {
      batch_transfer_id: 'broke_batch',
      transfers: [item('broke_1'), item('broke_2')],
    });
    await h.advance(5 * SECOND_MS);
    const batch = await p.call('GET', '/transfers/batch?batch_transfer_id=broke_batch');
    // The first fits the balance (₹100), the second does not.
    assert.deepEqual(
      batch.body.transfers.map((t: { status: string }) => t.status),
      ['PENDING', 'REJECTED'],
    );
    assert.equal(batch.body.status, 'PENDING');
    assert.ok(!events.some((e) => e.type === 'BULK_TRANSFER_REJECTED'));
    await p.call('POST', '/transfers/batch', {
      batch_transfer_id: 'broke_batch_2',
      transfers: [item('broke_3'), item('broke_4')],
    });
    await h.advance(5 * SECOND_MS);
    const rejected = await p.call('GET', '/transfers/batch?batch_transfer_id=broke_batch_2');
    assert.equal(rejected.body.status, 'REJECTED');
    const bulk = events.filter((e) => e.type === 'BULK_TRANSFER_REJECTED');
    assert.deepEqual(
      bulk.map((e) => e.data),
      [
        {
          batch_transfer_id: 'broke_batch_2',
          cf_batch_transfer_id: rejected.body.cf_batch_transfer_id,
          status: 'REJECTED',
        },
      ],
    );
  });
});

describe('the approval threshold', () => {
  const h = harness({ payouts: { approvalThreshold: 500 } });
  const p = payoutCalls(h);

  test('a transfer at the threshold waits in APPROVAL_PENDING, however long the clock runs', async () => {
    const res = await p.transfer('big_one', 500);
    assert.equal(res.body.status, 'APPROVAL_PENDING');
    assert.equal((await p.transfer('small_one', 499.99)).body.status, 'RECEIVED');
    await h.advance(24 * HOUR_MS);
    assert.equal((await p.get('big_one')).status, 'APPROVAL_PENDING');
    assert.equal((await p.get('small_one')).status, 'SUCCESS');
  });

  test('an approval sends it to the bank, and it ends like any other', async () => {
    const approved = await h.call('POST', '/_sandbox/payouts/transfers/big_one/approve');
    assert.equal(approved.status, 200);
    assert.equal(approved.body.status, 'PENDING');
    await h.advance(HOUR_MS);
    assert.equal((await p.get('big_one')).status_code, 'COMPLETED');
  });

  test('a rejection ends it REJECTED (MANUALLY_REJECTED); only a waiting transfer can be approved or rejected', async () => {
    await p.transfer('rejected_one', 800);
    const rejected = await h.call('POST', '/_sandbox/payouts/transfers/rejected_one/reject');
    assert.equal(rejected.body.status, 'REJECTED');
    assert.equal(rejected.body.status_code, 'MANUALLY_REJECTED');
    const again = await h.call('POST', '/_sandbox/payouts/transfers/rejected_one/approve');
    assert.equal(again.status, 400);
    assert.equal(again.body.code, 'sandbox_request_invalid');
    assert.equal((await h.call('POST', '/_sandbox/payouts/transfers/nope/approve')).status, 404);
  });
});

describe('POST /payout/validatePayout and the transfer that spends its token', () => {
  const h = harness();
  const p = payoutCalls(h);
  const spend = (transferId: string, token: string, mode = 'upi') =>
    p.call('POST', '/transfers', {
      transfer_id: transferId,
      transfer_amount: 5,
      transfer_mode: mode,
      transfer_token: token,
    });

  test('a test VPA is VALID with a single-use token that pays that VPA once', async () => {
    const res = await p.call('POST', '/validatePayout', { transfer_id: 'upi_tok_1', vpa: 'success@upi' });
    assert.equal(res.status, 200);
    assert.equal(res.body.account_status, 'VALID');
    assert.equal(res.body.vpa, 'success@upi');
    assert.equal(res.body.name_at_bank, 'JOHN SNOW');
    assert.match(res.body.transfer_token, /^[0-9a-f-]{36}$/);
    const paid = await spend('upi_tok_1', res.body.transfer_token);
    assert.equal(paid.status, 200);
    assert.equal(paid.body.beneficiary_details.beneficiary_instrument_details.vpa, 'success@upi');
    const twice = await spend('upi_tok_2', res.body.transfer_token);
    assert.equal(twice.status, 400);
    assert.equal(twice.body.code, 'transfer_token_invalid');
  });

  test('a token is for its transfer_id, for upi, and for one hour', async () => {
    const token = async (id: string) =>
      (await p.call('POST', '/validatePayout', { transfer_id: id, phone: '9999999999' })).body.transfer_token;
    const other = await spend('not_the_one', await token('upi_tok_3'));
    assert.match(other.body.message, /issued for transfer_id upi_tok_3/);
    const bank = await spend('upi_tok_4', await token('upi_tok_4'), 'imps');
    assert.equal(bank.body.code, 'transfer_mode_invalid');
    const late = await token('upi_tok_5');
    await h.advance(HOUR_MS);
    const expired = await spend('upi_tok_5', late);
    assert.equal(expired.body.code, 'transfer_token_invalid');
    assert.match(expired.body.message, /expired/);
  });

  test('an unknown VPA is INVALID with no token; a bad body is 400', async () => {
    const invalid = await p.call('POST', '/validatePayout', {
      transfer_id: 'upi_tok_6',
      vpa: 'someone@okbank',
    });
    assert.equal(invalid.body.account_status, 'INVALID');
    assert.equal(invalid.body.transfer_token, null);
    const both = await p.call('POST', '/validatePayout', {
      transfer_id: 'x1',
      vpa: 'success@upi',
      phone: '9999999999',
    });
    assert.equal(both.body.code, 'vpa_invalid');
    assert.equal(
      (await p.call('POST', '/validatePayout', { vpa: 'success@upi' })).body.code,
      'transfer_id_missing',
    );
    assert.equal(
      (await p.call('POST', '/validatePayout', { transfer_id: 'x1', phone: '12' })).body.code,
      'phone_invalid',
    );
  });
});

describe('separate Payouts keys', () => {
  const h = harness({ payouts: { clientId: 'TESTpayouts', clientSecret: 'payouts-secret' } });
  const payoutKeys = { ...PAYOUT_HEADERS, 'x-client-id': 'TESTpayouts', 'x-client-secret': 'payouts-secret' };

  test('Payouts calls need the Payouts keys; PG keeps its own', async () => {
    const withPg = await h.call('GET', '/payout/transfers?transfer_id=x', undefined, PAYOUT_HEADERS);
    assert.equal(withPg.status, 401);
    assert.doesNotMatch(JSON.stringify(withPg.body), /payouts-secret/);
    const withPayouts = await h.call('GET', '/payout/transfers?transfer_id=x', undefined, payoutKeys);
    assert.equal(withPayouts.status, 404);
    assert.equal(withPayouts.body.code, 'transfer_id_not_found');
    const pgWithPayoutKeys = await h.call('GET', '/pg/orders/x', undefined, {
      'x-client-id': 'TESTpayouts',
      'x-client-secret': 'payouts-secret',
    });
    assert.equal(pgWithPayoutKeys.status, 401);
  });
});

describe('the 25-second timeout test account', () => {
  const h = harness({ payouts: { slowResponseMs: 300 } });
  const p = payoutCalls(h);

  test('the transfer exists before its late answer arrives, and then succeeds', async () => {
    let answered = false;
    const create = p
      .transfer('slow_1', 10, { bank_account_number: '34978321547298', bank_ifsc: 'KKBK0000001' })
      .then((res) => {
        answered = true;
        return res;
      });
    // In-process calls resolve without leaving the microtask queue: yield a turn so the create commits.
    const lookUp = async () => {
      await new Promise((resolve) => setImmediate(resolve));
      return p.call('GET', '/transfers?transfer_id=slow_1');
    };
    let found = await lookUp();
    while (found.status === 404 && !answered) found = await lookUp();
    assert.equal(answered, false, 'the create answered before the transfer could be read');
    assert.equal(found.body.status, 'RECEIVED');
    const res = await create;
    assert.equal(res.status, 200);
    await h.advance(HOUR_MS);
    assert.equal((await p.get('slow_1')).status, 'SUCCESS');
  });
});
