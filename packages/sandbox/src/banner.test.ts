import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startBanner } from './banner.js';
import { DEFAULT_APP_ID, DEFAULT_SECRET_KEY } from './options.js';

test('the banner prints the URL, credentials and the .env lines', () => {
  const text = startBanner({
    url: 'http://127.0.0.1:8787',
    appId: DEFAULT_APP_ID,
    secretKey: DEFAULT_SECRET_KEY,
    db: '/x/sandbox.db',
  });
  for (const line of [
    '[cashfree-sandbox] Cashfree PG sandbox listening on http://127.0.0.1:8787',
    '[cashfree-sandbox]   Dashboard  http://127.0.0.1:8787/_sandbox/',
    'CASHFREE_BASE_URL=http://127.0.0.1:8787/pg',
    `CASHFREE_APP_ID=${DEFAULT_APP_ID}`,
    `CASHFREE_SECRET_KEY=${DEFAULT_SECRET_KEY}`,
    'CASHFREE_ENV=TEST',
  ]) {
    assert.ok(text.split('\n').includes(line), line);
  }
  assert.ok(
    !text.includes('/_sandbox/health'),
    'the banner points people at the dashboard, not the JSON health check',
  );
});

test('a secret key from the environment is never printed', () => {
  const text = startBanner({
    url: 'http://127.0.0.1:8787',
    appId: 'TEST123',
    secretKey: 'cfsk_ma_test_real_secret',
    db: ':memory:',
  });
  assert.ok(!text.includes('cfsk_ma_test_real_secret'));
  assert.ok(text.includes('CASHFREE_SECRET_KEY=<your CASHFREE_SECRET_KEY>'));
});
