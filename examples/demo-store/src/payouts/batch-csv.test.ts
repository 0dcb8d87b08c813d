import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EXAMPLE_CSV, readBatchCsv, splitCsvLine } from './batch-csv.js';

test('the example CSV reads as two payments to the saved estate, in paise', () => {
  const { rows, problems } = readBatchCsv(EXAMPLE_CSV);
  assert.deepEqual(problems, []);
  assert.deepEqual(
    rows.map((r) => [r.line, r.payee, r.amountPaise, r.item.beneficiary_details]),
    [
      [2, 'kanchan_valley_tea_estate', 250_000, { beneficiary_id: 'kanchan_valley_tea_estate' }],
      [3, 'kanchan_valley_tea_estate', 120_050, { beneficiary_id: 'kanchan_valley_tea_estate' }],
    ],
  );
});

test('bank-detail rows, quoted fields, CRLF and blank lines: line numbers are the file’s own', () => {
  const csv =
    'name,bank_account_number,bank_ifsc,amount,remarks\r\n\r\n"Rai, Pemba",026291800001191,YESB0000262,900,"Plucking ""first"" flush"\r\n';
  const { rows, problems } = readBatchCsv(csv);
  assert.deepEqual(problems, []);
  assert.equal(rows[0]?.line, 3);
  assert.deepEqual(rows[0]?.item.beneficiary_details, {
    beneficiary_name: 'Rai, Pemba',
    beneficiary_instrument_details: { bank_account_number: '026291800001191', bank_ifsc: 'YESB0000262' },
  });
  assert.equal(rows[0]?.item.transfer_remarks, 'Plucking "first" flush');
});

test('every bad row is named by its line; good rows around them do not hide them', () => {
  const { problems } = readBatchCsv(
    [
      'beneficiary_id,amount',
      'kanchan_valley_tea_estate,₹2,500',
      ',100',
      'kanchan_valley_tea_estate,12.345',
      'kanchan_valley_tea_estate,100',
      '"unclosed,100',
    ].join('\n'),
  );
  assert.deepEqual(
    problems.map((p) => p.line),
    [2, 3, 4, 6],
  );
  assert.match(problems[0]?.message ?? '', /has 3 fields; the header has 2/);
  assert.match(problems[1]?.message ?? '', /beneficiary_id is empty/);
  assert.match(
    problems[2]?.message ?? '',
    /“12.345” is not an amount in rupees: write it like 2500 or 1200.50/,
  );
  assert.match(problems[3]?.message ?? '', /quoted field is not closed/);
});

test('a header that fits neither shape, an empty CSV, and a header alone are each refused with the fix', () => {
  assert.match(
    readBatchCsv('id,amount\nx,1').problems[0]?.message ?? '',
    /unknown column “id”.*beneficiary_id,amount/,
  );
  assert.match(readBatchCsv('amount\n1').problems[0]?.message ?? '', /missing columns/);
  assert.deepEqual(readBatchCsv('  \n').problems[0]?.line, 1);
  assert.deepEqual(readBatchCsv('beneficiary_id,amount\n').problems, [
    { line: 2, message: 'no rows to pay under the header' },
  ]);
});

test('splitCsvLine keeps commas inside quotes', () => {
  assert.deepEqual(splitCsvLine('a, "b, c" ,d'), ['a', 'b, c', 'd']);
});
