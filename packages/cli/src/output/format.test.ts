import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  displayValue,
  formatDuration,
  formatKeyValues,
  formatRupees,
  formatTable,
  visibleLength,
  wrap,
} from './format.js';

test('formatKeyValues aligns values and leaves out undefined rows', () => {
  assert.equal(
    formatKeyValues([
      ['order_id', 'order_1'],
      ['cf_order_id', 42],
      ['missing', undefined],
      ['note', null],
    ]),
    'order_id     order_1\ncf_order_id  42\nnote         —',
  );
});

test('formatTable sizes columns to the widest cell, ignoring colour codes', () => {
  const red = '\u001b[31mFAILED\u001b[39m';
  assert.equal(visibleLength(red), 6);
  assert.equal(
    formatTable(
      ['ID', 'STATUS'],
      [
        ['1', 'SUCCESS'],
        ['22', red],
      ],
    ),
    `ID  STATUS\n1   SUCCESS\n22  ${red}`,
  );
});

test('money, durations and values print the way a person reads them', () => {
  assert.equal(formatRupees(499), '₹499.00');
  assert.equal(formatRupees(12.5, 'USD'), '12.50 USD');
  assert.equal(formatRupees(undefined), undefined);
  assert.equal(formatRupees(5988), '₹5,988.00');
  assert.equal(formatDuration(532.4), '532 ms');
  assert.equal(formatDuration(1234), '1.2 s');
  assert.equal(displayValue({ a: 1 }), '{"a":1}');
  assert.equal(displayValue(''), '—');
});

test('rupees are grouped the Indian way (thousands, then lakhs and crores), as the pages print them', () => {
  assert.equal(formatRupees(0.05), '₹0.05');
  assert.equal(formatRupees(999), '₹999.00');
  assert.equal(formatRupees(1000), '₹1,000.00');
  assert.equal(formatRupees(99999.99), '₹99,999.99');
  assert.equal(formatRupees(123456.7), '₹1,23,456.70');
  assert.equal(formatRupees(12345678.9), '₹1,23,45,678.90');
  assert.equal(formatRupees(-1234567), '-₹12,34,567.00');
  assert.equal(formatRupees(1234567, 'USD'), '12,34,567.00 USD');
  assert.equal(formatRupees(-12.5, 'USD'), '-12.50 USD');
  assert.equal(formatRupees(null), '—');
});

test('a float sum prints as paise, and a non-number as it is, never throwing', () => {
  assert.equal(formatRupees(0.1 + 0.2), '₹0.30');
  assert.equal(formatRupees(Number.NaN), 'NaN');
  assert.equal(formatRupees('499.00'), '499.00');
  assert.equal(formatRupees(1e20), '100000000000000000000');
});

test('wrap breaks at word boundaries and indents continuation lines', () => {
  assert.equal(wrap('one two three four', 9, 2), 'one two\n  three\n  four');
});
