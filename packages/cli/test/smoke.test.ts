/**
 * `cashfree smoke` through the real binary: it passes on a fresh database with a local sandbox it
 * starts itself, prints one ✓ line per step, runs against a configured sandbox (both payment
 * modes), fails with a ✗ line and a non-zero exit when a step fails, and refuses production.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CashfreePayouts } from 'cashfree-kit/payouts';
import { APP_ID, runCli, SECRET_KEY, sandboxEnv, startTestSandbox } from './support.ts';

const STEPS = [
  'create order',
  'fetch order',
  'pay order',
  'wait for PAID',
  'list payments',
  'refund',
  'create payment link',
  'cancel payment link',
  'read settlements',
  'add beneficiary',
  'send payout',
  'wait for payout SUCCESS',
  'remove beneficiary',
];

interface SmokeJson {
  ok: boolean;
  target: string;
  base_url: string;
  duration_ms: number;
  steps: { name: string; ok: boolean; skipped: boolean; duration_ms: number; detail: string }[];
}

describe('cashfree smoke', () => {
  test('passes on a fresh in-process sandbox, one ✓ line per step', async () => {
    const result = await runCli(['smoke', '--no-json']);
    assert.equal(result.code, 0, `${result.stdout}\n${result.stderr}`);
    const lines = result.stdout.trimEnd().split('\n');
    assert.match(
      lines[0] ?? '',
      /^cashfree smoke: local sandbox, in-process \(fresh in-memory database\) · http:\/\/127\.0\.0\.1:\d+\/pg$/,
    );
    for (const step of STEPS) {
      assert.ok(
        lines.some((line) => new RegExp(`^✓ ${step}\\s+.+ \\(\\d+(\\.\\d)? m?s\\)$`).test(line)),
        `a ✓ line for "${step}" in:\n${result.stdout}`,
      );
    }
    assert.match(lines.at(-1) ?? '', /^All 13 steps passed in \d/);
    // Reported for the record (the issue asks for under 10 s); not asserted.
    console.log(`# cashfree smoke (in-process sandbox) took ${/in (.+)\.$/.exec(lines.at(-1) ?? '')?.[1]}`);
  });

  test('--json gives every step with its timing', async () => {
    const result = await runCli(['smoke']);
    assert.equal(result.code, 0, result.stderr);
    const report = result.json<SmokeJson>();
    assert.equal(report.ok, true);
    assert.deepEqual(
      report.steps.map((step) => step.name),
      STEPS,
    );
    for (const step of report.steps) {
      assert.equal(step.ok, true, `${step.name}: ${step.detail}`);
      assert.equal(typeof step.duration_ms, 'number');
    }
    assert.match(report.steps[2]?.detail ?? '', /card 4111 1111 1111 1111 \+ OTP 111000/);
    const payout = report.steps.find((step) => step.name === 'wait for payout SUCCESS');
    assert.match(
      payout?.detail ?? '',
      /^smoke_payout_\w+ SUCCESS \(\w+\) after \d+ polls?, sandbox clock moved \d+ min$/,
    );
    // Paid seconds ago: in no settlement yet, so the step must not call it settled.
    assert.match(
      report.steps[8]?.detail ?? '',
      /^order awaiting settlement ₹\d+\.\d\d; \d+ settlements? in the last 30 days$/,
    );
  });

  test('runs against a configured sandbox, paying through /simulate like on Cashfree', async (t) => {
    const sandbox = await startTestSandbox(t);
    const result = await runCli(['smoke', '--pay', 'simulate'], { env: sandboxEnv(sandbox) });
    assert.equal(result.code, 0, `${result.stdout}\n${result.stderr}`);
    const report = result.json<SmokeJson>();
    assert.equal(report.target, 'local sandbox');
    assert.equal(report.base_url, sandbox.apiBase);
    assert.match(
      report.steps[2]?.detail ?? '',
      /UPI collect testsuccess@gocash → payment \d+, \/simulate .*SUCCESS/,
    );
    // The payout ran against this sandbox with its PG keys, and the sandbox holds it as SUCCESS.
    const sent = report.steps.find((step) => step.name === 'send payout');
    const transferId = /^(smoke_payout_\w+) ₹1\.00 → smoke_\w+ RECEIVED$/.exec(sent?.detail ?? '')?.[1];
    assert.ok(transferId, `send payout: ${sent?.detail}`);
    const payouts = new CashfreePayouts({
      clientId: APP_ID,
      clientSecret: SECRET_KEY,
      environment: 'sandbox',
      baseUrl: `${sandbox.url}/payout`,
    });
    const transfer = await payouts.transfers.get({ transfer_id: transferId });
    assert.equal(transfer.status, 'SUCCESS');
    assert.equal(transfer.transfer_amount, 1);
    const removed = report.steps.find((step) => step.name === 'remove beneficiary');
    assert.match(removed?.detail ?? '', /^smoke_\w+ DELETED$/);
  });

  test('pays the beneficiary already saved for the test account, and keeps it', async (t) => {
    const sandbox = await startTestSandbox(t);
    const payouts = new CashfreePayouts({
      clientId: APP_ID,
      clientSecret: SECRET_KEY,
      environment: 'sandbox',
      baseUrl: `${sandbox.url}/payout`,
    });
    await payouts.beneficiaries.create({
      beneficiary_id: 'my_test_supplier',
      beneficiary_name: 'My Test Supplier',
      beneficiary_instrument_details: { bank_account_number: '026291800001191', bank_ifsc: 'YESB0000262' },
    });
    const result = await runCli(['smoke'], { env: sandboxEnv(sandbox) });
    assert.equal(result.code, 0, `${result.stdout}\n${result.stderr}`);
    const steps = result.json<SmokeJson>().steps;
    assert.match(
      steps.find((s) => s.name === 'add beneficiary')?.detail ?? '',
      /already saved as my_test_supplier/,
    );
    assert.match(steps.find((s) => s.name === 'send payout')?.detail ?? '', /→ my_test_supplier RECEIVED$/);
    assert.equal(
      (await payouts.beneficiaries.get({ beneficiary_id: 'my_test_supplier' })).beneficiary_status,
      'VERIFIED',
    );
  });

  test('skips the payout steps, passing, when there are no Payouts keys for a remote Payouts URL', async (t) => {
    const sandbox = await startTestSandbox(t);
    const result = await runCli(['smoke'], {
      // PG on the local sandbox; Payouts pointed elsewhere, where the PG keys are no fallback.
      env: sandboxEnv(sandbox, { CASHFREE_PAYOUTS_BASE_URL: 'https://payouts.example.com/payout' }),
    });
    assert.equal(result.code, 0, `${result.stdout}\n${result.stderr}`);
    const report = result.json<SmokeJson>();
    assert.equal(report.ok, true);
    for (const name of STEPS.slice(9)) {
      const step = report.steps.find((s) => s.name === name);
      assert.equal(step?.skipped, true, name);
      assert.match(step?.detail ?? '', /^skipped: CASHFREE_PAYOUTS_CLIENT_ID is not set/);
    }
    const text = await runCli(['smoke', '--no-json'], {
      env: sandboxEnv(sandbox, { CASHFREE_PAYOUTS_BASE_URL: 'https://payouts.example.com/payout' }),
    });
    assert.match(text.stdout, /^All 9 steps passed \(4 skipped\) in /m);
  });

  test('a failing step prints ✗, skips the rest and exits with the failure class', async (t) => {
    const sandbox = await startTestSandbox(t);
    const result = await runCli(['smoke', '--no-json'], {
      env: sandboxEnv(sandbox, { CASHFREE_SECRET_KEY: 'cfsk_ma_test_not_the_right_one' }),
    });
    assert.equal(result.code, 3, result.stderr);
    assert.match(result.stdout, /^✗ create order\s+authentication Failed/m);
    assert.match(result.stdout, /^- fetch order\s+skipped$/m);
    assert.match(result.stdout, /0 of 13 steps passed; the smoke test failed/);
    assert.match(result.stderr, /^cashfree: smoke step 'create order' failed: authentication Failed/m);
  });

  test('refuses production unless --live', async () => {
    const result = await runCli(['smoke'], {
      env: {
        CASHFREE_APP_ID: 'PRODapp',
        CASHFREE_SECRET_KEY: 'cfsk_ma_prod_0000000000000000',
        CASHFREE_ENV: 'PROD',
      },
    });
    assert.equal(result.code, 2, result.stderr);
    assert.match(result.stderr, /refuses to run against production.*pass --live/);
  });
});
