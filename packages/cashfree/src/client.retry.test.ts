import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { rejection, seedOrder, testClient } from '../test/support.js';
import {
  ApiError,
  ConnectionError,
  RateLimitError,
  RequestAbortedError,
  ServerError,
  TimeoutError,
} from './core/errors.js';
import { errorResponse, jsonResponse, networkError, sequence } from './testing/index.js';

const created = { cf_order_id: '1', order_id: 'order_001', order_status: 'ACTIVE' };

function idempotencyKeys(calls: { headers: Record<string, string> }[]): (string | undefined)[] {
  return calls.map((call) => call.headers['x-idempotency-key']);
}

describe('retries', () => {
  test('a 503 is retried with the same idempotency key and request id, then succeeds', async () => {
    const { client, fetch, sleeps } = testClient(
      sequence(errorResponse(503, 'Service Unavailable', 'internal_error'), jsonResponse(created)),
    );
    assert.deepEqual(await client.orders.create(seedOrder()), created);
    assert.equal(fetch.calls.length, 2);
    const [first, second] = idempotencyKeys(fetch.calls);
    assert.ok(first);
    assert.equal(second, first);
    assert.equal(fetch.calls[1]?.headers['x-request-id'], fetch.calls[0]?.headers['x-request-id']);
    assert.equal(fetch.calls[1]?.body, fetch.calls[0]?.body);
    // First retry: backoff 500 ms with equal jitter at 0.5 → 250 + 125.
    assert.deepEqual(sleeps, [375]);
  });

  test('a network error is retried with the same idempotency key', async () => {
    const { client, fetch } = testClient(sequence(networkError('ECONNRESET'), jsonResponse(created)));
    await client.refunds.create('order_001', { refund_id: 'refund_001', refund_amount: 499 });
    assert.equal(fetch.calls.length, 2);
    assert.equal(new Set(idempotencyKeys(fetch.calls)).size, 1);
  });

  test('a caller-chosen idempotency key is used on every attempt', async () => {
    const { client, fetch } = testClient(
      sequence(
        errorResponse(502, 'bad gateway', 'bank_processing_failure'),
        networkError(),
        jsonResponse(created),
      ),
    );
    await client.orders.create(seedOrder(), { idempotencyKey: 'my-key-1' });
    assert.deepEqual(idempotencyKeys(fetch.calls), ['my-key-1', 'my-key-1', 'my-key-1']);
  });

  test('500, 502, 503, 504 and 429 are retried up to maxRetries (default 2), then thrown', async () => {
    for (const status of [500, 502, 503, 504, 429]) {
      const { client, fetch, sleeps } = testClient(() =>
        errorResponse(status, 'try later', 'request_failed'),
      );
      const error = await rejection(() => client.orders.create(seedOrder()));
      assert.ok(error instanceof ApiError, `status ${status}`);
      assert.equal(error.status, status);
      assert.equal(fetch.calls.length, 3, `status ${status}: 1 attempt + 2 retries`);
      assert.equal(new Set(idempotencyKeys(fetch.calls)).size, 1);
      // Exponential: 500 ms then 1000 ms, each with equal jitter at 0.5.
      assert.deepEqual(sleeps, [375, 750], `status ${status}`);
    }
  });

  test('backoff doubles and is capped at 8 s', async () => {
    const { client, sleeps } = testClient(() => errorResponse(500, 'x', 'internal_error'), { maxRetries: 6 });
    await rejection(() => client.orders.get('order_001'));
    assert.deepEqual(sleeps, [375, 750, 1500, 3000, 6000, 6000]);
  });

  test('jitter keeps each wait between half the backoff and the full backoff', async () => {
    for (const random of [0, 0.999]) {
      const { Cashfree } = await import('./client.js');
      const sleeps: number[] = [];
      const client = new Cashfree(
        {
          appId: 'a',
          secretKey: 's_long_enough',
          environment: 'sandbox',
          fetch: async () => errorResponse(503, 'x', 'internal_error'),
        },
        { sleep: async (ms) => void sleeps.push(ms), random: () => random },
      );
      await rejection(() => client.orders.get('order_001'));
      assert.deepEqual(sleeps, random === 0 ? [250, 500] : [500, 1000]);
    }
  });

  test('per-call maxRetries overrides the client, and 0 disables retries', async () => {
    const { client, fetch } = testClient(() => errorResponse(503, 'down', 'internal_error'), {
      maxRetries: 5,
    });
    await rejection(() => client.orders.get('order_001', { maxRetries: 0 }));
    assert.equal(fetch.calls.length, 1);
    await rejection(() => client.orders.get('order_001', { maxRetries: 1 }));
    assert.equal(fetch.calls.length, 3);
  });

  for (const [status, code] of [
    [400, 'order_amount_invalid'],
    [401, 'authentication_error'],
    [404, 'order_not_found'],
    [409, 'order_already_exists'],
    [422, 'request_invalid'],
  ] as const) {
    test(`a ${status} is never retried`, async () => {
      const { client, fetch, sleeps } = testClient(() => errorResponse(status, 'no', code));
      const error = (await rejection(() => client.orders.create(seedOrder()))) as ApiError;
      assert.equal(error.status, status);
      assert.equal(fetch.calls.length, 1);
      assert.deepEqual(sleeps, []);
    });
  }
});

describe('server retry hints', () => {
  test('x-ratelimit-retry (seconds) sets the wait of a 429', async () => {
    const { client, sleeps } = testClient(
      sequence(
        errorResponse(429, 'Too many requests', 'request_failed', 'rate_limit_error', {
          'x-ratelimit-retry': '7',
        }),
        jsonResponse(created),
      ),
    );
    await client.orders.get('order_001');
    assert.deepEqual(sleeps, [7000]);
  });

  test('Retry-After in seconds sets the wait', async () => {
    const { client, sleeps } = testClient(
      sequence(
        errorResponse(503, 'down', 'internal_error', 'api_error', { 'retry-after': '3' }),
        jsonResponse(created),
      ),
    );
    await client.orders.get('order_001');
    assert.deepEqual(sleeps, [3000]);
  });

  test('Retry-After as an HTTP date sets the wait', async () => {
    const at = new Date(Date.now() + 20_000).toUTCString();
    const { client, sleeps } = testClient(
      sequence(
        errorResponse(503, 'down', 'internal_error', 'api_error', { 'retry-after': at }),
        jsonResponse(created),
      ),
    );
    await client.orders.get('order_001');
    assert.equal(sleeps.length, 1);
    // HTTP dates have 1 s resolution, so allow for the second boundary.
    assert.ok((sleeps[0] ?? 0) >= 19_000 && (sleeps[0] ?? 0) <= 20_000, `waited ${sleeps[0]} ms`);
  });

  test('x-ratelimit-retry: 0 means no hint, so backoff applies', async () => {
    const { client, sleeps } = testClient(
      sequence(
        errorResponse(429, 'Too many', 'request_failed', 'rate_limit_error', { 'x-ratelimit-retry': '0' }),
        jsonResponse(created),
      ),
    );
    await client.orders.get('order_001');
    assert.deepEqual(sleeps, [375]);
  });

  test('a wait longer than 60 s is not blocked on: the RateLimitError carries retryAfter', async () => {
    const { client, fetch, sleeps } = testClient(() =>
      errorResponse(429, 'Too many requests', 'request_failed', 'rate_limit_error', {
        'retry-after': '3600',
      }),
    );
    const error = await rejection(() => client.orders.get('order_001'));
    assert.ok(error instanceof RateLimitError);
    assert.equal(error.retryAfter, 3600);
    assert.equal(fetch.calls.length, 1);
    assert.deepEqual(sleeps, []);
  });
});

describe('timeouts and aborts', () => {
  const hang = () => new Promise<Response>(() => {});

  test('no response within timeoutMs is a TimeoutError (after the retries)', async () => {
    const { client, fetch } = testClient(hang, { timeoutMs: 20 });
    const error = await rejection(() => client.orders.get('order_001', { maxRetries: 1 }));
    assert.ok(error instanceof TimeoutError);
    assert.ok(error instanceof ConnectionError, 'a timeout is a kind of connection error');
    assert.equal(error.timeoutMs, 20);
    assert.match(error.message, /got no response within 20 ms\. Raise timeoutMs/);
    assert.equal(fetch.calls.length, 2, 'timeouts are retried');
    assert.ok(fetch.calls.every((call) => call.signal?.aborted));
  });

  test('per-call timeoutMs overrides the client default', async () => {
    const { client } = testClient(hang);
    const error = (await rejection(() =>
      client.orders.get('order_001', { timeoutMs: 10, maxRetries: 0 }),
    )) as TimeoutError;
    assert.equal(error.timeoutMs, 10);
  });

  test("the caller's signal aborts an in-flight call, without retrying", async () => {
    const { client, fetch } = testClient(hang);
    const controller = new AbortController();
    const pending = client.orders.create(seedOrder(), { signal: controller.signal });
    const reason = new Error('user left');
    setTimeout(() => controller.abort(reason), 5);
    const error = await rejection(() => pending);
    assert.ok(error instanceof RequestAbortedError);
    assert.equal(error.name, 'RequestAbortedError');
    assert.equal(error.cause, reason, "the signal's reason is the cause, as given");
    assert.equal(fetch.calls.length, 1);
  });

  test('an already aborted signal sends nothing', async () => {
    const { client, fetch } = testClient();
    const error = await rejection(() => client.orders.get('order_001', { signal: AbortSignal.abort() }));
    assert.ok(error instanceof RequestAbortedError);
    assert.equal(fetch.calls.length, 0);
  });

  test('aborting while onRequest runs stops the call before it is sent, not at its timeout', async () => {
    const controller = new AbortController();
    const reported: string[] = [];
    const { client, fetch } = testClient(hang, {
      timeoutMs: 60_000,
      onRequest: () => controller.abort(new Error('user left')),
      onError: (event) => void reported.push(event.errorName),
    });
    const error = await rejection(() => client.orders.get('order_001', { signal: controller.signal }));
    assert.ok(error instanceof RequestAbortedError, `expected RequestAbortedError, got ${String(error)}`);
    assert.equal(fetch.calls.length, 0, 'nothing is sent once the caller gave up');
    assert.deepEqual(reported, ['RequestAbortedError'], 'the hooks hear how the attempt ended');
  });

  test('aborting during the backoff stops the retries', async () => {
    const controller = new AbortController();
    const { client, fetch } = testClient(() => {
      controller.abort();
      return errorResponse(503, 'down', 'internal_error');
    });
    const error = await rejection(() => client.orders.get('order_001', { signal: controller.signal }));
    assert.ok(error instanceof RequestAbortedError);
    assert.equal(fetch.calls.length, 1);
  });

  test('the real sleep waits and honours the signal (short waits, asserted by outcome)', async () => {
    const { sleep } = await import('./internal/retry.js');
    await sleep(1);
    const controller = new AbortController();
    const waiting = sleep(60_000, controller.signal);
    controller.abort(new Error('stop'));
    await assert.rejects(waiting, /stop/);
    await assert.rejects(sleep(1, AbortSignal.abort(new Error('already'))), /already/);
  });

  test('a server error with retries exhausted is a ServerError', async () => {
    const { client } = testClient(() => errorResponse(500, 'internal Server Error', 'internal_error'));
    assert.ok((await rejection(() => client.orders.get('order_001'))) instanceof ServerError);
  });
});
