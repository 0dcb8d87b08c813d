/** Secrets are replaced in text and in JSON, in the spellings an echo would use. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Redactor } from './redact.js';

test('a secret is redacted verbatim, URL-encoded and JSON-escaped; short values are ignored', () => {
  const redactor = new Redactor();
  const secret = 'cfsk_ma_test_a/b"c';
  redactor.add(secret, 'abc', undefined);
  assert.equal(redactor.text(`key=${secret}`), 'key=[redacted]');
  assert.equal(redactor.text(`key=${encodeURIComponent(secret)}`), 'key=[redacted]');
  assert.deepEqual(redactor.json({ echoed: secret, list: [secret] }), {
    echoed: '[redacted]',
    list: ['[redacted]'],
  });
  assert.equal(redactor.text('abc'), 'abc');
});
