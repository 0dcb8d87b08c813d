import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isLoopbackHost } from './loopback.js';

test('loopback hosts, as URL.hostname prints them and bare', () => {
  for (const url of ['http://127.0.0.1:8787/pg', 'http://localhost:3000/', 'http://[::1]:8080/']) {
    assert.equal(isLoopbackHost(new URL(url).hostname), true, url);
  }
  for (const host of ['127.0.0.1', 'localhost', '::1', '[::1]'])
    assert.equal(isLoopbackHost(host), true, host);
});

test('any other host is not loopback', () => {
  for (const host of ['api.cashfree.com', '0.0.0.0', '127.0.0.2', 'localhost.example.com', '', '10.0.0.1']) {
    assert.equal(isLoopbackHost(host), false, host);
  }
});
