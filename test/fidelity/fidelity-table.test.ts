/**
 * docs/fidelity.md is the fidelity suites' verdict, not a claim: this test gathers the suites'
 * results for the current code (running any suite whose results are missing or stale), then fails
 * when any case failed, any suite skipped, or the committed file differs from what the results render.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { requireContract } from '../contract/support/contract.js';
import { requirePayoutsContract } from '../contract/support/payouts-contract.js';
import { collectResults } from './collect.js';
import { renderFidelityDocument } from './document.js';
import { FIDELITY_DOC, fidelityDocPath, REGENERATE } from './paths.js';
import { failures } from './render.js';

test('the fidelity table is current and has no failing row', (t) => {
  if (!requireContract(t) || !requirePayoutsContract(t)) return;
  const results = collectResults((line) => t.diagnostic(line));
  assert.deepEqual(failures(results), [], 'every fidelity case must pass and no suite may skip');
  const expected = renderFidelityDocument(results);
  const committed = existsSync(fidelityDocPath) ? readFileSync(fidelityDocPath, 'utf8') : '';
  assert.equal(committed, expected, `${FIDELITY_DOC} is stale; regenerate it with: ${REGENERATE}`);
});
