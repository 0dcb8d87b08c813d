/**
 * `cashfree webhooks verify` and `webhooks trigger` through the real binary: a genuine delivery
 * verifies; the usual accidents (a trailing newline, a secret with whitespace, a timestamp in
 * seconds, the wrong secret, an old delivery) fail with exit 1 and the cause named; trigger sends
 * a delivery that cashfree-kit's own verifier accepts, with Cashfree's headers, for every type.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { constructWebhookEvent, signWebhook } from 'cashfree-kit/webhooks';
import { startLoopbackServer } from '../../../test/support/loopback-server.ts';
import { closedPort, runCli } from './support.ts';

const SECRET = 'cfsk_ma_test_webhook_secret_1234';
const BODY =
  '{"data":{"order":{"order_id":"order_wh_cli","order_amount":170.00,"order_currency":"INR","order_tags":null},"payment":{"cf_payment_id":"5114910796410","payment_status":"SUCCESS","payment_amount":170.00,"payment_currency":"INR","payment_message":"00::Transaction success","payment_time":"2025-01-15T11:16:10+05:30","bank_reference":"1234567890","auth_id":null,"payment_method":{"upi":{"channel":"collect","upi_id":"testsuccess@gocash"}},"payment_group":"upi"},"customer_details":{"customer_name":"Priya","customer_id":"cust_7","customer_email":null,"customer_phone":"9999999999"}},"event_time":"2025-01-15T11:16:12+05:30","type":"PAYMENT_SUCCESS_WEBHOOK"}';

interface VerifyResult {
  valid: boolean;
  type?: string;
  order_id?: string;
  reason?: string;
  causes?: { cause: string; confirmed: boolean }[];
  hints?: string[];
  secret: string;
}

async function verify(
  body: string,
  signature: string,
  timestamp: string,
  extra: string[] = [],
  env: Record<string, string> = {},
) {
  return runCli(['webhooks', 'verify', '--signature', signature, '--timestamp', timestamp, ...extra], {
    input: body,
    env: { CASHFREE_SECRET_KEY: SECRET, ...env },
  });
}

describe('cashfree webhooks verify', () => {
  test('a genuine delivery is valid; the secret shows masked', async () => {
    const signed = await signWebhook({ body: BODY, secret: SECRET });
    const result = await verify(signed.rawBody, signed.signature, signed.timestamp);
    assert.equal(result.code, 0, result.stderr);
    const report = result.json<VerifyResult>();
    assert.equal(report.valid, true);
    assert.equal(report.type, 'PAYMENT_SUCCESS_WEBHOOK');
    assert.equal(report.order_id, 'order_wh_cli');
    assert.equal(report.secret, 'cfsk…1234');
    assert.ok(!result.stdout.includes(SECRET));

    const text = await verify(signed.rawBody, signed.signature, signed.timestamp, ['--no-json']);
    assert.match(text.stdout, /^✓ Valid signature: PAYMENT_SUCCESS_WEBHOOK for order_wh_cli$/m);
  });

  test('a trailing newline (echo, an editor) is named as the cause', async () => {
    const signed = await signWebhook({ body: BODY, secret: SECRET });
    const result = await verify(`${signed.rawBody}\n`, signed.signature, signed.timestamp);
    assert.equal(result.code, 1);
    const report = result.json<VerifyResult>();
    assert.equal(report.valid, false);
    assert.equal(report.reason, 'invalid_signature');
    assert.deepEqual(report.causes?.[0], { cause: 'trailing_newline', confirmed: true });
    assert.match(report.hints?.[0] ?? '', /trailing newline that Cashfree did not sign.*printf/);
    assert.match(
      result.stderr,
      /^cashfree: webhook rejected \(invalid_signature\)\. The body has a trailing newline/m,
    );
  });

  test('a secret with whitespace, and a timestamp converted to seconds', async () => {
    const signed = await signWebhook({ body: BODY, secret: SECRET });
    const spaced = await verify(signed.rawBody, signed.signature, signed.timestamp, [], {
      CASHFREE_SECRET_KEY: `${SECRET}\n`,
    });
    assert.equal(spaced.code, 1);
    assert.deepEqual(spaced.json<VerifyResult>().causes?.[0], {
      cause: 'secret_whitespace',
      confirmed: true,
    });

    const seconds = String(Math.floor(Number(signed.timestamp) / 1000));
    const bySeconds = await signWebhook({ body: BODY, secret: SECRET, timestamp: seconds });
    const converted = await verify(signed.rawBody, bySeconds.signature, signed.timestamp);
    assert.equal(converted.code, 1);
    assert.deepEqual(converted.json<VerifyResult>().causes?.[0], {
      cause: 'timestamp_in_seconds',
      confirmed: true,
    });

    const inSeconds = await verify(signed.rawBody, signed.signature, seconds);
    assert.equal(inSeconds.code, 1);
    const report = inSeconds.json<VerifyResult>();
    assert.ok(report.causes?.some((c) => c.cause === 'timestamp_in_seconds'));
    assert.ok(report.hints?.some((hint) => /looks like seconds \(10 digits\)/.test(hint)));
  });

  test('the wrong secret, and an old delivery (with --tolerance off to accept it)', async () => {
    const signed = await signWebhook({ body: BODY, secret: 'cfsk_ma_prod_other_environment' });
    const wrong = await verify(signed.rawBody, signed.signature, signed.timestamp, ['--no-json']);
    assert.equal(wrong.code, 1);
    assert.match(wrong.stdout, /^✗ invalid_signature: .*sandbox and production differ/m);

    // An hour old is a Cashfree retry's age: accepted by default, refused by a 300 s window.
    const retried = await signWebhook({ body: BODY, secret: SECRET, timestamp: Date.now() - 3_600_000 });
    assert.equal((await verify(retried.rawBody, retried.signature, retried.timestamp)).code, 0);
    const strict = await verify(retried.rawBody, retried.signature, retried.timestamp, [
      '--tolerance',
      '300',
    ]);
    assert.equal(strict.json<VerifyResult>().reason, 'timestamp_outside_tolerance');

    const old = await signWebhook({ body: BODY, secret: SECRET, timestamp: Date.now() - 2 * 86_400_000 });
    const stale = await verify(old.rawBody, old.signature, old.timestamp);
    assert.equal(stale.code, 1);
    assert.equal(stale.json<VerifyResult>().reason, 'timestamp_outside_tolerance');
    assert.ok(stale.json<VerifyResult>().hints?.some((hint) => hint.includes('--tolerance off')));
    const accepted = await verify(old.rawBody, old.signature, old.timestamp, ['--tolerance', 'off']);
    assert.equal(accepted.code, 0, accepted.stderr);
  });

  test('missing flags and a missing secret are usage errors before anything is read', async () => {
    const noSignature = await runCli(['webhooks', 'verify', '--timestamp', '1'], {
      env: { CASHFREE_SECRET_KEY: SECRET },
    });
    assert.equal(noSignature.code, 2);
    assert.match(noSignature.stderr, /--signature is required/);
    const noSecret = await runCli(['webhooks', 'verify', '--timestamp', '1', '--signature', 'x']);
    assert.equal(noSecret.code, 3);
    assert.match(noSecret.stderr, /pass --secret or set CASHFREE_SECRET_KEY/);
  });
});

describe('cashfree webhooks trigger', () => {
  test('sends a delivery cashfree-kit verifies, with Cashfree’s headers, for every event type', async (t) => {
    const server = await startLoopbackServer(t, (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"status":"ok"}');
    });
    const types = [
      'PAYMENT_SUCCESS_WEBHOOK',
      'PAYMENT_FAILED_WEBHOOK',
      'PAYMENT_USER_DROPPED_WEBHOOK',
      'REFUND_STATUS_WEBHOOK',
      'PAYMENT_LINK_EVENT',
      'SETTLEMENT_SUCCESS',
      'DISPUTE_CREATED',
    ];
    for (const type of types) {
      const result = await runCli(
        [
          'webhooks',
          'trigger',
          type.toLowerCase(),
          '--to',
          `${server.url}/webhooks/cashfree`,
          '--order-id',
          'order_trigger_1',
          '--amount',
          '170',
        ],
        { env: { CASHFREE_SECRET_KEY: SECRET } },
      );
      assert.equal(result.code, 0, `${type}: ${result.stderr}`);
      const report = result.json();
      assert.equal(report['delivered'], true);
      assert.equal(report['status_code'], 200);
      assert.equal(report['type'], type);
    }
    assert.equal(server.requests.length, types.length);
    for (const [index, request] of server.requests.entries()) {
      assert.equal(request.method, 'POST');
      assert.equal(request.url, '/webhooks/cashfree');
      assert.equal(request.headers['content-type'], 'application/json');
      assert.equal(request.headers['x-webhook-version'], '2025-01-01');
      assert.equal(request.headers['x-webhook-attempt'], '1');
      assert.match(String(request.headers['x-webhook-timestamp']), /^\d{13}$/);
      assert.ok(request.headers['x-idempotency-key']);
      const event = await constructWebhookEvent(request.body, request.headers, SECRET);
      assert.equal(event.type, types[index]);
    }
    // Amounts keep Cashfree's two decimals, which is what re-serialising handlers break.
    assert.match(server.requests[0]?.body ?? '', /"order_amount":170\.00/);
    assert.match(server.requests[0]?.body ?? '', /"order_id":"order_trigger_1"/);
  });

  test('the 2023-08-01 shape has no idempotency key; an endpoint answering 400 fails the command', async (t) => {
    const server = await startLoopbackServer(t, (_request, response) => {
      response.writeHead(400);
      response.end('bad signature');
    });
    const result = await runCli([
      'webhooks',
      'trigger',
      'PAYMENT_SUCCESS_WEBHOOK',
      '--to',
      server.url,
      '--webhook-version',
      '2023-08-01',
      '--secret',
      SECRET,
    ]);
    assert.equal(result.code, 1);
    assert.equal(result.json()['delivered'], false);
    assert.equal(result.json()['response_body'], 'bad signature');
    assert.match(result.stderr, /answered HTTP 400; Cashfree treats any non-2xx answer/);
    assert.equal(server.requests[0]?.headers['x-webhook-version'], '2023-08-01');
    assert.equal(server.requests[0]?.headers['x-idempotency-key'], undefined);
    assert.ok(!server.requests[0]?.body.includes('international_payment'));
  });

  test('an unknown type is a usage error; a closed port is a network error', async () => {
    const unknown = await runCli([
      'webhooks',
      'trigger',
      'PAYMENT_MAYBE',
      '--to',
      'http://127.0.0.1:9/x',
      '--secret',
      SECRET,
    ]);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /Unknown event type 'PAYMENT_MAYBE'\. Use one of: PAYMENT_SUCCESS_WEBHOOK/);
    const port = await closedPort();
    const refused = await runCli([
      'webhooks',
      'trigger',
      'REFUND_STATUS_WEBHOOK',
      '--to',
      `http://127.0.0.1:${port}/`,
      '--secret',
      SECRET,
    ]);
    assert.equal(refused.code, 6);
    assert.match(refused.stderr, /Could not deliver to http:\/\/127\.0\.0\.1:\d+\/ \(ECONNREFUSED\)/);
  });
});
