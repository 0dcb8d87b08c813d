import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { ValidationError } from './core/errors.js';
import {
  formatInr,
  formatInrFromPaise,
  formatRupees,
  paiseToRupees,
  paiseToRupeesNumber,
  rupeesToPaise,
} from './money.js';

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

describe('formatInr', () => {
  // Full-ICU Intl is the reference; format() of a decimal string is exact, where paise / 100 would not be.
  const intl = new Intl.NumberFormat('en-IN', { style: 'currency', currency: 'INR' });

  test('groups digits the Indian way with the rupee sign and 2 decimals', () => {
    assert.equal(formatInr(5988), '₹5,988.00');
    assert.equal(formatInr(123456.7), '₹1,23,456.70');
    assert.equal(formatInr(999), '₹999.00');
    assert.equal(formatInr(1000), '₹1,000.00');
    assert.equal(formatInr(100000), '₹1,00,000.00');
    assert.equal(formatInr(12_34_56_789.05), '₹12,34,56,789.05', 'crore');
    assert.equal(formatInr(1e13), '₹1,00,00,00,00,00,000.00');
  });

  test('prints zero and negative amounts as Intl does', () => {
    assert.equal(formatInr(0), '₹0.00');
    assert.equal(formatInr(-0), '₹0.00', 'no minus sign on zero');
    assert.equal(formatInr(-5988), '-₹5,988.00');
    assert.equal(formatInr(-0.05), '-₹0.05');
  });

  test('rounds float drift to paise instead of printing it', () => {
    assert.equal(formatInr(0.1 + 0.2), '₹0.30');
    assert.equal(formatInr(0.29), '₹0.29');
    assert.equal(formatInr(1.005), '₹1.00', '1.005 is stored as 1.00499…, as toFixed(2) sees it');
  });

  test('refuses what it cannot print exactly, naming the value', () => {
    assert.throws(() => formatInr(Number.NaN), ValidationError);
    assert.throws(() => formatInr(Number.POSITIVE_INFINITY), /finite number/);
    assert.throws(() => formatInr(1e15), /too large/);
  });

  test('matches Intl en-IN INR for every safe integer of paise', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (paise) => {
        assert.equal(formatInrFromPaise(paise), intl.format(paiseToRupees(paise) as `${number}`));
      }),
      { numRuns: 2000 },
    );
  });

  test('matches Intl en-IN INR for 2-decimal rupee numbers', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000_000_00, max: 10_000_000_000_00 }), (paise) => {
        const rupees = paiseToRupeesNumber(paise);
        assert.equal(formatInr(rupees), intl.format(rupees));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('formatInrFromPaise', () => {
  test('formats integer paise', () => {
    assert.equal(formatInrFromPaise(598800), '₹5,988.00');
    assert.equal(formatInrFromPaise(5), '₹0.05');
    assert.equal(formatInrFromPaise(-12345670), '-₹1,23,456.70');
    assert.equal(formatInrFromPaise(Number.MAX_SAFE_INTEGER), '₹9,00,71,99,25,47,409.91');
  });

  test('refuses what is not a whole number of paise', () => {
    assert.throws(() => formatInrFromPaise(1.5), /whole number of paise/);
    assert.throws(() => formatInrFromPaise(Number.MAX_SAFE_INTEGER + 1), ValidationError);
  });
});
