/**
 * The checkers must catch what they claim to catch: these are known-bad requests and responses,
 * each of which must produce the named issue, so a green suite cannot come from a vacuous check.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkRequest, checkResponse, type WireRequest } from './conformance.js';
import { loadContract, requireContract } from './contract.js';
import { OperationIndex } from './operations.js';
import { contractValidator, type Issue } from './validator.js';

const goodHeaders = {
  'x-api-version': '2025-01-01',
  'x-client-id': 'app',
  'x-client-secret': 'secret',
  'x-request-id': 'req-1',
  'x-idempotency-key': '3f1b8e3c-6a57-4b8e-9a2b-0d8f1f6f2b11',
  'content-type': 'application/json',
};
const goodOrder = {
  order_amount: 10,
  order_currency: 'INR',
  customer_details: { customer_id: 'cust_1', customer_phone: '9876543210' },
};

function request(overrides: Partial<WireRequest> & { json?: unknown }): WireRequest {
  const { json, ...rest } = overrides;
  return {
    method: 'POST',
    path: '/pg/orders',
    query: new URLSearchParams(),
    headers: { ...goodHeaders },
    body: JSON.stringify(json ?? goodOrder),
    ...rest,
  };
}

function issuesOf(wire: WireRequest): Issue[] {
  return checkRequest(new OperationIndex(loadContract()), contractValidator(), wire).issues;
}

function assertIssue(issues: Issue[], where: string, message: RegExp): void {
  assert.ok(
    issues.some((issue) => issue.where === where && message.test(issue.message)),
    `expected an issue at ${where} matching ${message}; got ${JSON.stringify(issues)}`,
  );
}

describe('request checker', () => {
  test('a well-formed create-order request passes', (t) => {
    if (!requireContract(t)) return;
    assert.deepEqual(issuesOf(request({})), []);
  });

  test('literal paths win over parameters, and parameters are decoded', (t) => {
    if (!requireContract(t)) return;
    const index = new OperationIndex(loadContract());
    assert.equal(index.match('POST', '/orders/sessions')?.operation.key, 'POST /orders/sessions');
    assert.deepEqual(index.match('GET', '/orders/a%2Fb')?.pathParams, { order_id: 'a/b' });
    assert.equal(index.match('DELETE', '/orders/x'), undefined);
  });

  test('catches headers: missing x-api-version, non-UUID idempotency key, no credentials', (t) => {
    if (!requireContract(t)) return;
    const { 'x-api-version': _version, 'x-client-secret': _secret, ...rest } = goodHeaders;
    const issues = issuesOf(request({ headers: { ...rest, 'x-idempotency-key': 'not-a-uuid' } }));
    assertIssue(issues, 'header.x-api-version', /required/);
    assertIssue(issues, 'header.x-idempotency-key', /format "UUID"/);
    assertIssue(issues, 'headers', /credential/);
  });

  test('catches bodies: wrong type, missing required field, missing body, not JSON', (t) => {
    if (!requireContract(t)) return;
    const wrong = issuesOf(request({ json: { ...goodOrder, order_amount: '10', customer_details: {} } }));
    assertIssue(wrong, 'body/order_amount', /must be number/);
    assertIssue(wrong, 'body/customer_details', /customer_id/);
    assertIssue(issuesOf(request({ body: undefined })), 'body', /required/);
    assertIssue(issuesOf(request({ body: '{' })), 'body', /not JSON/);
    assertIssue(
      issuesOf(request({ headers: { ...goodHeaders, 'content-type': 'text/plain' } })),
      'headers.content-type',
      /application\/json/,
    );
  });

  test('catches paths and queries the contract does not have', (t) => {
    if (!requireContract(t)) return;
    assertIssue(issuesOf(request({ path: '/pg/orders/x/unknown' })), 'path', /no operation/);
    assertIssue(issuesOf(request({ path: '/orders' })), 'path', /not below \/pg/);
    const query = new URLSearchParams({ status: 'ALL', page: '2' });
    const issues = issuesOf(request({ method: 'GET', path: '/pg/links/l1/orders', query, body: undefined }));
    assertIssue(issues, 'query.page', /not a parameter/);
    assert.ok(!issues.some((issue) => issue.where === 'query.status'));
  });

  test('catches a body sent to an operation that takes none', (t) => {
    if (!requireContract(t)) return;
    assertIssue(
      issuesOf(request({ path: '/pg/links/l1/cancel', json: { x: 1 } })),
      'body',
      /declares no request body/,
    );
  });
});

describe('response checker', () => {
  const order = () => new OperationIndex(loadContract()).get('POST', '/orders');

  test('catches an undeclared status, a wrongly typed body and header, a missing promised header', (t) => {
    if (!requireContract(t)) return;
    const validator = contractValidator();
    const undeclared = checkResponse(validator, order(), { status: 418, headers: {}, body: {} });
    assertIssue(undeclared, 'status', /418 is not declared/);

    const issues = checkResponse(
      validator,
      order(),
      { status: 200, headers: { 'x-ratelimit-limit': 'many' }, body: { order_amount: 'ten' } },
      { requiredHeaders: ['x-request-id'] },
    );
    assertIssue(issues, 'body/order_amount', /must be number/);
    assertIssue(issues, 'headers.x-ratelimit-limit', /must be integer/);
    assertIssue(issues, 'headers.x-request-id', /missing/);
  });

  test('checks error bodies against the schema of their status', (t) => {
    if (!requireContract(t)) return;
    const body = {
      message: 'order with same id is already present',
      code: 'order_already_exists',
      type: 'api_error',
    };
    const issues = checkResponse(contractValidator(), order(), { status: 409, headers: {}, body });
    assertIssue(issues, 'body/type', /allowed values \(invalid_request_error\)/);
  });
});
