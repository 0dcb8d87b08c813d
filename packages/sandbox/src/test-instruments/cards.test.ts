import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cardExpired } from '../validation/card-expiry.js';
import { TEST_CARD_EXPIRY, TEST_CARDS } from './cards.js';

const YEARS_AHEAD = 5;

test('the test card expiry stays at least five years past the real date, so card payments in tests do not start failing one day', () => {
  // The real clock on purpose: the sandboxes the e2e, docs and example tests start run on it.
  const inFiveYears = new Date();
  inFiveYears.setUTCFullYear(inFiveYears.getUTCFullYear() + YEARS_AHEAD);
  assert.equal(
    cardExpired(TEST_CARD_EXPIRY.mm, TEST_CARD_EXPIRY.yy, inFiveYears.getTime()),
    false,
    `TEST_CARD_EXPIRY ${TEST_CARD_EXPIRY.mmYy} runs out within ${YEARS_AHEAD} years of ${new Date().toISOString().slice(0, 10)}: move it further into the future in packages/sandbox/src/test-instruments/cards.ts.`,
  );
});

test('the test card expiry is one date in both shapes the sandbox takes', () => {
  assert.match(TEST_CARD_EXPIRY.mm, /^(0[1-9]|1[0-2])$/);
  assert.match(TEST_CARD_EXPIRY.yy, /^\d{2}$/);
  assert.equal(TEST_CARD_EXPIRY.mmYy, `${TEST_CARD_EXPIRY.mm}/${TEST_CARD_EXPIRY.yy}`);
});

test('the card the tests pay with succeeds', () => {
  assert.equal(TEST_CARDS['4111111111111111']?.outcome, 'SUCCESS');
});
