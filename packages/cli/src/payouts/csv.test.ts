import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CREATE_BATCH_TRANSFER_CHECKS } from 'cashfree-kit';
import { batchSizeLimits, readTransfersCsv } from './csv.ts';

test('reads quoted values, a BOM, CRLF, blank lines, header aliases and amounts as rupees', () => {
  const { transfers, problems } = readTransfersCsv(
    '\uFEFFTransfer ID,amount,Beneficiary-ID,remarks\r\n' +
      'p_1,1.00,tea_01,x\r\n' +
      '\r\n' +
      'p_2,12.5,tea_01,"Tea leaves"\r\n',
  );
  assert.deepEqual(problems, []);
  assert.deepEqual(transfers, [
    {
      transfer_id: 'p_1',
      transfer_amount: 1,
      beneficiary_details: { beneficiary_id: 'tea_01' },
      transfer_remarks: 'x',
    },
    {
      transfer_id: 'p_2',
      transfer_amount: 12.5,
      beneficiary_details: { beneficiary_id: 'tea_01' },
      transfer_remarks: 'Tea leaves',
    },
  ]);
});

test('a row after a quoted value with a line break is named by the line it starts on', () => {
  const { problems, transfers } = readTransfersCsv(
    'transfer_id,amount,beneficiary_id,remarks\n' + 'p_1,1,tea_01,"two\nlines"\n' + 'p_2,abc,tea_01,x\n',
  );
  assert.deepEqual(transfers, [], 'nothing to send while a problem remains');
  assert.equal(problems.length, 1);
  assert.equal(problems[0]?.line, 4);
  assert.equal(problems[0]?.field, 'amount (transfer_amount)');
});

test('an unclosed quote is reported with its line and how to quote', () => {
  const { problems } = readTransfersCsv('transfer_id,amount,beneficiary_id\np_1,1,"tea_01\n');
  assert.equal(problems.length, 1);
  assert.equal(problems[0]?.field, 'csv');
  assert.match(problems[0]?.message ?? '', /Quote Not Closed.*double quotes/);
});

test('an empty file and a file with only a header say what to write', () => {
  assert.match(
    readTransfersCsv('').problems[0]?.message ?? '',
    /The file is empty\. The first line names the columns/,
  );
  const onlyHeader = readTransfersCsv('transfer_id,amount,beneficiary_id\n').problems;
  assert.deepEqual(
    onlyHeader.map((p) => [p.line, p.field]),
    [[2, 'transfers']],
  );
});

test("the batch size limits are the batch row's", () => {
  const rule = CREATE_BATCH_TRANSFER_CHECKS.find((r) => r.field === 'transfers');
  assert.ok(rule?.check.kind === 'list');
  assert.deepEqual(batchSizeLimits(), { min: rule.check.min, max: rule.check.max });
});
