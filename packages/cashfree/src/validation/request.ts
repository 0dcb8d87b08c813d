/**
 * The one place a row's request checks are applied: `cashfree.orders.create()` and the exported
 * `validateCreateOrderRequest()` both come here with the same row, so what the SDK enforces and
 * what the table (and `docs/endpoints.md`) says it enforces cannot drift apart.
 */
import type { Operation } from '../operations/operation.js';
import { checkFields } from './checks.js';

/**
 * Runs `operation.request.checks` over `body`, naming the body `request.root` (`body` when the row
 * has none) when it is not an object. A row without checks checks nothing, not even that the body
 * is an object: those bodies are the API's to judge.
 *
 * @throws ValidationError naming the first bad field, the value received and the fix
 */
export function checkRequest(operation: Pick<Operation, 'request'>, body: unknown): void {
  const { request } = operation;
  if (request === undefined || request.checks.length === 0) return;
  checkFields(request.root ?? 'body', body, request.checks);
}
