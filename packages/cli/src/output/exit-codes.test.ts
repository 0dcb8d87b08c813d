import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  ApiError,
  ConnectionError,
  TimeoutError,
  ValidationError,
  WebhookVerificationError,
} from 'cashfree-kit';
import { CliError, EXIT, EXIT_CODE_TABLE, exitCodeFor } from './exit-codes.js';

function apiError(status: number, type?: string): ApiError {
  return ApiError.from({ status, headers: new Headers() }, { message: 'm', code: 'c', type });
}

test('each class of failure has its own exit code', () => {
  assert.equal(exitCodeFor(new ValidationError('order_amount', 0, 'bad')), EXIT.usage);
  assert.equal(exitCodeFor(new CliError('bad flag')), EXIT.usage);
  assert.equal(exitCodeFor(new CliError('no keys', EXIT.auth)), EXIT.auth);
  assert.equal(exitCodeFor(apiError(401)), EXIT.auth);
  assert.equal(exitCodeFor(apiError(404)), EXIT.notFound);
  assert.equal(exitCodeFor(apiError(429)), EXIT.rateLimited);
  assert.equal(exitCodeFor(new ConnectionError('refused')), EXIT.network);
  assert.equal(exitCodeFor(new TimeoutError('slow', 10)), EXIT.network);
  assert.equal(exitCodeFor(apiError(409)), EXIT.conflict);
  assert.equal(exitCodeFor(apiError(422, 'idempotency_error')), EXIT.conflict);
  assert.equal(exitCodeFor(apiError(400)), EXIT.rejected);
  assert.equal(exitCodeFor(apiError(403)), EXIT.rejected);
  assert.equal(exitCodeFor(apiError(502)), EXIT.server);
  assert.equal(exitCodeFor(new WebhookVerificationError('invalid_signature', 'x')), EXIT.failure);
  assert.equal(exitCodeFor(new Error('bug')), EXIT.failure);
});

test('the documented table lists every exit code once, in order', () => {
  assert.deepEqual(
    EXIT_CODE_TABLE.map(([code]) => code),
    Object.values(EXIT).sort((a, b) => a - b),
  );
});
