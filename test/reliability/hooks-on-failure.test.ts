/**
 * Issue 12, point 8: a log built on the SDK's hooks sees the end of every attempt, including the
 * ones that failed on the network. Real sockets on 127.0.0.1: a server that resets the connection,
 * one that never answers, a port nobody listens on, and a caller that aborts. For every attempt
 * the server saw (or could not see), `onRequest` is followed by exactly one `onResponse` or
 * `onError`, with the secret redacted.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { inspect } from 'node:util';
import { Cashfree, type ClientOptions } from 'cashfree-kit';
import { sendJson, startLoopbackServer } from '../support/loopback-server.ts';
import { closedPort } from './support/closed-port.ts';
import { SUITE_SECRET } from './support/suite-secret.ts';

const SECRET = SUITE_SECRET;
/** Each case is a few 200 ms attempts on loopback: a hung client fails it long before CI's clock. */
const CASE_TIMEOUT_MS = 20_000;

/** A client whose hooks write one log line per attempt start and end, as a user's logger would. */
function loggedClient(baseUrl: string, options: Partial<ClientOptions> = {}) {
  const log: string[] = [];
  const client = new Cashfree({
    appId: 'TEST_hooks_app',
    secretKey: SECRET,
    environment: 'sandbox',
    baseUrl,
    timeoutMs: 200,
    maxRetries: 2,
    onRequest: (e) => void log.push(`start ${e.attempt}`),
    onResponse: (e) => void log.push(`end ${e.attempt} status=${e.status} retry=${e.willRetry}`),
    onError: (e) => {
      const seen = JSON.stringify(e) + inspect(e, { depth: 10, showHidden: true });
      assert.ok(!seen.includes(SECRET), 'an onError event carried the secret');
      log.push(`end ${e.attempt} ${e.errorName} retry=${e.willRetry}`);
    },
    ...options,
  });
  return { client, log };
}

describe('hooks on network failures (point 8)', () => {
  test('a connection reset on every attempt: three ends logged, all ConnectionError', {
    timeout: CASE_TIMEOUT_MS,
  }, async (t) => {
    const server = await startLoopbackServer(t, (_request, response) => void response.socket?.destroy());
    const { client, log } = loggedClient(`${server.url}/pg`);
    await assert.rejects(client.orders.get('order_reset'), { name: 'ConnectionError' });
    assert.equal(server.requests.length, 3);
    assert.deepEqual(log, [
      'start 1',
      'end 1 ConnectionError retry=true',
      'start 2',
      'end 2 ConnectionError retry=true',
      'start 3',
      'end 3 ConnectionError retry=false',
    ]);
  });

  test('a server that never answers: each attempt ends in a logged TimeoutError', {
    timeout: CASE_TIMEOUT_MS,
  }, async (t) => {
    const server = await startLoopbackServer(t, () => {});
    const { client, log } = loggedClient(`${server.url}/pg`, { timeoutMs: 50, maxRetries: 1 });
    await assert.rejects(client.orders.get('order_hang'), { name: 'TimeoutError' });
    assert.equal(server.requests.length, 2);
    assert.deepEqual(log, [
      'start 1',
      'end 1 TimeoutError retry=true',
      'start 2',
      'end 2 TimeoutError retry=false',
    ]);
  });

  test('nobody listening (ECONNREFUSED), then a reset, then success: the log has every end', {
    timeout: CASE_TIMEOUT_MS,
  }, async (t) => {
    const refused = loggedClient(`http://127.0.0.1:${await closedPort()}/pg`, { maxRetries: 0 });
    await assert.rejects(refused.client.orders.get('order_refused'), { name: 'ConnectionError' });
    assert.deepEqual(refused.log, ['start 1', 'end 1 ConnectionError retry=false']);

    const server = await startLoopbackServer(t, (_request, response, index) => {
      if (index === 0) response.socket?.destroy();
      else sendJson(response, 200, { order_id: 'order_mixed', order_status: 'ACTIVE' });
    });
    const { client, log } = loggedClient(`${server.url}/pg`);
    assert.equal((await client.orders.get('order_mixed')).order_status, 'ACTIVE');
    assert.deepEqual(log, [
      'start 1',
      'end 1 ConnectionError retry=true',
      'start 2',
      'end 2 status=200 retry=false',
    ]);
  });

  test('a caller who aborts mid-request: the attempt ends in a logged RequestAbortedError, never retried', {
    timeout: CASE_TIMEOUT_MS,
  }, async (t) => {
    let arrivedNow = () => {};
    const arrived = new Promise<void>((resolve) => {
      arrivedNow = resolve;
    });
    const server = await startLoopbackServer(t, () => arrivedNow());
    const { client, log } = loggedClient(`${server.url}/pg`, { timeoutMs: 10_000 });
    const controller = new AbortController();
    const call = client.orders.get('order_abort', { signal: controller.signal });
    await arrived;
    controller.abort();
    await assert.rejects(call, { name: 'RequestAbortedError' });
    assert.deepEqual(log, ['start 1', 'end 1 RequestAbortedError retry=false']);
  });
});
