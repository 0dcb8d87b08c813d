/**
 * The client against a real HTTP server on 127.0.0.1 with the runtime's own fetch: what goes over
 * the socket (headers, encoded paths, bodies), retries after a dropped connection and a 503 with
 * one idempotency key, timeouts and refused connections.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sendJson, startLoopbackServer } from '../../../test/support/loopback-server.js';
import { APP_ID, rejection, SECRET, seedOrder } from '../test/support.js';
import { Cashfree, type ClientOptions } from './client.js';
import { ConnectionError, NotFoundError, TimeoutError } from './core/errors.js';

function loopbackClient(baseUrl: string, options: Partial<ClientOptions> = {}) {
  const sleeps: number[] = [];
  const client = new Cashfree(
    { appId: APP_ID, secretKey: SECRET, environment: 'sandbox', baseUrl: `${baseUrl}/pg`, ...options },
    { sleep: async (ms) => void sleeps.push(ms), random: () => 0.5 },
  );
  return { client, sleeps };
}

describe('over a real socket', () => {
  test('headers, the encoded path and the JSON body arrive as sent', async (t) => {
    const server = await startLoopbackServer(t, (_request, response) =>
      sendJson(response, 200, { order_id: 'order_001', order_status: 'ACTIVE' }),
    );
    const { client } = loopbackClient(server.url);
    const order = await client.orders.create(seedOrder(), { apiVersion: '2023-08-01' });
    assert.deepEqual(order, { order_id: 'order_001', order_status: 'ACTIVE' });
    await client.refunds.get('order 001/x', 'refund_001');
    await client.links.orders('link_001', { status: 'ALL' });

    const [create, refund, linkOrders] = server.requests;
    assert.equal(create?.method, 'POST');
    assert.equal(create?.url, '/pg/orders');
    assert.equal(create?.headers['x-client-id'], APP_ID);
    assert.equal(create?.headers['x-client-secret'], SECRET);
    assert.equal(create?.headers['x-api-version'], '2023-08-01');
    assert.equal(create?.headers['content-type'], 'application/json');
    assert.ok(create?.headers['x-request-id']);
    assert.ok(create?.headers['x-idempotency-key']);
    assert.deepEqual(JSON.parse(create?.body ?? ''), seedOrder());

    assert.equal(refund?.method, 'GET');
    assert.equal(refund?.url, '/pg/orders/order%20001%2Fx/refunds/refund_001');
    assert.equal(refund?.headers['x-api-version'], '2025-01-01');
    assert.equal(refund?.headers['x-idempotency-key'], undefined);
    assert.equal(linkOrders?.url, '/pg/links/link_001/orders?status=ALL');
  });

  test('a dropped connection and a 503 are retried with the same idempotency key', async (t) => {
    const server = await startLoopbackServer(t, (_request, response, index) => {
      if (index === 0) return void response.socket?.destroy();
      if (index === 1)
        return sendJson(response, 503, { message: 'down', code: 'internal_error', type: 'api_error' });
      sendJson(response, 200, { refund_id: 'refund_001', refund_status: 'PENDING' });
    });
    const { client, sleeps } = loopbackClient(server.url);
    const refund = await client.refunds.create('order_001', { refund_id: 'refund_001', refund_amount: 100 });
    assert.equal(refund.refund_status, 'PENDING');
    assert.equal(server.requests.length, 3);
    const keys = new Set(server.requests.map((request) => request.headers['x-idempotency-key']));
    assert.equal(keys.size, 1);
    assert.deepEqual(sleeps, [375, 750]);
  });

  test('Cashfree error bodies become typed errors with the echoed request id', async (t) => {
    const server = await startLoopbackServer(t, (request, response) =>
      sendJson(
        response,
        404,
        { message: 'Order not found', code: 'order_not_found', type: 'invalid_request_error' },
        { 'x-request-id': String(request.headers['x-request-id']) },
      ),
    );
    const { client } = loopbackClient(server.url);
    const error = await rejection(() => client.orders.get('missing_order', { requestId: 'trace-1' }));
    assert.ok(error instanceof NotFoundError);
    assert.equal(error.requestId, 'trace-1');
    assert.equal(error.code, 'order_not_found');
    assert.equal(server.requests.length, 1);
  });

  test('a server that never answers gives a TimeoutError', async (t) => {
    const server = await startLoopbackServer(t, () => {
      // Never respond; the server's teardown closes the socket.
    });
    const { client } = loopbackClient(server.url, { timeoutMs: 100, maxRetries: 0 });
    const error = await rejection(() => client.orders.get('order_001'));
    assert.ok(error instanceof TimeoutError);
    assert.equal(server.requests.length, 1);
  });

  test('a refused connection is a ConnectionError naming the URL and cause, after the retries', async (t) => {
    const server = await startLoopbackServer(t, () => {});
    const closedUrl = server.url;
    await server.close();
    const { client, sleeps } = loopbackClient(closedUrl, { maxRetries: 1 });
    const error = await rejection(() => client.orders.get('order_001'));
    assert.ok(error instanceof ConnectionError);
    assert.ok(!(error instanceof TimeoutError));
    assert.match(
      error.message,
      new RegExp(
        `GET ${closedUrl}/pg/orders/order_001 \\(attempt 2 of 2\\) failed: fetch failed \\(ECONNREFUSED\\)`,
      ),
    );
    assert.deepEqual(sleeps, [375]);
  });
});
