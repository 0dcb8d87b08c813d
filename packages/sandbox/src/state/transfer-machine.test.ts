import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TRANSFER_STATUSES } from 'cashfree-kit';
import type { PayoutOutcome } from '../test-instruments/payout-accounts.js';
import {
  batchStatus,
  describe as describeState,
  isFinalTransferStatus,
  nextTransferStatus,
  nextTransferStep,
  TRANSFER_STEP_MS,
  type TransferState,
  type TransferStatus,
  transferEventType,
} from './transfer-machine.js';

/** Every automatic step of `outcome` from RECEIVED, as `STATUS/CODE` after how long. */
function path(outcome: PayoutOutcome): string[] {
  const seen: string[] = [];
  let state: TransferState = { status: 'RECEIVED', status_code: 'RECEIVED' };
  for (let step = nextTransferStep(outcome, state); step; step = nextTransferStep(outcome, state)) {
    state = step.to;
    seen.push(`${state.status}/${state.status_code}@${step.afterMs}`);
  }
  return seen;
}

describe('transfer state machine', () => {
  const { toPending, toFinal, longPending, toCompleted, toReversed } = TRANSFER_STEP_MS;

  test('a success account goes RECEIVED → PENDING → SUCCESS (SENT_TO_BENEFICIARY) → SUCCESS (COMPLETED)', () => {
    assert.deepEqual(path('success'), [
      `PENDING/PENDING@${toPending}`,
      `SUCCESS/SENT_TO_BENEFICIARY@${toFinal}`,
      `SUCCESS/COMPLETED@${toCompleted}`,
    ]);
    assert.deepEqual(path('slow_success'), path('success'));
  });

  test('failing accounts end FAILED with the code of their failure', () => {
    assert.deepEqual(path('invalid_ifsc').at(-1), `FAILED/INVALID_IFSC_FAIL@${toFinal}`);
    assert.deepEqual(path('invalid_account').at(-1), `FAILED/INVALID_ACCOUNT_FAIL@${toFinal}`);
    assert.deepEqual(path('invalid_vpa').at(-1), `FAILED/INVALID_BENE_VPA@${toFinal}`);
    assert.deepEqual(path('unknown_instrument').at(-1), `FAILED/INVALID_BENE_ACCOUNT_OR_IFSC@${toFinal}`);
  });

  test('pending stays PENDING; pending-then accounts wait long, then end', () => {
    assert.deepEqual(path('pending'), [`PENDING/PENDING@${toPending}`]);
    assert.deepEqual(path('pending_then_success').slice(1, 2), [
      `SUCCESS/SENT_TO_BENEFICIARY@${longPending}`,
    ]);
    assert.deepEqual(path('pending_then_failure').slice(1), [`FAILED/BENE_BANK_DECLINED@${longPending}`]);
  });

  test('a reversal account succeeds, then is REVERSED instead of COMPLETED', () => {
    assert.deepEqual(path('success_then_reversed').slice(1), [
      `SUCCESS/SENT_TO_BENEFICIARY@${toFinal}`,
      `REVERSED/INVALID_ACCOUNT_FAIL@${toReversed}`,
    ]);
  });

  test('nothing moves by itself out of APPROVAL_PENDING or a final status', () => {
    for (const status of ['APPROVAL_PENDING', 'FAILED', 'REJECTED', 'REVERSED'] as const) {
      assert.equal(nextTransferStep('success', { status, status_code: status }), undefined);
    }
  });

  test('allows only the documented moves', () => {
    const allowed = new Set([
      'RECEIVED>APPROVAL_PENDING',
      'RECEIVED>PENDING',
      'RECEIVED>REJECTED',
      'APPROVAL_PENDING>PENDING',
      'APPROVAL_PENDING>REJECTED',
      'PENDING>SUCCESS',
      'PENDING>FAILED',
      'SUCCESS>REVERSED',
    ]);
    for (const from of TRANSFER_STATUSES) {
      for (const to of TRANSFER_STATUSES) {
        const t = nextTransferStatus(from, to);
        const expected = from === to || allowed.has(`${from}>${to}`);
        assert.equal(t.ok, expected, `${from} → ${to}`);
        if (t.ok) assert.equal(t.changed, from !== to);
      }
    }
  });

  test('final statuses are the SDK’s', () => {
    const finals = TRANSFER_STATUSES.filter(isFinalTransferStatus);
    assert.deepEqual(finals, ['SUCCESS', 'FAILED', 'REJECTED', 'REVERSED']);
  });

  test('each change sends its Payouts event: SUCCESS first, ACKNOWLEDGED on COMPLETED', () => {
    const at = (status: TransferStatus, code: string) => describeState(status, code);
    const pending = at('PENDING', 'PENDING');
    assert.equal(transferEventType(at('RECEIVED', 'RECEIVED'), pending), undefined);
    const sent = at('SUCCESS', 'SENT_TO_BENEFICIARY');
    assert.equal(transferEventType(pending, sent), 'TRANSFER_SUCCESS');
    assert.equal(transferEventType(sent, at('SUCCESS', 'COMPLETED')), 'TRANSFER_ACKNOWLEDGED');
    assert.equal(transferEventType(pending, at('FAILED', 'BENE_BANK_DECLINED')), 'TRANSFER_FAILED');
    assert.equal(transferEventType(pending, at('REJECTED', 'INSUFFICIENT_BALANCE')), 'TRANSFER_REJECTED');
    assert.equal(transferEventType(sent, at('REVERSED', 'INVALID_ACCOUNT_FAIL')), 'TRANSFER_REVERSED');
    assert.equal(transferEventType(sent, sent), undefined);
  });

  test('a batch is RECEIVED, then PENDING, then PROCESSED once every transfer is final', () => {
    assert.equal(batchStatus(['RECEIVED', 'RECEIVED']), 'RECEIVED');
    assert.equal(batchStatus(['REJECTED', 'REJECTED']), 'REJECTED');
    assert.equal(batchStatus(['PENDING', 'RECEIVED']), 'PENDING');
    assert.equal(batchStatus(['SUCCESS', 'APPROVAL_PENDING']), 'PENDING');
    assert.equal(batchStatus(['SUCCESS', 'FAILED', 'REJECTED', 'REVERSED']), 'PROCESSED');
  });

  test('describes each state in words', () => {
    assert.match(
      describeState('REJECTED', 'INSUFFICIENT_BALANCE').status_description,
      /Insufficient balance/,
    );
    assert.match(describeState('FAILED', 'INVALID_BENE_ACCOUNT_OR_IFSC').status_description, /test accounts/);
  });
});
