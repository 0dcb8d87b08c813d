/**
 * `cashfree doctor` through the real binary: all good against a local sandbox with its keys, and
 * each problem found, explained and failing the exit code: rejected keys, keys of the other
 * environment, an unreachable URL, a skewed clock.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sendJson, startLoopbackServer } from '../../../test/support/loopback-server.ts';
import { closedPort, runCli, sandboxEnv, startTestSandbox } from './support.ts';

interface Check {
  name: string;
  status: 'ok' | 'warn' | 'fail';
  message: string;
  fix?: string;
}
interface Report {
  ok: boolean;
  environment: string;
  base_url: string;
  checks: Check[];
}

function check(report: Report, name: string): Check {
  const found = report.checks.find((c) => c.name === name);
  assert.ok(found, `a "${name}" check in ${JSON.stringify(report.checks)}`);
  return found;
}

describe('cashfree doctor', () => {
  test('all good against a local sandbox with its keys; the secret is masked', async (t) => {
    const sandbox = await startTestSandbox(t);
    const result = await runCli(['doctor'], { env: sandboxEnv(sandbox) });
    assert.equal(result.code, 0, `${result.stdout}\n${result.stderr}`);
    const report = result.json<Report>();
    assert.equal(report.ok, true);
    assert.equal(report.environment, 'sandbox');
    for (const name of ['credentials', 'key prefixes', 'base URL', 'reachability', 'API version', 'clock']) {
      assert.equal(check(report, name).status, 'ok', `${name}: ${check(report, name).message}`);
    }
    assert.match(check(report, 'credentials').message, /CASHFREE_SECRET_KEY cfsk…0001/);
    assert.ok(
      !result.stdout.includes('cfsk_ma_test_cli_tests_secret_0001'),
      'the secret is never printed in full',
    );

    const text = await runCli(['doctor', '--no-json'], { env: sandboxEnv(sandbox) });
    assert.match(
      text.stdout,
      /^✓ reachability\s+http:\/\/127\.0\.0\.1:\d+\/pg answered HTTP 404 in .*; credentials accepted\.$/m,
    );
    assert.match(text.stdout, /^All good\.$/m);
  });

  test('a wrong secret: reachability fails and says what to fix', async (t) => {
    const sandbox = await startTestSandbox(t);
    const result = await runCli(['doctor'], {
      env: sandboxEnv(sandbox, { CASHFREE_SECRET_KEY: 'cfsk_ma_test_wrong_wrong_wrong' }),
    });
    assert.equal(result.code, 1);
    const reach = check(result.json<Report>(), 'reachability');
    assert.equal(reach.status, 'fail');
    assert.match(reach.message, /credentials rejected/);
    assert.match(String(reach.fix), /Copy both keys again/);
    assert.match(result.stderr, /^cashfree: doctor found 1 problem/);
  });

  test('sandbox keys with CASHFREE_ENV=PROD, and keys of two environments', async (t) => {
    const sandbox = await startTestSandbox(t);
    const prod = await runCli(['doctor'], { env: sandboxEnv(sandbox, { CASHFREE_ENV: 'PROD' }) });
    assert.equal(prod.code, 1);
    const prefixes = check(prod.json<Report>(), 'key prefixes');
    assert.equal(prefixes.status, 'fail');
    assert.match(prefixes.message, /CASHFREE_APP_ID is a sandbox key but the environment is production/);
    assert.match(String(prefixes.fix), /CASHFREE_ENV=TEST/);

    const mixed = await runCli(['doctor'], {
      env: sandboxEnv(sandbox, { CASHFREE_SECRET_KEY: 'cfsk_ma_prod_0123456789abcdef' }),
    });
    assert.equal(mixed.code, 1);
    const report = mixed.json<Report>();
    assert.match(check(report, 'key prefixes').message, /different environments/);
    assert.equal(check(report, 'reachability').status, 'fail');
  });

  test('missing credentials and an unreachable URL', async () => {
    const port = await closedPort();
    const result = await runCli(['doctor', '--base-url', `http://127.0.0.1:${port}/pg`]);
    assert.equal(result.code, 1);
    const report = result.json<Report>();
    assert.equal(check(report, 'credentials').status, 'fail');
    assert.match(check(report, 'credentials').message, /CASHFREE_APP_ID and CASHFREE_SECRET_KEY are not set/);
    const reach = check(report, 'reachability');
    assert.equal(reach.status, 'fail');
    assert.match(reach.message, /ECONNREFUSED/);
    assert.match(String(reach.fix), /cashfree sandbox start/);
  });

  test('a clock an hour behind the server fails the clock check', async (t) => {
    const server = await startLoopbackServer(t, (_request, response) =>
      sendJson(
        response,
        404,
        {
          message: 'Order Reference Id does not exist',
          code: 'order_not_found',
          type: 'invalid_request_error',
        },
        {
          date: new Date(Date.now() + 3_600_000).toUTCString(),
        },
      ),
    );
    const result = await runCli(['doctor'], {
      env: {
        CASHFREE_BASE_URL: `${server.url}/pg`,
        CASHFREE_APP_ID: 'TESTapp',
        CASHFREE_SECRET_KEY: 'cfsk_ma_test_0123456789abcdef',
      },
    });
    assert.equal(result.code, 1);
    const clock = check(result.json<Report>(), 'clock');
    assert.equal(clock.status, 'fail');
    assert.match(clock.message, /Local clock is 3[56]\d\d s behind the server/);
    assert.match(String(clock.fix), /NTP.*signed in the future/);
    assert.equal(server.requests[0]?.headers['x-api-version'], '2025-01-01');
  });
});
