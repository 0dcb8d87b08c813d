/**
 * Request conformance of the Payouts client: every method's requests, captured by the recording
 * fake fetch, are checked against the Payouts contract operation they call (method and path, query,
 * x-api-version and the other headers, credentials, body schema), and no body carries a field the
 * contract does not declare (so a v1 name such as `remarks` or a flat `bank_ifsc` is caught).
 */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { PRODUCTS } from 'cashfree-kit';
import { CashfreePayouts } from 'cashfree-kit/payouts';
import { createFakeFetch, jsonResponse, type RecordedRequest } from 'cashfree-kit/testing';
import { defaultPayoutsReply, payoutsRequestCases } from './payouts-sdk-request-cases.js';
import { resourceMethods } from './support/client-methods.js';
import { checkRequest } from './support/conformance.js';
import { OperationIndex } from './support/operations.js';
import {
  PAYOUTS_BASE_PATH,
  payoutsContractAvailable,
  payoutsValidator,
  requirePayoutsContract,
} from './support/payouts-contract.js';
import { ResultRecorder } from './support/results.js';
import { undeclaredFields } from './support/undeclared-fields.js';
import { formatIssues, type Issue } from './support/validator.js';

// Each case's verdict feeds the Payouts table of docs/fidelity.md (test/fidelity/).
const recorder = new ResultRecorder('payouts-sdk-requests');
after(() => {
  if (!payoutsContractAvailable()) recorder.skip('the Payouts OpenAPI contract is not available');
  // Every case records its outcome, a throw included, so the suite is whole once they have run.
  recorder.finish();
  recorder.write();
});

/** The row a case is counted in: its contract operation, or the path Cashfree serves it on. */
function rowOf(testCase: { operation: string | undefined; path?: string }): string {
  return testCase.operation ?? `POST ${(testCase.path ?? '').replace(PAYOUTS_BASE_PATH, '')}`;
}

function clientWith(fetch: ReturnType<typeof createFakeFetch>): CashfreePayouts {
  return new CashfreePayouts({
    clientId: 'TEST_PAYOUTS_CLIENT_ID',
    clientSecret: 'cfsk_ma_test_payouts_fidelity',
    environment: 'sandbox',
    fetch,
    maxRetries: 0,
  });
}

describe('Payouts client requests conform to the Payouts contract', () => {
  test('every Payouts client method has at least one case', (t) => {
    if (!requirePayoutsContract(t)) return;
    const covered = new Set(payoutsRequestCases.map((c) => c.method));
    const methods = resourceMethods(clientWith(createFakeFetch()));
    assert.ok(methods.length >= 7, `found only ${methods.length} Payouts methods: ${methods.join(', ')}`);
    assert.deepEqual(
      methods.filter((method) => !covered.has(method)),
      [],
      'add a case to payouts-sdk-request-cases.ts for each new Payouts method',
    );
  });

  test('the check catches what unvalidated Payouts clients send (v1 names, flat bank details)', (t) => {
    if (!requirePayoutsContract(t)) return;
    // A community CLI's transfer body: `remarks` for transfer_remarks, the bank details flat in
    // beneficiary_details instead of under beneficiary_instrument_details, no x-api-version.
    const body = {
      transfer_id: 'JUNOB2018',
      transfer_amount: 1,
      beneficiary_details: {
        beneficiary_name: 'John Doe',
        bank_account_number: '026291800001191',
        bank_ifsc: 'YESB0000262',
      },
      remarks: 'Tea leaves',
    };
    const request = {
      method: 'POST',
      path: `${PAYOUTS_BASE_PATH}/transfers`,
      query: new URLSearchParams(),
      headers: { 'content-type': 'application/json', 'x-client-id': 'id', 'x-client-secret': 'secret' },
      body: JSON.stringify(body),
    };
    const validator = payoutsValidator();
    const verdict = checkRequest(
      new OperationIndex(payoutsValidator().document),
      validator,
      request,
      PAYOUTS_BASE_PATH,
    );
    assert.equal(verdict.operation?.key, 'POST /transfers');
    const schema = verdict.operation?.requestBody?.schema as string;
    assert.deepEqual(
      undeclaredFields(validator, schema, body).map((issue) => issue.where),
      ['body/beneficiary_details/bank_account_number', 'body/beneficiary_details/bank_ifsc', 'body/remarks'],
    );
  });

  for (const testCase of payoutsRequestCases) {
    test(`${testCase.method}: ${testCase.name}`, async (t) => {
      if (!requirePayoutsContract(t)) return;
      const index = new OperationIndex(payoutsValidator().document);
      const validator = payoutsValidator();
      const fetch = createFakeFetch(() => jsonResponse(testCase.reply ?? defaultPayoutsReply));
      const name = `${testCase.method}: ${testCase.name}`;
      try {
        await testCase.run(clientWith(fetch));
        assert.ok(fetch.calls.length > 0, 'the method sent a request');
        for (const request of fetch.calls) {
          assert.equal(request.headers['x-api-version'], PRODUCTS.payouts.apiVersion);
          assert.ok(request.url.startsWith(PRODUCTS.payouts.baseUrls.sandbox), `sent to ${request.url}`);
        }
        if (testCase.operation === undefined) {
          // Outside the contract: still goes where the docs say, and the contract still lacks it.
          for (const request of fetch.calls) assert.equal(request.path, testCase.path);
          const verdict = checkRequest(
            index,
            validator,
            fetch.calls[0] as RecordedRequest,
            PAYOUTS_BASE_PATH,
          );
          assert.equal(
            verdict.operation,
            undefined,
            `the contract now has ${testCase.path}: give the case its operation`,
          );
          recorder.record(rowOf(testCase), name, []);
          return;
        }
      } catch (error) {
        recorder.record(rowOf(testCase), name, [`threw ${String(error)}`]);
        throw error;
      }
      const issues: Issue[] = fetch.calls.flatMap((request: RecordedRequest, n) => {
        const verdict = checkRequest(index, validator, request, PAYOUTS_BASE_PATH);
        const found = verdict.operation?.key;
        const wrong: Issue[] =
          found === testCase.operation
            ? []
            : [
                {
                  where: 'operation',
                  message: `expected ${testCase.operation}, the request matched ${found ?? 'nothing'}`,
                },
              ];
        const schema = verdict.operation?.requestBody?.schema;
        const extra =
          schema && request.json !== undefined ? undeclaredFields(validator, schema, request.json) : [];
        const prefix = fetch.calls.length > 1 ? `request ${n + 1}: ` : '';
        return [...wrong, ...verdict.issues, ...extra].map((issue) => ({
          ...issue,
          where: prefix + issue.where,
        }));
      });
      recorder.record(testCase.operation, name, issues);
      assert.equal(
        issues.length,
        0,
        `${fetch.calls.map((c) => `${c.method} ${c.path}?${c.query}`).join(', ')} departs from ${testCase.operation}:\n${formatIssues(issues)}`,
      );
    });
  }
});
