import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readAmount } from './amount-input.js';

test('rupees as typed become paise, up to the bound', () => {
  assert.deepEqual(readAmount(' 120 ', 49_900, 'charge'), { paise: 12_000 });
  assert.deepEqual(readAmount('120.5', 49_900, 'charge'), { paise: 12_050 });
  assert.deepEqual(readAmount('499.00', 49_900, 'charge'), { paise: 49_900 });
});

test('anything else is refused in words naming what to type', () => {
  assert.deepEqual(readAmount('₹120', 49_900, 'charge'), {
    problem: 'Enter the charge in rupees, such as 499.00; received “₹120”.',
  });
  assert.deepEqual(readAmount('', 10_000, 'refund'), {
    problem: 'Enter the refund in rupees, such as 100.00; received “”.',
  });
  assert.deepEqual(readAmount('1.234', 49_900, 'charge'), {
    problem: 'Enter the charge in rupees with at most two decimals (paise), such as 499.00.',
  });
  assert.deepEqual(readAmount('0', 49_900, 'charge'), {
    problem: 'The charge must be more than ₹0; received ₹0.',
  });
  assert.deepEqual(readAmount('500', 49_900, 'charge'), {
    problem: 'The charge can be at most ₹499.00; received ₹500.',
  });
});
