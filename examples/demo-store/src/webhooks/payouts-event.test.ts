import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import type { PayoutsWebhookEvent } from 'cashfree-kit/webhooks';
import { openDatabase } from '../db/database.js';
import { PayoutsTable } from '../db/payouts.js';
import { recordPayoutsEvent } from './payouts-event.js';

let payouts: PayoutsTable;
const delivery = { version: '2024-01-01', idempotencyKey: undefined, attempt: 1, timestamp: 0 };

function transferEvent(type: string, status: string, statusCode: string, transferId = 'payout_1') {
  return {
    type,
    event_time: '2026-12-07T10:00:00',
    data: {
      transfer_id: transferId,
      cf_transfer_id: '77',
      status,
      status_code: statusCode,
      transfer_utr: 'UTR1',
    },
    delivery,
  } as unknown as PayoutsWebhookEvent;
}

beforeEach(() => {
  payouts = new PayoutsTable(openDatabase(':memory:'));
  payouts.insertTransfer({
    transfer_id: 'payout_1',
    cf_transfer_id: null,
    batch_transfer_id: null,
    beneficiary: 'kanchan_valley_tea_estate',
    amount_paise: 1_250_050,
    status: 'RECEIVED',
    status_code: null,
    status_description: null,
    utr: null,
    created_at: 0,
    updated_at: 0,
  });
});

const state = () => {
  const t = payouts.transfer('payout_1');
  return `${t?.status}/${t?.status_code}`;
};

test('a transfer moves forward only: ACKNOWLEDGED then a late SUCCESS stays COMPLETED; REVERSED still follows', () => {
  assert.equal(
    recordPayoutsEvent(payouts, transferEvent('TRANSFER_ACKNOWLEDGED', 'SUCCESS', 'COMPLETED'), 1),
    true,
  );
  assert.equal(state(), 'SUCCESS/COMPLETED');
  assert.equal(payouts.transfer('payout_1')?.utr, 'UTR1');
  assert.equal(
    recordPayoutsEvent(payouts, transferEvent('TRANSFER_SUCCESS', 'SUCCESS', 'SENT_TO_BENEFICIARY'), 2),
    false,
  );
  assert.equal(state(), 'SUCCESS/COMPLETED');
  assert.equal(
    recordPayoutsEvent(payouts, transferEvent('TRANSFER_REVERSED', 'REVERSED', 'INVALID_ACCOUNT_FAIL'), 3),
    true,
  );
  assert.equal(state(), 'REVERSED/INVALID_ACCOUNT_FAIL');
  assert.deepEqual(
    payouts.eventsFor('payout_1').map((e) => e.type),
    ['TRANSFER_ACKNOWLEDGED', 'TRANSFER_SUCCESS', 'TRANSFER_REVERSED'],
    'every webhook is kept, even one that moved nothing',
  );
});

test('a repeated delivery is counted on its row, not listed twice', () => {
  recordPayoutsEvent(payouts, transferEvent('TRANSFER_SUCCESS', 'SUCCESS', 'SENT_TO_BENEFICIARY'), 1);
  recordPayoutsEvent(payouts, transferEvent('TRANSFER_SUCCESS', 'SUCCESS', 'SENT_TO_BENEFICIARY'), 2);
  const events = payouts.eventsFor('payout_1');
  assert.deepEqual(
    events.map((e) => [e.type, e.deliveries]),
    [['TRANSFER_SUCCESS', 2]],
  );
});

test('a transfer the shop did not send, and an event type not typed yet, are kept and change nothing', () => {
  assert.equal(
    recordPayoutsEvent(payouts, transferEvent('TRANSFER_FAILED', 'FAILED', 'X', 'someone_else'), 1),
    false,
  );
  assert.equal(payouts.transfer('someone_else'), undefined);
  const unknown = {
    type: 'unknown',
    receivedType: 'LOW_BALANCE_ALERT',
    raw: {},
    delivery,
  } as PayoutsWebhookEvent;
  assert.equal(recordPayoutsEvent(payouts, unknown, 2), false);
  assert.deepEqual(
    payouts.recentEvents().map((e) => e.type),
    ['LOW_BALANCE_ALERT', 'TRANSFER_FAILED'],
  );
  assert.equal(state(), 'RECEIVED/null');
});

test('BULK_TRANSFER_REJECTED marks the shop’s batch REJECTED', () => {
  payouts.insertBatch(
    {
      batch_transfer_id: 'batch_1',
      cf_batch_transfer_id: null,
      status: 'RECEIVED',
      transfer_count: 0,
      amount_paise: 0,
      created_at: 0,
      updated_at: 0,
    },
    [],
  );
  const event = {
    type: 'BULK_TRANSFER_REJECTED',
    event_time: '2026-12-07T10:00:00',
    data: { batch_transfer_id: 'batch_1', cf_batch_transfer_id: '9', status: 'REJECTED' },
    delivery,
  } as unknown as PayoutsWebhookEvent;
  assert.equal(recordPayoutsEvent(payouts, event, 5), true);
  assert.equal(payouts.batch('batch_1')?.status, 'REJECTED');
});
