import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, test } from 'node:test';
import { DEFAULT_APP_ID, DEFAULT_SECRET_KEY, resolveOptions } from './options.js';
import { PortInUseError, startSandbox } from './server.js';

test('startSandbox on port 0 listens on 127.0.0.1 and serves /pg and /_sandbox', async () => {
  const sandbox = await startSandbox({ port: 0, db: ':memory:' });
  after(() => sandbox.close());
  assert.match(sandbox.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  assert.equal(sandbox.apiBase, `${sandbox.url}/pg`);
  assert.equal(sandbox.appId, DEFAULT_APP_ID);
  const health = (await (await fetch(`${sandbox.url}/_sandbox/health`)).json()) as { api_base: string };
  assert.equal(health.api_base, `${sandbox.url}/pg`);
  const res = await fetch(`${sandbox.url}/pg/links`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-api-version': '2025-01-01',
      'x-client-id': sandbox.appId,
      'x-client-secret': sandbox.secretKey,
    },
    body: JSON.stringify({
      link_id: 'link_server',
      link_amount: 1,
      link_currency: 'INR',
      link_purpose: 'x',
      customer_details: { customer_phone: '9876543210' },
    }),
  });
  const link = (await res.json()) as { link_url: string };
  assert.ok(link.link_url.startsWith(`${sandbox.url}/links/`), 'link_url points at this sandbox');
});

test('a taken port is a PortInUseError naming the fix', async () => {
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  after(() => new Promise<void>((resolve) => blocker.close(() => resolve())));
  const port = (blocker.address() as { port: number }).port;
  await assert.rejects(startSandbox({ port, db: ':memory:' }), (error: unknown) => {
    assert.ok(error instanceof PortInUseError);
    assert.equal(error.code, 'EADDRINUSE');
    assert.match(error.message, /^\[cashfree-sandbox\] port \d+ on 127\.0\.0\.1 is already in use/);
    return true;
  });
});

test('close() is idempotent and frees the port', async () => {
  const sandbox = await startSandbox({ port: 0, db: ':memory:' });
  const port = Number(new URL(sandbox.url).port);
  await Promise.all([sandbox.close(), sandbox.close()]);
  const again = await startSandbox({ port, db: ':memory:' });
  await again.close();
});

test('credentials: options, then CASHFREE_APP_ID / CASHFREE_SECRET_KEY, then the defaults', () => {
  assert.deepEqual(
    [resolveOptions({}, ':memory:', {}).appId, resolveOptions({}, ':memory:', {}).secretKey],
    [DEFAULT_APP_ID, DEFAULT_SECRET_KEY],
  );
  const env = { CASHFREE_APP_ID: 'TEST_env', CASHFREE_SECRET_KEY: 'cfsk_env' };
  const fromEnv = resolveOptions({}, ':memory:', env);
  assert.deepEqual(
    [fromEnv.appId, fromEnv.secretKey, fromEnv.defaultSecret],
    ['TEST_env', 'cfsk_env', false],
  );
  const fromOptions = resolveOptions({ appId: 'TEST_opt', secretKey: 'cfsk_opt' }, ':memory:', env);
  assert.deepEqual([fromOptions.appId, fromOptions.secretKey], ['TEST_opt', 'cfsk_opt']);
  assert.throws(() => resolveOptions({ port: -1 }, ':memory:', {}), /\[cashfree-sandbox\] invalid options/);
  assert.throws(() => resolveOptions({ rateLimits: 'on' as 'off' }, ':memory:', {}), /rateLimits/);
});
