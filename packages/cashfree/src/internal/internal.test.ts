import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ValidationError } from '../core/errors.js';
import { parseDecimal } from './decimal.js';
import { fillPath } from './path.js';
import { redactHeaders, redactText, redactValue, secretVariants } from './redact.js';
import { isRetryableStatus, MAX_BACKOFF_MS, retryDelayMs } from './retry.js';
import { retryAfterSeconds } from './retry-after.js';

describe('fillPath', () => {
  test('encodes each parameter and leaves the template alone', () => {
    assert.equal(
      fillPath('/orders/{order_id}/refunds/{refund_id}', { order_id: 'a b', refund_id: 'r/1' }),
      '/orders/a%20b/refunds/r%2F1',
    );
    assert.equal(fillPath('/links/{link_id}/orders', { link_id: 'link_1' }), '/links/link_1/orders');
    assert.equal(fillPath('/orders', {}), '/orders');
  });

  test("names a bad parameter by the template's name for it", () => {
    const cases = [
      [() => fillPath('/orders/{order_id}', { order_id: '' }), 'order_id'],
      [
        () => fillPath('/orders/{order_id}/payments/{cf_payment_id}', { order_id: 'x', cf_payment_id: ' ' }),
        'cf_payment_id',
      ],
      [
        () => fillPath('/orders/{order_id}/refunds/{refund_id}', { order_id: 'x', refund_id: null as never }),
        'refund_id',
      ],
      [() => fillPath('/links/{link_id}', { link_id: undefined as never }), 'link_id'],
      [() => fillPath('/simulate/{simulation_id}', { simulation_id: '.' }), 'simulation_id'],
      [() => fillPath('/orders/pay/authenticate/{cf_payment_id}', { cf_payment_id: '..' }), 'cf_payment_id'],
      [() => fillPath('/links/{link_id}', { link_id: 42 as never }), 'link_id'],
    ] as const;
    for (const [build, field] of cases) {
      assert.throws(build, (error: unknown) => error instanceof ValidationError && error.field === field);
    }
  });
});

describe('retry policy', () => {
  test('only network-ish statuses are retryable', () => {
    assert.deepEqual(
      [400, 401, 403, 404, 409, 422, 429, 500, 501, 502, 503, 504].filter(isRetryableStatus),
      [429, 500, 502, 503, 504],
    );
  });

  test('backoff grows exponentially with equal jitter and a cap', () => {
    assert.equal(
      retryDelayMs(1, {}, () => 0),
      250,
    );
    assert.equal(
      retryDelayMs(1, {}, () => 1),
      500,
    );
    assert.equal(
      retryDelayMs(3, {}, () => 1),
      2000,
    );
    assert.equal(
      retryDelayMs(20, {}, () => 1),
      MAX_BACKOFF_MS,
    );
  });

  test('server hints win, and hints over 60 s mean "do not retry"', () => {
    assert.equal(retryDelayMs(1, { 'x-ratelimit-retry': '59' }), 59_000);
    assert.equal(retryDelayMs(1, { 'retry-after': '1.5' }), 1500);
    assert.equal(retryDelayMs(1, { 'retry-after': '61' }), undefined);
  });

  test('retryAfterSeconds reads both headers and ignores junk', () => {
    const now = Date.parse('2025-01-15T10:00:00Z');
    assert.equal(retryAfterSeconds({ 'retry-after': 'Wed, 15 Jan 2025 10:00:30 GMT' }, now), 30);
    assert.equal(retryAfterSeconds({ 'retry-after': 'Wed, 15 Jan 2025 09:00:00 GMT' }, now), 0);
    assert.equal(retryAfterSeconds({ 'retry-after': 'soon' }, now), undefined);
    assert.equal(retryAfterSeconds({ 'x-ratelimit-retry': 'abc' }, now), undefined);
    assert.equal(retryAfterSeconds({}, now), undefined);
  });
});

describe('redaction', () => {
  const secret = 'sk/with+odd=chars';

  test('covers the plain and the URL-encoded spelling', () => {
    const variants = secretVariants(secret);
    assert.equal(
      redactText(`a ${secret} b ${encodeURIComponent(secret)}`, variants),
      'a [REDACTED] b [REDACTED]',
    );
    assert.deepEqual(secretVariants(''), []);
  });

  test('redacts nested plain values but leaves class instances alone', () => {
    const date = new Date(0);
    assert.deepEqual(redactValue({ a: [secret, { b: secret }], date, n: 1 }, [secret]), {
      a: ['[REDACTED]', { b: '[REDACTED]' }],
      date,
      n: 1,
    });
  });

  test('hooks see credential headers redacted', () => {
    const headers = new Headers({
      'x-client-secret': secret,
      authorization: 'Bearer x',
      'x-client-id': 'app',
    });
    assert.deepEqual(redactHeaders(headers), {
      authorization: '[REDACTED]',
      'x-client-id': 'app',
      'x-client-secret': '[REDACTED]',
    });
  });
});

describe('parseDecimal', () => {
  test('reads numbers through their shortest printed form', () => {
    assert.deepEqual(parseDecimal(499.99), { negative: false, integer: '499', fraction: '99' });
    assert.deepEqual(parseDecimal(0.1 + 0.2), {
      negative: false,
      integer: '0',
      fraction: '30000000000000004',
    });
    assert.deepEqual(parseDecimal(-1.5), { negative: true, integer: '1', fraction: '5' });
    assert.deepEqual(parseDecimal(1e-7), { negative: false, integer: '0', fraction: '0000001' });
    assert.deepEqual(parseDecimal(1.5e21), {
      negative: false,
      integer: '1500000000000000000000',
      fraction: '',
    });
    assert.deepEqual(parseDecimal(-0), { negative: false, integer: '0', fraction: '' });
  });

  test('reads plain decimal strings and rejects the rest', () => {
    assert.deepEqual(parseDecimal(' 010.50 '), { negative: false, integer: '10', fraction: '5' });
    for (const bad of ['', '1,000', '₹10', '1e3', '.5', '1.', 'abc'])
      assert.equal(parseDecimal(bad), undefined, bad);
    assert.equal(parseDecimal(Number.NaN), undefined);
    assert.equal(parseDecimal(Number.POSITIVE_INFINITY), undefined);
  });
});

describe('redaction keeps what holds no secret', () => {
  test('objects and errors without the secret are returned as they are', () => {
    const reason = new Error('user left');
    const plain = { a: 'b' };
    assert.equal(redactValue(reason, ['s3cr3t-value']), reason);
    assert.equal(redactValue(plain, ['s3cr3t-value']), plain);
    const leaky = Object.assign(new Error('boom'), { config: { headers: { secret: 's3cr3t-value' } } });
    const copy = redactValue(leaky, ['s3cr3t-value']) as Error;
    assert.notEqual(copy, leaky);
    assert.equal(copy.message, 'boom');
    assert.ok(!JSON.stringify(copy).includes('s3cr3t-value'));
  });
});
