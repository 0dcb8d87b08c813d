import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sandboxEndpointRegistrar } from './sandbox-endpoint.js';

const URL_ = 'http://127.0.0.1:3000/webhooks/cashfree-payouts';

/** A fake sandbox admin API: the endpoints it holds, the calls it got, and whether it is up. */
function fakeSandbox(registered: string[] = []) {
  const calls: string[] = [];
  let up = true;
  const fetchFn = (async (input: string | URL | Request, init?: RequestInit) => {
    calls.push(`${init?.method ?? 'GET'} ${String(input)}`);
    if (!up) throw new TypeError('fetch failed');
    if (init?.method === 'POST') {
      registered.push((JSON.parse(String(init.body)) as { url: string }).url);
      return new Response('{}', { status: 201 });
    }
    return Response.json({ data: registered.map((url) => ({ url })) });
  }) as typeof fetch;
  return { calls, registered, fetchFn, down: (value: boolean) => (up = !value) };
}

test('registers the URL once per process, and not at all when the sandbox already has it', async () => {
  const sandbox = fakeSandbox();
  const ensure = sandboxEndpointRegistrar('http://127.0.0.1:8787', URL_, sandbox.fetchFn);
  await ensure();
  await ensure();
  assert.deepEqual(sandbox.registered, [URL_]);
  assert.equal(sandbox.calls.length, 2, 'one look, one registration');

  const restarted = fakeSandbox([URL_]);
  await sandboxEndpointRegistrar('http://127.0.0.1:8787', URL_, restarted.fetchFn)();
  assert.deepEqual(restarted.calls, ['GET http://127.0.0.1:8787/_sandbox/webhooks/endpoints']);
});

test('a failure says what could not be registered and is tried again next time', async () => {
  const sandbox = fakeSandbox();
  sandbox.down(true);
  const ensure = sandboxEndpointRegistrar('http://127.0.0.1:8787', URL_, sandbox.fetchFn);
  await assert.rejects(
    ensure(),
    /could not register its Payouts webhook URL .*cashfree-payouts with the local sandbox \(fetch failed\)/,
  );
  sandbox.down(false);
  await ensure();
  assert.deepEqual(sandbox.registered, [URL_]);
});
