import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { ValidationError } from './core/errors.js';
import { formatRupees, paiseToRupees, paiseToRupeesNumber, rupeesToPaise } from './money.js';

describe('rupeesToPaise', () => {
  test('converts numbers and strings exactly', () => {
    assert.equal(rupeesToPaise('499.99'), 49999);
    assert.equal(rupeesToPaise(499.99), 49999);
    assert.equal(rupeesToPaise(499), 49900);
    assert.equal(rupeesToPaise(10.5), 1050);
    assert.equal(rupeesToPaise('0.05'), 5);
    assert.equal(rupeesToPaise('-1.50'), -150);
    assert.equal(rupeesToPaise('499.990'), 49999, 'trailing zeros are not extra decimals');
  });

  test('gets right what float maths gets wrong', () => {
    assert.notEqual(0.29 * 100, 29);
    assert.equal(rupeesToPaise(0.29), 29);
    assert.notEqual(1.005 * 1000, 1005);
    assert.equal(rupeesToPaise(4.35), 435);
    assert.equal(rupeesToPaise(1.15), 115);
  });

  test('rejects more than 2 decimals, non-finite values and junk with a clear error', () => {
    const bad = [
      499.999,
      '10.001',
      Number.NaN,
      Number.POSITIVE_INFINITY,
      '1,000',
      '',
      '₹10',
      null,
      undefined,
      {},
    ];
    for (const value of bad) {
      assert.throws(
        () => rupeesToPaise(value as never),
        (error: unknown) =>
          error instanceof ValidationError && error.field === 'rupees' && /rupees/.test(error.message),
        String(value),
      );
    }
    assert.throws(() => rupeesToPaise(0.1 + 0.2), /more than 2 decimals/);
    assert.throws(() => rupeesToPaise('99999999999999999.99'), /too large/);
  });
});

describe('paiseToRupees', () => {
  test('formats with exactly 2 decimals', () => {
    assert.equal(paiseToRupees(49999), '499.99');
    assert.equal(paiseToRupees(49900), '499.00');
    assert.equal(paiseToRupees(5), '0.05');
    assert.equal(paiseToRupees(0), '0.00');
    assert.equal(paiseToRupees(-150), '-1.50');
    assert.equal(paiseToRupeesNumber(49999), 499.99);
    assert.equal(paiseToRupeesNumber(100), 1);
  });

  test('rejects fractions of a paisa and unsafe integers', () => {
    for (const value of [1.5, Number.NaN, 2 ** 53, '100']) {
      assert.throws(
        () => paiseToRupees(value as never),
        (error: unknown) => error instanceof ValidationError && error.field === 'paise',
      );
    }
  });

  test('round-trips every safe amount (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e15, max: 1e15 }), (paise) => {
        assert.equal(rupeesToPaise(paiseToRupees(paise)), paise);
        assert.equal(rupeesToPaise(paiseToRupeesNumber(paise)), paise);
      }),
    );
  });
});

describe('formatRupees', () => {
  test('prints two decimals, as Cashfree does', () => {
    assert.equal(formatRupees(499), '499.00');
    assert.equal(formatRupees(0.5), '0.50');
    assert.equal(formatRupees(170.05), '170.05');
  });

  test('agrees with paiseToRupees for every 2-decimal amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_00 }), (paise) => {
        assert.equal(formatRupees(paiseToRupeesNumber(paise)), paiseToRupees(paise));
      }),
    );
  });
});
