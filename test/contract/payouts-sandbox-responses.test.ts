/**
 * Response conformance of the sandbox's Payouts emulation: every operation it serves under
 * `/payout` is driven through its success path and its error paths (400 validation, 401, 404, 409),
 * and every response is validated against the schema the Payouts contract (with its overlay)
 * declares for its status, with no field the contract does not declare, and with the headers the
 * contract declares for that status.
 */
import assert from 'node:assert/strict';
import { after, type TestContext, test } from 'node:test';
import { PRODUCTS } from 'cashfree-kit';
import { checkResponse, type WireResponse } from './support/conformance.js';
import { OperationIndex, responseFor } from './support/operations.js';
import {
  PAYOUTS_BASE_PATH,
  payoutsContractAvailable,
  payoutsValidator,
  requirePayoutsContract,
} from './support/payouts-contract.js';
import { ResultRecorder } from './support/results.js';
import { type StartedSandbox, startContractSandbox } from './support/sandbox-driver.js';
import { undeclaredFields } from './support/undeclared-fields.js';

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read field by field.
type Body = any;

// Each step's verdict feeds the Payouts table of docs/fidelity.md (test/fidelity/).
const recorder = new ResultRecorder('payouts-sandbox-responses');
after(() => {
  if (!payoutsContractAvailable()) recorder.skip('the Payouts OpenAPI contract is not available');
  recorder.write();
});

interface StepOptions {
  body?: unknown;
  query?: Record<string, string>;
  /** Replaces the credentials. */
  auth?: { id: string; secret: string };
}

type Step = (
  name: string,
  expected: number,
  method: string,
  path: string,
  options?: StepOptions,
) => Promise<Body>;

/** Rupees: enough for the transfers and batch below (about 150 with charges), not for 350 more. */
const BALANCE = 300;
const APPROVAL_THRESHOLD = 400;
const SUCCESS_ACCOUNT = { bank_account_number: '026291800001191', bank_ifsc: 'YESB0000262' };
const OTHER_ACCOUNT = { bank_account_number: '00011020001772', bank_ifsc: 'HDFC0000001' };

/** A step: one request to the sandbox's /payout, checked against the contract and the expected status. */
function stepper(t: TestContext, sandbox: StartedSandbox, index: OperationIndex): Step {
  let counter = 0;
  return async (name, expected, method, path, options = {}) => {
    let body: Body;
    const title = `${expected} ${name}`;
    // The row: the contract operation the path matches (the query is not part of the key).
    const row = () => index.match(method, path.split('?')[0] ?? path)?.operation.key ?? `${method} ${path}`;
    await t.test(`${method} ${path} → ${title}`, async () => {
      let issues: string[];
      try {
        issues = await checkStep();
      } catch (error) {
        recorder.record(row(), title, [`threw ${String(error)}`]);
        throw error;
      }
      recorder.record(row(), title, issues);
      assert.deepEqual(issues, [], `${method} ${path}:\n  - ${issues.join('\n  - ')}`);
    });
    return body;

    /** Sends the step's request (setting `body`) and returns what departs from the contract. */
    async function checkStep(): Promise<string[]> {
      const url = new URL(`${sandbox.url}${PAYOUTS_BASE_PATH}${path}`);
      for (const [key, value] of Object.entries(options.query ?? {})) url.searchParams.set(key, value);
      const headers: Record<string, string> = {
        accept: 'application/json',
        'x-api-version': PRODUCTS.payouts.apiVersion,
        'x-client-id': options.auth?.id ?? sandbox.appId,
        'x-client-secret': options.auth?.secret ?? sandbox.secretKey,
        'x-request-id': `payouts-fidelity-${++counter}`,
      };
      if (options.body !== undefined) headers['content-type'] = 'application/json';
      const res = await fetch(url, {
        method,
        headers,
        ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
      });
      const text = await res.text();
      const responseHeaders: Record<string, string> = {};
      res.headers.forEach((value, key) => {
        responseHeaders[key] = value;
      });
      body = text === '' ? undefined : JSON.parse(text);
      const response: WireResponse = { status: res.status, headers: responseHeaders, body };
      const operation = index.match(method, path)?.operation;
      assert.ok(operation, `the contract has no ${method} ${path}`);
      const issues: string[] = [];
      if (res.status !== expected)
        issues.push(`status: expected ${expected}, got ${res.status}: ${text.slice(0, 300)}`);
      const declared = responseFor(operation, res.status);
      const validator = payoutsValidator();
      issues.push(
        ...checkResponse(validator, operation, response, {
          // Every header the contract declares for this status is one the sandbox must send.
          requiredHeaders: [...(declared?.headers.keys() ?? [])],
        }).map((issue) => `${issue.where}: ${issue.message}`),
      );
      if (declared?.schema && body !== undefined) {
        issues.push(
          ...undeclaredFields(validator, declared.schema, body).map((i) => `${i.where}: ${i.message}`),
        );
      }
      const echoed = responseHeaders['x-request-id'];
      if (echoed !== undefined && echoed !== headers['x-request-id'])
        issues.push(`headers.x-request-id: should echo ${headers['x-request-id']}, got ${echoed}`);
      return issues;
    }
  };
}

/** A POST to the sandbox's Payouts admin API (`/_sandbox/payouts`), which needs no keys. */
async function admin(sandbox: StartedSandbox, path: string, body: unknown = {}): Promise<void> {
  const res = await fetch(`${sandbox.url}/_sandbox/payouts${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  assert.equal(res.status, 200, `${path}: ${await res.text()}`);
}

async function advance(sandbox: StartedSandbox, body: Record<string, number>): Promise<void> {
  const res = await fetch(`${sandbox.url}/_sandbox/clock/advance`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  assert.equal(res.status, 200, 'the sandbox clock moved');
}

test('sandbox Payouts responses conform to the Payouts contract', async (t) => {
  if (!requirePayoutsContract(t)) return;
  // A small balance and an approval threshold, so REJECTED and APPROVAL_PENDING answers are judged too.
  const sandbox = await startContractSandbox(t, after, {
    clock: { frozen: true },
    payouts: { balance: BALANCE, approvalThreshold: APPROVAL_THRESHOLD },
  });
  if (!sandbox) return;
  const index = new OperationIndex(payoutsValidator().document);
  const wrongKeys = { id: sandbox.appId, secret: 'cfsk_ma_test_wrong_payouts' };

  await t.test('beneficiaries', async (t) => {
    const step = stepper(t, sandbox, index);
    await step('create with a bank account and every contact detail', 201, 'POST', '/beneficiary', {
      body: {
        beneficiary_id: 'tea_estate_1',
        beneficiary_name: 'Darjeeling Tea Estate',
        beneficiary_instrument_details: SUCCESS_ACCOUNT,
        beneficiary_contact_details: {
          beneficiary_email: 'estate@example.com',
          beneficiary_phone: '9876543210',
          beneficiary_country_code: '+91',
          beneficiary_address: 'Hill Cart Road',
          beneficiary_city: 'Darjeeling',
          beneficiary_state: 'West Bengal',
          beneficiary_postal_code: '734101',
        },
      },
    });
    await step('create with a UPI VPA only', 201, 'POST', '/beneficiary', {
      body: {
        beneficiary_id: 'upi_bene',
        beneficiary_name: 'John Doe',
        beneficiary_instrument_details: { vpa: 'success@upi' },
      },
    });
    await step('a beneficiary_id used before', 409, 'POST', '/beneficiary', {
      body: {
        beneficiary_id: 'tea_estate_1',
        beneficiary_name: 'John Doe',
        beneficiary_instrument_details: OTHER_ACCOUNT,
      },
    });
    await step('a bank account and IFSC saved before', 409, 'POST', '/beneficiary', {
      body: {
        beneficiary_id: 'tea_estate_2',
        beneficiary_name: 'John Doe',
        beneficiary_instrument_details: SUCCESS_ACCOUNT,
      },
    });
    await step('an IFSC of the wrong shape', 400, 'POST', '/beneficiary', {
      body: {
        beneficiary_id: 'bad_ifsc',
        beneficiary_name: 'John Doe',
        beneficiary_instrument_details: { bank_account_number: '026291800001191', bank_ifsc: 'YESB1234' },
      },
    });
    await step('a beneficiary_id over 50 characters', 400, 'POST', '/beneficiary', {
      body: { beneficiary_id: 'b'.repeat(51), beneficiary_name: 'John Doe' },
    });
    await step('wrong secret', 401, 'POST', '/beneficiary', {
      body: { beneficiary_id: 'nope', beneficiary_name: 'John Doe' },
      auth: wrongKeys,
    });
    await step('get by beneficiary_id', 200, 'GET', '/beneficiary', {
      query: { beneficiary_id: 'tea_estate_1' },
    });
    await step('get by bank account and IFSC', 200, 'GET', '/beneficiary', { query: SUCCESS_ACCOUNT });
    await step('get an unknown beneficiary', 404, 'GET', '/beneficiary', {
      query: { beneficiary_id: 'no_such_bene' },
    });
    await step('get with all three identifiers', 400, 'GET', '/beneficiary', {
      query: { beneficiary_id: 'tea_estate_1', ...SUCCESS_ACCOUNT },
    });
    await step('get with no identifier', 400, 'GET', '/beneficiary');
    await step('get with an account but no IFSC', 400, 'GET', '/beneficiary', {
      query: { bank_account_number: SUCCESS_ACCOUNT.bank_account_number },
    });
    await step('get with the wrong secret', 401, 'GET', '/beneficiary', {
      query: { beneficiary_id: 'tea_estate_1' },
      auth: wrongKeys,
    });
    await step('remove', 200, 'DELETE', '/beneficiary', { query: { beneficiary_id: 'upi_bene' } });
    await step('remove an unknown beneficiary', 404, 'DELETE', '/beneficiary', {
      query: { beneficiary_id: 'no_such_bene' },
    });
    await step('remove with the wrong secret', 401, 'DELETE', '/beneficiary', {
      query: { beneficiary_id: 'tea_estate_1' },
      auth: wrongKeys,
    });
  });

  await t.test('transfers', async (t) => {
    const step = stepper(t, sandbox, index);
    const created = await step('to a saved beneficiary', 200, 'POST', '/transfers', {
      body: {
        transfer_id: 'payout_1',
        transfer_amount: 100,
        beneficiary_details: { beneficiary_id: 'tea_estate_1' },
      },
    });
    await step('to a beneficiary given inline, every optional field', 200, 'POST', '/transfers', {
      body: {
        transfer_id: 'payout_2',
        transfer_amount: 12.5,
        transfer_currency: 'INR',
        transfer_mode: 'imps',
        beneficiary_details: { beneficiary_name: 'John Doe', beneficiary_instrument_details: OTHER_ACCOUNT },
        transfer_remarks: 'Tea leaves invoice 42',
        fundsource_id: 'CASHFREE_1',
      },
    });
    await step('to an account outside the test data (fails later)', 200, 'POST', '/transfers', {
      body: {
        transfer_id: 'payout_3',
        transfer_amount: 5,
        beneficiary_details: {
          beneficiary_name: 'John Doe',
          beneficiary_instrument_details: {
            bank_account_number: '026291800001190',
            bank_ifsc: 'YESB0000262',
          },
        },
      },
    });
    await step('a transfer_id used before', 409, 'POST', '/transfers', {
      body: {
        transfer_id: 'payout_1',
        transfer_amount: 100,
        beneficiary_details: { beneficiary_id: 'tea_estate_1' },
      },
    });
    await step('no transfer_id', 400, 'POST', '/transfers', {
      body: { transfer_amount: 100, beneficiary_details: { beneficiary_id: 'tea_estate_1' } },
    });
    await step('an amount below 1.00', 400, 'POST', '/transfers', {
      body: {
        transfer_id: 'payout_small',
        transfer_amount: 0.5,
        beneficiary_details: { beneficiary_id: 'tea_estate_1' },
      },
    });
    await step('a mode outside the enum', 400, 'POST', '/transfers', {
      body: {
        transfer_id: 'payout_mode',
        transfer_amount: 10,
        transfer_mode: 'cheque',
        beneficiary_details: { beneficiary_id: 'tea_estate_1' },
      },
    });
    await step('an unknown beneficiary', 404, 'POST', '/transfers', {
      body: {
        transfer_id: 'payout_nobody',
        transfer_amount: 10,
        beneficiary_details: { beneficiary_id: 'no_such_bene' },
      },
    });
    await step('wrong secret', 401, 'POST', '/transfers', {
      body: {
        transfer_id: 'payout_keys',
        transfer_amount: 10,
        beneficiary_details: { beneficiary_id: 'tea_estate_1' },
      },
      auth: wrongKeys,
    });
    await step('get, RECEIVED', 200, 'GET', '/transfers', { query: { transfer_id: 'payout_1' } });
    await advance(sandbox, { minutes: 10 });
    const paid = await step('get by transfer_id, SUCCESS with charge and tax', 200, 'GET', '/transfers', {
      query: { transfer_id: 'payout_1' },
    });
    assert.equal(paid?.status, 'SUCCESS');
    await step('get by cf_transfer_id', 200, 'GET', '/transfers', {
      query: { cf_transfer_id: String(created?.cf_transfer_id) },
    });
    const failed = await step('get a FAILED transfer', 200, 'GET', '/transfers', {
      query: { transfer_id: 'payout_3' },
    });
    assert.equal(failed?.status, 'FAILED');
    await step('get an unknown transfer_id', 404, 'GET', '/transfers', {
      query: { transfer_id: 'no_such_payout' },
    });
    await step('get an unknown cf_transfer_id', 404, 'GET', '/transfers', {
      query: { cf_transfer_id: '999999999' },
    });
    await step('get with no id', 400, 'GET', '/transfers');
    await step('get with the wrong secret', 401, 'GET', '/transfers', {
      query: { transfer_id: 'payout_1' },
      auth: wrongKeys,
    });
  });

  await t.test('batch transfers', async (t) => {
    const step = stepper(t, sandbox, index);
    const batch = {
      batch_transfer_id: 'batch_1',
      transfers: [
        {
          transfer_id: 'batch_1_a',
          transfer_amount: 10,
          beneficiary_details: { beneficiary_id: 'tea_estate_1' },
        },
        {
          transfer_id: 'batch_1_b',
          transfer_amount: 20.25,
          transfer_mode: 'neft',
          transfer_remarks: 'Salary July',
          beneficiary_details: {
            beneficiary_name: 'John Doe',
            beneficiary_instrument_details: OTHER_ACCOUNT,
          },
        },
      ],
    };
    const created = await step('create', 200, 'POST', '/transfers/batch', { body: batch });
    await step('a batch_transfer_id used before', 409, 'POST', '/transfers/batch', { body: batch });
    await step('no batch_transfer_id', 400, 'POST', '/transfers/batch', {
      body: { transfers: batch.transfers },
    });
    await step('an item with an amount below 1.00', 400, 'POST', '/transfers/batch', {
      body: {
        batch_transfer_id: 'batch_bad',
        transfers: [
          {
            transfer_id: 'batch_bad_a',
            transfer_amount: 0.5,
            beneficiary_details: { beneficiary_id: 'tea_estate_1' },
          },
        ],
      },
    });
    await step('wrong secret', 401, 'POST', '/transfers/batch', {
      body: { ...batch, batch_transfer_id: 'batch_keys' },
      auth: wrongKeys,
    });
    await step('get, RECEIVED', 200, 'GET', '/transfers/batch', { query: { batch_transfer_id: 'batch_1' } });
    await advance(sandbox, { minutes: 10 });
    const processed = await step(
      'get by batch_transfer_id, PROCESSED with its transfers',
      200,
      'GET',
      '/transfers/batch',
      {
        query: { batch_transfer_id: 'batch_1' },
      },
    );
    assert.equal(processed?.transfers?.length, 2);
    await step('get by cf_batch_transfer_id', 200, 'GET', '/transfers/batch', {
      query: { cf_batch_transfer_id: String(created?.cf_batch_transfer_id) },
    });
    await step('get an unknown batch', 404, 'GET', '/transfers/batch', {
      query: { batch_transfer_id: 'no_such_batch' },
    });
    await step('get with no id', 400, 'GET', '/transfers/batch');
    await step('get with the wrong secret', 401, 'GET', '/transfers/batch', {
      query: { batch_transfer_id: 'batch_1' },
      auth: wrongKeys,
    });
  });
  await t.test('balance and approval', async (t) => {
    const step = stepper(t, sandbox, index);
    const toEstate = (transfer_id: string, transfer_amount: number) => ({
      body: { transfer_id, transfer_amount, beneficiary_details: { beneficiary_id: 'tea_estate_1' } },
    });
    await step('above the balance left', 200, 'POST', '/transfers', toEstate('payout_too_much', 350));
    const parked = await step(
      'at the approval threshold',
      200,
      'POST',
      '/transfers',
      toEstate('payout_approve', 450),
    );
    await step('another one to reject', 200, 'POST', '/transfers', toEstate('payout_reject', 500));
    await advance(sandbox, { minutes: 1 });
    const refused = await step('get the one above the balance, REJECTED', 200, 'GET', '/transfers', {
      query: { transfer_id: 'payout_too_much' },
    });
    assert.equal(refused?.status, 'REJECTED');
    const waiting = await step('get the parked one, APPROVAL_PENDING', 200, 'GET', '/transfers', {
      query: { transfer_id: 'payout_approve' },
    });
    assert.equal(waiting?.status, 'APPROVAL_PENDING', `created as ${parked?.status}`);
    await admin(sandbox, '/balance/topup', { amount: 1_000 });
    await admin(sandbox, '/transfers/payout_approve/approve');
    await admin(sandbox, '/transfers/payout_reject/reject');
    await advance(sandbox, { minutes: 10 });
    const approved = await step('get the approved one, SUCCESS', 200, 'GET', '/transfers', {
      query: { transfer_id: 'payout_approve' },
    });
    assert.equal(approved?.status, 'SUCCESS');
    const rejected = await step('get the rejected one, REJECTED', 200, 'GET', '/transfers', {
      query: { transfer_id: 'payout_reject' },
    });
    assert.equal(rejected?.status, 'REJECTED');
  });
  recorder.finish();
});
