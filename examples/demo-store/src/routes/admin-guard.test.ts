/**
 * The owner's pages behind their lock (issue 26 #11): with a public URL the store asks for the
 * admin token, on this machine alone it answers only direct loopback requests. No Cashfree is
 * called: the pages checked here read only the store's own database.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { loadConfig } from '../config.js';
import { type RunningStore, startStore } from '../server.js';
import { ADMIN_COOKIE } from './admin-guard.js';

const env = (extra: Record<string, string>) =>
  loadConfig({
    CASHFREE_BASE_URL: 'http://127.0.0.1:9/pg',
    CASHFREE_APP_ID: 'TEST_guard',
    CASHFREE_SECRET_KEY: 'cfsk_ma_test_guard',
    CASHFREE_ENV: 'TEST',
    DEMO_STORE_PORT: '0',
    DEMO_STORE_DB: ':memory:',
    ...extra,
  });
const quiet = { info: () => {}, error: () => {} };

function get(store: RunningStore, path: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${store.url}${path}`, { headers, redirect: 'manual' });
}

function post(
  store: RunningStore,
  path: string,
  form: Record<string, string>,
  headers: Record<string, string> = {},
) {
  return fetch(`${store.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form).toString(),
    redirect: 'manual',
  });
}

describe('exposed on a public URL: the owner’s pages need the token', () => {
  let store: RunningStore;
  let token: string;
  before(async () => {
    const config = env({ DEMO_STORE_PUBLIC_URL: 'https://tea.example.test' });
    assert.equal(config.admin.kind, 'token');
    token = config.admin.kind === 'token' ? config.admin.token : '';
    store = await startStore(config, quiet);
  });
  after(() => store.close());

  test('without it every owner’s page answers 401 with the login form, and a form post changes nothing', async () => {
    for (const path of ['/admin', '/admin/payouts', '/admin/orders/order_x', '/events']) {
      const response = await get(store, path);
      const text = await response.text();
      assert.equal(response.status, 401, path);
      assert.match(text, /data-testid="admin-login"/, path);
      assert.doesNotMatch(text, /Orders &amp; refunds<\/h1>|Pay a supplier<\/h1>/, path);
    }
    const created = await post(store, '/admin/links', {
      amount: '100',
      purpose: 'x',
      customer_name: 'A',
      customer_phone: '9876543210',
    });
    assert.equal(created.status, 401);
    assert.equal(store.shop.links.recent().length, 0);
    const paid = await post(store, '/admin/payouts/transfers', { amount: '100' });
    assert.equal(paid.status, 401);
    assert.equal((await get(store, '/')).status, 200, 'the shop itself stays open');
  });

  test('a wrong token is refused; the right one sets a cookie that opens the pages, and Bearer works too', async () => {
    const wrong = await post(store, '/admin/login', { token: `${token}x`, next: '/admin' });
    assert.equal(wrong.status, 401);
    assert.equal(wrong.headers.get('set-cookie'), null);
    const right = await post(store, '/admin/login', { token, next: '/admin/payouts' });
    assert.equal(right.status, 303);
    assert.equal(right.headers.get('location'), '/admin/payouts');
    const cookie = (right.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    assert.match(right.headers.get('set-cookie') ?? '', /HttpOnly; SameSite=Strict/);
    assert.ok(cookie.startsWith(`${ADMIN_COOKIE}=`) && !cookie.includes(token), 'the cookie holds no token');
    assert.equal((await get(store, '/admin', { cookie })).status, 200);
    assert.equal((await get(store, '/events', { cookie })).status, 200);
    assert.equal((await get(store, '/admin', { authorization: `Bearer ${token}` })).status, 200);
    assert.equal((await get(store, '/admin', { cookie: `${ADMIN_COOKIE}=forged` })).status, 401);
  });

  test('after logging in it goes only to an owner’s page, never to another site', async () => {
    for (const next of ['//evil.example/admin', 'https://evil.example', '/checkout']) {
      const response = await post(store, '/admin/login', { token, next });
      assert.equal(response.headers.get('location'), '/admin', next);
    }
  });
});

describe('on this machine alone: loopback only, no token', () => {
  let store: RunningStore;
  before(async () => {
    store = await startStore(env({}), quiet);
  });
  after(() => store.close());

  test('a direct loopback request opens /admin; one forwarded by a proxy or tunnel is refused', async () => {
    assert.equal((await get(store, '/admin')).status, 200);
    for (const header of ['x-forwarded-for', 'forwarded', 'x-forwarded-host']) {
      const response = await get(store, '/admin/payouts', { [header]: 'for=203.0.113.9' });
      assert.equal(response.status, 403, header);
      assert.match(await response.text(), /set DEMO_STORE_PUBLIC_URL .* or DEMO_STORE_ADMIN_TOKEN/);
    }
    assert.equal((await get(store, '/', { 'x-forwarded-for': '203.0.113.9' })).status, 200);
  });
});
