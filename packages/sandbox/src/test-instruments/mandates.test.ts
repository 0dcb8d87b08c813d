import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEBIT_FAILING_VPA, mandateOutcome } from './mandates.js';

test('UPI mandates follow the test VPAs, and one VPA approves but fails every debit', () => {
  assert.deepEqual(mandateOutcome('upi', 'success@cashfree').charge, { outcome: 'SUCCESS' });
  const declined = mandateOutcome('upi', 'failure@cashfree');
  assert.equal(declined.auth.outcome, 'FAILED');
  assert.equal(declined.auth.error?.code, 'TRANSACTION_DECLINED');
  const broke = mandateOutcome('upi', DEBIT_FAILING_VPA.toUpperCase());
  assert.equal(broke.auth.outcome, 'SUCCESS');
  assert.equal(broke.charge.error?.code, 'INSUFFICIENT_FUNDS');
});

test('card mandates fail on the declined test card only', () => {
  assert.equal(mandateOutcome('card', '4111 1111 1111 1111').auth.outcome, 'SUCCESS');
  assert.equal(mandateOutcome('card', '4111111111111112').auth.outcome, 'FAILED');
});

test('NACH mandates are decided by the account number', () => {
  assert.equal(mandateOutcome('enach', '59108290701802').charge.outcome, 'SUCCESS');
  assert.equal(mandateOutcome('enach', '59108290700000').auth.outcome, 'FAILED');
  const pnach = mandateOutcome('pnach', '59108290701111');
  assert.equal(pnach.auth.outcome, 'SUCCESS');
  assert.equal(pnach.charge.outcome, 'FAILED');
});
