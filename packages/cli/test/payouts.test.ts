/**
 * `cashfree payouts …` through the real binary against a local sandbox on loopback. The sandbox
 * sits behind a forwarding server that counts what reaches it, so "nothing was sent" is a count.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { RunningSandbox } from '@cashfree-kit/sandbox';
import { CREATE_BATCH_TRANSFER_CHECKS } from 'cashfree-kit';
import {
  type LoopbackServer,
  startLoopbackServer,
  type Teardown,
} from '../../../test/support/loopback-server.ts';
import { runCli, SECRET_KEY, sandboxEnv, startTestSandbox } from './support.ts';

type Json = Record<string, unknown>;

const FORWARDED = ['content-type', 'x-client-id', 'x-client-secret', 'x-api-version', 'x-request-id'];

/** A server on 127.0.0.1 that forwards every request to `sandbox` and records it. */
async function countingProxy(t: Teardown, sandbox: RunningSandbox): Promise<LoopbackServer> {
  return startLoopbackServer(t, async (request, response) => {
    const headers: Record<string, string> = {};
    for (const name of FORWARDED) {
      const value = request.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    const upstream = await fetch(`${sandbox.url}${request.url}`, {
      method: request.method,
      headers,
      ...(request.body === '' ? {} : { body: request.body }),
    });
    response.writeHead(upstream.status, {
      'content-type': upstream.headers.get('content-type') ?? 'text/plain',
    });
    response.end(await upstream.text());
  });
}

/** The sandbox, the proxy in front of its /payout, and the CLI's environment for them (PG keys only). */
async function setUp(t: Teardown) {
  const sandbox = await startTestSandbox(t);
  const proxy = await countingProxy(t, sandbox);
  const env = sandboxEnv(sandbox, { CASHFREE_PAYOUTS_BASE_URL: `${proxy.url}/payout` });
  return { sandbox, proxy, env };
}

const dir = mkdtempSync(join(tmpdir(), 'cashfree-payouts-cli-'));
function csvFile(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const TEST_ACCOUNT = ['--account', '026291800001191', '--ifsc', 'YESB0000262'];

function assertNoSecret(result: { stdout: string; stderr: string }): void {
  assert.ok(!`${result.stdout}${result.stderr}`.includes(SECRET_KEY), 'the secret key never appears');
}

describe('cashfree payouts against a local sandbox', () => {
  test('beneficiaries create / get (by id and by account) / remove', async (t) => {
    const { env } = await setUp(t);
    const created = await runCli(
      [
        'payouts',
        'beneficiaries',
        'create',
        '--beneficiary-id',
        'tea_estate_01',
        '--name',
        'Darjeeling Tea Estate',
        ...TEST_ACCOUNT,
        '--email',
        'accounts@example.com',
      ],
      { env },
    );
    assert.equal(created.code, 0, created.stderr);
    const beneficiary = created.json();
    assert.equal(beneficiary['beneficiary_id'], 'tea_estate_01');
    assert.equal(beneficiary['beneficiary_status'], 'VERIFIED');
    assert.equal((beneficiary['beneficiary_instrument_details'] as Json)['bank_ifsc'], 'YESB0000262');

    const text = await runCli(['payouts', 'beneficiaries', 'get', 'tea_estate_01', '--no-json'], { env });
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /beneficiary_name\s+Darjeeling Tea Estate/);
    assert.match(text.stdout, /pays to\s+026291800001191 · YESB0000262/);

    const byAccount = await runCli(['payouts', 'beneficiaries', 'get', ...TEST_ACCOUNT], { env });
    assert.equal(byAccount.code, 0, byAccount.stderr);
    assert.equal(byAccount.json()['beneficiary_id'], 'tea_estate_01');

    const both = await runCli(['payouts', 'beneficiaries', 'get', 'tea_estate_01', ...TEST_ACCOUNT], { env });
    assert.equal(both.code, 2);
    assert.match(both.stderr, /beneficiary_id or --account with --ifsc, not both/);

    const removed = await runCli(['payouts', 'beneficiaries', 'remove', 'tea_estate_01'], { env });
    assert.equal(removed.code, 0, removed.stderr);
    assert.equal(removed.json()['beneficiary_status'], 'DELETED');

    const missing = await runCli(['payouts', 'beneficiaries', 'get', 'nobody_here'], { env });
    assert.equal(missing.code, 4);
    assert.equal((missing.json()['error'] as Json)['code'], 'beneficiary_not_found');
  });

  test('transfers create / get by transfer_id and cf_transfer_id, amounts shown in rupees', async (t) => {
    const { env, sandbox } = await setUp(t);
    await runCli(
      [
        'payouts',
        'beneficiaries',
        'create',
        '--beneficiary-id',
        'tea_estate_01',
        '--name',
        'Tea Estate',
        ...TEST_ACCOUNT,
      ],
      { env },
    );
    const created = await runCli(
      [
        'payouts',
        'transfers',
        'create',
        '--transfer-id',
        'payout_0001',
        '--amount',
        '1',
        '--beneficiary-id',
        'tea_estate_01',
        '--remarks',
        'Tea leaves December',
        '--no-json',
      ],
      { env },
    );
    assert.equal(created.code, 0, created.stderr);
    assert.match(created.stdout, /transfer_id\s+payout_0001/);
    assert.match(created.stdout, /status\s+RECEIVED/);
    assert.match(created.stdout, /transfer_amount\s+₹1\.00/);

    sandbox.sandbox.advanceClock(10 * 60_000);
    const fetched = await runCli(['payouts', 'transfers', 'get', 'payout_0001'], { env });
    assert.equal(fetched.code, 0, fetched.stderr);
    const transfer = fetched.json();
    assert.equal(transfer['status'], 'SUCCESS');
    assert.equal(transfer['transfer_amount'], 1);

    const byCf = await runCli(
      ['payouts', 'transfers', 'get', '--cf-transfer-id', String(transfer['cf_transfer_id']), '--no-json'],
      { env },
    );
    assert.equal(byCf.code, 0, byCf.stderr);
    assert.match(byCf.stdout, /status\s+SUCCESS \(\w+\)/);
    assert.match(byCf.stdout, /transfer_utr\s+\S+/);

    // An unsaved beneficiary, paid by account, IFSC and name.
    const inline = await runCli(
      [
        'payouts',
        'transfers',
        'create',
        '--transfer-id',
        'payout_0002',
        '--amount',
        '250.50',
        '--name',
        'Hill Farm',
        '--account',
        '00011020001772',
        '--ifsc',
        'hdfc0000001',
        '--mode',
        'IMPS',
      ],
      { env },
    );
    assert.equal(inline.code, 0, inline.stderr);
    assert.equal(inline.json()['transfer_amount'], 250.5);
  });

  test('transfers validate gives a token that a upi transfer with the same transfer_id spends', async (t) => {
    const { env } = await setUp(t);
    const validated = await runCli(
      ['payouts', 'transfers', 'validate', '--transfer-id', 'upi_0001', '--vpa', 'success@upi'],
      { env },
    );
    assert.equal(validated.code, 0, validated.stderr);
    const token = validated.json()['transfer_token'];
    assert.equal(typeof token, 'string');
    const paid = await runCli(
      [
        'payouts',
        'transfers',
        'create',
        '--transfer-id',
        'upi_0001',
        '--amount',
        '5',
        '--token',
        String(token),
      ],
      { env },
    );
    assert.equal(paid.code, 0, paid.stderr);
    assert.equal(paid.json()['transfer_id'], 'upi_0001');

    const neither = await runCli(['payouts', 'transfers', 'validate', '--transfer-id', 'upi_0002'], { env });
    assert.equal(neither.code, 2);
    assert.match(neither.stderr, /exactly one of --vpa .* and --phone/);
  });

  test('a bad transfer is refused with the field and the fix, and nothing is sent', async (t) => {
    const { env, proxy } = await setUp(t);
    const result = await runCli(
      [
        'payouts',
        'transfers',
        'create',
        '--transfer-id',
        'payout_0003',
        '--amount',
        '0.50',
        '--beneficiary-id',
        'tea_estate_01',
      ],
      { env },
    );
    assert.equal(result.code, 2);
    const error = result.json()['error'] as Json;
    assert.equal(error['field'], 'transfer_amount');
    assert.match(String(error['message']), /must be at least 1.*rupees/);
    assert.equal(proxy.requests.length, 0);
    assertNoSecret(result);
  });

  test('Payouts keys come from CASHFREE_PAYOUTS_CLIENT_ID/_SECRET; PG keys are a fallback only on loopback', async (t) => {
    const payoutKeys = { clientId: 'TESTpayoutsclient', clientSecret: 'payouts_secret_for_cli_tests_0001' };
    const sandbox = await startTestSandbox(t, { payouts: payoutKeys });
    const own = await runCli(['payouts', 'transfers', 'get', 'not_there'], {
      env: sandboxEnv(sandbox, {
        CASHFREE_PAYOUTS_CLIENT_ID: payoutKeys.clientId,
        CASHFREE_PAYOUTS_CLIENT_SECRET: payoutKeys.clientSecret,
      }),
    });
    assert.equal(own.code, 4, own.stderr); // authenticated: the transfer is simply not there
    // This sandbox has separate Payouts keys, so its PG keys are refused on /payout.
    const pgKeys = await runCli(['payouts', 'transfers', 'get', 'not_there'], { env: sandboxEnv(sandbox) });
    assert.equal(pgKeys.code, 3, pgKeys.stderr);
    assertNoSecret(pgKeys);

    const remote = await runCli(['payouts', 'transfers', 'get', 'payout_0001', '--no-json'], {
      env: sandboxEnv(sandbox, { CASHFREE_PAYOUTS_BASE_URL: 'https://payouts.example.com/payout' }),
    });
    assert.equal(remote.code, 3);
    assert.match(remote.stderr, /CASHFREE_PAYOUTS_CLIENT_ID is not set\. .*Payouts keys are not PG keys/);
    assertNoSecret(remote);
  });

  test('batch create --csv sends the file as one batch; batch get lists its transfers', async (t) => {
    const { env, proxy, sandbox } = await setUp(t);
    await runCli(
      [
        'payouts',
        'beneficiaries',
        'create',
        '--beneficiary-id',
        'tea_estate_01',
        '--name',
        'Tea Estate',
        ...TEST_ACCOUNT,
      ],
      { env },
    );
    const before = proxy.requests.length;
    const file = csvFile(
      'good.csv',
      '\uFEFFtransfer_id,Amount,beneficiary_id,bank_account_number,bank_ifsc,name,mode,remarks\r\n' +
        'batch_p_1,1.00,tea_estate_01,,,,,"Tea leaves December"\r\n' +
        '\r\n' +
        'batch_p_2,250.50,,00011020001772,HDFC0000001,Hill Farm,imps,Packing\r\n',
    );
    const created = await runCli(
      ['payouts', 'batch', 'create', '--batch-id', 'batch_2026_12_01', '--csv', file],
      { env },
    );
    assert.equal(created.code, 0, created.stderr);
    assert.equal(created.json()['batch_transfer_id'], 'batch_2026_12_01');
    const sent = proxy.requests.slice(before);
    assert.deepEqual(
      sent.map((r) => `${r.method} ${r.url}`),
      ['POST /payout/transfers/batch'],
    );
    const body = JSON.parse(sent[0]?.body ?? '{}') as { transfers: Json[] };
    assert.deepEqual(body.transfers, [
      {
        transfer_id: 'batch_p_1',
        transfer_amount: 1,
        beneficiary_details: { beneficiary_id: 'tea_estate_01' },
        transfer_remarks: 'Tea leaves December',
      },
      {
        transfer_id: 'batch_p_2',
        transfer_amount: 250.5,
        beneficiary_details: {
          beneficiary_instrument_details: { bank_account_number: '00011020001772', bank_ifsc: 'HDFC0000001' },
          beneficiary_name: 'Hill Farm',
        },
        transfer_mode: 'imps',
        transfer_remarks: 'Packing',
      },
    ]);

    sandbox.sandbox.advanceClock(10 * 60_000);
    const fetched = await runCli(['payouts', 'batch', 'get', 'batch_2026_12_01', '--no-json'], { env });
    assert.equal(fetched.code, 0, fetched.stderr);
    assert.match(fetched.stdout, /batch_transfer_id\s+batch_2026_12_01/);
    assert.match(fetched.stdout, /^batch_p_1\s+SUCCESS.*₹1\.00\s+tea_estate_01/m);
    assert.match(fetched.stdout, /^batch_p_2\s+\w+.*₹250\.50/m);

    const again = await runCli(
      ['payouts', 'batch', 'create', '--batch-id', 'batch_2026_12_01', '--csv', file],
      { env },
    );
    assert.equal(again.code, 0, again.stderr); // the same batch again is the batch already made, not a second one
    assert.equal(again.json()['cf_batch_transfer_id'], created.json()['cf_batch_transfer_id']);
  });

  test('batch create --csv names every bad row by line and field with the fix, and sends nothing', async (t) => {
    const { env, proxy } = await setUp(t);
    const file = csvFile(
      'bad.csv',
      [
        'transfer_id,amount,beneficiary_id,name,remarks', // line 1
        'ok_1,1,tea_estate_01,,fine', // 2
        'ok_2,0.5,tea_estate_01,,paise by mistake', // 3
        'bad-id,2,tea_estate_01,,fine', // 4
        'ok_4,2,,,"a remark', // 5: a quoted value over two lines
        'on two lines"',
        'ok_1,3,tea_estate_01,,again', // 7
        'ok_6,3,tea_estate_01', // 8
        'ok_7,4,tea_estate_01,,fine', // 9
      ].join('\n'),
    );
    const result = await runCli(['payouts', 'batch', 'create', '--batch-id', 'batch_bad', '--csv', file], {
      env,
    });
    assert.equal(result.code, 2, result.stderr);
    const error = result.json()['error'] as {
      message: string;
      problems: { line: number; field: string; message: string }[];
    };
    assert.deepEqual(
      error.problems.map((p) => [p.line, p.field]),
      [
        [3, 'amount (transfer_amount)'],
        [4, 'transfer_id'],
        [5, 'beneficiary'],
        [7, 'transfer_id'],
        [8, 'csv'],
      ],
    );
    const [amount, id, beneficiary, duplicate, short] = error.problems;
    assert.match(amount?.message ?? '', /must be at least 1; received 0\.5.*rupees/);
    assert.match(id?.message ?? '', /received 'bad-id'\. Send e\.g\. '\w+'/);
    assert.match(
      beneficiary?.message ?? '',
      /fill beneficiary_id .* or bank_account_number, bank_ifsc and name/,
    );
    assert.match(duplicate?.message ?? '', /'ok_1' is already on line 2/);
    assert.match(short?.message ?? '', /has 3 values, the header has 5/);
    assert.match(error.message, /5 problems on 5 rows; nothing was sent/);
    assert.match(
      result.stderr,
      new RegExp(
        `^cashfree: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} line 3, amount \\(transfer_amount\\): `,
        'm',
      ),
    );
    assert.equal(proxy.requests.length, 0, 'nothing reached the API');
  });

  test('batch create --csv refuses a bad header and more rows than the batch row allows, sending nothing', async (t) => {
    const { env, proxy } = await setUp(t);
    const header = await runCli(
      [
        'payouts',
        'batch',
        'create',
        '--batch-id',
        'b1',
        '--csv',
        csvFile('header.csv', 'transfer_id,amout,beneficiary_id\nx_1,1,tea\n'),
      ],
      { env },
    );
    assert.equal(header.code, 2);
    const problems = (
      header.json()['error'] as { problems: { line: number; field: string; message: string }[] }
    ).problems;
    assert.deepEqual(
      problems.map((p) => [p.line, p.field]),
      [
        [1, 'amout'],
        [1, 'transfer_amount'],
      ],
    );
    assert.match(problems[0]?.message ?? '', /Unknown column 'amout'\. Use .*amount/);

    const limit = CREATE_BATCH_TRANSFER_CHECKS.find((rule) => rule.field === 'transfers')?.check;
    assert.ok(limit?.kind === 'list');
    const rows = Array.from({ length: limit.max + 1 }, (_, i) => `t_${i},1,tea_estate_01`);
    const big = await runCli(
      [
        'payouts',
        'batch',
        'create',
        '--batch-id',
        'b2',
        '--csv',
        csvFile('big.csv', `transfer_id,amount,beneficiary_id\n${rows.join('\n')}\n`),
      ],
      { env },
    );
    assert.equal(big.code, 2);
    const [tooMany] = (big.json()['error'] as { problems: { line: number; message: string }[] }).problems;
    assert.equal(tooMany?.line, limit.max + 2); // the first row past the limit
    assert.match(
      tooMany?.message ?? '',
      new RegExp(`has ${limit.max + 1} transfers; a batch holds at most ${limit.max}\\. Split it`),
    );
    assert.equal(proxy.requests.length, 0);
  });
});
