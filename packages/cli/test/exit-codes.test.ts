/**
 * One exit code per class of failure, through the real binary: bad input is refused before any
 * request (a recording server proves nothing was sent), wrong credentials, not found, conflicts,
 * rate limits, server errors and unreachable hosts each end with their documented code and a
 * one-line `cashfree: …` message.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sendJson, startLoopbackServer } from '../../../test/support/loopback-server.ts';
import { APP_ID, closedPort, runCli, SECRET_KEY, sandboxEnv, startTestSandbox } from './support.ts';

type Json = Record<string, unknown>;

function errorOf(result: { json(): Json }): Json {
  return result.json()['error'] as Json;
}

/** stderr is exactly one `cashfree: …` line. */
function assertOneLine(stderr: string): void {
  const lines = stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, `expected one line on stderr, got:\n${stderr}`);
  assert.match(lines[0] ?? '', /^cashfree: /);
}

const credentials = { CASHFREE_APP_ID: APP_ID, CASHFREE_SECRET_KEY: SECRET_KEY, CASHFREE_ENV: 'TEST' };

describe('exit codes', () => {
  test('2: bad input is refused before any request is sent, with the fix named', async (t) => {
    const server = await startLoopbackServer(t, (_request, response) => sendJson(response, 200, {}));
    const env = { ...credentials, CASHFREE_BASE_URL: `${server.url}/pg` };
    const cases: [string[], RegExp][] = [
      [['orders', 'create', '--amount', '0', '--phone', '9876543210'], /order_amount: must be at least 1/],
      [
        ['orders', 'create', '--amount', '499', '--phone', '+91 98765 43210'],
        /Send '9876543210' without \+91/,
      ],
      [['orders', 'create', '--amount', '49900p', '--phone', '9876543210'], /order_amount: must be a number/],
      [
        ['orders', 'create', '--amount', '499', '--phone', '9876543210', '--order-id', 'order #1'],
        /order_id: contains ' ', '#'.*Send e\.g\. 'order__1'/,
      ],
      [['refunds', 'create', 'order_1', '--amount', '-5'], /refund_amount: must be greater than 0/],
      [
        ['links', 'create', '--amount', '10', '--phone', '9876543210'],
        /link_purpose: is required.* Fix: pass --purpose "Course fee" \(or set link_purpose in --data\)\./,
      ],
      [
        ['orders', 'create', '--amount', '499'],
        /Fix: pass --phone 9876543210 \(or set customer_details in --data\)/,
      ],
      [
        ['orders', 'create', '--phone', '9876543210'],
        /order_amount: must be a number.* Fix: pass --amount 499/,
      ],
      [['orders', 'create', '--data', '{not json'], /--data: the inline JSON is not valid JSON/],
      [
        ['orders', 'create', '--data', '/no/such/file.json'],
        /--data: cannot read '\/no\/such\/file\.json' \(ENOENT\)/,
      ],
      [['settlements', 'list', '--from', 'yesterday'], /--from must be a date like 2025-01-31/],
      [['orders', 'get'], /missing required argument 'order_id'.*Run 'cashfree orders get --help'/],
      [['orders', 'create', '--amuont', '1'], /unknown option '--amuont'.*Did you mean --amount\?/],
      [
        ['--env', 'staging', 'orders', 'get', 'x'],
        /--env must be TEST or sandbox \(test keys\), or PROD or production \(live keys\)/,
      ],
    ];
    for (const [args, message] of cases) {
      const result = await runCli(args, { env });
      assert.equal(result.code, 2, `${args.join(' ')}: ${result.stderr}`);
      assertOneLine(result.stderr);
      assert.match(result.stderr, message, args.join(' '));
      assert.equal(errorOf(result)['exit_code'], 2);
    }
    assert.equal(server.requests.length, 0, 'no request reached the server');
  });

  test('3: missing credentials, and a wrong secret rejected by the sandbox', async (t) => {
    const sandbox = await startTestSandbox(t);
    const missing = await runCli(['orders', 'get', 'order_1'], {
      env: { CASHFREE_BASE_URL: sandbox.apiBase },
    });
    assert.equal(missing.code, 3, missing.stderr);
    assertOneLine(missing.stderr);
    assert.match(missing.stderr, /CASHFREE_APP_ID is not set/);

    const wrong = await runCli(['orders', 'get', 'order_1'], {
      env: sandboxEnv(sandbox, { CASHFREE_SECRET_KEY: 'cfsk_ma_test_wrong_secret_value' }),
    });
    assert.equal(wrong.code, 3, wrong.stderr);
    assertOneLine(wrong.stderr);
    const error = errorOf(wrong);
    assert.equal(error['status'], 401);
    assert.equal(error['name'], 'AuthenticationError');
    assert.match(String(error['fix']), /Copy both keys again/);
    assert.ok(
      !wrong.stdout.includes('cfsk_ma_test_wrong_secret_value') &&
        !wrong.stderr.includes('cfsk_ma_test_wrong_secret_value'),
    );
  });

  test('4: not found', async (t) => {
    const sandbox = await startTestSandbox(t);
    const result = await runCli(['orders', 'get', 'no_such_order'], { env: sandboxEnv(sandbox) });
    assert.equal(result.code, 4, result.stderr);
    assertOneLine(result.stderr);
    assert.equal(errorOf(result)['status'], 404);
    assert.equal(errorOf(result)['code'], 'order_not_found');
  });

  test('7: conflict, an order_id used twice', async (t) => {
    const sandbox = await startTestSandbox(t);
    const args = ['orders', 'create', '--amount', '1', '--phone', '9876543210', '--order-id', 'dup_order_1'];
    assert.equal((await runCli(args, { env: sandboxEnv(sandbox) })).code, 0);
    const second = await runCli(args, { env: sandboxEnv(sandbox) });
    assert.equal(second.code, 7, second.stderr);
    assertOneLine(second.stderr);
    assert.equal(errorOf(second)['code'], 'order_already_exists');
    assert.match(second.stderr, /Fix: Use a new order_id/);
  });

  test('5, 8 and 9: rate limited, rejected and server errors from the API', async (t) => {
    const answers: Record<string, [number, Json, Record<string, string>?]> = {
      '/pg/orders/limited': [
        429,
        {
          message: 'Too many requests from IP. Check headers',
          code: 'request_failed',
          type: 'rate_limit_error',
        },
        { 'x-ratelimit-retry': '0' },
      ],
      '/pg/orders/rejected': [
        400,
        { message: 'order_id : is invalid', code: 'order_id_invalid', type: 'invalid_request_error' },
      ],
      '/pg/orders/broken': [
        500,
        { message: 'internal Server Error', code: 'internal_error', type: 'api_error' },
        { 'retry-after': '0' },
      ],
    };
    const server = await startLoopbackServer(t, (request, response) => {
      const [status, body, headers] = answers[request.url] ?? [
        404,
        { message: 'not here', code: 'order_not_found', type: 'invalid_request_error' },
      ];
      sendJson(response, status, body, headers);
    });
    const env = { ...credentials, CASHFREE_BASE_URL: `${server.url}/pg` };
    const limited = await runCli(['orders', 'get', 'limited'], { env });
    assert.equal(limited.code, 5, limited.stderr);
    assert.equal(errorOf(limited)['type'], 'rate_limit_error');
    const rejected = await runCli(['orders', 'get', 'rejected'], { env });
    assert.equal(rejected.code, 8, rejected.stderr);
    assert.match(rejected.stderr, /Fix: Send 3–45 characters/);
    const broken = await runCli(['orders', 'get', 'broken'], { env });
    assert.equal(broken.code, 9, broken.stderr);
    for (const result of [limited, rejected, broken]) assertOneLine(result.stderr);
  });

  test('6: network, nothing listening on the port', async () => {
    const port = await closedPort();
    const result = await runCli(['orders', 'get', 'order_1'], {
      env: { ...credentials, CASHFREE_BASE_URL: `http://127.0.0.1:${port}/pg` },
    });
    assert.equal(result.code, 6, result.stderr);
    assertOneLine(result.stderr);
    assert.match(result.stderr, /ECONNREFUSED/);
    assert.equal(errorOf(result)['name'], 'ConnectionError');
  });

  test('--no-json prints only the message on stderr and nothing on stdout', async (t) => {
    const sandbox = await startTestSandbox(t);
    const result = await runCli(['orders', 'get', 'no_such_order', '--no-json'], {
      env: sandboxEnv(sandbox),
    });
    assert.equal(result.code, 4);
    assert.equal(result.stdout, '');
    assertOneLine(result.stderr);
  });
});
