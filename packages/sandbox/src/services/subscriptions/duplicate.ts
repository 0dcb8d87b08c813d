import { badRequest, type SandboxHttpError } from '../../http/errors.js';

/**
 * A plan, subscription, payment or refund id used twice. The contract declares no 409 for the
 * subscription operations (their errors are 400, 401, 404, 422 idempotency, 429, 500), unlike
 * create-order's, so the duplicate is a 400 `invalid_request_error`.
 */
export function duplicate(code: string, message: string): SandboxHttpError {
  return badRequest(code, message);
}
