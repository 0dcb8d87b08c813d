/**
 * Request conformance of our SDK: every resource method's requests, captured by the recording
 * fake fetch, are checked against the contract operation they call (method and path, path
 * parameters, query, x-api-version and the other headers, credentials, body schema).
 */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { Cashfree } from 'cashfree-kit';
import { createFakeFetch, jsonResponse, type RecordedRequest } from 'cashfree-kit/testing';
import { sdkRequestCases } from './sdk-request-cases.js';
import { resourceMethods } from './support/client-methods.js';
import { checkRequest } from './support/conformance.js';
import { contractAvailable, loadContract, requireContract } from './support/contract.js';
import { OperationIndex } from './support/operations.js';
import { ResultRecorder } from './support/results.js';
import { contractValidator, formatIssues, type Issue } from './support/validator.js';

const recorder = new ResultRecorder('sdk-requests');
after(() => {
  if (!contractAvailable()) recorder.skip('the OpenAPI contract is not available');
  // Every case records its outcome, a throw included, so the suite is whole once they have run.
  recorder.finish();
  recorder.write();
});

function clientWith(fetch: ReturnType<typeof createFakeFetch>): Cashfree {
  return new Cashfree({
    appId: 'TEST_APP_ID',
    secretKey: 'cfsk_ma_test_fidelity',
    environment: 'sandbox',
    baseUrl: 'https://sandbox.cashfree.com/pg',
    fetch,
    maxRetries: 0,
  });
}

describe('SDK requests conform to the contract', () => {
  test('every SDK resource method has at least one case', (t) => {
    if (!requireContract(t)) return;
    const covered = new Set(sdkRequestCases.map((c) => c.method));
    const methods = resourceMethods(clientWith(createFakeFetch()));
    assert.ok(methods.length >= 20, `found only ${methods.length} SDK methods: ${methods.join(', ')}`);
    assert.deepEqual(
      methods.filter((method) => !covered.has(method)),
      [],
      'add a case to sdk-request-cases.ts for each new SDK method',
    );
  });

  for (const testCase of sdkRequestCases) {
    test(`${testCase.method}: ${testCase.name}`, async (t) => {
      if (!requireContract(t)) return;
      const index = new OperationIndex(loadContract());
      const validator = contractValidator();
      const fetch = createFakeFetch((_request, n) => jsonResponse(testCase.reply?.(n) ?? {}));
      try {
        await testCase.run(clientWith(fetch));
      } catch (error) {
        recorder.record(testCase.operation, `${testCase.method}: ${testCase.name}`, [
          `threw ${String(error)}`,
        ]);
        throw error;
      }
      const silent: Issue[] =
        fetch.calls.length === 0 ? [{ where: 'requests', message: 'the method sent none' }] : [];
      const issues = silent.concat(
        fetch.calls.flatMap((request: RecordedRequest, n) => {
          const verdict = checkRequest(index, validator, request);
          const prefix = fetch.calls.length > 1 ? `request ${n + 1}: ` : '';
          const found = verdict.operation?.key;
          const wrongOperation =
            found === testCase.operation
              ? []
              : [
                  {
                    where: 'operation',
                    message: `expected ${testCase.operation}, the request matched ${found ?? 'nothing'}`,
                  },
                ];
          return [...wrongOperation, ...verdict.issues].map((issue) => ({
            ...issue,
            where: prefix + issue.where,
          }));
        }),
      );
      recorder.record(testCase.operation, `${testCase.method}: ${testCase.name}`, issues);
      assert.equal(
        issues.length,
        0,
        `${request(fetch.calls)} departs from ${testCase.operation}:\n${formatIssues(issues)}`,
      );
    });
  }
});

function request(calls: readonly RecordedRequest[]): string {
  return calls
    .map((call) => `${call.method} ${call.path}${call.query.size ? `?${call.query}` : ''}`)
    .join(', ');
}
