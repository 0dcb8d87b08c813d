import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { inspect } from 'node:util';
import fc from 'fast-check';
import { APP_ID, rejection, SECRET, seedOrder, testClient } from '../test/support.js';
import { Cashfree, type RequestErrorEvent, type RequestEvent, type ResponseEvent } from './client.js';
import {
  ApiError,
  ConnectionError,
  isValidationError,
  RequestAbortedError,
  TimeoutError,
  type ValidationError,
} from './core/errors.js';
import { errorResponse, type FakeReply, jsonResponse, networkError } from './testing/index.js';
import { VERSION } from './version.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('headers on every request', () => {
  test('a GET sends credentials, version, request id and sdk platform, and no idempotency key', async () => {
    const { client, fetch } = testClient();
    await client.orders.get('order_001');
    const { headers, method, url, body } = fetch.lastCall!;
    assert.equal(method, 'GET');
    assert.equal(url, 'https://sandbox.cashfree.com/pg/orders/order_001');
    assert.equal(headers['x-client-id'], APP_ID);
    assert.equal(headers['x-client-secret'], SECRET);
    assert.equal(headers['x-api-version'], '2025-01-01');
    assert.match(headers['x-request-id'] ?? '', uuid);
    assert.equal(headers['x-sdk-platform'], `cashfree-kit/${VERSION}`);
    assert.equal(headers['accept'], 'application/json');
    assert.equal(headers['x-idempotency-key'], undefined);
    assert.equal(headers['content-type'], undefined);
    assert.equal(body, undefined);
  });

  test('a POST adds content-type and a UUID idempotency key; each call gets new ids', async () => {
    const { client, fetch } = testClient();
    await client.orders.create(seedOrder());
    await client.orders.create(seedOrder());
    const [first, second] = fetch.calls;
    assert.equal(first?.headers['content-type'], 'application/json');
    assert.match(first?.headers['x-idempotency-key'] ?? '', uuid);
    assert.notEqual(first?.headers['x-idempotency-key'], second?.headers['x-idempotency-key']);
    assert.notEqual(first?.headers['x-request-id'], second?.headers['x-request-id']);
    assert.deepEqual(first?.json, seedOrder());
  });

  test('per-call apiVersion, requestId, idempotencyKey and headers override the defaults', async () => {
    const { client, fetch } = testClient();
    await client.orders.create(seedOrder(), {
      apiVersion: '2023-08-01',
      requestId: 'req-42',
      idempotencyKey: 'idem-42',
      headers: { 'x-extra': 'yes' },
    });
    const { headers } = fetch.lastCall!;
    assert.equal(headers['x-api-version'], '2023-08-01');
    assert.equal(headers['x-request-id'], 'req-42');
    assert.equal(headers['x-idempotency-key'], 'idem-42');
    assert.equal(headers['x-extra'], 'yes');
    await client.orders.get('order_001');
    assert.equal(
      fetch.lastCall?.headers['x-api-version'],
      '2025-01-01',
      'the override was for one call only',
    );
  });

  test('a client-wide apiVersion and baseUrl apply to every call', async () => {
    const { client, fetch } = testClient(undefined, {
      apiVersion: '2023-08-01',
      baseUrl: 'http://127.0.0.1:9/pg/',
    });
    await client.payments.list('order_001');
    assert.equal(fetch.lastCall?.url, 'http://127.0.0.1:9/pg/orders/order_001/payments');
    assert.equal(fetch.lastCall?.headers['x-api-version'], '2023-08-01');
  });

  test('production uses the production base URL', async () => {
    const { client, fetch } = testClient(undefined, { environment: 'production' });
    await client.orders.get('order_001');
    assert.equal(fetch.lastCall?.url, 'https://api.cashfree.com/pg/orders/order_001');
  });
});

describe('responses', () => {
  test('the parsed JSON body is returned', async () => {
    const order = { cf_order_id: '2149460581', order_id: 'order_001', order_status: 'ACTIVE' };
    const { client } = testClient(() => jsonResponse(order));
    assert.deepEqual(await client.orders.get('order_001'), order);
  });

  test('an error status becomes the typed ApiError with Cashfree fields and the request id', async () => {
    const { client, fetch } = testClient(() =>
      errorResponse(409, 'order with same id is already present', 'order_already_exists', undefined, {
        'x-request-id': 'from-server',
      }),
    );
    const error = await rejection(() => client.orders.create(seedOrder()));
    assert.ok(error instanceof ApiError);
    assert.equal(error.name, 'ConflictError');
    assert.equal(error.status, 409);
    assert.equal(error.code, 'order_already_exists');
    assert.equal(error.type, 'invalid_request_error');
    assert.equal(error.requestId, 'from-server');
    assert.match(error.message, /order with same id is already present \(HTTP 409, order_already_exists/);
    assert.equal(fetch.calls.length, 1);
  });

  test('without x-request-id in the response, the error carries the id that was sent', async () => {
    const { client, fetch } = testClient(() => errorResponse(404, 'Order not found', 'order_not_found'));
    const error = (await rejection(() => client.orders.get('nope_123'))) as ApiError;
    assert.equal(error.requestId, fetch.lastCall?.headers['x-request-id']);
  });

  test('a 2xx body that is not JSON is an ApiError that shows what came back', async () => {
    const { client } = testClient(() => new Response('<html>captive portal</html>', { status: 200 }));
    const error = (await rejection(() => client.orders.get('order_001'))) as ApiError;
    assert.equal(error.name, 'ApiError');
    assert.match(error.message, /non-JSON response: <html>captive portal/);
  });
});

describe('hooks', () => {
  test('onRequest and onResponse see every attempt, with the secret redacted', async () => {
    const requests: RequestEvent[] = [];
    const responses: ResponseEvent[] = [];
    let call = 0;
    const { client } = testClient(
      () => (call++ === 0 ? errorResponse(503, 'down', 'internal_error') : jsonResponse({ ok: true })),
      { onRequest: (event) => void requests.push(event), onResponse: (event) => void responses.push(event) },
    );
    await client.orders.create(seedOrder());
    assert.deepEqual(
      requests.map((event) => event.attempt),
      [1, 2],
    );
    assert.deepEqual(
      responses.map((event) => [event.status, event.willRetry]),
      [
        [503, true],
        [200, false],
      ],
    );
    for (const event of [...requests, ...responses]) {
      assert.equal(event.headers['x-client-secret'], '[REDACTED]');
      assert.equal(event.headers['x-client-id'], APP_ID);
      assert.equal(event.method, 'POST');
      assert.equal(event.url, 'https://sandbox.cashfree.com/pg/orders');
      assert.ok(!JSON.stringify(event).includes(SECRET));
    }
    assert.equal(requests[0]?.idempotencyKey, requests[1]?.idempotencyKey);
    assert.equal(typeof responses[0]?.durationMs, 'number');
    assert.equal(responses[0]?.requestId, requests[0]?.requestId);
  });

  test('onError sees each attempt that got no response, redacted, and the error the call rejects with', async () => {
    const failures: RequestErrorEvent[] = [];
    const leaky = () => {
      const cause = Object.assign(new Error(`reset; sent x-client-secret: ${SECRET}`), {
        code: 'ECONNRESET',
      });
      return new TypeError('fetch failed', { cause });
    };
    const { client } = testClient(leaky, { onError: (event) => void failures.push(event) });
    const error = await rejection(() => client.orders.create(seedOrder()));
    assert.ok(error instanceof ConnectionError);
    assert.deepEqual(
      failures.map((event) => [event.attempt, event.errorName, event.willRetry]),
      [
        [1, 'ConnectionError', true],
        [2, 'ConnectionError', true],
        [3, 'ConnectionError', false],
      ],
    );
    assert.equal(failures[2]?.error, error, 'the last event carries the error the call rejected with');
    for (const event of failures) {
      assert.equal(event.method, 'POST');
      assert.equal(event.headers['x-client-secret'], '[REDACTED]');
      assert.equal(typeof event.durationMs, 'number');
      assert.equal(event.idempotencyKey, failures[0]?.idempotencyKey);
      const seen = `${JSON.stringify(event)}${inspect(event, { depth: 10, showHidden: true })}`;
      assert.ok(!seen.includes(SECRET), 'the secret leaked into an onError event');
    }
  });

  test('onError reports a timeout per attempt (TimeoutError) and an abort (RequestAbortedError, no retry)', async () => {
    const failures: RequestErrorEvent[] = [];
    const hang = () => new Promise<FakeReply>(() => {});
    const { client } = testClient(hang, { onError: (event) => void failures.push(event), timeoutMs: 5 });
    await assert.rejects(client.orders.get('order_001', { maxRetries: 1 }), TimeoutError);
    assert.deepEqual(
      failures.map((event) => [event.attempt, event.errorName, event.willRetry]),
      [
        [1, 'TimeoutError', true],
        [2, 'TimeoutError', false],
      ],
    );

    failures.length = 0;
    const controller = new AbortController();
    const pending = client.orders.get('order_001', { signal: controller.signal, timeoutMs: 60_000 });
    setTimeout(() => controller.abort(new Error('user navigated away')), 5);
    await assert.rejects(pending, RequestAbortedError);
    assert.deepEqual(
      failures.map((event) => [event.attempt, event.errorName, event.willRetry]),
      [[1, 'RequestAbortedError', false]],
    );
  });

  test('every onRequest is answered by exactly one onResponse or onError, whatever the attempts meet', async () => {
    const outcome = fc.constantFrom('ok', '503', '400', 'reset', 'hang');
    await fc.assert(
      fc.asyncProperty(
        fc.array(outcome, { minLength: 1, maxLength: 5 }),
        fc.nat(4),
        async (plan, maxRetries) => {
          const ends: string[] = [];
          const starts: number[] = [];
          const reply = (_request: unknown, index: number): FakeReply | Promise<FakeReply> => {
            const step = plan[Math.min(index, plan.length - 1)];
            if (step === 'ok') return jsonResponse({ ok: true });
            if (step === '503') return errorResponse(503, 'down', 'internal_error');
            if (step === '400') return errorResponse(400, 'bad', 'order_amount_invalid');
            if (step === 'reset') return networkError();
            return new Promise<FakeReply>(() => {});
          };
          const { client, fetch } = testClient(reply, {
            timeoutMs: 1,
            maxRetries,
            onRequest: (event) => void starts.push(event.attempt),
            onResponse: (event) => void ends.push(`${event.attempt}:response`),
            onError: (event) => void ends.push(`${event.attempt}:error`),
          });
          await client.orders.get('order_001').catch(() => {});
          assert.equal(starts.length, fetch.calls.length);
          assert.deepEqual(
            ends.map((end) => Number(end.split(':')[0])),
            starts,
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  test('a hook that throws fails the call with its own error', async () => {
    const { client, fetch } = testClient(undefined, {
      onRequest: () => {
        throw new Error('hook broke');
      },
    });
    await assert.rejects(client.orders.get('order_001'), /hook broke/);
    assert.equal(fetch.calls.length, 0);
  });
});

describe('constructor options', () => {
  const base = { appId: APP_ID, secretKey: SECRET, environment: 'sandbox' as const, fetch: globalThis.fetch };

  function optionError(options: unknown): ValidationError {
    try {
      new Cashfree(options as never);
    } catch (error) {
      assert.ok(isValidationError(error), `expected a ValidationError, got ${String(error)}`);
      return error;
    }
    throw new Error('expected the constructor to throw');
  }

  test('a missing appId names the option and the environment variable', () => {
    const error = optionError({ ...base, appId: '' });
    assert.equal(error.field, 'appId');
    assert.match(error.message, /appId is missing or empty; received ''.*CASHFREE_APP_ID/);
  });

  test('a missing secretKey names the option and never echoes a non-string value', () => {
    assert.match(
      optionError({ ...base, secretKey: undefined }).message,
      /secretKey is missing.*CASHFREE_SECRET_KEY/,
    );
    const error = optionError({ ...base, secretKey: { key: SECRET } });
    assert.equal(error.value, '[REDACTED]');
    assert.ok(!error.message.includes(SECRET));
  });

  test('an unknown environment lists the accepted values and maps TEST/PROD', () => {
    const test = optionError({ ...base, environment: 'TEST' });
    assert.equal(test.field, 'environment');
    assert.match(test.message, /'sandbox' or 'production'; received 'TEST'\. Did you mean 'sandbox'\?/);
    assert.match(optionError({ ...base, environment: 'prod' }).message, /Did you mean 'production'/);
    assert.match(optionError({ ...base, environment: undefined }).message, /received undefined/);
  });

  test('bad baseUrl, apiVersion, timeoutMs, maxRetries, fetch and hooks are named', () => {
    assert.equal(optionError({ ...base, baseUrl: 'sandbox.cashfree.com' }).field, 'baseUrl');
    assert.equal(optionError({ ...base, baseUrl: 'ftp://x/pg' }).field, 'baseUrl');
    assert.equal(optionError({ ...base, apiVersion: '2025' }).field, 'apiVersion');
    assert.equal(optionError({ ...base, timeoutMs: 0 }).field, 'timeoutMs');
    assert.equal(optionError({ ...base, maxRetries: -1 }).field, 'maxRetries');
    assert.equal(optionError({ ...base, maxRetries: 1.5 }).field, 'maxRetries');
    assert.equal(optionError({ ...base, fetch: 'fetch' }).field, 'fetch');
    assert.equal(optionError({ ...base, onRequest: 'log' }).field, 'onRequest');
    assert.equal(optionError({ ...base, onError: 'log' }).field, 'onError');
    assert.equal(optionError(undefined).field, 'options');
  });

  test('without a global fetch, the error names the fix', (t) => {
    const original = globalThis.fetch;
    t.after(() => {
      globalThis.fetch = original;
    });
    // @ts-expect-error simulating a runtime without fetch
    globalThis.fetch = undefined;
    const error = optionError({ appId: APP_ID, secretKey: SECRET, environment: 'sandbox' });
    assert.equal(error.field, 'fetch');
    assert.match(
      error.message,
      /No global fetch.*Node\.js 20 or newer, or pass one: new Cashfree\(\{ \.\.\., fetch/,
    );
  });

  test('the defaults are visible on the client, the secret is not', () => {
    const client = new Cashfree(base);
    assert.equal(client.baseUrl, 'https://sandbox.cashfree.com/pg');
    assert.equal(client.apiVersion, '2025-01-01');
    assert.equal(client.timeoutMs, 30_000);
    assert.equal(client.maxRetries, 2);
    assert.ok(!JSON.stringify(client).includes(SECRET));
  });
});

describe('request paths', () => {
  test('path parameters are percent-encoded', async () => {
    const { client, fetch } = testClient();
    await client.refunds.get('order 1/2', 'ref#1?');
    assert.equal(fetch.lastCall?.path, '/pg/orders/order%201%2F2/refunds/ref%231%3F');
  });

  test('empty, dot-segment and non-string path parameters are rejected before sending', async () => {
    const { client, fetch } = testClient();
    const empty = (await rejection(() => client.orders.get(''))) as ValidationError;
    assert.equal(empty.field, 'order_id');
    const dots = (await rejection(() => client.payments.get('order_001', '..'))) as ValidationError;
    assert.equal(dots.field, 'cf_payment_id');
    assert.match(dots.message, /may not be '\.\.'/);
    const number = (await rejection(() =>
      client.payments.get('order_001', 12345 as never),
    )) as ValidationError;
    assert.match(
      number.message,
      /cf_payment_id must be a non-empty string; received 12345 \(a number\)\. Pass it as a string: '12345'/,
    );
    assert.equal(fetch.calls.length, 0);
  });
});

describe('request building', () => {
  test('query parameters join a query already in a raw path with &, and undefined ones are left out', async () => {
    const { client, fetch } = testClient();
    await client.request('GET', '/links/l1/orders?a=1', { query: { status: 'ALL', skipped: undefined } });
    assert.equal(fetch.lastCall?.url, 'https://sandbox.cashfree.com/pg/links/l1/orders?a=1&status=ALL');
    await client.request('GET', '/links/l1/orders', { query: { status: 'ALL' } });
    assert.equal(fetch.lastCall?.url, 'https://sandbox.cashfree.com/pg/links/l1/orders?status=ALL');
    await client.request('GET', '/links/l1/orders', { query: { skipped: undefined } });
    assert.equal(fetch.lastCall?.url, 'https://sandbox.cashfree.com/pg/links/l1/orders', 'no dangling ?');
  });

  test('query values are encoded', async () => {
    const { client, fetch } = testClient();
    await client.request('GET', '/orders', { query: { q: 'a b&c=d' } });
    assert.equal(fetch.lastCall?.query.get('q'), 'a b&c=d');
    assert.match(fetch.lastCall?.url ?? '', /\?q=a\+b%26c%3Dd$/);
  });

  test('a per-call header name in any case replaces the default instead of doubling it', async () => {
    const { client, fetch } = testClient();
    await client.orders.get('order_001', {
      headers: { 'X-Api-Version': '2023-08-01', Accept: 'text/plain' },
    });
    assert.equal(fetch.lastCall?.headers['x-api-version'], '2023-08-01');
    assert.equal(fetch.lastCall?.headers['accept'], 'text/plain');
  });

  test('a per-call header value with a line break fails as a TypeError before anything is sent', async () => {
    const { client, fetch } = testClient();
    const error = await rejection(() =>
      client.orders.get('order_001', { headers: { 'x-extra': 'a\r\nx-evil: 1' } }),
    );
    assert.ok(error instanceof TypeError, `expected a TypeError, got ${inspect(error)}`);
    assert.ok(!(error instanceof ConnectionError), 'a bad header is not a network failure');
    assert.equal(fetch.calls.length, 0);
    const badId = await rejection(() => client.orders.create(seedOrder(), { idempotencyKey: 'k\n1' }));
    assert.ok(badId instanceof TypeError, `expected a TypeError, got ${inspect(badId)}`);
    assert.equal(fetch.calls.length, 0);
  });

  test('onRequest sees every header sent, lower-case and with credentials redacted', async () => {
    const seen: RequestEvent[] = [];
    const { client, fetch } = testClient(undefined, { onRequest: (event) => void seen.push(event) });
    await client.orders.create(seedOrder(), { headers: { 'X-Extra': 'yes' } });
    await client.orders.get('order_001');
    const sent = fetch.calls.map((call) => call.headers);
    assert.equal(seen.length, 2);
    for (const [index, event] of seen.entries()) {
      const expected = { ...sent[index], 'x-client-secret': '[REDACTED]' };
      assert.deepEqual(event.headers, expected);
      assert.ok(Object.keys(event.headers).every((name) => name === name.toLowerCase()));
    }
    assert.equal(seen[0]?.headers['x-extra'], 'yes');
  });
});
