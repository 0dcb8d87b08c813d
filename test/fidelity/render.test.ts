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
    ...overrides,
  };
}

test('all green: no failures, one row per operation, cells count cases', () => {
  const all = results();
  assert.deepEqual(failures(all), []);
  const doc = renderFidelity(all, [entry], (key) =>
    key === 'POST /orders' ? 'PGCreateOrder' : 'PGFetchOrder',
  );
  assert.match(doc, /\| `POST \/orders` \| PGCreateOrder \| ✅ 1 \| ✅ 2 \| ✅ 1 \|/);
  assert.match(doc, /\| `GET \/orders\/\{order_id\}` \| PGFetchOrder \| ✅ 1 \| — \| — \|/);
  assert.match(doc, /\| `PAYMENT_SUCCESS_WEBHOOK` \| ✅ 1 \|/);
  assert.match(doc, /because \\\| pipes stay in one cell/);
  assert.doesNotMatch(doc, /## Failures/);
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
  const doc = renderFidelity(all, [], () => '');
  assert.match(doc, /❌ 1\/2/);
  assert.match(doc, /## Failures[\s\S]*body\/type: wrong/);
  assert.match(doc, /official-sdk stopped before its end/);
  assert.match(doc, /webhooks skipped checks\*\*: no delivery/);
});

test('the rendering is deterministic', () => {
  assert.equal(
    renderFidelity(results(), [entry], () => ''),
    renderFidelity(results(), [entry], () => ''),
  );
});
