import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createFakeFetch, errorResponse, jsonResponse, networkError, sequence } from './index.js';

test('records method, url, path, query, lower-case headers and the JSON body', async () => {
  const fetch = createFakeFetch();
  const response = await fetch('https://sandbox.cashfree.com/pg/links/l1/orders?status=ALL', {
    method: 'post',
    headers: { 'X-Client-Id': 'app', 'Content-Type': 'application/json' },
    body: JSON.stringify({ a: 1 }),
  });
  assert.deepEqual(await response.json(), {});
  const call = fetch.lastCall!;
  assert.equal(call.method, 'POST');
  assert.equal(call.path, '/pg/links/l1/orders');
  assert.equal(call.query.get('status'), 'ALL');
  assert.equal(call.headers['x-client-id'], 'app');
  assert.equal(call.body, '{"a":1}');
  assert.deepEqual(call.json, { a: 1 });
  fetch.reset();
  assert.equal(fetch.calls.length, 0);
  assert.equal(fetch.lastCall, undefined);
});

test('accepts a Request object', async () => {
  const fetch = createFakeFetch();
  await fetch(new Request('http://127.0.0.1/pg/x', { method: 'PUT', body: 'raw', headers: { a: 'b' } }));
  assert.equal(fetch.lastCall?.method, 'PUT');
  assert.equal(fetch.lastCall?.body, 'raw');
  assert.equal(fetch.lastCall?.json, undefined);
  assert.equal(fetch.lastCall?.headers['a'], 'b');
});

test('sequence answers in turn, repeats the last reply, and throws Error replies', async () => {
  const fetch = createFakeFetch(
    sequence(
      networkError('ECONNREFUSED'),
      errorResponse(503, 'down', 'internal_error'),
      jsonResponse({ ok: 1 }),
    ),
  );
  await assert.rejects(fetch('http://127.0.0.1/'), (error: unknown) => {
    assert.ok(error instanceof TypeError);
    assert.equal(error.message, 'fetch failed');
    assert.equal((error.cause as { code: string }).code, 'ECONNREFUSED');
    return true;
  });
  const failed = await fetch('http://127.0.0.1/');
  assert.equal(failed.status, 503);
  assert.deepEqual(await failed.json(), { message: 'down', code: 'internal_error', type: 'api_error' });
  assert.deepEqual(await (await fetch('http://127.0.0.1/')).json(), { ok: 1 });
  assert.deepEqual(await (await fetch('http://127.0.0.1/')).json(), { ok: 1 }, 'the last reply repeats');
  assert.throws(() => sequence(), /at least one reply/);
});

test('errorResponse picks the type from the status', async () => {
  assert.equal((await errorResponse(401, 'm', 'c').json()).type, 'authentication_error');
  assert.equal((await errorResponse(404, 'm', 'c').json()).type, 'invalid_request_error');
  assert.equal((await errorResponse(500, 'm', 'c').json()).type, 'api_error');
  assert.equal(jsonResponse({}, { status: 201 }).status, 201);
});

test('a pending reply is abandoned when the signal aborts', async () => {
  const fetch = createFakeFetch(() => new Promise<Response>(() => {}));
  const controller = new AbortController();
  const pending = fetch('http://127.0.0.1/', { signal: controller.signal });
  controller.abort(new Error('gave up'));
  await assert.rejects(pending, /gave up/);
  await assert.rejects(fetch('http://127.0.0.1/', { signal: controller.signal }), /gave up/);
});
