import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AdminTokenError, adminAccess } from './admin-access.js';

const made = () => 'generated-token-0123456789';

test('on this machine alone the owner’s pages are loopback-only; no token is made', () => {
  assert.deepEqual(adminAccess({}, undefined, '127.0.0.1', made), { kind: 'loopback' });
  assert.deepEqual(adminAccess({}, 'http://127.0.0.1:3000', '::1', made), { kind: 'loopback' });
});

test('a public URL (a tunnel) or a non-loopback interface makes the store need a token, made at start', () => {
  for (const [url, host] of [
    ['https://tea.example.ngrok.app', '127.0.0.1'],
    [undefined, '0.0.0.0'],
  ] as const) {
    assert.deepEqual(adminAccess({}, url, host, made), { kind: 'token', token: made(), generated: true });
  }
});

test('DEMO_STORE_ADMIN_TOKEN is required whenever set, and must be long enough to be a secret', () => {
  const token = 'my-own-admin-token-42';
  assert.deepEqual(adminAccess({ DEMO_STORE_ADMIN_TOKEN: ` ${token} ` }, undefined, '127.0.0.1', made), {
    kind: 'token',
    token,
    generated: false,
  });
  assert.throws(
    () => adminAccess({ DEMO_STORE_ADMIN_TOKEN: 'short' }, 'https://tea.example', '127.0.0.1', made),
    (error: unknown) => error instanceof AdminTokenError && /at least 16 characters/.test(error.message),
  );
});
