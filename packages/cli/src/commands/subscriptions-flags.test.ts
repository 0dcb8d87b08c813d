import assert from 'node:assert/strict';
import { test } from 'node:test';
import { actionArgument, methodsFlag, tomorrowInIndia } from './subscriptions-flags.js';

test('a charge defaults to 10:00 on the next day in India, which starts at 18:30 UTC', () => {
  assert.equal(tomorrowInIndia(Date.parse('2026-12-07T12:00:00Z')), '2026-12-08T10:00:00+05:30');
  // 00:30 on 8 December in India: tomorrow there is the 9th, though UTC still says the 7th.
  assert.equal(tomorrowInIndia(Date.parse('2026-12-07T19:00:00Z')), '2026-12-09T10:00:00+05:30');
  assert.equal(tomorrowInIndia(Date.parse('2026-12-31T18:29:59Z')), '2027-01-01T10:00:00+05:30');
});

test('--methods takes the mandate methods in any case, and names an unknown one', () => {
  assert.deepEqual(methodsFlag(' UPI, card '), ['upi', 'card']);
  assert.equal(methodsFlag(undefined), undefined);
  assert.throws(
    () => methodsFlag('upi,cash'),
    /--methods takes a comma-separated list of upi, enach, pnach, card; received 'upi,cash'/,
  );
  assert.throws(() => methodsFlag(','), /--methods/);
});

test('actions are spelled as the API spells them', () => {
  assert.equal(actionArgument('change-plan'), 'CHANGE_PLAN');
  assert.equal(actionArgument(' pause '), 'PAUSE');
});
