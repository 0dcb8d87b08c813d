import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DAY_MS } from '../clock/time.js';
import { harness } from '../testing/harness.js';
import { payoutCalls, SUCCESS_ACCOUNT } from '../testing/payouts.js';
import { SANDBOX_BATCH_LIMIT } from '../validation/payouts/batch.js';

const h = harness();
const p = payoutCalls(h);

function item(transferId: string, amount: number, account: Record<string, string> = SUCCESS_ACCOUNT) {
  return {
    transfer_id: transferId,
    transfer_amount: amount,
    beneficiary_details: { beneficiary_name: 'Tea Picker', beneficiary_instrument_details: account },
  };
}

describe('POST /payout/transfers/batch', () => {
  test('accepts a batch as RECEIVED; its transfers exist and are found one by one', async () => {
    const res = await p.call('POST', '/transfers/batch', {
      batch_transfer_id: 'batch_dec_01',
      transfers: [
        item('bt_ok', 10),
        item('bt_fail', 20, { bank_account_number: '026291800001190', bank_ifsc: 'YESB0000262' }),
      ],
    });
    assert.equal(res.status, 200);
    assert.equal(res.body.batch_transfer_id, 'batch_dec_01');
    assert.match(res.body.cf_batch_transfer_id, /^\d+$/);
    assert.equal(res.body.status, 'RECEIVED');
    assert.equal((await p.get('bt_ok')).status, 'RECEIVED');
  });

  test('a reused batch_transfer_id is 409 and creates nothing', async () => {
    const res = await p.call('POST', '/transfers/batch', {
      batch_transfer_id: 'batch_dec_01',
      transfers: [item('bt_other', 10)],
    });
    assert.equal(res.status, 409);
    assert.deepEqual(res.body, {
      message: 'batch_transfer_id already exists. please pass unique id in each request',
      code: 'batch_transfer_id_already_exists',
      type: 'invalid_request_error',
    });
    assert.equal((await p.call('GET', '/transfers?transfer_id=bt_other')).status, 404);
  });

  test('an item whose transfer_id was used is 409 naming it, and the batch leaves nothing behind', async () => {
    const res = await p.call('POST', '/transfers/batch', {
      batch_transfer_id: 'batch_dup_item',
      transfers: [item('bt_new', 10), item('bt_ok', 10)],
    });
    assert.equal(res.status, 409);
    assert.equal(res.body.code, 'transfer_id_already_exists');
    assert.match(res.body.message, /^transfers\[1\]\.transfer_id already exists/);
    assert.equal((await p.call('GET', '/transfers/batch?batch_transfer_id=batch_dup_item')).status, 404);
    assert.equal((await p.call('GET', '/transfers?transfer_id=bt_new')).status, 404);
  });

  test('each item is checked and a bad one is named by its index', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ transfers: [item('a1', 10)] }, 'batch_transfer_id_missing'],
      [{ batch_transfer_id: 'bad-id', transfers: [item('a1', 10)] }, 'batch_transfer_id_invalid'],
      [{ batch_transfer_id: 'b_x' }, 'transfers_missing'],
      [{ batch_transfer_id: 'b_x', transfers: [] }, 'transfers_invalid'],
      [
        { batch_transfer_id: 'b_x', transfers: [item('a1', 10), item('a2', 0)] },
        'transfers[1].transfer_amount_invalid',
      ],
      [{ batch_transfer_id: 'b_x', transfers: [{ transfer_amount: 5 }] }, 'transfers[0].transfer_id_missing'],
      [
        { batch_transfer_id: 'b_x', transfers: [{ ...item('a1', 5), transfer_mode: 'cash' }] },
        'transfers[0].transfer_mode_invalid',
      ],
      [
        {
          batch_transfer_id: 'b_x',
          transfers: [item('a1', 5, { bank_account_number: '12345678', bank_ifsc: 'nope' })],
        },
        'transfers[0].beneficiary_details.beneficiary_instrument_details.bank_ifsc_invalid',
      ],
      [
        { batch_transfer_id: 'b_x', transfers: [item('a1', 5), item('a1', 6)] },
        'transfers[1].transfer_id_invalid',
      ],
    ];
    for (const [body, code] of cases) {
      const res = await p.call('POST', '/transfers/batch', body);
      assert.equal(res.status, 400, code);
      assert.equal(res.body.code, code);
      assert.equal(res.body.type, 'invalid_request_error');
    }
    assert.equal((await p.call('GET', '/transfers/batch?batch_transfer_id=b_x')).status, 404);
  });

  test(`holds at most ${SANDBOX_BATCH_LIMIT} transfers, the test-account limit`, async () => {
    const many = Array.from({ length: SANDBOX_BATCH_LIMIT + 1 }, (_, i) => item(`lim_${i}`, 1));
    const res = await p.call('POST', '/transfers/batch', { batch_transfer_id: 'too_big', transfers: many });
    assert.equal(res.status, 400);
    assert.equal(res.body.code, 'transfers_invalid');
    assert.match(res.body.message, /at most 1000 transfers/);
    const full = await p.call('POST', '/transfers/batch', {
      batch_transfer_id: 'at_limit',
      transfers: many.slice(1),
    });
    assert.equal(full.status, 200);
  });
});

describe('GET /payout/transfers/batch', () => {
  test('shows the batch and each transfer’s status: RECEIVED, then PROCESSED once all are final', async () => {
    const received = await p.call('GET', '/transfers/batch?batch_transfer_id=batch_dec_01');
    assert.equal(received.status, 200);
    assert.equal(received.body.status, 'RECEIVED');
    assert.deepEqual(
      received.body.transfers.map((t: { transfer_id: string }) => t.transfer_id),
      ['bt_ok', 'bt_fail'],
    );
    await h.advance(DAY_MS);
    const processed = await p.call(
      'GET',
      `/transfers/batch?cf_batch_transfer_id=${received.body.cf_batch_transfer_id}`,
    );
    assert.equal(processed.body.status, 'PROCESSED');
    assert.deepEqual(
      processed.body.transfers.map(
        (t: { status: string; status_code: string }) => `${t.status}/${t.status_code}`,
      ),
      ['SUCCESS/COMPLETED', 'FAILED/INVALID_ACCOUNT_FAIL'],
    );
    const atLimit = await p.call('GET', '/transfers/batch?batch_transfer_id=at_limit');
    assert.equal(atLimit.body.status, 'PROCESSED');
    assert.equal(atLimit.body.transfers.length, SANDBOX_BATCH_LIMIT);
  });

  test('answers 404 per identifier, and 400 without one', async () => {
    assert.deepEqual((await p.call('GET', '/transfers/batch?batch_transfer_id=nope')).body, {
      message: 'batch_transfer_id does not exist',
      code: 'batch_transfer_id_not_found',
      type: 'invalid_request_error',
    });
    const cf = await p.call('GET', '/transfers/batch?cf_batch_transfer_id=1');
    assert.equal(cf.status, 404);
    assert.equal(cf.body.code, 'cf_batch_transfer_id');
    assert.equal((await p.call('GET', '/transfers/batch')).body.code, 'batch_transfer_id_missing');
  });
});
