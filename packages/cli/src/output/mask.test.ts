import assert from 'node:assert/strict';
import { test } from 'node:test';
import { maskSecret, redactSecrets } from './mask.js';

test('maskSecret shows the first and last four characters of a long secret', () => {
  assert.equal(maskSecret('cfsk_ma_test_0123456789_secret'), 'cfsk…cret');
});

test('maskSecret hides a short secret entirely and says when there is none', () => {
  assert.equal(maskSecret('short-secret'), '****');
  assert.equal(maskSecret(''), '(not set)');
  assert.equal(maskSecret(undefined), '(not set)');
});

test('redactSecrets replaces every occurrence', () => {
  const secret = 'cfsk_ma_test_0123456789_secret';
  assert.equal(redactSecrets(`a ${secret} b ${secret}`, [secret, undefined]), 'a cfsk…cret b cfsk…cret');
});
