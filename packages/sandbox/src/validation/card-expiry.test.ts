import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cardExpired, currentExpiryMonth } from './card-expiry.js';

const at = (iso: string) => Date.parse(iso);

test('a card is good through the last day of its expiry month, in IST', () => {
  const now = at('2026-12-07T10:00:00+05:30');
  assert.equal(cardExpired('01', '20', now), true);
  assert.equal(cardExpired('11', '26', now), true);
  assert.equal(cardExpired('12', '26', now), false);
  assert.equal(cardExpired('03', '28', now), false);
  // 1 January 00:10 IST is still 31 December in UTC: IST decides.
  assert.equal(cardExpired('12', '26', at('2027-01-01T00:10:00+05:30')), true);
  assert.equal(currentExpiryMonth(at('2027-01-01T00:10:00+05:30')), '01/27');
});
