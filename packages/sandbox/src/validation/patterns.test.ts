import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isAcceptableNotifyUrl, isHttpUrl, MEMO_SIZE, memoised } from './patterns.js';

describe('URL checks', () => {
  const cases: Array<[string, boolean, boolean]> = [
    // value, isHttpUrl, isAcceptableNotifyUrl
    ['https://shop.example/return?order_id={order_id}', true, true],
    ['http://shop.example/return', true, false],
    ['HTTP://127.0.0.1:3000/webhooks', true, true],
    ['http://localhost/webhooks', true, true],
    ['http://[::1]:8080/x', true, true],
    ['  https://shop.example/padded  ', true, true],
    ['ftp://shop.example/file', false, false],
    ['shop.example/return', false, false],
    ['https://', false, false],
    ['', false, false],
  ];

  test('answer alike the first time and from memory', () => {
    for (let pass = 0; pass < 2; pass++) {
      for (const [value, http, notify] of cases) {
        assert.equal(isHttpUrl(value), http, `isHttpUrl(${JSON.stringify(value)}), pass ${pass}`);
        assert.equal(isAcceptableNotifyUrl(value), notify, `isAcceptableNotifyUrl(${JSON.stringify(value)})`);
      }
    }
  });

  test('stay correct past the memory size', () => {
    for (let i = 0; i < MEMO_SIZE * 2; i++) {
      assert.equal(isHttpUrl(`https://shop${i}.example/`), true);
      assert.equal(isHttpUrl(`nope${i}`), false);
    }
    for (const [value, http] of cases) assert.equal(isHttpUrl(value), http);
  });
});

describe('memoised', () => {
  test('asks the check once per value, and forgets the oldest beyond the memory size', () => {
    const asked: string[] = [];
    const check = memoised((value) => {
      asked.push(value);
      return value.length % 2 === 0;
    });
    assert.equal(check('ab'), true);
    assert.equal(check('abc'), false);
    assert.equal(check('ab'), true);
    assert.equal(check('abc'), false);
    assert.deepEqual(asked, ['ab', 'abc'], 'repeats come from memory');

    for (let i = 0; i < MEMO_SIZE; i++) check(`v${i}`);
    asked.length = 0;
    check('ab');
    assert.deepEqual(asked, ['ab'], 'the oldest value was forgotten, so the memory stays bounded');
    check(`v${MEMO_SIZE - 1}`);
    assert.deepEqual(asked, ['ab'], 'recent values are still remembered');
  });
});
