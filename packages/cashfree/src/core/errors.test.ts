import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  ApiError,
  AuthenticationError,
  BadRequestError,
  CashfreeError,
  ConflictError,
  ConnectionError,
  IdempotencyError,
  isApiError,
  isAuthenticationError,
  isBadRequestError,
  isCashfreeError,
  isConflictError,
  isConnectionError,
  isIdempotencyError,
  isNotFoundError,
  isRateLimitError,
  isRequestAbortedError,
  isServerError,
  isTimeoutError,
  isValidationError,
  NotFoundError,
  RateLimitError,
  RequestAbortedError,
  ServerError,
  TimeoutError,
  ValidationError,
} from './errors.js';

function response(status: number, headers: Record<string, string> = {}) {
  return { status, headers: new Headers(headers) };
}

describe('ApiError.from', () => {
  const cases = [
    [400, 'invalid_request_error', BadRequestError, 'BadRequestError'],
    [401, 'authentication_error', AuthenticationError, 'AuthenticationError'],
    [404, 'invalid_request_error', NotFoundError, 'NotFoundError'],
    [409, 'invalid_request_error', ConflictError, 'ConflictError'],
    [422, 'idempotency_error', IdempotencyError, 'IdempotencyError'],
    [429, 'rate_limit_error', RateLimitError, 'RateLimitError'],
    [500, 'api_error', ServerError, 'ServerError'],
    [502, 'api_error', ServerError, 'ServerError'],
    [503, 'api_error', ServerError, 'ServerError'],
    [403, 'invalid_request_error', ApiError, 'ApiError'],
  ] as const;
  for (const [status, type, Class, name] of cases) {
    test(`${status} → ${name}`, () => {
      const error = ApiError.from(response(status, { 'x-request-id': 'req-1' }), {
        message: 'something happened',
        code: 'some_code',
        type,
        help: 'Check the dashboard API logs',
      });
      assert.ok(error instanceof Class);
      assert.ok(error instanceof ApiError);
      assert.ok(error instanceof CashfreeError);
      assert.equal(error.name, name);
      assert.equal(error.status, status);
      assert.equal(error.code, 'some_code');
      assert.equal(error.type, type);
      assert.equal(error.help, 'Check the dashboard API logs');
      assert.equal(error.requestId, 'req-1');
      assert.equal(error.headers['x-request-id'], 'req-1');
      assert.equal(error.message, `something happened (HTTP ${status}, some_code, request id req-1)`);
    });
  }

  test('type idempotency_error is an IdempotencyError whatever the status', () => {
    const error = ApiError.from(response(400), {
      message: 'Different request body with the same idempotent key',
      code: 'idempotency_key_mismatch',
      type: 'idempotency_error',
    });
    assert.ok(error instanceof IdempotencyError);
  });

  test('a body without fields still gives a readable message', () => {
    assert.equal(
      ApiError.from(response(500), undefined).message,
      'HTTP 500 with no error message (HTTP 500)',
    );
    assert.match(
      ApiError.from(response(502), '<html>Bad Gateway</html>').message,
      /non-JSON response: <html>Bad Gateway/,
    );
    const odd = ApiError.from(response(400), { message: 42, code: null });
    assert.equal(odd.code, undefined);
  });

  test('RateLimitError reads retryAfter from x-ratelimit-retry, then Retry-After', () => {
    const cashfree = ApiError.from(response(429, { 'x-ratelimit-retry': '12', 'retry-after': '99' }), {});
    assert.ok(cashfree instanceof RateLimitError);
    assert.equal(cashfree.retryAfter, 12);
    const generic = ApiError.from(response(429, { 'retry-after': '5' }), {}) as RateLimitError;
    assert.equal(generic.retryAfter, 5);
    const none = ApiError.from(response(429), {}) as RateLimitError;
    assert.equal(none.retryAfter, undefined);
  });
});

describe('error classes', () => {
  test('each class sets its name', () => {
    assert.equal(new ValidationError('f', 1, 'm').name, 'ValidationError');
    assert.equal(new ConnectionError('m').name, 'ConnectionError');
    assert.equal(new TimeoutError('m', 5).name, 'TimeoutError');
    assert.equal(new RequestAbortedError('m').name, 'RequestAbortedError');
    assert.equal(new CashfreeError('m').name, 'CashfreeError');
  });

  test('toJSON has name, message and fields but no stack or cause', () => {
    const error = new ValidationError('order_id', 'x', 'order_id: bad');
    error.cause = new Error('inner');
    assert.deepEqual(JSON.parse(JSON.stringify(error)), {
      name: 'ValidationError',
      message: 'order_id: bad',
      field: 'order_id',
      value: 'x',
    });
  });
});

describe('guards', () => {
  test('each guard accepts its class and subclasses and rejects the others', () => {
    const timeout = new TimeoutError('t', 1);
    const notFound = ApiError.from(response(404), {});
    assert.ok(isConnectionError(timeout));
    assert.ok(isTimeoutError(timeout));
    assert.ok(!isTimeoutError(new ConnectionError('c')));
    assert.ok(isApiError(notFound));
    assert.ok(isNotFoundError(notFound));
    assert.ok(!isConflictError(notFound));
    assert.ok(!isApiError(timeout));
    assert.ok(!isCashfreeError(new Error('plain')));
    assert.ok(!isValidationError(null));
    assert.ok(!isValidationError('ValidationError'));
  });

  test('guards recognise errors from a second copy of the package (same brand, other classes)', () => {
    // A second install has its own classes: simulate one with the shared brand and a matching name.
    const brand = Symbol.for('cashfree-kit.error');
    const foreign = (name: string) => Object.assign(new Error('from another copy'), { name, [brand]: true });
    const checks = [
      [isBadRequestError, 'BadRequestError'],
      [isAuthenticationError, 'AuthenticationError'],
      [isNotFoundError, 'NotFoundError'],
      [isConflictError, 'ConflictError'],
      [isIdempotencyError, 'IdempotencyError'],
      [isRateLimitError, 'RateLimitError'],
      [isServerError, 'ServerError'],
      [isConnectionError, 'ConnectionError'],
      [isConnectionError, 'TimeoutError'],
      [isTimeoutError, 'TimeoutError'],
      [isRequestAbortedError, 'RequestAbortedError'],
      [isValidationError, 'ValidationError'],
      [isApiError, 'RateLimitError'],
      [isCashfreeError, 'Anything'],
    ] as const;
    for (const [guard, name] of checks)
      assert.ok(guard(foreign(name)), `${guard.name} should accept a foreign ${name}`);
    // Without the brand a same-named error is not ours.
    assert.ok(!isNotFoundError(Object.assign(new Error('x'), { name: 'NotFoundError' })));
    assert.ok(!isServerError(foreign('NotFoundError')));
  });
});
