/**
 * `cashfree smoke` through the real binary: it passes on a fresh database with a local sandbox it
 * starts itself, prints one ✓ line per step, runs against a configured sandbox (both payment
 * modes), fails with a ✗ line and a non-zero exit when a step fails, and refuses production.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { runCli, sandboxEnv, startTestSandbox } from './support.ts';

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
    assert.match(lines.at(-1) ?? '', /^All 9 steps passed in \d/);
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
  });

  test('a failing step prints ✗, skips the rest and exits with the failure class', async (t) => {
    const sandbox = await startTestSandbox(t);
    const result = await runCli(['smoke', '--no-json'], {
      env: sandboxEnv(sandbox, { CASHFREE_SECRET_KEY: 'cfsk_ma_test_not_the_right_one' }),
    });
    assert.equal(result.code, 3, result.stderr);
    assert.match(result.stdout, /^✗ create order\s+authentication Failed/m);
    assert.match(result.stdout, /^- fetch order\s+skipped$/m);
    assert.match(result.stdout, /0 of 9 steps passed; the smoke test failed/);
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
