import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createLog } from './log.js';
import { secretSpellings } from './secrets.js';

// + and / make the URL-encoded and base64 spellings differ from the key itself.
const SECRET = 'cfsk_ma_test_log+Secret/9f3a';

function capture() {
  const lines: string[] = [];
  return { lines, stream: { write: (text: string) => lines.push(text) } };
}

test('every spelling of the secret key is filtered out of log lines, in messages, causes and stacks', () => {
  const out = capture();
  const err = capture();
  const log = createLog(SECRET, out.stream, err.stream);
  const spellings = secretSpellings(SECRET);
  assert.ok(spellings.length >= 4, 'raw, URL-encoded, JSON-escaped and base64 differ for this key');
  for (const spelling of spellings) {
    const failure = new Error(`upstream said ${spelling}`, { cause: new Error(`because ${spelling}`) });
    log.error('[demo-store] request failed:', failure);
    log.info(`[demo-store] quoting ${spelling} in an info line`, { header: spelling });
  }
  const printed = [...out.lines, ...err.lines].join('');
  assert.equal(err.lines.length, spellings.length);
  assert.equal(out.lines.length, spellings.length);
  for (const spelling of spellings)
    assert.ok(!printed.includes(spelling), `a spelling leaked: ${spelling.length} chars`);
  assert.match(printed, /upstream said \[REDACTED\]/);
  assert.match(printed, /because \[REDACTED\]/);
  assert.match(printed, /header: '\[REDACTED\]'/);
});

test('lines without the key are printed as console.log would print them', () => {
  const out = capture();
  createLog(SECRET, out.stream, out.stream).info('[demo-store] listening on %s', 'http://127.0.0.1:3000', 42);
  assert.deepEqual(out.lines, ['[demo-store] listening on http://127.0.0.1:3000 42\n']);
});

test('with the Payouts secret beside the PG one, every spelling of each is filtered, the longer first', () => {
  const payouts = `${SECRET}_payouts+Key/2`;
  const out = capture();
  const log = createLog([SECRET, payouts], out.stream, out.stream);
  for (const spelling of [...secretSpellings(SECRET), ...secretSpellings(payouts)])
    log.info(`quoting ${spelling}.`);
  const printed = out.lines.join('');
  assert.ok(![SECRET, payouts].some((s) => printed.includes(s)));
  assert.ok(!printed.includes('_payouts'), 'the Payouts secret is not cut into by the PG one it starts with');
  assert.equal(printed.match(/quoting \[REDACTED\]\./g)?.length, out.lines.length);
});
