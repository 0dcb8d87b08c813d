/**
 * The table can only say what the results say: a failing case, a skipped suite and a suite that
 * stopped early all count as failures, and rows and cells come from the recorded cases alone.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { OverlayEntry } from '../contract/overlay.js';
import type { CaseResult, SuiteName, SuiteResults } from '../contract/support/results.js';
import type { AllResults } from './collect.js';
import { failures, renderFidelity } from './render.js';

const ok = (operation: string, name: string): CaseResult => ({ operation, name, ok: true, issues: [] });
const suite = (name: SuiteName, cases: CaseResult[], extra: Partial<SuiteResults> = {}): SuiteResults => ({
  suite: name,
  fingerprint: 'f',
  finished: true,
  cases,
  notes: [],
  ...extra,
});
/** The Payouts contract's operationIds: POST /validatePayout is not in it. */
const payouts = (overlay: OverlayEntry[] = []) => ({
  overlay,
  operationId: (key: string) =>
    ({ 'POST /transfers': 'PayoutCreateTransfer', 'GET /transfers': 'PayoutFetchTransfer' })[key] ?? '',
});
const entry: OverlayEntry = {
  target: '/components/schemas/X/properties/y',
  original: { type: 'string' },
  change: { kind: 'nullable' },
  summary: 'X.y may be null.',
  why: 'because | pipes stay in one cell',
  source: 'a test',
};

function results(overrides: Partial<AllResults> = {}): AllResults {
  return {
    'sdk-requests': suite('sdk-requests', [
      ok('POST /orders', 'create'),
      ok('GET /orders/{order_id}', 'get'),
    ]),
    'sandbox-responses': suite('sandbox-responses', [ok('POST /orders', '200'), ok('POST /orders', '409')]),
    'official-sdk': suite('official-sdk', [ok('POST /orders', 'PGCreateOrder')]),
    webhooks: suite('webhooks', [
      ok('PAYMENT_SUCCESS_WEBHOOK', 'sent by the sandbox: verified by cashfree-pg [2025-01-01]'),
    ]),
    'payouts-sdk-requests': suite('payouts-sdk-requests', [
      ok('POST /transfers', 'transfers.create: saved beneficiary'),
      ok('POST /validatePayout', 'transfers.validate: a UPI VPA'),
    ]),
    'payouts-sandbox-responses': suite('payouts-sandbox-responses', [
      ok('POST /transfers', '200 to a saved beneficiary'),
      ok('POST /transfers', '409 a transfer_id used before'),
      ok('GET /transfers', '200 get, RECEIVED'),
    ]),
    ...overrides,
  };
}

test('all green: no failures, one row per operation, cells count cases', () => {
  const all = results();
  assert.deepEqual(failures(all), []);
  const payoutsEntry = {
    ...entry,
    target: '/components/schemas/CreateTransferResponse',
    why: 'examples win',
  };
  const doc = renderFidelity(
    all,
    [entry],
    (key) => (key === 'POST /orders' ? 'PGCreateOrder' : 'PGFetchOrder'),
    payouts([payoutsEntry]),
  );
  assert.match(doc, /\| `POST \/orders` \| PGCreateOrder \| ✅ 1 \| ✅ 2 \| ✅ 1 \|/);
  assert.match(doc, /\| `GET \/orders\/\{order_id\}` \| PGFetchOrder \| ✅ 1 \| — \| — \|/);
  assert.match(doc, /\| `PAYMENT_SUCCESS_WEBHOOK` \| ✅ 1 \|/);
  assert.match(doc, /because \\\| pipes stay in one cell/);
  assert.doesNotMatch(doc, /## Failures/);
  // Payouts: its own table (no official SDK column) and its overlay under the PG one.
  const payoutsTable = doc.slice(doc.indexOf('## Payouts operations'), doc.indexOf('## Webhooks'));
  assert.match(payoutsTable, /\| `POST \/transfers` \| PayoutCreateTransfer \| ✅ 1 \| ✅ 2 \|\n/);
  assert.match(payoutsTable, /\| `GET \/transfers` \| PayoutFetchTransfer \| — \| ✅ 1 \|\n/);
  assert.match(payoutsTable, /\| `POST \/validatePayout` \| not in the contract \| ✅ 1 \| — \|\n/);
  assert.doesNotMatch(doc.slice(0, doc.indexOf('## Payouts operations')), /\/transfers/);
  assert.match(
    doc,
    /### Payouts contract[\s\S]*\| `\/components\/schemas\/CreateTransferResponse` \| .* \| examples win \|/,
  );
});

test('a failing Payouts case fails the table and shows in the Payouts row', () => {
  const all = results({
    'payouts-sandbox-responses': suite('payouts-sandbox-responses', [
      ok('POST /transfers', '200 to a saved beneficiary'),
      { operation: 'POST /transfers', name: '409 reused', ok: false, issues: ['body/code: missing'] },
    ]),
  });
  assert.deepEqual(failures(all), [
    'payouts-sandbox-responses: POST /transfers — 409 reused: body/code: missing',
  ]);
  const doc = renderFidelity(all, [], () => '', payouts());
  assert.match(doc, /\| `POST \/transfers` \| PayoutCreateTransfer \| ✅ 1 \| ❌ 1\/2 \|/);
  assert.match(doc, /## Failures[\s\S]*\*\*payouts-sandbox-responses\*\* `POST \/transfers` — 409 reused/);
});

test('a failing case, a skipped suite and an unfinished suite are failures, shown in the table', () => {
  const failing: CaseResult = {
    operation: 'POST /orders',
    name: '409',
    ok: false,
    issues: ['body/type: wrong'],
  };
  const all = results({
    'sandbox-responses': suite('sandbox-responses', [ok('POST /orders', '200'), failing]),
    'official-sdk': suite('official-sdk', [], { finished: false }),
    webhooks: suite('webhooks', [], { skipped: 'no delivery', finished: false }),
  });
  const problems = failures(all);
  assert.equal(problems.length, 3, problems.join('\n'));
  const doc = renderFidelity(all, [], () => '', payouts());
  assert.match(doc, /❌ 1\/2/);
  assert.match(doc, /## Failures[\s\S]*body\/type: wrong/);
  assert.match(doc, /official-sdk stopped before its end/);
  assert.match(doc, /webhooks skipped checks\*\*: no delivery/);
});

test('the rendering is deterministic', () => {
  assert.equal(
    renderFidelity(results(), [entry], () => '', payouts([entry])),
    renderFidelity(results(), [entry], () => '', payouts([entry])),
  );
});
