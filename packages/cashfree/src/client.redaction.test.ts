/**
 * The secret key must never leave the SDK inside an error: not in its message, stack, fields,
 * toJSON, util.inspect output, nor anywhere in its cause chain.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { inspect } from 'node:util';
import { APP_ID, rejection, SECRET, seedOrder, testClient } from '../test/support.js';
import { ApiError, ConnectionError, isCashfreeError, TimeoutError, ValidationError } from './core/errors.js';
import { errorResponse, jsonResponse } from './testing/index.js';

/** Every way an error can be looked at. */
function everyView(error: unknown): string {
  assert.ok(error instanceof Error);
  return [
    String(error),
    error.message,
    error.stack ?? '',
    JSON.stringify(error),
    inspect(error, { depth: 10, showHidden: true }),
    inspect(error.cause, { depth: 10, showHidden: true }),
  ].join('\n');
}

function assertNoSecret(error: unknown): void {
  const text = everyView(error);
  assert.ok(!text.includes(SECRET), `the secret leaked:\n${text}`);
  assert.ok(!text.includes(encodeURIComponent(SECRET)), 'the URL-encoded secret leaked');
}

function rejectionSync(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return assert.fail('expected a throw');
}

describe('secret redaction', () => {
  test('a fetch failure whose message and cause contain the URL and headers is scrubbed', async () => {
    const leakyFailure = () => {
      const socketError = Object.assign(
        new Error(`connect ECONNREFUSED; request headers: {"x-client-secret":"${SECRET}"}`),
        { code: 'ECONNREFUSED', config: { headers: { 'x-client-secret': SECRET } } },
      );
      return new TypeError(`fetch failed for https://sandbox.cashfree.com/pg/orders?key=${SECRET}`, {
        cause: socketError,
      });
    };
    const { client } = testClient(leakyFailure);
    const error = await rejection(() => client.orders.create(seedOrder(), { maxRetries: 0 }));
    assert.ok(error instanceof ConnectionError);
    assert.match(error.message, /fetch failed for .*\[REDACTED\] \(ECONNREFUSED\)/);
    assertNoSecret(error);
    // The diagnostic value survives: the cause chain keeps its messages and codes.
    const cause = error.cause as Error & { cause: Error & { code: string } };
    assert.equal(cause.name, 'TypeError');
    assert.equal(cause.cause.code, 'ECONNREFUSED');
    assert.match(cause.cause.message, /"x-client-secret":"\[REDACTED\]"/);
  });

  test('an API error body that echoes the secret is scrubbed from message, body and headers', async () => {
    const { client } = testClient(() =>
      errorResponse(
        401,
        `authentication Failed for secret ${SECRET}`,
        'request_failed',
        'authentication_error',
        {
          'x-debug-echo': SECRET,
        },
      ),
    );
    const error = await rejection(() => client.orders.get('order_001'));
    assert.ok(error instanceof ApiError);
    assert.equal(error.name, 'AuthenticationError');
    assert.match(error.message, /authentication Failed for secret \[REDACTED\]/);
    assert.equal(error.headers['x-debug-echo'], '[REDACTED]');
    assertNoSecret(error);
  });

  test('a non-JSON error body that echoes the secret is scrubbed', async () => {
    const { client } = testClient(() => new Response(`upstream said: ${SECRET}`, { status: 400 }));
    const error = await rejection(() => client.orders.get('order_001'));
    assert.ok(error instanceof ApiError);
    assertNoSecret(error);
  });

  test('a validation error whose value is the secret is scrubbed', async () => {
    const { client } = testClient();
    const order = seedOrder();
    order.order_id = `${SECRET}!`;
    const error = await rejection(() => client.orders.create(order));
    assert.ok(error instanceof ValidationError);
    assert.equal(error.field, 'order_id');
    assertNoSecret(error);
  });

  test('a timeout error is scrubbed too', async () => {
    const { client } = testClient(() => new Promise<Response>(() => {}), { timeoutMs: 5 });
    const error = await rejection(() => client.orders.get(SECRET, { maxRetries: 0 }));
    assert.ok(error instanceof TimeoutError);
    assertNoSecret(error);
  });

  test('toJSON lists the useful fields and no stack', async () => {
    const { client } = testClient(() =>
      errorResponse(404, 'Order not found', 'order_not_found', undefined, { 'x-request-id': 'r1' }),
    );
    const error = (await rejection(() => client.orders.get('order_001'))) as ApiError;
    const json = error.toJSON();
    assert.equal(json['name'], 'NotFoundError');
    assert.equal(json['status'], 404);
    assert.equal(json['code'], 'order_not_found');
    assert.equal(json['requestId'], 'r1');
    assert.equal(json['stack'], undefined);
  });

  test('errors from successful paths are untouched and the client itself does not show the secret', async () => {
    const { client } = testClient(() => jsonResponse({ ok: true }));
    assert.deepEqual(await client.orders.get('order_001'), { ok: true });
    assert.ok(!inspect(client, { depth: 5, showHidden: true }).includes(SECRET));
    assert.ok(!JSON.stringify(client).includes(SECRET));
  });

  test('a secret key with a line break inside is refused at construction, naming the position, never the key', () => {
    const broken = `${SECRET.slice(0, 20)}\n${SECRET.slice(20)}`;
    const error = rejectionSync(() => testClient(undefined, { secretKey: broken }));
    assert.ok(error instanceof ValidationError);
    assert.equal(error.field, 'secretKey');
    assert.match(error.message, /secretKey contains a space or line break at position 21/);
    assert.ok(!everyView(error).includes(SECRET.slice(0, 20)), 'no part of the key is shown');
    const accented = rejectionSync(() => testClient(undefined, { secretKey: `${SECRET}é` }));
    assert.match((accented as Error).message, /the character U\+00E9 at position/);
  });

  test('surrounding whitespace (a key file’s trailing newline) is trimmed, so what is sent is what is redacted', async () => {
    const { client, fetch } = testClient(
      () => errorResponse(401, `bad key ${SECRET}`, 'authentication_error'),
      {
        secretKey: `  ${SECRET}\n`,
        appId: ` ${APP_ID} `,
      },
    );
    const error = await rejection(() => client.orders.get('order_001'));
    assert.equal(fetch.lastCall?.headers['x-client-secret'], SECRET);
    assert.equal(fetch.lastCall?.headers['x-client-id'], APP_ID);
    assertNoSecret(error);
  });

  test('an error that does not come from the SDK (a header the runtime refuses) is scrubbed too', async () => {
    const { client } = testClient(() => jsonResponse({ ok: true }));
    const error = await rejection(() =>
      client.orders.get('order_001', { headers: { 'x-note': `echo ${SECRET}\u0000` } }),
    );
    assert.ok(error instanceof Error);
    assertNoSecret(error);
  });

  test('every thrown error is a CashfreeError', async () => {
    const { client } = testClient(() => new Response('nope', { status: 418 }));
    assert.ok(isCashfreeError(await rejection(() => client.orders.get('order_001'))));
  });
});
